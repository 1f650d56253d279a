"""Tests for the api starter app; run them with `uv run pytest`."""

import asyncio
import json

from notes.main import app as app


def get(path):
    """Calls the ASGI app with a GET of `path`; returns the status and the decoded JSON body."""
    messages = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        messages.append(message)

    asyncio.run(app({"type": "http", "method": "GET", "path": path, "headers": []}, receive, send))
    body = b"".join(message.get("body", b"") for message in messages[1:])
    return messages[0]["status"], json.loads(body)


def test_health_endpoints_answer():
    assert get("/health") == (200, {"status": "ok"})


def test_greeting():
    assert get("/") == (200, {"message": "hello from api"})


def test_unknown_path_is_404():
    assert get("/no-such-page")[0] == 404
