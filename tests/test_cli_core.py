"""The core subcommands, run in-process through ``app.cli.main`` on a real data folder."""

import io
import json
from pathlib import Path

import pytest

from app import catalogue, profiles, progress
from app.cli import main
from app.paths import resolve
from app.store import Store
from resources.demo.generator import build_demo
from tests.damage import smash_schema


@pytest.fixture(scope="module")
def demo_packages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, object]]]:
    folder = tmp_path_factory.mktemp("packages")
    return folder, build_demo(folder)


def run(data: Path, *argv: str) -> int:
    return main(["--data-dir", str(data), *argv])


def test_import_then_status_and_search(
    tmp_path: Path, demo_packages: tuple[Path, list[dict[str, object]]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder, records = demo_packages
    with Store(resolve(tmp_path)) as store, store.transaction() as conn:
        catalogue.apply_records(conn, records)
    package = next(folder.glob("silver-0001-v*.zip"))
    assert run(tmp_path, "import", str(package)) == 0
    assert "Installed silver-0001" in capsys.readouterr().out
    assert run(tmp_path, "status") == 0
    status = capsys.readouterr().out
    assert "Courses known:       60" in status and "Courses downloaded:  1" in status
    assert run(tmp_path, "search", "--downloaded") == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("* silver-0001")


def test_a_hostile_package_is_one_clear_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 this is not a zip")
    assert run(tmp_path, "import", str(bad)) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("lifelong: ") and "\n" not in err and "Traceback" not in err
    assert not any((resolve(tmp_path).content).iterdir())


def test_progress_of_a_pin_profile_needs_its_pin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store(resolve(tmp_path)) as store:
        with store.transaction() as conn:
            catalogue.apply_records(conn, [_record()])
            learner = profiles.create(conn, "王芳", pin="2468")
        progress.save_position(store, learner.id, catalogue.get_lesson(store.conn, "c-01"), 3, 5)
    monkeypatch.setattr("sys.stdin", io.StringIO("1111\n"))
    assert run(tmp_path, "progress", "--profile", "王芳", "--pin-stdin") == 1
    assert "Wrong PIN" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("2468\n"))
    assert run(tmp_path, "progress", "--profile", "王芳", "--pin-stdin") == 0
    out = capsys.readouterr().out
    assert "# 王芳" in out and "started" in out and "at 3s" in out


def test_export_writes_local_records_as_json_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store(resolve(tmp_path)) as store:
        with store.transaction() as conn:
            catalogue.apply_records(conn, [_record()])
            learner = profiles.create(conn, "李华")
        progress.open_lesson(store, learner.id, catalogue.get_lesson(store.conn, "c-01"))
    out_file = tmp_path / "records.jsonl"
    assert run(tmp_path, "export", "-o", str(out_file)) == 0
    [line] = out_file.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["verb"]["id"].endswith("/experienced")
    assert "Exported 1 records" in capsys.readouterr().err


def test_profiles_lists_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store(resolve(tmp_path)) as store:
        profiles.create(store.conn, "管理员", pin="9999", facilitator=True)
    assert run(tmp_path, "profiles") == 0
    assert "管理员  facilitator PIN" in capsys.readouterr().out


def _record() -> dict[str, object]:
    from tests.records import course_record

    return course_record("c")


def test_reset_library_replaces_a_damaged_database_keeping_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = resolve(tmp_path)
    with Store(paths) as store, store.transaction() as conn:
        profiles.create(conn, "王芳")
    smash_schema(paths.database)
    assert run(tmp_path, "status") == 1
    assert "lifelong reset-library" in capsys.readouterr().err
    assert run(tmp_path, "reset-library") == 0
    out = capsys.readouterr().out
    assert "Started a new library" in out and "Could not be read whole: profiles" in out
    assert run(tmp_path, "status") == 0
    assert run(tmp_path, "reset-library") == 0
    assert "not damaged; nothing was changed" in capsys.readouterr().out
