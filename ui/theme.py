"""The look: one stylesheet generated from the current font, re-applied live.

Every size is derived from the font (``QFontMetrics``), so large-font mode is the same
UI with a bigger font: body text ≥ 20 pt, main targets ≥ 60 px, high contrast and a thick
focus ring (MIIT 2021 elder-mode guideline).
"""

from dataclasses import dataclass
from typing import Final

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

LARGE_POINT_SIZE: Final = 20
LARGE_TARGET_PX: Final = 60
CJK_FAMILIES: Final = ("Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC")


@dataclass(frozen=True)
class Palette:
    window: str
    surface: str
    text: str
    muted: str
    accent: str
    accent_text: str
    border: str
    focus: str


NORMAL: Final = Palette(
    window="#f5f6f8", surface="#ffffff", text="#1b1f24", muted="#4a5561",
    accent="#b3261e", accent_text="#ffffff", border="#c9ced6", focus="#1a56c4",
)
HIGH_CONTRAST: Final = Palette(
    window="#ffffff", surface="#ffffff", text="#000000", muted="#1f1f1f",
    accent="#8e0000", accent_text="#ffffff", border="#000000", focus="#0033cc",
)


@dataclass(frozen=True)
class Metrics:
    """Sizes in pixels, all derived from the body font."""

    point_size: float
    line: int
    target: int
    padding: int
    scrollbar: int
    focus_width: int


def base_font() -> QFont:
    """The platform's default font, with a CJK family preferred after it."""
    font = QFont(QApplication.font())
    font.setFamilies([font.family(), *CJK_FAMILIES])
    return font


def metrics_for(font: QFont, large: bool) -> Metrics:
    line = QFontMetrics(font).height()
    target = max(LARGE_TARGET_PX, int(line * 2.0)) if large else int(line * 1.9)
    return Metrics(
        point_size=font.pointSizeF(),
        line=line,
        target=target,
        padding=max(4, line // 3),
        scrollbar=max(24, line) if large else max(12, line // 2 + 4),
        focus_width=3 if large else 2,
    )


def font_for(normal: QFont, large: bool) -> QFont:
    font = QFont(normal)
    if large:
        font.setPointSizeF(max(LARGE_POINT_SIZE, normal.pointSizeF() * 1.6))
    return font


def stylesheet(metrics: Metrics, palette: Palette) -> str:
    """The application stylesheet for these sizes and colours."""
    m, p = metrics, palette
    pt = m.point_size
    # The focus ring is thicker than the border; focused controls give up as much
    # padding, so their text keeps its room (no clipping when a button takes focus).
    return f"""
    QWidget {{ color: {p.text}; }}
    QMainWindow, QStackedWidget > QWidget {{ background: {p.window}; }}
    QLabel[role="title"] {{ font-size: {pt * 1.6:.1f}pt; font-weight: 600; }}
    QLabel[role="heading"] {{ font-size: {pt * 1.25:.1f}pt; font-weight: 600; }}
    QLabel[role="muted"] {{ color: {p.muted}; }}
    QLabel[role="badge"] {{ color: {p.accent_text}; background: {p.accent};
        border-radius: {m.padding}px; padding: 0 {m.padding}px; }}
    QPushButton, QToolButton, QLineEdit {{
        min-height: {m.target}px; padding: 0 {m.padding * 2}px;
        border: 1px solid {p.border}; border-radius: {m.padding}px; background: {p.surface};
    }}
    QComboBox, QSpinBox {{ min-height: {m.target}px; padding: 0 {m.padding * 2}px; }}
    QPushButton[role="primary"] {{ background: {p.accent}; color: {p.accent_text};
        border-color: {p.accent}; font-weight: 600; }}
    QPushButton[role="tile"] {{ text-align: left; padding: {m.padding * 2}px; }}
    QPushButton:disabled {{ color: {p.muted}; background: {p.window}; }}
    QPushButton:focus, QToolButton:focus, QComboBox:focus, QLineEdit:focus, QSpinBox:focus,
    QCheckBox:focus, QListView:focus, QTreeView:focus {{
        border: {m.focus_width}px solid {p.focus};
    }}
    QPushButton:focus, QToolButton:focus, QComboBox:focus, QLineEdit:focus, QSpinBox:focus {{
        padding: 0 {m.padding * 2 - (m.focus_width - 1)}px;
    }}
    QCheckBox {{ min-height: {m.target}px; spacing: {m.padding * 2}px; }}
    QCheckBox::indicator {{ width: {m.line}px; height: {m.line}px; }}
    QListView, QTreeView {{ background: {p.surface}; border: 1px solid {p.border}; }}
    QListView#navigation {{ background: {p.surface}; border: none;
        border-right: 1px solid {p.border}; }}
    QListView#navigation::item {{ padding: {(m.target - m.line) // 2}px {m.padding * 3}px; }}
    QListView#navigation::item:selected {{ background: {p.accent}; color: {p.accent_text}; }}
    QTreeView::item {{ min-height: {m.target}px; }}
    QProgressBar {{ min-height: {m.line}px; border: 1px solid {p.border};
        border-radius: {m.padding}px; text-align: center; background: {p.surface}; }}
    QProgressBar::chunk {{ background: {p.focus}; }}
    QScrollBar:vertical {{ width: {m.scrollbar}px; }}
    QScrollBar:horizontal {{ height: {m.scrollbar}px; }}
    QStatusBar {{ background: {p.surface}; border-top: 1px solid {p.border}; }}
    QStatusBar QLabel {{ padding: 0 {m.padding * 2}px; }}
    """


def apply_theme(app: QApplication, normal: QFont, large: bool) -> Metrics:
    """Set the application font and stylesheet for normal or large-font mode."""
    font = font_for(normal, large)
    app.setFont(font)
    metrics = metrics_for(font, large)
    app.setStyleSheet(stylesheet(metrics, HIGH_CONTRAST if large else NORMAL))
    return metrics
