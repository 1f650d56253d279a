"""Tests for the api starter worker; run them with `uv run pytest`."""

import time

from notes.worker.__main__ import HEARTBEAT, healthy


def test_a_fresh_heartbeat_is_healthy():
    HEARTBEAT.write_text(str(time.time()))
    assert healthy()


def test_a_stale_heartbeat_is_not():
    HEARTBEAT.write_text(str(time.time() - 3600))
    assert not healthy()
