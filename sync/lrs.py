"""xAPI 1.0.3 statement resource of any conformant LRS: the platform's or a separate one."""

import json
from collections.abc import Iterator, Sequence
from typing import Any

from sync.client import Client, decode_json, require
from sync.errors import ProtocolError, ServerError


class Lrs:
    """``POST``/``GET`` on ``<endpoint>/statements``; ``endpoint`` is resolved against the
    client's base URL (empty: the base URL is the xAPI endpoint itself, as for an LRS)."""

    def __init__(self, client: Client, endpoint: str = "xapi/") -> None:
        self.client = client
        self.statements_path = client.url(endpoint).rstrip("/") + "/statements"

    def post(self, batch: Sequence[str]) -> None:
        """Store statements given as JSON texts; returns only once the LRS accepted them all.

        A 200 must carry the JSON array of ids xAPI promises, so a proxy's or captive
        portal's "200 OK" page is never taken for an acceptance.
        """
        body = ("[" + ",".join(batch) + "]").encode()
        response = self.client.request(
            "POST", self.statements_path, data=body, expect=(200, 204),
            headers={"Content-Type": "application/json"},
        )
        if response.status_code == 204:
            return
        ids = decode_json(response)
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise ProtocolError("The LRS accepted statements but did not list their ids.")

    def get(self, statement_id: str) -> dict[str, Any] | None:
        """The stored statement with this id, or None if the LRS has none."""
        try:
            found = self.client.json(
                "GET", self.statements_path, params={"statementId": statement_id}
            )
        except ServerError as error:
            if error.status == 404:
                return None
            raise
        if not isinstance(found, dict) or found.get("id") != statement_id:
            raise ProtocolError(f"The LRS answered with another statement than {statement_id}.")
        return found

    def query(
        self, agent: dict[str, Any], since: str, *, limit: int = 500
    ) -> Iterator[list[dict[str, Any]]]:
        """Pages of the agent's statements stored after ``since``, oldest first."""
        first = {
            "agent": json.dumps(agent, separators=(",", ":")),
            "limit": str(limit),
            "ascending": "true",
        } | ({"since": since} if since else {})
        params: dict[str, str] | None = first
        url = self.statements_path
        while url:
            body = self.client.json("GET", url, params=params)
            statements = require(body, "statements", list, "a statement query")
            if not all(isinstance(s, dict) and isinstance(s.get("id"), str) for s in statements):
                raise ProtocolError("The LRS sent a statement without an id.")
            yield statements
            more = body.get("more") or ""
            if not isinstance(more, str):
                raise ProtocolError("The LRS sent a 'more' link that is not a string.")
            # ``more`` is relative to the LRS's root and carries the query itself.
            url, params = (self.client.url(more) if more else ""), None
