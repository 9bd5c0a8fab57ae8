"""Facilitator mode: learner profiles, machine settings, disk use and sync status.

Courses are downloaded and removed for everyone through the existing browse and
downloads screens (``courses_requested`` / ``downloads_requested``).

Signals:
    refreshed(): the overview was reloaded (after any change).
    courses_requested(): open the course catalogue to download for everyone.
    downloads_requested(): open the downloads and installed courses.
    done(): the facilitator is finished; lock the session.
    idle_minutes_changed(int): the idle lock time was saved.
"""

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import PinError
from ui.context import AppContext
from ui.course_model import format_size
from ui.errors import environment_message
from ui.profiles.facilitator_data import Overview, change, read_overview
from ui.profiles.learner_form import LearnerForm
from ui.profiles.pin_dialog import pin_message

if TYPE_CHECKING:
    from app.profiles import Profile


class FacilitatorPage(QWidget):
    refreshed = Signal()
    courses_requested = Signal()
    downloads_requested = Signal()
    done = Signal()
    idle_minutes_changed = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.overview = Overview([], 0, 0, {})
        self.dialog: QWidget | None = None
        self.heading = QLabel()
        self.heading.setProperty("role", "title")
        self.learners_heading, self.machine_heading = QLabel(), QLabel()
        self.learners = QListWidget()
        self.buttons = {name: QPushButton() for name in
                        ("add", "rename", "reset_pin", "delete", "courses", "downloads",
                         "save", "done")}
        self.buttons["done"].setProperty("role", "primary")
        self.server = QLineEdit()
        self.bandwidth = QSpinBox()
        self.bandwidth.setRange(0, 1_000_000)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(0, 240)
        self.disk = QLabel()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.captions = [QLabel() for _row in range(3)]
        self._lay_out()
        self._connect()
        context.language_changed.connect(self.retranslate)
        self.retranslate()

    def _lay_out(self) -> None:
        learner_buttons = QHBoxLayout()
        for name in ("add", "rename", "reset_pin", "delete"):
            learner_buttons.addWidget(self.buttons[name])
        learner_buttons.addStretch()
        form = QFormLayout()
        for caption, field in zip(self.captions, (self.server, self.bandwidth, self.idle_minutes),
                                  strict=True):
            caption.setBuddy(field)
            form.addRow(caption, field)
        courses = QHBoxLayout()
        for name in ("courses", "downloads", "save"):
            courses.addWidget(self.buttons[name])
        courses.addStretch()
        courses.addWidget(self.buttons["done"])
        layout = QVBoxLayout(self)
        for item in (self.heading, self.learners_heading, self.learners, learner_buttons,
                     self.machine_heading, form, self.disk, courses, self.status):
            if isinstance(item, QWidget):
                layout.addWidget(item)
            else:
                layout.addLayout(item)
        for heading in (self.learners_heading, self.machine_heading):
            heading.setProperty("role", "heading")

    def _connect(self) -> None:
        actions: dict[str, Callable[[], None]] = {
            "add": self.ask_add, "rename": self.ask_rename, "reset_pin": self.ask_reset_pin,
            "delete": self.ask_delete, "courses": self.courses_requested.emit,
            "downloads": self.downloads_requested.emit, "save": self.save_machine,
            "done": self.done.emit,
        }
        for name, action in actions.items():
            self.buttons[name].clicked.connect(action)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Facilitator"))
        self.learners_heading.setText(self.tr("Learners on this computer"))
        self.machine_heading.setText(self.tr("This computer"))
        self.learners.setAccessibleName(self.tr("Learners"))
        texts = {
            "add": self.tr("Add learner"), "rename": self.tr("Rename"),
            "reset_pin": self.tr("Reset PIN"), "delete": self.tr("Delete learner"),
            "courses": self.tr("Download courses"), "downloads": self.tr("Installed courses"),
            "save": self.tr("Save settings"), "done": self.tr("Done"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)
        for caption, text in zip(self.captions, (self.tr("Platform address"),
                                                 self.tr("Download speed limit"),
                                                 self.tr("Lock after idle")), strict=True):
            caption.setText(text)
        self.server.setAccessibleName(self.tr("Platform address"))
        self.bandwidth.setAccessibleName(self.tr("Download speed limit"))
        self.idle_minutes.setAccessibleName(self.tr("Lock after idle"))
        self.bandwidth.setSuffix(self.tr(" KB/s"))
        self.bandwidth.setSpecialValueText(self.tr("No limit"))
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setSpecialValueText(self.tr("Never"))
        self._show(self.overview)

    # -- reading -----------------------------------------------------------------------

    def refresh(self) -> None:
        self.context.tasks.db(read_overview, self._loaded)

    def _loaded(self, overview: Overview) -> None:
        self._show(overview)
        machine = overview.machine
        self.server.setText(str(machine["server.url"]))
        self.bandwidth.setValue(int(machine["download.bandwidth_kbps"]))
        self.idle_minutes.setValue(int(machine["lock.idle_minutes"]))
        self.refreshed.emit()

    def _show(self, overview: Overview) -> None:
        self.overview = overview
        row = self.learners.currentRow()
        self.learners.clear()
        for learner in overview.learners:
            profile = learner.profile
            kind = (self.tr("facilitator") if profile.facilitator
                    else self.tr("guest") if profile.guest else self.tr("learner"))
            waiting = self.tr("%1 records waiting to sync").replace("%1", str(learner.waiting))
            self.learners.addItem(f"{profile.name} ({kind}) · {waiting}")
        self.learners.setCurrentRow(min(max(row, 0), self.learners.count() - 1))
        if overview.learners:
            self.disk.setText(
                self.tr("Courses use %1; %2 free on this disk.")
                .replace("%1", format_size(overview.disk_used))
                .replace("%2", format_size(overview.disk_free))
            )

    def selected(self) -> "Profile | None":
        row = self.learners.currentRow()
        learners = self.overview.learners
        return learners[row].profile if 0 <= row < len(learners) else None

    # -- changing ----------------------------------------------------------------------

    def apply(self, edit: Callable[[sqlite3.Connection], None], done_text: str) -> None:
        """Run ``edit`` on the database, report ``done_text`` and reload."""
        def finished(_none: None) -> None:
            self.status.setText(done_text)
            self.refresh()

        self.context.tasks.db(change(edit), finished, self._failed)

    def _failed(self, error: Exception) -> None:
        self.status.setText(pin_message(error) if isinstance(error, PinError)
                            else environment_message(error))

    def add_learner(self, name: str, pin: str = "") -> None:
        from app import profiles

        def edit(conn: sqlite3.Connection) -> None:
            profiles.create(conn, name, pin=pin or None)

        self.apply(edit, self.tr("%1 was added.").replace("%1", name))

    def rename_learner(self, profile_id: int, name: str) -> None:
        from app import profiles

        self.apply(lambda conn: profiles.rename(conn, profile_id, name),
                   self.tr("The learner is now called %1.").replace("%1", name))

    def reset_pin(self, profile_id: int, pin: str) -> None:
        """Set a new PIN (or none, with "") and lift any lock."""
        from app import profiles

        self.apply(lambda conn: profiles.set_pin(conn, profile_id, pin or None),
                   self.tr("The PIN was reset."))

    def delete_learner(self, profile_id: int) -> None:
        from app import profiles

        self.apply(lambda conn: profiles.delete(conn, profile_id),
                   self.tr("The learner and their progress were deleted."))

    def save_machine(self) -> None:
        from app import settings

        values = {"server.url": self.server.text().strip(),
                  "download.bandwidth_kbps": self.bandwidth.value(),
                  "lock.idle_minutes": self.idle_minutes.value()}

        def edit(conn: sqlite3.Connection) -> None:
            for key, value in values.items():
                settings.put(conn, key, value)

        self.apply(edit, self.tr("Settings saved."))
        self.idle_minutes_changed.emit(self.idle_minutes.value())

    # -- asking (non-blocking dialogs, so a test or a screen reader can drive them) ------

    def _open(self, dialog: QWidget) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()  # type: ignore[attr-defined]

    def ask_add(self) -> None:
        form = LearnerForm(self.tr("Add learner"), self)
        form.submitted.connect(self.add_learner)
        self._open(form)

    def ask_rename(self) -> None:
        profile = self.selected()
        if profile is None:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Rename"))
        dialog.setLabelText(self.tr("New name for %1:").replace("%1", profile.name))
        dialog.setTextValue(profile.name)
        dialog.textValueSelected.connect(lambda name: self.rename_learner(profile.id, name))
        self._open(dialog)

    def ask_reset_pin(self) -> None:
        profile = self.selected()
        if profile is None:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Reset PIN"))
        dialog.setLabelText(self.tr("New PIN for %1 (4 to 6 digits; empty for none):")
                            .replace("%1", profile.name))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.textValueSelected.connect(lambda pin: self.reset_pin(profile.id, pin))
        self._open(dialog)

    def ask_delete(self) -> None:
        profile = self.selected()
        current = self.context.profile
        if profile is None:
            return
        if current is not None and profile.id == current.id:
            self.status.setText(self.tr("You cannot delete the profile you are using."))
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete learner"),
                          self.tr("Delete %1 and all their progress? This cannot be undone.")
                          .replace("%1", profile.name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        confirm = box.button(QMessageBox.StandardButton.Yes)
        confirm.setText(self.tr("Delete"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(
            lambda button: self.delete_learner(profile.id) if button is confirm else None
        )
        self._open(box)
