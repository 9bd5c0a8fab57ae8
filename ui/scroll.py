"""The one way screens scroll: a frameless scroll area whose content follows its width."""

from PySide6.QtWidgets import QScrollArea, QWidget


def frameless_scroll(content: QWidget) -> QScrollArea:
    """``content`` in a scroll area with no frame, resized to the area's width."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(content)
    return scroll
