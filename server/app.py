"""The Starlette application: routes of ``docs/protocol.md`` over one storage."""

from starlette.applications import Starlette
from starlette.routing import Route

from server import api, lrs
from server.auth import Authenticator
from server.config import ServerConfig
from server.context import ServerContext
from server.problems import EXCEPTION_HANDLERS
from server.storage import Storage


def create_app(config: ServerConfig, storage: Storage) -> Starlette:
    routes = [
        Route("/api/v1/health", api.health, methods=["GET"]),
        Route("/api/v1/auth/token", api.token, methods=["POST"]),
        Route("/api/v1/catalog/changes", api.catalog_changes, methods=["GET"]),
        Route("/packages/{name}", api.PackageEndpoint(), methods=["GET", "HEAD"]),
        Route("/xapi/about", lrs.about, methods=["GET"]),
        Route("/xapi/statements", lrs.statements_resource, methods=["GET", "POST", "PUT"]),
    ]
    if config.enable_echo:
        routes.append(Route("/api/v1/echo", api.echo, methods=["POST"]))
    app = Starlette(routes=routes, exception_handlers=EXCEPTION_HANDLERS)
    app.state.context = ServerContext(config, storage, Authenticator(storage, config))
    return app
