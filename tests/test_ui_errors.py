"""Our bugs go to a crash log offered once on the next start; environment errors are worded."""
# ruff: noqa: F811 - the fixtures imported from tests.ui_fixtures come back as parameters

import errno
import sys

import pytest
from pytestqt.qtbot import QtBot

from app.errors import PackageError
from app.paths import DataPaths
from tests.ui_fixtures import WAIT_MS, ui_context  # noqa: F401
from ui.context import AppContext
from ui.errors import environment_message, install_excepthook, take_crash_report


def test_uncaught_exception_is_written_to_the_crash_log(
    paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    passed_on: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _kind, error, _tb: passed_on.append(error))
    previous = install_excepthook(paths)
    try:
        try:
            raise ValueError("a bug of ours")
        except ValueError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        sys.excepthook = previous
    text = paths.crash_log.read_text(encoding="utf-8")
    assert "ValueError: a bug of ours" in text
    assert "test_uncaught_exception_is_written_to_the_crash_log" in text
    assert [str(error) for error in passed_on] == ["a bug of ours"]


def test_crash_log_is_offered_once(paths: DataPaths) -> None:
    paths.root.mkdir(parents=True)
    paths.crash_log.write_text("--- trace\n", encoding="utf-8")
    kept = take_crash_report(paths)
    assert kept is not None and kept.read_text(encoding="utf-8") == "--- trace\n"
    assert take_crash_report(paths) is None


def test_environment_errors_get_a_headline_and_their_detail() -> None:
    full = environment_message(OSError(errno.ENOSPC, "No space left on device"))
    assert full.startswith("The disk is full.")
    assert "No space left" in full
    assert environment_message(PackageError("bad hash")).splitlines() == [
        "The course package was rejected; nothing was changed.", "bad hash",
    ]


def test_a_task_s_environment_error_is_worded_in_the_interface_language(
    ui_context: AppContext, qtbot: QtBot
) -> None:
    ui_context.set_language("zh_CN")

    def work(_store: object, _cancel: object) -> None:
        raise PackageError("manifest.json is missing")

    with qtbot.waitSignal(ui_context.tasks.failed, timeout=WAIT_MS) as failed:
        ui_context.tasks.db(work)
    assert failed.args == ["课程包未通过检查，未做任何更改。\nmanifest.json is missing"]

    def full(_store: object, _cancel: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with qtbot.waitSignal(ui_context.tasks.failed, timeout=WAIT_MS) as failed:
        ui_context.tasks.db(full)
    assert failed.args[0].splitlines()[0] == "磁盘已满。请删除一些课程后再试。"
