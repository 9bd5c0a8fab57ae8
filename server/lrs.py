"""The xAPI 1.0.3 statement resource and about resource (a small conformant LRS)."""

import json
import re
from typing import Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from server import statements
from server.auth import Principal
from server.bodies import read_json
from server.context import ServerContext, context
from server.problems import Problem, bad_request
from server.xapi import StatementError, agent, ifi_key, timestamp

XAPI_VERSION = "1.0.3"
_VERSION = re.compile(r"1\.0(\.\d+)?")
_QUERY_PARAMS = {"statementId", "agent", "verb", "activity", "registration", "since", "until",
                 "limit", "ascending", "format", "attachments", "cursor"}
_HEADERS = {"X-Experience-API-Version": XAPI_VERSION}


async def about(_request: Request) -> Response:
    return JSONResponse({"version": ["1.0.3", "1.0.2", "1.0.1", "1.0.0"]}, headers=_HEADERS)


async def _authorise(request: Request) -> tuple[ServerContext, Principal]:
    version = request.headers.get("x-experience-api-version", "")
    if not _VERSION.fullmatch(version.strip()):
        raise bad_request("send the header X-Experience-API-Version: 1.0.3")
    ctx = context(request)
    header = request.headers.get("authorization")
    principal = await run_in_threadpool(ctx.authenticator.principal, header)
    return ctx, principal


async def statements_resource(request: Request) -> Response:
    """``/xapi/statements``: one route, so a 405 lists every method it takes."""
    if request.method == "POST":
        return await post_statements(request)
    if request.method == "PUT":
        return await put_statement(request)
    return await get_statements(request)


async def post_statements(request: Request) -> Response:
    """One statement or a batch: all stored or none; 200 with the ids in order."""
    ctx, principal = await _authorise(request)
    body = await read_json(request, ctx.config.max_body_bytes)
    batch = body if isinstance(body, list) else [body]
    ids = await run_in_threadpool(statements.ingest, ctx.storage, batch, principal)
    return JSONResponse(ids, headers=_HEADERS)


async def put_statement(request: Request) -> Response:
    ctx, principal = await _authorise(request)
    statement_id = request.query_params.get("statementId", "")
    body = await read_json(request, ctx.config.max_body_bytes)
    if not isinstance(body, dict):
        raise bad_request("PUT takes one statement object")
    if str(body.get("id", statement_id)).lower() != statement_id.lower():
        raise bad_request("the statement's id differs from statementId")
    batch = [{**body, "id": statement_id}]
    await run_in_threadpool(statements.ingest, ctx.storage, batch, principal)
    return Response(status_code=204, headers=_HEADERS)


def _query(request: Request, principal: Principal, page_limit: int) -> statements.Query:
    params = request.query_params
    unknown = set(params) - _QUERY_PARAMS
    if unknown:
        raise bad_request(f"unknown query parameters: {', '.join(sorted(unknown))}")
    actor = _agent_param(params.get("agent"))
    if principal.is_learner:
        own = ifi_key(principal.agent)
        if actor is not None and actor != own:
            raise Problem(403, "Forbidden", "a learner may only read their own statements")
        actor = own
    limit_text = params.get("limit", "0")
    if not limit_text.isascii() or not limit_text.isdigit():
        raise bad_request("'limit' must be a whole number")
    try:
        return statements.Query(
            actor=actor, verb=params.get("verb"), activity=params.get("activity"),
            registration=params.get("registration"),
            since=_time_param(params.get("since"), "since"),
            until=_time_param(params.get("until"), "until"),
            limit=min(int(limit_text) or page_limit, page_limit),
            ascending=_bool_param(params.get("ascending", "false"), "ascending"),
            after=int(params["cursor"]) if "cursor" in params else None,
        )
    except ValueError:
        raise bad_request("'cursor' is not one this server issued") from None


def _agent_param(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        value = json.loads(text)
        agent(value, "agent")
    except (ValueError, RecursionError) as exc:
        detail = str(exc) if isinstance(exc, StatementError) else "agent is not JSON"
        raise bad_request(f"'agent' must be an Agent or Group as JSON: {detail}") from None
    return ifi_key(value)


def _time_param(text: str | None, name: str) -> str | None:
    if text is None:
        return None
    try:
        return statements.normalise_time(timestamp(text, name))
    except StatementError as exc:
        raise bad_request(str(exc)) from None


def _bool_param(text: str, name: str) -> bool:
    if text not in ("true", "false"):
        raise bad_request(f"'{name}' must be true or false")
    return text == "true"


async def get_statements(request: Request) -> Response:
    ctx, principal = await _authorise(request)
    statement_id = request.query_params.get("statementId")
    if statement_id is not None:
        return await _one_statement(ctx, principal, statement_id)
    query = _query(request, principal, ctx.config.statements_page_limit)
    found = await run_in_threadpool(statements.find, ctx.storage, query)
    more = ""
    if found.next_after is not None:
        params: dict[str, Any] = {**request.query_params, "cursor": found.next_after}
        more = f"{request.url.path}?{urlencode(params)}"
    body = '{"statements":[' + ",".join(found.statements) + f'],"more":{json.dumps(more)}}}'
    headers = {**_HEADERS, "X-Experience-API-Consistent-Through": found.consistent_through}
    return Response(body, headers=headers, media_type="application/json")


async def _one_statement(ctx: ServerContext, principal: Principal, statement_id: str) -> Response:
    row = await run_in_threadpool(statements.by_id, ctx.storage, statement_id)
    # Another learner's statement is reported as absent: ids are not secrets, contents are.
    if row is None or (principal.is_learner and row[0] != ifi_key(principal.agent)):
        raise Problem(404, "Not found", f"no statement {statement_id[:40]!r}")
    return Response(row[1], headers=_HEADERS, media_type="application/json")
