from __future__ import annotations

import os

# Unit tests must not start the outbox's delivery thread against a real URL.
os.environ.setdefault("OUTBOX_AUTOSTART", "0")
