"""A course list that stays fast at 100,000 courses: rows come from SQLite a page at a time.

Filtering and sorting happen in SQLite (``app.search``); the model only holds the rows
fetched so far and resets when the query changes (DESIGN.md, "Facts measured").

Signals (of :class:`CourseListModel`):
    more_wanted(int): the view scrolled near the end; fetch the page starting at this offset.
"""

from typing import Any, Final

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.facets import SECTIONS, label
from app.search import CourseRow

ROW_ROLE: Final = Qt.ItemDataRole.UserRole + 1
UNKNOWN: Final = -1  # total not counted yet
Index = QModelIndex | QPersistentModelIndex


def format_size(size: int) -> str:
    """A byte count in plain units (MB with one decimal below 10 MB)."""
    if size < 1024 * 1024:
        return f"{max(size, 0) / 1024:.0f} KB"
    megabytes = size / (1024 * 1024)
    if megabytes < 10:
        return f"{megabytes:.1f} MB"
    if megabytes < 1024:
        return f"{megabytes:.0f} MB"
    return f"{megabytes / 1024:.1f} GB"


class CourseListModel(QAbstractListModel):
    more_wanted = Signal(int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CourseRow] = []
        self._total = 0
        self._waiting_for_more = False
        self.language = "zh"

    @property
    def total(self) -> int:
        """How many courses match, or :data:`UNKNOWN` until counted."""
        return self._total

    def set_total(self, total: int) -> None:
        self._total = max(total, len(self._rows))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title(self.language)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.summary(self.language)
        if role == ROW_ROLE:
            return row
        return None

    def reset_rows(self, rows: list[CourseRow], total: int) -> None:
        """Replace the list with the first page of a new query."""
        self.beginResetModel()
        self._rows = list(rows)
        self._total = total
        self._waiting_for_more = False
        self.endResetModel()

    def append_rows(self, rows: list[CourseRow]) -> None:
        """Add the next page fetched after :attr:`more_wanted`."""
        self._waiting_for_more = False
        if not rows:
            self._total = len(self._rows)  # the count was stale: nothing more to fetch
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def set_language(self, language: str) -> None:
        self.language = language
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and (self._total == UNKNOWN or len(self._rows) < self._total)

    def fetchMore(self, parent: Index) -> None:
        if not parent.isValid() and not self._waiting_for_more:
            self._waiting_for_more = True
            self.more_wanted.emit(len(self._rows))

    def row_at(self, number: int) -> CourseRow:
        return self._rows[number]


class CourseDelegate(QStyledItemDelegate):
    """Draws a course in two lines: its title and state (size, or "Downloaded"), then its
    section and a one-line summary."""

    def sizeHint(self, option: QStyleOptionViewItem, _index: Index) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(line * 10, int(line * 3.4))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row: CourseRow | None = index.data(ROW_ROLE)
        if row is None:
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        language = getattr(index.model(), "language", "zh")
        metrics = QFontMetrics(opt.font)
        line, pad = metrics.height(), metrics.height() // 2
        body = opt.rect.adjusted(pad, pad // 2, -pad, -pad // 2)
        first = QRect(body.left(), body.top(), body.width(), int(line * 1.4))
        second = first.translated(0, int(line * 1.4))
        state = _state_text(row)
        state_width = metrics.horizontalAdvance(state) + pad
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.save()
        painter.setPen(opt.palette.color(role))
        painter.setFont(bold)
        title = QFontMetrics(bold).elidedText(
            row.title(language), Qt.TextElideMode.ElideRight, first.width() - state_width
        )
        painter.drawText(first, Qt.AlignmentFlag.AlignVCenter, title)
        painter.setFont(opt.font)
        painter.drawText(first, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, state)
        detail = f"{label(SECTIONS, row.section, language)} · {row.summary(language)}"
        detail = metrics.elidedText(detail, Qt.TextElideMode.ElideRight, second.width())
        painter.drawText(second, Qt.AlignmentFlag.AlignVCenter, detail)
        painter.restore()


def _state_text(row: CourseRow) -> str:
    if row.installed:
        return QCoreApplication.translate("CourseDelegate", "Downloaded")
    return format_size(row.package_size)
