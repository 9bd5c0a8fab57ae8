"""What every request handler needs: storage, settings, authentication."""

from dataclasses import dataclass

from starlette.requests import HTTPConnection

from server.auth import Authenticator
from server.config import ServerConfig
from server.storage import Storage


@dataclass(frozen=True)
class ServerContext:
    config: ServerConfig
    storage: Storage
    authenticator: Authenticator


def context(request: HTTPConnection) -> ServerContext:
    found = request.app.state.context
    assert isinstance(found, ServerContext)
    return found
