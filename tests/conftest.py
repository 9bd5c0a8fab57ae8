"""Shared fixtures: every data folder points at a temporary one; Qt runs offscreen."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.paths import DATA_DIR_ENV, DataPaths, resolve
from app.store import Store


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user data folder."""
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "default-data"))


@pytest.fixture
def paths(tmp_path: Path) -> DataPaths:
    return resolve(tmp_path / "data")


@pytest.fixture
def store(paths: DataPaths) -> Iterator[Store]:
    with Store(paths) as opened:
        yield opened
