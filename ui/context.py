"""What every screen is given: data paths, the task runner, the learner and their choices.

Signals:
    profile_changed(object): a new current profile (``app.profiles.Profile``).
    language_changed(str): the interface language changed ("zh_CN" or "en"); translators
        are already installed, screens re-read their texts.
    font_changed(bool): large-font mode switched on (True) or off; the theme is applied.
    course_requested(str): navigate to a course page.
    lesson_requested(str, str, float): open lesson (course id, lesson id, position in s).
    section_requested(str): browse one section ("" for all).
    library_changed(): the catalogue or the installed courses changed (after a sync, a
        download, a removal); lists reload.
"""

import dataclasses
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from app.paths import DataPaths
from ui.i18n import Translations, default_language
from ui.tasks import TaskRunner
from ui.theme import apply_theme

if TYPE_CHECKING:
    from app.profiles import Profile
    from app.store import Store
    from ui.services import DownloadService, SyncService

DEFAULT_PROFILE_NAME = "学习者"


class AppContext(QObject):
    profile_changed = Signal(object)
    language_changed = Signal(str)
    font_changed = Signal(bool)
    course_requested = Signal(str)
    lesson_requested = Signal(str, str, float)
    section_requested = Signal(str)
    library_changed = Signal()

    def __init__(
        self, paths: DataPaths, translations: Translations, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.tasks = TaskRunner(paths, self)
        self.translations = translations
        self.profile: Profile | None = None
        self.language = ""
        self.large_font = False
        self._normal_font = QFont(QApplication.font())
        self.downloads: DownloadService | None = None
        self.sync: SyncService | None = None

    # -- learner and their choices -------------------------------------------------

    def start_language(self, language: str | None = None) -> None:
        """Install the translations before the first widgets exist: they then set their
        texts once instead of again on ``language_changed``."""
        self._apply_language(language or default_language(None))

    def start(self, language: str | None = None, large_font: bool | None = None) -> None:
        """Apply a language and font mode before any profile is loaded (first paint)."""
        self.start_language(language)
        self._apply_font(bool(large_font))

    def load_profile(self, language: str | None = None, large_font: bool | None = None) -> None:
        """Open the first profile (creating the default one) on the database worker.

        ``language`` and ``large_font`` (from the command line) override the profile's own.
        """

        def work(store: "Store", _cancel: object) -> "Profile":
            from app import profiles

            with store.transaction() as conn:
                existing = profiles.all_profiles(conn)
                return existing[0] if existing else profiles.create(conn, DEFAULT_PROFILE_NAME)

        def done(profile: "Profile") -> None:
            self.set_profile(profile, language=language, large_font=large_font)

        self.tasks.db(work, done)

    def set_profile(
        self, profile: "Profile", *, language: str | None = None, large_font: bool | None = None
    ) -> None:
        """Make ``profile`` current and apply its language (if it chose one) and font mode."""
        self.profile = profile
        saved = profile.settings.get("language")
        self._apply_language(language or saved or self.language or default_language(None))
        self._apply_font(bool(profile.setting("large_font")) if large_font is None else large_font)
        self.profile_changed.emit(profile)

    def set_language(self, language: str) -> None:
        """Switch the interface language live and keep it in the learner's settings."""
        self.set_setting("language", language)
        self._apply_language(language)

    def set_large_font(self, large: bool) -> None:
        """Switch large-font mode live and keep it in the learner's settings."""
        self.set_setting("large_font", large)
        self._apply_font(large)

    def _apply_language(self, language: str) -> None:
        if language == self.language:
            return
        self.translations.use(language)
        self.language = language
        self.language_changed.emit(language)

    def _apply_font(self, large: bool) -> None:
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        changed = large != self.large_font
        self.large_font = large
        apply_theme(app, self._normal_font, large)
        if changed:
            self.font_changed.emit(large)

    def set_setting(self, key: str, value: Any) -> None:
        """Keep a per-learner setting (declared in ``app.settings.LEARNER``) for the current
        profile: :attr:`profile` has it at once, the database on the worker."""
        from app.settings import LEARNER

        if key not in LEARNER:  # fail in the caller, not later on the worker
            raise KeyError(f"{key!r} is not a learner setting")
        profile = self.profile
        if profile is None:
            return
        self.profile = dataclasses.replace(profile, settings={**profile.settings, key: value})

        def work(store: "Store", _cancel: object) -> None:
            from app import profiles

            profiles.set_setting(store.conn, profile.id, key, value)

        self.tasks.db(work)

    @property
    def content_language(self) -> str:
        """The language code of catalogue texts: "zh" or "en"."""
        return "en" if self.language == "en" else "zh"

    # -- navigation ------------------------------------------------------------------

    def open_course(self, course_id: str) -> None:
        self.course_requested.emit(course_id)

    def open_lesson(self, course_id: str, lesson_id: str, position: float = 0.0) -> None:
        self.lesson_requested.emit(course_id, lesson_id, position)

    def browse_section(self, section: str) -> None:
        self.section_requested.emit(section)
