"""Asking for a learner's (or the facilitator's) PIN before their profile opens.

The check runs on the database worker (scrypt is slow on purpose); a wrong PIN shows how
many tries are left, a locked profile how long to wait, both translated.

Signals (of :class:`PinDialog`):
    unlocked(object): the PIN was right; the ``Profile`` it opens.
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import PinError
from ui.context import AppContext

if TYPE_CHECKING:
    from app.profiles import Profile
    from app.store import Store

PIN_PATTERN = QRegularExpression(r"\d{0,6}")


def pin_field(parent: QWidget | None = None) -> QLineEdit:
    """A masked field that takes up to six digits."""
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setValidator(QRegularExpressionValidator(PIN_PATTERN, field))
    field.setMaxLength(6)
    return field


def pin_message(error: PinError) -> str:
    """The learner's words for a refused PIN."""
    if error.locked_seconds:
        return QCoreApplication.translate(
            "PinDialog", "Too many wrong PINs. This profile is locked; try again in %1 seconds."
        ).replace("%1", str(error.locked_seconds))
    if error.tries_left is not None:
        return QCoreApplication.translate(
            "PinDialog", "Wrong PIN. %1 tries left before the profile locks."
        ).replace("%1", str(error.tries_left))
    return QCoreApplication.translate("PinDialog", "A PIN is 4 to 6 digits.")


class PinDialog(QDialog):
    unlocked = Signal(object)

    def __init__(self, context: AppContext, profile: "Profile",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.profile = profile
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.field = pin_field()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setProperty("role", "muted")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        for widget in (self.prompt, self.field, self.message, self.buttons):
            layout.addWidget(widget)
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Enter PIN"))
        self.prompt.setText(self.tr("Enter the PIN of %1.").replace("%1", self.profile.name))
        self.field.setAccessibleName(self.tr("PIN"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        ok.setText(self.tr("Open"))
        cancel.setText(self.tr("Cancel"))

    def check(self) -> None:
        """Verify the typed PIN on the database worker."""
        pin, profile_id = self.field.text(), self.profile.id
        self.buttons.setEnabled(False)

        def work(store: "Store", _cancel: object) -> "Profile":
            from app import profiles

            profiles.verify_pin(store.conn, profile_id, pin)
            return profiles.get(store.conn, profile_id)

        self.context.tasks.db(work, self._opened, self._refused)

    def _opened(self, profile: "Profile") -> None:
        self.buttons.setEnabled(True)
        self.message.clear()
        self.unlocked.emit(profile)
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.field.clear()
        self.field.setFocus()
        if isinstance(error, PinError):
            self.message.setText(pin_message(error))
        else:
            from ui.errors import environment_message

            self.message.setText(environment_message(error))
