"""Reference platform server: the protocol of ``docs/protocol.md`` over real HTTP.

Used by tests, by the desktop app's ``--demo``, and by a community learning centre that
runs it on one PC of its LAN as the centre's hub.
"""
