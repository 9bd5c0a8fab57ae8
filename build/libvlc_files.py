"""Where the build finds the libVLC it bundles, on each platform.

Windows and macOS builds carry libVLC and its plugins (a learner there installs one
application, not VLC as well). Linux builds use the distribution's VLC, whose plugins
link against dozens of the distribution's libraries, unless ``LIFELONG_BUNDLE_VLC=1``.
``LIFELONG_VLC_DIR`` names the VLC install to take when it is not in its usual place.
Inside the bundle everything goes to ``vlc/``, where the runtime hook looks for it.
"""

import os
import re
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

BUNDLE_ENV = "LIFELONG_BUNDLE_VLC"
VLC_DIR_ENV = "LIFELONG_VLC_DIR"
BUNDLE_FOLDER = "vlc"


@dataclass(frozen=True)
class Layout:
    """Where libvlc, libvlccore and plugins/ sit inside one VLC install folder."""

    library: str
    core: str
    plugins: str


LAYOUTS = {
    "win32": Layout("libvlc.dll", "libvlccore.dll", "plugins"),
    "darwin": Layout("lib/libvlc.dylib", "lib/libvlccore.dylib", "plugins"),
    "linux": Layout("libvlc.so.5", "libvlccore.so.9", "vlc/plugins"),
}


@dataclass(frozen=True)
class LibVLC:
    """One VLC install's files that a bundle needs."""

    library: Path
    core: Path
    plugins: Path

    def datas(self) -> list[tuple[str, str]]:
        """PyInstaller ``datas`` entries (source, folder in the bundle).

        Data, not binaries: VLC's plugins load their own dependencies from beside
        themselves (Windows, macOS), and PyInstaller must not rewrite or relocate them.
        """
        return [
            (str(self.library), BUNDLE_FOLDER),
            (str(self.core), BUNDLE_FOLDER),
            (str(self.plugins), f"{BUNDLE_FOLDER}/plugins"),
        ]


def platform_key(platform: str = sys.platform) -> str:
    return platform if platform in ("win32", "darwin") else "linux"


def should_bundle(platform: str = sys.platform, environ: Mapping[str, str] = os.environ) -> bool:
    """True on Windows and macOS; on Linux only when ``LIFELONG_BUNDLE_VLC=1``."""
    return platform_key(platform) != "linux" or environ.get(BUNDLE_ENV) == "1"


def find_libvlc(
    platform: str = sys.platform, environ: Mapping[str, str] = os.environ
) -> LibVLC | None:
    """The first complete VLC install among the candidate folders, or None."""
    layout = LAYOUTS[platform_key(platform)]
    for root in candidate_roots(platform, environ):
        found = LibVLC(root / layout.library, root / layout.core, root / layout.plugins)
        if found.library.is_file() and found.core.is_file() and found.plugins.is_dir():
            # Folders resolved, files not: the bundle keeps the names libVLC is loaded by
            # (libvlc.so.5, not the libvlc.so.5.6.1 that it links to).
            return LibVLC(
                found.library.parent.resolve() / found.library.name,
                found.core.parent.resolve() / found.core.name,
                found.plugins.resolve(),
            )
    return None


def candidate_roots(platform: str, environ: Mapping[str, str]) -> Iterator[Path]:
    """VLC install folders to try, the explicit ``LIFELONG_VLC_DIR`` first."""
    if environ.get(VLC_DIR_ENV):
        yield Path(environ[VLC_DIR_ENV])
    key = platform_key(platform)
    if key == "win32":
        for variable in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"):
            if environ.get(variable):
                yield Path(environ[variable]) / "VideoLAN" / "VLC"
    elif key == "darwin":
        yield Path("/Applications/VLC.app/Contents/MacOS")
    else:
        yield from linux_library_dirs()


def linux_library_dirs() -> Iterator[Path]:
    """The folder of the system's libvlc: pkg-config's libdir, then the linker's cache."""
    libdir = _command_output(["pkg-config", "--variable=libdir", "libvlc"]).strip()
    if libdir:
        yield Path(libdir)
    cache = _command_output(["ldconfig", "-p"])
    match = re.search(r"libvlc\.so\.5 .*=> (\S+)", cache)
    if match:
        yield Path(match.group(1)).parent


def _command_output(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout
    except OSError:  # the tool is not installed
        return ""


def bundle_datas(
    platform: str = sys.platform, environ: Mapping[str, str] = os.environ
) -> list[tuple[str, str]]:
    """The spec's libVLC ``datas``: none on a default Linux build; an error if VLC is missing."""
    if not should_bundle(platform, environ):
        return []
    found = find_libvlc(platform, environ)
    if found is None:
        raise SystemExit(
            "libVLC not found: install VLC 3 (64-bit) or set "
            f"{VLC_DIR_ENV} to its folder (see docs/building.md)"
        )
    return found.datas()
