"""PyInstaller runtime hook: point python-vlc at the libVLC bundled in ``vlc/``, if any.

Runs before the app's own code, so before ``import vlc``. The Windows and macOS builds
carry libVLC and its ``plugins/`` folder in ``<bundle>/_internal/vlc/``; libVLC looks for
its plugins beside its own install, not beside a copy, hence ``VLC_PLUGIN_PATH``. The Linux
build normally carries no libVLC and leaves the system's to python-vlc, which then finds
its plugins where the distribution put them.
"""

import ctypes
import os
import sys
from pathlib import Path

# (libvlccore, libvlc) by platform: the core is loaded first so libvlc finds it.
_LIBRARIES = {
    "win32": ("libvlccore.dll", "libvlc.dll"),
    "darwin": ("libvlccore.dylib", "libvlc.dylib"),
}
_LINUX_LIBRARIES = ("libvlccore.so.9", "libvlc.so.5")


def _use_bundled_vlc() -> None:
    root = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "vlc"
    core, library = _LIBRARIES.get(sys.platform, _LINUX_LIBRARIES)
    plugins = root / "plugins"
    if not (root / library).is_file() or not plugins.is_dir():
        return
    if sys.platform == "win32":
        os.add_dll_directory(str(root))
    # python-vlc exits the process when PYTHON_VLC_LIB_PATH cannot be loaded: set it only
    # once both libraries load, else leave python-vlc to its own search (a system VLC).
    try:
        ctypes.CDLL(str(root / core), mode=ctypes.RTLD_GLOBAL)
        ctypes.CDLL(str(root / library))
    except OSError:
        return
    os.environ["PYTHON_VLC_LIB_PATH"] = str(root / library)
    os.environ["PYTHON_VLC_MODULE_PATH"] = str(plugins)
    os.environ["VLC_PLUGIN_PATH"] = str(plugins)


_use_bundled_vlc()
