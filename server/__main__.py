"""``python -m server``: the same as the ``lifelong-server`` command."""

import sys

from server.cli import main

sys.exit(main())
