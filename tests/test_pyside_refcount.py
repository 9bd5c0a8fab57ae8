"""Regression test for PySide6 6.12.0 on Python 3.11: each call of a Qt method returning
nothing dropped a reference to ``None`` until the interpreter aborted (DESIGN.md)."""

import sys

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

CALLS = 10_000


@pytest.mark.usefixtures("qapp")
def test_void_qt_calls_keep_references_to_none() -> None:
    widget = QWidget()
    holder = QObject()
    before = sys.getrefcount(None)
    for number in range(CALLS):
        widget.setVisible(False)
        holder.setObjectName("x" if number % 2 else "y")
    after = sys.getrefcount(None)
    assert abs(after - before) < 100, f"None refcount moved by {after - before}"
