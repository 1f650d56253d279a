"""api: the starter ASGI app scaffold wrote because this folder had no sources yet.

It is yours: scaffold never rewrites it. It answers the health endpoints the blueprint declares
(/health) and a greeting on `/`; replace it with your framework of choice.
"""

import json

GREETING = "hello from api"
HEALTH_PATHS = frozenset({ "/health" })


def respond(path):
    """The status and JSON body for a GET of `path`."""
    if path in HEALTH_PATHS:
        return 200, {"status": "ok"}
    if path == "/":
        return 200, {"message": GREETING}
    return 404, {"error": "not found", "path": path}


async def app(scope, receive, send):
    """A plain ASGI application: no framework, so the starter has a single dependency."""
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    if scope["type"] != "http":
        return
    status, body = respond(scope["path"])
    payload = json.dumps(body).encode()
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())],
    })
    await send({"type": "http.response.body", "body": payload})
