"""Seeding a server with the demo catalogue and the demo learner (``demo`` / ``demo``)."""

import shutil
from pathlib import Path, PurePosixPath
from typing import Any

from server import auth
from server.config import ServerConfig
from server.publishing import publish
from server.storage import Storage

DEMO_LEARNER = ("demo", "demo")


def seed_demo(storage: Storage, config: ServerConfig) -> list[dict[str, Any]]:
    """Publish the demo courses (once: an existing catalogue is left alone) and the learner."""
    from resources.demo.generator import build_demo

    if storage.connection().execute("SELECT 1 FROM learners WHERE username = ?",
                                    (DEMO_LEARNER[0],)).fetchone() is None:
        auth.add_learner(storage, *DEMO_LEARNER)
    if storage.connection().execute("SELECT 1 FROM courses").fetchone() is not None:
        return []
    build_dir = config.data_dir / "demo-build"
    records = build_demo(build_dir, activity_base=config.activity_base)
    published = []
    for record in records:
        # The generator's record is the metadata; publish() fills package and updated itself.
        zip_path = build_dir / PurePosixPath(record["package"]["url"]).name
        meta = {key: value for key, value in record.items() if key not in ("package", "updated")}
        published.append(publish(storage, config, Path(zip_path), meta))
    shutil.rmtree(build_dir, ignore_errors=True)
    return published
