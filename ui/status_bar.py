"""The status bar: connection, records waiting to sync, last sync, Sync now, download.

Background sync reports here only; it never opens a dialog.
"""

from datetime import UTC, datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from ui.context import AppContext

REFRESH_MS = 30_000


def ago(moment: str, now: datetime | None = None) -> tuple[str, int]:
    """How long ago ISO ``moment`` was, as a unit ("now", "minutes", "hours", "days") and count."""
    when = datetime.fromisoformat(moment.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = ((now or datetime.now(UTC)) - when).total_seconds()
    if seconds < 60:
        return "now", 0
    if seconds < 3600:
        return "minutes", int(seconds // 60)
    if seconds < 86400:
        return "hours", int(seconds // 3600)
    return "days", int(seconds // 86400)


class StatusBar(QStatusBar):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.connection = QLabel()
        self.waiting = QLabel()
        self.last_sync = QLabel()
        self.sync_now = QPushButton()
        self.download = QProgressBar()
        self.download.setRange(0, 1000)
        self.download.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 12)
        self.download.setVisible(False)
        for widget in (self.connection, self.waiting, self.last_sync):
            self.addWidget(widget)
        self.addPermanentWidget(self.download)
        self.addPermanentWidget(self.sync_now)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.retranslate)
        self._timer.start()
        self.sync_now.clicked.connect(self._sync_now)
        context.language_changed.connect(self.retranslate)
        if context.sync is not None:
            context.sync.state_changed.connect(self.retranslate)
        if context.downloads is not None:
            context.downloads.progress.connect(self._download_progress)
            context.downloads.changed.connect(self._download_changed)
        self.retranslate()

    def _sync_now(self) -> None:
        if self.context.sync is not None:
            self.context.sync.sync_now()

    def retranslate(self) -> None:
        state = self.context.sync.state if self.context.sync else None
        self.sync_now.setText(self.tr("Sync now"))
        if state is None:
            self.connection.setText(self.tr("Offline"))
            self.waiting.clear()
            self.last_sync.clear()
            return
        self.sync_now.setEnabled(not state.running)
        if state.running:
            self.connection.setText(self.tr("Syncing…"))
        else:
            self.connection.setText(self.tr("Online") if state.online else self.tr("Offline"))
        self.waiting.setText(
            self.tr("%n record(s) waiting to sync", "", state.waiting) if state.waiting else ""
        )
        self.last_sync.setText(self._last_sync_text(state.last_sync, state.error))
        if state.update_required:
            # The platform refuses this version: say so instead of a vague failure.
            self.last_sync.setText(self.tr("Please update the app to keep syncing."))
            self.last_sync.setToolTip(state.update_required)

    def _last_sync_text(self, last_sync: str, error: str) -> str:
        if error:
            return self.tr("Last sync failed: %1").replace("%1", error)
        if not last_sync:
            return self.tr("Never synced")
        unit, count = ago(last_sync)
        texts = {
            "now": self.tr("Synced just now"),
            "minutes": self.tr("Synced %n minute(s) ago", "", count),
            "hours": self.tr("Synced %n hour(s) ago", "", count),
            "days": self.tr("Synced %n day(s) ago", "", count),
        }
        return texts[unit]

    def _download_progress(
        self, course_id: str, done: int, total: int, _rate: float, _eta: float
    ) -> None:
        self.download.setVisible(True)
        self.download.setValue(int(1000 * done / total) if total else 0)
        self.download.setToolTip(course_id)

    def _download_changed(self) -> None:
        downloads = self.context.downloads
        running = [i for i in downloads.items() if i.state == "downloading"] if downloads else []
        self.download.setVisible(bool(running))
