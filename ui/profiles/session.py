"""Who holds the shared PC: the picker at start-up and after a lock, the idle lock, the
"Switch learner" button, guest endings, facilitator mode and the large-font home.

The main window's content goes into a stack with the picker and the facilitator page;
while the picker shows, the shell (and the last learner's screens) cannot be reached.
The picker, the facilitator page, the large-font home and the idle lock are made on
first use, after the window first shows: none of them is needed to paint it.

Signals:
    locked(): the session closed; the picker shows.
    opened(object): a ``Profile``'s session opened.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QPushButton, QStackedWidget, QWidget

from ui.context import DEFAULT_PROFILE_NAME

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

    from app.profiles import Profile
    from app.store import Store
    from ui.profiles.facilitator import FacilitatorPage
    from ui.profiles.guest import GuestEnding
    from ui.profiles.idle_lock import IdleLock
    from ui.profiles.picker import ProfilePicker
    from ui.profiles.simple_home import SimpleHome


def _first_profiles(store: "Store", _cancel: object) -> list["Profile"]:
    from app import profiles

    with store.transaction() as conn:
        found = [p for p in profiles.all_profiles(conn) if not p.guest]
        return found or [profiles.create(conn, DEFAULT_PROFILE_NAME)]


def _idle_minutes(store: "Store", _cancel: object) -> int:
    from app import settings

    return int(settings.get(store.conn, "lock.idle_minutes"))


class Session(QObject):
    locked = Signal()
    opened = Signal(object)

    def __init__(self, window: Any) -> None:
        """``window`` is the ``MainWindow``; call :meth:`install` with its shell."""
        super().__init__(window)
        self.window = window
        self.context = window.context
        self.switch_button = QPushButton()
        self.stack = QStackedWidget()
        self._guest: GuestEnding | None = None
        self._after_guest: Callable[[], None] = self.lock
        self._closing = False
        self._picker: ProfilePicker | None = None
        self._facilitator: FacilitatorPage | None = None
        self._simple_home: SimpleHome | None = None
        self._idle: IdleLock | None = None

    def install(self, shell: QWidget) -> None:
        """Make ``shell`` (the rail and the screens) the window's content, under the session."""
        window: QMainWindow = self.window
        self.shell = shell
        self.stack.addWidget(shell)
        window.setCentralWidget(self.stack)
        self.switch_button.clicked.connect(self.switch_learner)
        QShortcut(QKeySequence("Ctrl+L"), window).activated.connect(self.switch_learner)
        self.context.font_changed.connect(self._use_home)
        self.context.language_changed.connect(self.retranslate)
        self.retranslate()

    # -- parts made on first use -------------------------------------------------------
    @property
    def guest(self) -> "GuestEnding":
        """What ends a guest session (keep or discard), made when a session first opens."""
        if self._guest is None:
            from ui.profiles.guest import GuestEnding

            self._guest = GuestEnding(self.context, self.window)
            self._guest.ended.connect(self._guest_ended)
            # Only a session (a guest's) can need asking on close: no filter before that,
            # so the first paint's events are not routed through Python.
            self.window.installEventFilter(self)
        return self._guest


    @property
    def picker(self) -> "ProfilePicker":
        if self._picker is None:
            from ui.profiles.picker import ProfilePicker

            self._picker = ProfilePicker(self.context)
            self.stack.addWidget(self._picker)
            self._picker.chosen.connect(self.enter)
        return self._picker

    @property
    def facilitator(self) -> "FacilitatorPage":
        if self._facilitator is None:
            from ui.profiles.facilitator import FacilitatorPage

            page = self._facilitator = FacilitatorPage(self.context)
            self.stack.addWidget(page)
            page.done.connect(self.lock)
            page.courses_requested.connect(lambda: self._show_shell(self.window.browse))
            page.downloads_requested.connect(lambda: self._show_shell(self.window.downloads))
            page.idle_minutes_changed.connect(self.idle.set_minutes)
        return self._facilitator

    @property
    def simple_home(self) -> "SimpleHome":
        if self._simple_home is None:
            from ui.profiles.simple_home import SimpleHome

            home = self._simple_home = SimpleHome(self.context)
            self.window.stack.addWidget(home)
            home.switch_requested.connect(self.switch_learner)
            home.my_courses_requested.connect(self.show_my_courses)
        return self._simple_home

    @property
    def idle(self) -> "IdleLock":
        """The idle lock; its application-wide input filter is installed when first used."""
        if self._idle is None:
            from ui.profiles.idle_lock import IdleLock

            self._idle = IdleLock(self._busy, self)
            self._idle.idle.connect(self.lock)
        return self._idle

    def retranslate(self) -> None:
        self.switch_button.setText(self.tr("Switch learner"))
        self.switch_button.setToolTip(self.tr("Lock and choose another learner (Ctrl+L)"))

    # -- opening and locking -----------------------------------------------------------

    def start(self, language: str | None = None, large_font: bool | None = None) -> None:
        """At start-up: open the only learner directly (no PIN), else show the picker."""
        def done(found: list["Profile"]) -> None:
            only = found[0]
            if len(found) == 1 and not only.has_pin:
                self.context.set_profile(only, language=language, large_font=large_font)
                self._opened(only)
            else:
                self.lock()

        self.context.tasks.db(_first_profiles, done)

    def enter(self, profile: "Profile") -> None:
        """Open ``profile``'s session (its PIN already checked by the picker)."""
        large = self.picker.large_font_choice
        self.picker.large_font_choice = None
        self.context.set_profile(profile, large_font=large)
        if large is not None and bool(profile.setting("large_font")) != large:
            self.context.set_large_font(large)  # the picker's switch, kept for this learner
        self._opened(profile)

    def _opened(self, profile: "Profile") -> None:
        self.guest  # noqa: B018 - made now: it watches the window's close from here on
        self.window.statusBar().show()
        if profile.facilitator:
            self.stack.setCurrentWidget(self.facilitator)
            self.facilitator.refresh()
        else:
            self._use_home(self.context.large_font)
            self._show_shell(self._home())
        self.context.tasks.db(_idle_minutes, self.idle.set_minutes)
        self.idle.reset()
        self.opened.emit(profile)

    def lock(self) -> None:
        """Save the lesson, leave the learner's screens and show the picker."""
        lesson = self.window.lesson
        if lesson is not None:
            lesson.save_state()  # pauses the video and records its position now
        self.window.history.clear()
        self.window.show_page(self._home(), remember=False)
        if self._idle is not None:
            self._idle.stop()
        self.window.statusBar().hide()
        self.stack.setCurrentWidget(self.picker)
        self.picker.refresh()
        self.locked.emit()

    def switch_learner(self) -> None:
        """Lock now; a guest first chooses to keep or discard their progress."""
        self._end_then(self.lock)

    def _end_then(self, then: Callable[[], None]) -> None:
        profile = self.context.profile
        if profile is not None and profile.guest and self.stack.currentWidget() is self.shell:
            self._after_guest = then
            self.guest.ask(profile)
        else:
            then()

    def _guest_ended(self) -> None:
        self._after_guest()

    def _busy(self) -> bool:
        """A playing video is not idleness."""
        lesson = self.window.lesson
        current = lesson.stack.currentWidget() if lesson is not None else None
        return bool(current is not None and lesson.isVisible()
                    and getattr(current, "is_playing", lambda: False)())

    # -- screens -------------------------------------------------------------------------

    def _home(self) -> QWidget:
        return self.simple_home if self.context.large_font else self.window.home

    def _show_shell(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(self.shell)
        self.window.show_page(page, remember=False)

    def _use_home(self, _large: bool) -> None:
        """Large-font mode has its own simplified home, switched live."""
        home = self._home()
        shown = self.window.stack.currentWidget()
        self.window.rail_home = home
        if shown in (self.window.home, self._simple_home) and shown is not home:
            self.window.show_page(home, remember=False)

    def show_my_courses(self) -> None:
        self.window.browse.downloaded_only.setChecked(True)
        self.context.browse_section("")

    def eventFilter(self, _watched: QObject, event: "QEvent") -> bool:
        """Closing the window during a guest session asks about the guest's progress."""
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.Close and not self._closing:
            profile = self.context.profile
            if profile is not None and profile.guest and self.stack.currentWidget() is self.shell:
                event.ignore()
                self._end_then(self._close_now)
                return True
        return False

    def _close_now(self) -> None:
        self._closing = True
        self.window.close()
