"""``--demo``: the app against an embedded reference server, in throw-away folders.

The server runs in this process on loopback with the demo catalogue; the client signs in
as the demo learner (demo / demo) once its profile is loaded, then syncs in the background.
"""

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from server.running import RunningServer
    from ui.context import AppContext

DEMO_LEARNER: Final = ("demo", "demo")


class DemoSession:
    """An embedded demo server and a throw-away client data folder; :meth:`stop` cleans up."""

    def __init__(self) -> None:
        from server.running import start_server

        self.folder = Path(tempfile.mkdtemp(prefix="lifelong-demo-"))
        self.client_dir = self.folder / "client"
        self.server: RunningServer = start_server(self.folder / "server", demo=True)

    @property
    def url(self) -> str:
        return self.server.url

    def connect(self, context: "AppContext") -> None:
        """Sign the first profile in as the demo learner and sync, once it is loaded."""

        def first_profile(_profile: object) -> None:
            context.profile_changed.disconnect(first_profile)
            if context.sync is not None:
                context.sync.sign_in(self.url, *DEMO_LEARNER)

        context.profile_changed.connect(first_profile)

    def stop(self) -> None:
        self.server.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
