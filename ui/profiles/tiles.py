"""Large buttons of the picker and the simplified home: an avatar (or symbol), a title
and a line of detail, all sized from the font.

Signals (of :class:`BigTile`):
    clicked(): inherited from ``QPushButton``; Enter and Space work too.
"""

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.profiles.contrast import readable_text_on


class BigTile(QPushButton):
    """A main action: at least 60 px high in large-font mode (the theme's target size)."""

    def __init__(self, title: str = "", detail: str = "", *, colour: str = "",
                 symbol: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setProperty("main", True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.avatar = QLabel(symbol or title[:1])
        self.avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        background = QColor(colour or "#455a64")
        self._avatar_colours = (
            f"background: {background.name()}; color: {readable_text_on(background).name()};"
        )
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.detail = QLabel()
        self.detail.setProperty("role", "muted")
        column = QVBoxLayout()
        for label in (self.title, self.detail):
            label.setWordWrap(True)
            column.addWidget(label)
        self._row = QHBoxLayout(self)
        self._row.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignVCenter)
        self._row.addLayout(column, 1)
        for label in (self.avatar, self.title, self.detail):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.set_texts(title, detail)
        self._fit_avatar()

    def set_texts(self, title: str, detail: str = "") -> None:
        self.title.setText(title)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.setAccessibleName(f"{title}, {detail}" if detail else title)

    def _fit_avatar(self) -> None:
        side = self.fontMetrics().height() * 2
        self.avatar.setFixedSize(side, side)
        font = self.avatar.font()
        font.setPointSizeF(self.font().pointSizeF() * 1.3)
        self.avatar.setFont(font)
        # A stylesheet font size would not follow large-font mode, so the size is set here.
        self.avatar.setStyleSheet(
            f"{self._avatar_colours} font-weight: 700; border-radius: {side // 2}px;"
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_avatar()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        return self._row.sizeHint().expandedTo(super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._row.minimumSize()
