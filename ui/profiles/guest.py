"""Ending a guest session: keep the guest's progress as a new profile, or discard it
after a clear warning.

A guest session the idle lock closes cannot be asked about (the guest has left), so it
is discarded: whoever picks "Guest" next starts clean and sees nothing of the last guest.
The warning says so.

Signals (of :class:`GuestEnding`):
    ended(): the guest's progress was kept or discarded; the session may close.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from ui.context import AppContext
from ui.profiles.learner_form import LearnerForm

if TYPE_CHECKING:
    import sqlite3

    from app.profiles import Profile
    from app.store import Store


def keep_guest(conn: "sqlite3.Connection", profile_id: int, name: str, pin: str) -> None:
    """Turn the guest profile into an ordinary one, progress and records included."""
    from app import profiles

    profiles.keep_guest(conn, profile_id, name, pin)


def discard_guest(conn: "sqlite3.Connection", profile_id: int) -> None:
    from app import profiles

    profiles.delete(conn, profile_id)


def discard_left_guests(conn: "sqlite3.Connection") -> int:
    """Delete guest profiles nobody is using (an idle lock or a crash ended them), with
    their progress and records; returns how many. Call only while no session is open."""
    from app import profiles

    left = [profile.id for profile in profiles.all_profiles(conn) if profile.guest]
    for profile_id in left:
        profiles.delete(conn, profile_id)
    return len(left)


class GuestEnding(QObject):
    ended = Signal()

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.window = parent
        self.question: QMessageBox | None = None
        self.form: LearnerForm | None = None
        self.keep_button: QPushButton | None = None
        self.discard_button: QPushButton | None = None

    def ask(self, guest: "Profile") -> None:
        """Ask whether to keep ``guest``'s progress; :attr:`ended` follows unless cancelled."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Guest session"),
                          self.tr("You studied as a guest. Keep your progress as a new "
                                  "profile? If you discard it, or leave the computer until "
                                  "it locks, it is deleted from this computer and cannot be "
                                  "brought back."),
                          QMessageBox.StandardButton.NoButton, self.window)
        self.keep_button = box.addButton(self.tr("Keep as a profile"),
                                         QMessageBox.ButtonRole.AcceptRole)
        self.discard_button = box.addButton(self.tr("Discard my progress"),
                                            QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Go on studying"), QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(lambda button: self._answered(guest, button))
        self.question = box
        box.open()

    def _answered(self, guest: "Profile", button: object) -> None:
        if button is self.discard_button:
            self._run(lambda conn: discard_guest(conn, guest.id))
        elif button is self.keep_button:
            form = LearnerForm(self.tr("Keep as a profile"), self.window)
            form.submitted.connect(
                lambda name, pin: self._run(lambda conn: keep_guest(conn, guest.id, name, pin))
            )
            self.form = form
            form.open()

    def _run(self, change: Callable[["sqlite3.Connection"], None]) -> None:
        def work(store: "Store", _cancel: object) -> None:
            with store.transaction() as conn:
                change(conn)

        self.context.tasks.db(work, lambda _none: self.ended.emit())
