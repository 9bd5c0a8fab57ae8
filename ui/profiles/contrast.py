"""Text contrast (WCAG 2 relative luminance), used to pick readable avatar text and by the
accessibility tests."""

from typing import Final

from PySide6.QtGui import QColor

MINIMUM: Final = 4.5  # body text
ENHANCED: Final = 7.0  # where it can


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    return (0.2126 * _channel(colour.redF()) + 0.7152 * _channel(colour.greenF())
            + 0.0722 * _channel(colour.blueF()))


def contrast_ratio(first: QColor, second: QColor) -> float:
    """From 1 (same colour) to 21 (black on white)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_text_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background``."""
    black, white = QColor("#000000"), QColor("#ffffff")
    return max((black, white), key=lambda text: contrast_ratio(text, background))
