"""Builds the desktop app: ``python build/build.py [--debug] [--dist DIR] [--work DIR]``.

Compiles the translations, then runs PyInstaller on ``installer.spec`` into a one-folder
bundle, ``<dist>/lifelong/``, and prints the path of its executable. ``--debug`` keeps a
console window on Windows and macOS (``LIFELONG_DEBUG_BUILD=1``). Run it with the Python of
the environment the app is installed in (``.venv/bin/python``): PyInstaller takes the
packages from there.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer.spec"
DEFAULT_DIST = ROOT / "dist"
DEFAULT_WORK = ROOT / "build" / "out"
BUNDLE_NAME = "lifelong"


def bundle_executable(dist: Path, platform: str = sys.platform) -> Path:
    """The app's executable inside the bundle built into ``dist``."""
    name = f"{BUNDLE_NAME}.exe" if platform == "win32" else BUNDLE_NAME
    return dist / BUNDLE_NAME / name


def compile_translations() -> None:
    """The ``.qm`` files the bundle ships (they are built, not kept in git)."""
    script = ROOT / "build" / "translations.py"
    subprocess.run([sys.executable, str(script), "compile"], check=True, cwd=ROOT)


def build(dist: Path = DEFAULT_DIST, work: Path = DEFAULT_WORK, debug: bool = False) -> Path:
    """Build the bundle into ``dist`` (work files in ``work``); return its executable."""
    compile_translations()
    environ = dict(os.environ, LIFELONG_DEBUG_BUILD="1" if debug else "0")
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level=WARN",
        "--distpath", str(dist), "--workpath", str(work), str(SPEC),
    ]
    subprocess.run(command, check=True, cwd=ROOT, env=environ)
    executable = bundle_executable(dist)
    if not executable.is_file():
        raise SystemExit(f"PyInstaller finished but {executable} is missing")
    return executable


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=DEFAULT_DIST, help="output folder")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="PyInstaller work folder")
    parser.add_argument("--debug", action="store_true", help="keep a console window")
    args = parser.parse_args(argv)
    started = time.monotonic()
    executable = build(args.dist.resolve(), args.work.resolve(), args.debug)
    print(f"built {executable} in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
