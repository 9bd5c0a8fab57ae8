"""Interface language: compiled Qt translations for every area, switched live.

Each area (``shell``, ``player``, ``profiles``) has ``resources/translations/<area>_<lang>.ts``;
the ``.qm`` files are compiled from them with ``lrelease`` when missing or older (into the
resources folder if it is writable, else into the data folder).
"""

import logging
import os
from pathlib import Path
from typing import Final

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

AREAS: Final = ("shell", "player", "profiles")
LANGUAGES: Final = ("zh_CN", "en")
DEFAULT_LANGUAGE: Final = "zh_CN"
TRANSLATIONS_DIR: Final = Path(__file__).resolve().parent.parent / "resources" / "translations"
log = logging.getLogger(__name__)


def qt_tool(name: str) -> str | None:
    """The path of a Qt linguist tool (``lupdate``, ``lrelease``) shipped with PySide6."""
    bundled = Path(PySide6.__file__).parent / name
    if bundled.exists():
        return str(bundled)
    import shutil  # off the start-up path: only needed when .qm files are stale

    return shutil.which(f"pyside6-{name}") or shutil.which(name)


def default_language(saved: str | None) -> str:
    """The profile's saved language, else Chinese unless the system speaks another language."""
    if saved in LANGUAGES:
        return str(saved)
    system = QLocale.system().language()
    if system in (QLocale.Language.Chinese, QLocale.Language.C, QLocale.Language.AnyLanguage):
        return DEFAULT_LANGUAGE
    return "en"


def _stale(qm: Path, ts: Path) -> bool:
    return not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime


def compile_translations(source: Path, target: Path) -> list[Path]:
    """Compile each ``.ts`` of ``source`` into ``target`` unless an up-to-date ``.qm`` exists."""
    tool = qt_tool("lrelease")
    compiled = []
    for ts in sorted(source.glob("*.ts")):
        qm = target / ts.with_suffix(".qm").name
        if _stale(qm, ts) and tool:
            import subprocess  # off the start-up path: only when a .qm is stale

            target.mkdir(parents=True, exist_ok=True)
            done = subprocess.run(
                [tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, check=False
            )
            if done.returncode:
                log.warning("lrelease failed on %s: %s", ts, done.stderr.decode(errors="replace"))
        if qm.exists():
            compiled.append(qm)
    return compiled


def qm_folder(cache: Path) -> Path:
    """Where the ``.qm`` files are: the resources folder when writable, else ``cache``."""
    if os.access(TRANSLATIONS_DIR, os.W_OK):
        compile_translations(TRANSLATIONS_DIR, TRANSLATIONS_DIR)
        return TRANSLATIONS_DIR
    if all(not _stale(ts.with_suffix(".qm"), ts) for ts in TRANSLATIONS_DIR.glob("*.ts")):
        return TRANSLATIONS_DIR
    compile_translations(TRANSLATIONS_DIR, cache)
    return cache


class Translations(QObject):
    """The installed translators; :meth:`use` swaps them for another language."""

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.language = ""
        self._installed: list[QTranslator] = []

    def use(self, language: str) -> None:
        app = QCoreApplication.instance()
        if app is None or language == self.language:
            return
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        files = [self.folder / f"{area}_{language}.qm" for area in AREAS]
        # Qt's own words too: the OK, Cancel, Yes and No of message boxes, text-field menus.
        files.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
                     / f"qtbase_{language}.qm")
        for file in files:
            translator = QTranslator(self)
            if translator.load(str(file)):
                app.installTranslator(translator)
                self._installed.append(translator)
        self.language = language
