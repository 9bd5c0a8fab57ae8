"""What the large-font test measures on a shown screen: cut text, small targets, contrast."""

from collections.abc import Iterator
from typing import Final, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from ui.profiles.contrast import MINIMUM, contrast_ratio

W = TypeVar("W", bound=QWidget)
MAIN_TARGET: Final = 60
OTHER_TARGET: Final = 48


def _shown(root: QWidget, kind: type[W]) -> Iterator[W]:
    for widget in root.findChildren(kind):
        if widget.isVisibleTo(root) and widget.width() > 0:
            yield widget


def _button_text_room(button: QAbstractButton) -> int:
    option = QStyleOptionButton()
    button.initStyleOption(option)  # type: ignore[attr-defined]
    element = (QStyle.SubElement.SE_CheckBoxContents if isinstance(button, QCheckBox)
               else QStyle.SubElement.SE_PushButtonContents)
    return button.style().subElementRect(element, option, button).width()


def cut_texts(root: QWidget) -> list[str]:
    """Labels and buttons whose one-line text is wider than the room they have."""
    found = []
    for label in _shown(root, QLabel):
        text = label.text()
        if not text or label.wordWrap() or label.textFormat() == Qt.TextFormat.RichText:
            continue
        if label.fontMetrics().horizontalAdvance(text) > label.contentsRect().width():
            found.append(f"label {text!r}")
    for button in _shown(root, QAbstractButton):
        text = button.text()
        if not isinstance(button, (QPushButton, QCheckBox)) or not text:
            continue
        if button.fontMetrics().horizontalAdvance(text) > _button_text_room(button):
            found.append(f"button {text!r}")
    return found


def is_main(button: QAbstractButton) -> bool:
    return button.property("role") in ("tile", "primary") or bool(button.property("main"))


def small_targets(root: QWidget) -> list[str]:
    found = []
    for button in _shown(root, QAbstractButton):
        least = MAIN_TARGET if is_main(button) else OTHER_TARGET
        if button.width() < least or button.height() < least:
            found.append(f"{type(button).__name__} {button.text()!r} "
                         f"{button.width()}×{button.height()} < {least}")
    return found


def low_contrast(root: QWidget) -> list[str]:
    """Text whose palette colour is too close to its background's."""
    found = []
    widgets: list[QLabel | QAbstractButton] = [*_shown(root, QLabel),
                                               *_shown(root, QAbstractButton)]
    for widget in widgets:
        text = widget.text()
        if not text:
            continue
        palette = widget.palette()
        ratio = contrast_ratio(palette.color(widget.foregroundRole()),
                               palette.color(widget.backgroundRole()))
        if ratio < MINIMUM:
            found.append(f"{text!r} {ratio:.1f}:1")
    return found
