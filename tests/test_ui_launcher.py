"""The ``lifelong`` command: version, subcommands without Qt, the self-test."""

import subprocess
import sys
from pathlib import Path

import pytest

from ui.launcher import main, parse

ROOT = Path(__file__).resolve().parent.parent


def test_version_prints_the_program_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("lifelong ")


def test_no_subcommand_means_the_gui_with_its_options() -> None:
    args = parse(["--lang", "en", "--large-font", "--data-dir", "/x"])
    assert args.command is None
    assert (args.lang, args.large_font, args.data_dir) == ("en", True, "/x")


def test_a_subcommand_runs_without_importing_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from ui.launcher import main; "
        f"rc = main(['status', '--data-dir', {str(tmp_path)!r}]); "
        "print('QT' if 'PySide6' in sys.modules else 'NO-QT', rc)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=False, timeout=60)
    assert done.stdout.strip().splitlines()[-1] == "NO-QT 0", done.stderr
    assert "Courses known" in done.stdout


@pytest.mark.slow
def test_self_test_passes_against_the_demo_server() -> None:
    """The packaged build's check: demo server, sync, download, libVLC, progress record."""
    done = subprocess.run([sys.executable, "-m", "ui.launcher", "--self-test"], cwd=ROOT,
                          capture_output=True, text=True, check=False, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test ok" in done.stdout
