"""What the spec leaves out of the bundle: Qt plugins and translations the app never loads.

PyInstaller's Qt hook collects every plugin of the Qt modules in use, and with them the
libraries they link (the GTK theme alone brings GTK, Cairo, Pango and ATK). Dropping a
plugin is not enough to drop those, so :func:`drop_unneeded_libraries` then removes every
ELF library that nothing kept in the bundle still needs.
"""

import fnmatch
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

from build.libvlc_files import BUNDLE_FOLDER

# (destination in the bundle, source, kind): PyInstaller's TOC entries.
Entry = tuple[str, str, str]

QT = "PySide6/Qt"
UNUSED_QT_FILES = (
    # Platforms for embedded devices and remote screens; the app needs a desktop's.
    *(f"{QT}/plugins/platforms/{name}" for name in (
        "libqvnc*", "libqlinuxfb*", "libqeglfs*", "libqvkkhrdisplay*", "libqminimalegl*",
    )),
    f"{QT}/plugins/egldeviceintegrations/*",
    f"{QT}/plugins/generic/*",  # evdev and TUIO input, also for embedded devices
    f"{QT}/plugins/platformthemes/libqgtk3*",  # GTK dialogs; the portal theme stays
    *(f"{QT}/plugins/imageformats/{name}" for name in (
        "libqtiff*", "libqwebp*", "libqtga*", "libqwbmp*", "libqicns*",
    )),
)
# Qt's own translations: only the app's two languages.
KEPT_QT_TRANSLATIONS = ("*_zh_CN.qm", "*_en.qm")


def is_unused_qt_file(destination: str) -> bool:
    path = PurePosixPath(destination.replace("\\", "/"))
    if any(path.match(pattern) for pattern in UNUSED_QT_FILES):
        return True
    return path.parent == PurePosixPath(f"{QT}/translations") and not any(
        fnmatch.fnmatch(path.name, kept) for kept in KEPT_QT_TRANSLATIONS
    )


def drop_unused_qt(entries: Iterable[Entry]) -> list[Entry]:
    return [entry for entry in entries if not is_unused_qt_file(entry[0])]


def is_shared_library(destination: str) -> bool:
    """A library that only other libraries pull in: not a plugin, an extension module, nor
    a library the app loads itself (libVLC, through ctypes, from ``vlc/``)."""
    path = PurePosixPath(destination.replace("\\", "/"))
    loaded_at_run_time = "plugins" in path.parts or path.parts[0] == BUNDLE_FOLDER
    return ".so" in path.name and path.name.startswith("lib") and not loaded_at_run_time


def drop_unneeded_libraries(
    binaries: list[Entry], needed_names: Callable[[str], Iterable[str]]
) -> list[Entry]:
    """``binaries`` less the shared libraries no kept binary needs, directly or not.

    Roots are everything but plain shared libraries: extension modules, Qt plugins and
    libpython (which the bootloader loads). ``needed_names(source)`` gives the names of the
    libraries a binary loads; a library is kept, under each of its names in the bundle
    (PyInstaller adds links to some), when a kept binary names it.
    """
    by_name: dict[str, list[Entry]] = {}
    for entry in binaries:
        by_name.setdefault(PurePosixPath(entry[0]).name, []).append(entry)
    roots = [
        entry for entry in binaries
        if not is_shared_library(entry[0]) or PurePosixPath(entry[0]).name.startswith("libpython")
    ]
    kept_names: set[str] = set()
    pending = list(roots)
    while pending:
        for name in needed_names(pending.pop()[1]):
            if name in by_name and name not in kept_names:
                kept_names.add(name)
                pending += by_name[name]
    kept_roots = {entry[0] for entry in roots}
    return [
        entry for entry in binaries
        if entry[0] in kept_roots or PurePosixPath(entry[0]).name in kept_names
    ]
