"""Browse: sections, facet filters, "downloaded only", and search as you type.

Each keystroke restarts a short timer; when it fires the query runs on the database
worker and the model is reset with the first page. Answers to superseded queries are
dropped (``_generation``).

Signals:
    rows_shown(): the model holds the first page of the latest query (count may follow).
    results_shown(int): the latest query's rows and total count are shown.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from app.facets import HORIZONTAL, SECTIONS, VERTICAL, label
from app.search import CourseRow, Filters
from ui.context import AppContext
from ui.course_model import ROW_ROLE, UNKNOWN, CourseDelegate, CourseListModel
from ui.scroll import frameless_scroll

if TYPE_CHECKING:
    from app.store import Store

DEBOUNCE_MS: Final = 150
PAGE: Final = 200


def _query(
    text: str, filters: Filters, offset: int
) -> Callable[["Store", object], list[CourseRow]]:
    """The work of fetching one page of courses."""

    def work(store: "Store", _cancel: object) -> list[CourseRow]:
        from app.search import find_courses

        return find_courses(store.conn, text, filters, limit=PAGE, offset=offset)

    return work


def _count(text: str, filters: Filters) -> Callable[["Store", object], int]:
    """The work of counting every match (slower than a page on a large catalogue)."""

    def work(store: "Store", _cancel: object) -> int:
        from app.search import count_courses

        return count_courses(store.conn, text, filters)

    return work


class BrowsePage(QWidget):
    rows_shown = Signal()
    results_shown = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._generation = 0
        self._loaded_once = False
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.section = QComboBox()
        self.downloaded_only = QCheckBox()
        self.horizontal = {code: QCheckBox() for code in HORIZONTAL}
        self.vertical = {code: QCheckBox() for code in VERTICAL}
        self.horizontal_label, self.vertical_label = QLabel(), QLabel()
        self.count = QLabel()
        self.count.setProperty("role", "muted")
        self.model = CourseListModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(CourseDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._layout()
        self._connect()
        self.retranslate()

    def _layout(self) -> None:
        """Search on top; filters in a column on the left (it scrolls in large type)."""
        filters = QWidget()
        column = QVBoxLayout(filters)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.section)
        column.addWidget(self.downloaded_only)
        for caption, boxes in (
            (self.horizontal_label, self.horizontal),
            (self.vertical_label, self.vertical),
        ):
            caption.setProperty("role", "heading")
            column.addWidget(caption)
            for box in boxes.values():
                column.addWidget(box)
        column.addStretch()
        side = frameless_scroll(filters)
        side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._filters = filters
        self._side = side
        results = QVBoxLayout()
        results.addWidget(self.count)
        results.addWidget(self.list, 1)
        body = QHBoxLayout()
        body.addWidget(side)
        body.addLayout(results, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.search)
        layout.addLayout(body, 1)

    def _fit_filters(self) -> None:
        """The filter column as wide as its widest entry (it changes with language and font)."""
        self._filters.adjustSize()
        width = self._filters.sizeHint().width()
        scrollbar = self._side.verticalScrollBar().sizeHint().width()
        self._side.setFixedWidth(width + scrollbar + self.fontMetrics().height())

    def _connect(self) -> None:
        self.search.textChanged.connect(self._timer.start)
        self._timer.timeout.connect(self.refresh)
        self.section.currentIndexChanged.connect(self.refresh)
        self.downloaded_only.toggled.connect(self.refresh)
        for box in (*self.horizontal.values(), *self.vertical.values()):
            box.toggled.connect(self.refresh)
        self.search.returnPressed.connect(self.list.setFocus)
        self.list.activated.connect(self._open)
        self.list.clicked.connect(self._open)
        self.model.more_wanted.connect(self._fetch_more)
        self.context.language_changed.connect(self.retranslate)
        self.context.library_changed.connect(self.refresh)
        self.context.section_requested.connect(self.show_section)
        self.context.font_changed.connect(lambda _large: self._fit_filters())

    def retranslate(self) -> None:
        language = self.context.content_language
        self.title.setText(self.tr("Browse courses"))
        self.search.setPlaceholderText(self.tr("Search courses (Chinese or English)…"))
        self.search.setAccessibleName(self.tr("Search courses"))
        self.search.setAccessibleDescription(
            self.tr("Results follow as you type; press Enter to go to the list.")
        )
        self.list.setAccessibleName(self.tr("Courses found"))
        self.list.setAccessibleDescription(self.tr("Press Enter to open the chosen course."))
        self.downloaded_only.setText(self.tr("Downloaded only"))
        self.horizontal_label.setText(self.tr("Education"))
        self.vertical_label.setText(self.tr("Develops"))
        for code, box in self.horizontal.items():
            box.setText(label(HORIZONTAL, code, language))
        for code, box in self.vertical.items():
            box.setText(label(VERTICAL, code, language))
        current = self.section.currentData()
        self.section.blockSignals(True)
        self.section.clear()
        self.section.addItem(self.tr("All sections"), "")
        for code in SECTIONS:
            self.section.addItem(label(SECTIONS, code, language), code)
        self.section.setCurrentIndex(max(0, self.section.findData(current or "")))
        self.section.blockSignals(False)
        self.model.set_language(language)
        self._show_count()
        self._fit_filters()

    def filters(self) -> Filters:
        return Filters(
            section=self.section.currentData() or None,
            horizontal=tuple(c for c, box in self.horizontal.items() if box.isChecked()),
            vertical=tuple(c for c, box in self.vertical.items() if box.isChecked()),
            downloaded_only=self.downloaded_only.isChecked(),
        )

    def show_section(self, section: str) -> None:
        self.section.setCurrentIndex(max(0, self.section.findData(section)))
        self.refresh()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._loaded_once:
            self.refresh()

    def refresh(self) -> None:
        """Run the current query on the database worker and show its first page."""
        self._timer.stop()
        self._loaded_once = True
        self._generation += 1
        generation = self._generation

        def listed(rows: list[CourseRow]) -> None:
            if generation == self._generation:
                self.model.reset_rows(rows, UNKNOWN if len(rows) == PAGE else len(rows))
                self._show_count()
                self.rows_shown.emit()

        def counted(total: int) -> None:
            if generation == self._generation:
                self.model.set_total(total)
                self._show_count()
                self.results_shown.emit(total)

        text, filters = self.search.text(), self.filters()
        self.context.tasks.db(_query(text, filters, 0), listed)
        self.context.tasks.db(_count(text, filters), counted)

    def _fetch_more(self, offset: int) -> None:
        generation = self._generation

        def done(rows: list[CourseRow]) -> None:
            if generation == self._generation:
                self.model.append_rows(rows)

        self.context.tasks.db(_query(self.search.text(), self.filters(), offset), done)

    def _show_count(self) -> None:
        if self.model.total == UNKNOWN:
            self.count.setText(self.tr("Counting courses…"))
        else:
            self.count.setText(self.tr("%n course(s)", "", self.model.total))

    def _open(self, index: QModelIndex) -> None:
        row: CourseRow | None = index.data(ROW_ROLE)
        if row is not None:
            self.context.open_course(row.id)
