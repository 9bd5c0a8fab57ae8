"""Talking to the platform: HTTP client, connectivity, catalogue, downloads, statements.

No Qt here: long operations take progress callbacks and a cancel check, and each worker
thread opens its own :class:`app.store.Store`.
"""
