"""When the library database is damaged: offer to start again, do it, say what was kept.

The offer comes once, when the first task finds the damage (``TaskRunner.damaged``).
Quitting closes the window and changes nothing, so the next start offers it again; starting
again keeps downloaded courses, profiles and whatever learning records can be read
(``app/library_reset.py``).
"""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.errors import DamagedDatabaseError
from ui.errors import environment_message

if TYPE_CHECKING:
    from app.library_reset import Salvage
    from ui.context import AppContext


class DamagedLibrary(QObject):
    """The offer, the work in progress, and the outcome, each as a window-modal box."""

    def __init__(
        self, context: "AppContext", window: QWidget, reload: Callable[[], None]
    ) -> None:
        """``reload`` makes the window read everything again once the new library is made."""
        super().__init__(window)
        self.context = context
        self.window = window
        self.reload = reload
        self.offer: QMessageBox | None = None
        self.busy: QProgressDialog | None = None
        self.outcome: QMessageBox | None = None

    def ask(self, error: DamagedDatabaseError) -> None:
        """Show the offer; its buttons start again or quit."""
        kept = error.kept
        if kept is None:  # sound, but from a newer app: nothing to start again from
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The learning library is damaged"),
                          self.tr("The learning library on this computer is damaged and cannot "
                                  "be used. A copy of it was kept."), parent=self.window)
        box.setInformativeText(self.tr(
            "Start again with an empty library? Downloaded courses stay on this computer, "
            "learners and their records are kept as far as they can be read, and the course "
            "list comes back at the next sync."))
        box.setDetailedText(str(error))
        start = box.addButton(self.tr("Start with an empty library"),
                              QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(start)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def chosen() -> None:
            if box.clickedButton() is start:
                self._start_again(kept)
            else:
                self.window.close()

        box.finished.connect(chosen)
        self.offer = box
        box.open()

    def _start_again(self, kept: Path) -> None:
        busy = QProgressDialog(self.tr("Starting a new library…"), "", 0, 0, self.window)
        busy.setCancelButton(None)  # no button: the work cannot be stopped half-way
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(0)
        self.busy = busy
        busy.show()
        self.context.tasks.reset_library(kept, self._done, self._failed)

    def _done(self, salvage: "Salvage") -> None:
        self._close_busy()
        text = self.tr("A new library was started. It keeps %1 downloaded courses, %2 learners "
                       "and %3 learning records.")
        text = (text.replace("%1", str(salvage.courses)).replace("%2", str(salvage.profiles))
                .replace("%3", str(salvage.statements)))
        if salvage.unreadable:
            text += " " + self.tr("Some of the old library could not be read; its copy is kept.")
        self._tell(QMessageBox.Icon.Information, text)
        self.reload()

    def _failed(self, error: Exception) -> None:
        self._close_busy()
        self._tell(QMessageBox.Icon.Warning, environment_message(error))

    def _tell(self, icon: QMessageBox.Icon, text: str) -> None:
        box = QMessageBox(icon, self.tr("Lifelong Learning"), text, parent=self.window)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.outcome = box
        box.open()

    def _close_busy(self) -> None:
        if self.busy is not None:
            self.busy.close()
            self.busy = None
