"""``lifelong signin|sync|download|config``: one line per outcome, exit codes, no tracebacks."""

import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import profiles
from app.packages import installed_version
from app.paths import resolve
from app.store import Store
from server.running import RunningServer, start_server
from sync.cli import main
from tests.sync_support import LEARNER, publish, record_events, server_statement_ids


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    folder = tmp_path_factory.mktemp("server")
    with start_server(folder) as running:
        running.add_learner(*LEARNER)
        publish(running, folder / "build", "c1", size=300 * 1024)
        yield running


def _signin(monkeypatch: pytest.MonkeyPatch, data: Path, server: RunningServer) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(LEARNER[1] + "\n"))
    return main(["signin", "--data-dir", str(data), "--server", server.url,
                 "--username", LEARNER[0], "--password-stdin"])


def test_sync_with_no_one_signed_in_syncs_only_the_catalogue(
    tmp_path: Path, server: RunningServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["sync", "--data-dir", str(tmp_path), "--server", server.url])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out == ["catalogue: 1 new, 0 changed, 0 withdrawn"]


def test_signin_creates_a_profile_named_like_the_user_then_sync_pushes(
    tmp_path: Path, server: RunningServer, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _signin(monkeypatch, tmp_path, server) == 0
    assert "Signed in as ana (profile ana)" in capsys.readouterr().out
    with Store(resolve(tmp_path)) as store:
        profile = profiles.find(store.conn, "ana")
        ids = record_events(store, profile.id, 3)
    assert main(["sync", "--data-dir", str(tmp_path)]) == 0  # server.url was saved
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == ["catalogue", "push", "pull"]
    assert lines[1] == "push: 3 sent, 0 quarantined, 0 waiting"
    assert set(ids) <= set(server_statement_ids(server))


def test_wrong_password_is_one_line_and_exit_code_1(
    tmp_path: Path, server: RunningServer, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("wrong\n"))
    code = main(["signin", "--data-dir", str(tmp_path), "--server", server.url,
                 "--username", "ana", "--password-stdin"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "Sign-in needed" in err


def test_unreachable_server_fails_each_step_clearly(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sync.cli", "sync", "--data-dir", str(tmp_path),
         "--server", "http://127.0.0.1:9"], capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("catalogue: failed: Could not reach")


def test_download_shows_a_progress_bar_and_installs(
    tmp_path: Path, server: RunningServer, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["sync", "--data-dir", str(tmp_path), "--server", server.url])
    capsys.readouterr()
    assert main(["download", "c1", "--data-dir", str(tmp_path), "--server", server.url]) == 0
    captured = capsys.readouterr()
    assert "c1: installed." in captured.out
    assert "[" + "#" * 30 + "] 100.0%" in captured.err
    with Store(resolve(tmp_path)) as store:
        assert installed_version(store, "c1") == 1


def test_download_of_an_unknown_course_is_one_clear_line(
    tmp_path: Path, server: RunningServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["download", "nope", "--data-dir", str(tmp_path), "--server", server.url])
    assert code == 1
    assert capsys.readouterr().err == "lifelong: No course 'nope' in the catalogue.\n"


def test_config_set_then_get(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "set", "download.parallel", "3", "--data-dir", str(tmp_path)]) == 0
    assert main(["config", "get", "download.parallel", "--data-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "3\n"
    assert main(["config", "set", "download.parallel", "many", "--data-dir", str(tmp_path)]) == 1
    assert main(["config", "get", "no.such", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert "takes a int" in err[0] and "Unknown setting" in err[1]
