"""A small form for a learner's name and optional PIN (adding a learner, keeping a guest).

Signals (of :class:`LearnerForm`):
    submitted(str, str): a name and a PIN ("" for none) that passed the checks.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.profiles.pin_dialog import pin_field


class LearnerForm(QDialog):
    submitted = Signal(str, str)

    def __init__(self, title: str, parent: QWidget | None = None, *, name: str = "",
                 pin_required: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.pin_required = pin_required
        self.name = QLineEdit(name)
        self.pin = pin_field()
        self.pin_again = pin_field()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.captions = [QLabel() for _row in range(3)]
        form = QFormLayout()
        for caption, field in zip(self.captions, (self.name, self.pin, self.pin_again),
                                  strict=True):
            caption.setBuddy(field)
            form.addRow(caption, field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()

    def retranslate(self) -> None:
        texts = (self.tr("Name"), self.tr("PIN (4 to 6 digits)") if self.pin_required
                 else self.tr("PIN (optional, 4 to 6 digits)"), self.tr("PIN again"))
        for caption, field, text in zip(self.captions, (self.name, self.pin, self.pin_again),
                                        texts, strict=True):
            caption.setText(text)
            field.setAccessibleName(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def problem(self) -> str:
        """What is wrong with the form, in the learner's words ("" when nothing)."""
        pin = self.pin.text()
        if not self.name.text().strip():
            return self.tr("Please enter a name.")
        if (pin or self.pin_required) and not 4 <= len(pin) <= 6:
            return self.tr("A PIN is 4 to 6 digits.")
        if pin != self.pin_again.text():
            return self.tr("The two PINs are different.")
        return ""

    def submit(self) -> None:
        problem = self.problem()
        self.message.setText(problem)
        if problem:
            return
        self.submitted.emit(self.name.text().strip(), self.pin.text())
        self.accept()
