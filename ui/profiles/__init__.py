"""Shared PCs: the profile picker, PINs, the idle lock, facilitator mode, guest sessions
and the silver-age simplified home."""
