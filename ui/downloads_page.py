"""Downloads: the queue with a progress bar and controls per course, and disk space."""

import shutil
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.course_model import format_size
from ui.course_page import format_duration, format_rate
from ui.scroll import frameless_scroll

if TYPE_CHECKING:
    from app.store import Store
    from ui.services import DownloadItem


def _space(store: "Store", _cancel: object) -> tuple[int, int]:
    """Bytes used by installed courses, and bytes free on the data folder's disk."""
    from app.packages import disk_used

    return disk_used(store), shutil.disk_usage(store.paths.root).free


class DownloadRow:
    """The widgets of one queued course in the grid."""

    def __init__(self, page: "DownloadsPage", item: "DownloadItem") -> None:
        self.course_id = item.course_id
        self.title = QLabel(item.title)
        self.title.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.state = QLabel()
        self.buttons: dict[str, QPushButton] = {}
        for action in ("pause", "resume", "cancel", "retry"):
            button = QPushButton()
            button.clicked.connect(_call(page.act, action, item.course_id))
            self.buttons[action] = button
        self.widgets: list[QWidget] = [self.title, self.bar, self.state, *self.buttons.values()]


def _call(function: Callable[[str, str], None], action: str, course_id: str) -> Callable[[], None]:
    return lambda: function(action, course_id)


class DownloadsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rows: dict[str, DownloadRow] = {}
        self.heading = QLabel()
        self.heading.setProperty("role", "title")
        self.space = QLabel()
        self.space.setProperty("role", "muted")
        self.empty = QLabel()
        self.empty.setProperty("role", "muted")
        self.grid = QGridLayout()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.addLayout(self.grid)
        column.addStretch()
        scroll = frameless_scroll(holder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.space)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        self._used_free = (0, 0)
        context.language_changed.connect(self.retranslate)
        context.library_changed.connect(self.refresh_space)
        if context.downloads is not None:
            context.downloads.changed.connect(self.rebuild)
            context.downloads.progress.connect(self._progress)
        self.retranslate()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.refresh_space()
        self.rebuild()

    def refresh_space(self) -> None:
        self.context.tasks.db(_space, self._show_space)

    def _show_space(self, used_free: tuple[int, int]) -> None:
        self._used_free = used_free
        used, free = used_free
        self.space.setText(
            self.tr("Courses use %1 on this computer; %2 free.")
            .replace("%1", format_size(used)).replace("%2", format_size(free))
        )

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Downloads"))
        self.empty.setText(self.tr("No downloads. Open a course and choose Download."))
        if self._used_free != (0, 0):
            self._show_space(self._used_free)
        self.rebuild()

    def rebuild(self) -> None:
        """Lay out one row per queued course, in queue order."""
        while self.grid.count():
            taken = self.grid.takeAt(0)
            widget = taken.widget() if taken else None
            if widget is not None:
                widget.deleteLater()
        self.rows.clear()
        items = self.context.downloads.items() if self.context.downloads else []
        self.empty.setVisible(not items)
        for number, item in enumerate(items):
            row = DownloadRow(self, item)
            self.rows[item.course_id] = row
            for column, widget in enumerate(row.widgets):
                self.grid.addWidget(widget, number, column)
            self._texts(row, item)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2)

    def _texts(self, row: DownloadRow, item: "DownloadItem") -> None:
        names = {"pause": self.tr("Pause"), "resume": self.tr("Resume"),
                 "cancel": self.tr("Cancel"), "retry": self.tr("Retry")}
        for action, button in row.buttons.items():
            button.setText(names[action])
        row.buttons["pause"].setVisible(item.state in ("queued", "downloading"))
        row.buttons["resume"].setVisible(item.state == "paused")
        row.buttons["retry"].setVisible(item.state == "failed")
        self._progress(item.course_id, item.done, item.total, item.rate, item.eta)

    def _progress(self, course_id: str, done: int, total: int, rate: float, eta: float) -> None:
        row = self.rows.get(course_id)
        downloads = self.context.downloads
        item = downloads.item(course_id) if downloads else None
        if row is None or item is None:
            return
        row.bar.setValue(int(1000 * done / total) if total else 0)
        states = {"queued": self.tr("Waiting"), "paused": self.tr("Paused"),
                  "failed": self.tr("Failed: %1").replace("%1", item.error)}
        text = states.get(item.state, f"{format_size(done)} / {format_size(total)}")
        if item.state == "downloading" and rate > 0:
            left = self.tr("%1 left").replace("%1", format_duration(eta))
            text = f"{text} · {format_rate(rate)} · {left}"
        row.state.setText(text)

    def act(self, action: str, course_id: str) -> None:
        if self.context.downloads is not None:
            getattr(self.context.downloads, action)(course_id)
