"""Settings: language and large type (applied live), platform address, account, bandwidth."""

from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.errors import environment_message

if TYPE_CHECKING:
    from app.store import Store

# Each language is named in itself, so a learner can find theirs whatever is shown.
LANGUAGE_NAMES = (("zh_CN", "简体中文"), ("en", "English"))
# The form's widest line, in lines of text height (so it grows with large type).
MEASURE_LINES: Final = 48


def _read_machine(store: "Store", _cancel: object) -> dict[str, Any]:
    from app import settings

    return {key: settings.get(store.conn, key) for key in ("server.url", "download.bandwidth_kbps")}


class SettingsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.heading = QLabel()
        self.heading.setProperty("role", "title")
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.large_font = QCheckBox()
        self.server = QLineEdit()
        self.save_server = QPushButton()
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_in = QPushButton()
        self.sign_in.setProperty("role", "primary")
        self.sign_out = QPushButton()
        self.account = QLabel()
        self.account.setWordWrap(True)
        self.bandwidth = QSpinBox()
        self.bandwidth.setRange(0, 1_000_000)
        self.bandwidth.setSingleStep(64)
        self.data_folder = QLabel(str(context.paths.root))
        self.data_folder.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.captions = [QLabel() for _row in range(7)]
        buddies = {0: self.language, 1: self.large_font, 2: self.server, 3: self.username,
                   5: self.bandwidth}
        for row, buddy in buddies.items():
            self.captions[row].setBuddy(buddy)
        self._layout()
        self._connect()
        self.retranslate()

    def _layout(self) -> None:
        server_row = QHBoxLayout()
        server_row.addWidget(self.server, 1)
        server_row.addWidget(self.save_server)
        account_row = QHBoxLayout()
        for widget in (self.username, self.password, self.sign_in, self.sign_out):
            account_row.addWidget(widget)
        fields: list[QWidget | QHBoxLayout] = [
            self.language, self.large_font, server_row, account_row, self.account,
            self.bandwidth, self.data_folder,
        ]
        for caption, field in zip(self.captions, fields, strict=True):
            self.form.addRow(caption, field)
        self.holder = QWidget()
        self.holder.setLayout(self.form)
        self._fit_width()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.holder)
        layout.addStretch()

    def _fit_width(self) -> None:
        """A readable line length in today's font (measured again when the font changes,
        else large type would keep the normal font's columns and cut the texts)."""
        self.holder.setMaximumWidth(self.fontMetrics().height() * MEASURE_LINES)
        self.form.invalidate()
        self.holder.updateGeometry()

    def _connect(self) -> None:
        self.language.activated.connect(
            lambda: self.context.set_language(str(self.language.currentData()))
        )
        self.large_font.toggled.connect(self._large_font_toggled)
        self.save_server.clicked.connect(lambda: self._save("server.url", self.server.text()))
        self.bandwidth.editingFinished.connect(
            lambda: self._save("download.bandwidth_kbps", self.bandwidth.value())
        )
        self.sign_in.clicked.connect(self._sign_in)
        self.sign_out.clicked.connect(self._sign_out)
        self.password.returnPressed.connect(self._sign_in)
        self.context.language_changed.connect(self.retranslate)
        self.context.profile_changed.connect(self.show_values)
        self.context.font_changed.connect(self.show_values)
        self.context.font_changed.connect(lambda _large: self._fit_width())

    def _large_font_toggled(self, large: bool) -> None:
        if large != self.context.large_font:
            self.context.set_large_font(large)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.show_values()
        self.context.tasks.db(_read_machine, self._show_machine)

    def _show_machine(self, values: dict[str, Any]) -> None:
        self.server.setText(str(values["server.url"]))
        self.bandwidth.setValue(int(values["download.bandwidth_kbps"]))

    def show_values(self) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(self.context.language)))
        self.large_font.blockSignals(True)
        self.large_font.setChecked(self.context.large_font)
        self.large_font.blockSignals(False)
        profile = self.context.profile
        account = profile.account if profile else {}
        signed_in = bool(account.get("token"))
        if signed_in:
            self.account.setText(
                self.tr("Signed in as %1 at %2")
                .replace("%1", str(account.get("username", "")))
                .replace("%2", str(account.get("server", "")))
            )
        else:
            self.account.setText(self.tr("Not signed in: progress stays on this computer."))
        for widget in (self.username, self.password, self.sign_in):
            widget.setVisible(not signed_in)
        self.sign_out.setVisible(signed_in)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Settings"))
        labels = [
            self.tr("Language"), self.tr("Large type"), self.tr("Platform address"),
            self.tr("Account"), "", self.tr("Download speed limit"), self.tr("Data folder"),
        ]
        for caption, text in zip(self.captions, labels, strict=True):
            caption.setText(text)
        self.large_font.setText(self.tr("Large type and high contrast"))
        self.server.setPlaceholderText(self.tr("https://platform.example.org"))
        self.save_server.setText(self.tr("Save"))
        self.username.setPlaceholderText(self.tr("User name"))
        self.password.setPlaceholderText(self.tr("Password"))
        # Placeholders are not names: a screen reader reads these instead.
        self.server.setAccessibleName(self.tr("Platform address"))
        self.username.setAccessibleName(self.tr("User name on the platform"))
        self.password.setAccessibleName(self.tr("Password on the platform"))
        self.bandwidth.setAccessibleName(self.tr("Download speed limit"))
        self.sign_in.setText(self.tr("Sign in"))
        self.sign_out.setText(self.tr("Sign out"))
        self.bandwidth.setSuffix(self.tr(" KB/s"))
        self.bandwidth.setSpecialValueText(self.tr("No limit"))
        self.show_values()

    def _save(self, key: str, value: object) -> None:
        def work(store: "Store", _cancel: object) -> None:
            from app import settings

            settings.put(store.conn, key, value)

        self.context.tasks.db(work, None, self._failed)

    def _failed(self, error: Exception) -> None:
        self.account.setText(environment_message(error))

    def _sign_in(self) -> None:
        sync = self.context.sync
        server = self.server.text().strip()
        if sync is None or not server:
            self.account.setText(self.tr("Enter the platform address first."))
            return
        self.account.setText(self.tr("Signing in…"))
        sync.sign_in(server, self.username.text().strip(), self.password.text(), self._failed)
        self.password.clear()

    def _sign_out(self) -> None:
        if self.context.sync is not None:
            self.context.sync.sign_out()
