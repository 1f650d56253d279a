"""A stand-in for OpenWebUI, for proving compose environments where the real image can't be had.

It keeps what scaffold's generated files rely on -- the port, GET /health, the data directory,
the settings read from the environment -- and adds two endpoints only a stand-in has:

    GET /_standin/config             which settings are set (names and booleans, never values)
    GET /_standin/reach?url=URL      fetches URL from inside the container, returns its status
    GET /_standin/reach?env=NAME&path=/models
                                     the same for the URL(s) in setting NAME (plus path), so a
                                     test proves the configured API is reachable without the URL
    GET /_standin/reach?tcp=HOST:PORT
                                     whether a TCP connection opens (e.g. the DATABASE_URL host)
"""

import json
import os
import signal
import socket
import sqlite3
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# The settings scaffold's compose files pass to OpenWebUI.
SETTINGS = ("OPENAI_API_BASE_URL", "OPENAI_API_BASE_URLS", "OPENAI_API_KEY", "OPENAI_API_KEYS",
            "DATABASE_URL", "WEBUI_SECRET_KEY", "OLLAMA_BASE_URL", "WEBUI_AUTH", "WEBUI_URL")
DATA_DIR = os.environ.get("DATA_DIR", "/app/backend/data")
VERSION = os.environ.get("WEBUI_VERSION", "main")


def record_start() -> dict:
    """Counts starts in the data directory, so a test can tell whether it persists.

    Without DATABASE_URL the real app keeps its state in DATA_DIR/webui.db (SQLite); the
    stand-in does the same, and also writes a small JSON file that is easy to read with cat.
    """
    os.makedirs(DATA_DIR, exist_ok=True)
    state_path = os.path.join(DATA_DIR, "standin-state.json")
    try:
        with open(state_path) as handle:
            state = json.load(handle)
    except (OSError, ValueError):
        state = {"starts": 0, "first_start": time.time()}
    state["starts"] += 1
    state["last_start"] = time.time()
    with open(state_path + ".tmp", "w") as handle:
        json.dump(state, handle)
    os.replace(state_path + ".tmp", state_path)
    if not os.environ.get("DATABASE_URL"):
        with sqlite3.connect(os.path.join(DATA_DIR, "webui.db")) as db:
            db.execute("CREATE TABLE IF NOT EXISTS standin_starts (at REAL)")
            db.execute("INSERT INTO standin_starts VALUES (?)", (time.time(),))
    return state


def fetch_status(url: str) -> dict:
    """GETs url (http or https only) and reports its status, or why there is none."""
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        return {"ok": False, "error": "only http and https URLs are fetched"}
    headers = {"User-Agent": "open-webui-standin"}
    key = os.environ.get("OPENAI_API_KEY")
    if key:
        headers["Authorization"] = f"Bearer {key}"  # as OpenWebUI calls the API
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as resp:
            return {"ok": True, "status": resp.status}
    except urllib.error.HTTPError as err:
        return {"ok": True, "status": err.code}
    except Exception as err:  # noqa: BLE001 -- any failure is the answer
        return {"ok": False, "error": f"{type(err).__name__}: {err}"}


def tcp_status(target: str) -> dict:
    host, _, port = target.rpartition(":")
    try:
        socket.create_connection((host, int(port)), timeout=5).close()
        return {"ok": True, "connected": True}
    except Exception as err:  # noqa: BLE001
        return {"ok": False, "connected": False, "error": f"{type(err).__name__}: {err}"}


class Handler(BaseHTTPRequestHandler):
    server_version = "open-webui-standin"

    def answer(self, code: int, body, content_type="application/json") -> None:
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def do_HEAD(self):  # wget --spider sends HEAD
        self.do_GET()

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        if url.path in ("/health", "/health/db"):
            return self.answer(200, {"status": True})
        if url.path == "/api/version":
            return self.answer(200, {"version": VERSION})
        if url.path == "/api/config":
            return self.answer(200, {"status": True, "name": "Open WebUI (stand-in)", "version": VERSION})
        if url.path == "/_standin/config":
            return self.answer(200, {"settings": {name: bool(os.environ.get(name)) for name in SETTINGS},
                                     "data_dir": DATA_DIR, "port": int(os.environ.get("PORT", "8080"))})
        if url.path == "/_standin/reach":
            if "url" in query:
                result = fetch_status(query["url"][0])
            elif "env" in query:
                name = query["env"][0]
                if name not in SETTINGS or not os.environ.get(name):
                    return self.answer(400, {"ok": False, "error": f"{name} is not a set URL setting"})
                path = query.get("path", [""])[0]
                urls = [u for u in os.environ[name].split(";") if u]
                results = [fetch_status(u.rstrip("/") + path) for u in urls]
                result = {"ok": all(r["ok"] for r in results), "results": results}
            elif "tcp" in query:
                result = tcp_status(query["tcp"][0])
            else:
                return self.answer(400, {"ok": False, "error": "give url=, env= or tcp="})
            return self.answer(200 if result["ok"] else 502, result)
        if url.path == "/":
            return self.answer(200, "<!DOCTYPE html><title>Open WebUI</title><p>Open WebUI stand-in</p>\n",
                               "text/html")
        return self.answer(404, {"detail": "Not Found"})

    def log_message(self, fmt, *args):
        sys.stdout.write("%s - %s\n" % (self.address_string(), fmt % args))
        sys.stdout.flush()


def main() -> None:
    # As PID 1 nothing stops on SIGTERM unless asked to; uvicorn in the real image exits on it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    state = record_start()
    host, port = os.environ.get("HOST", "0.0.0.0"), int(os.environ.get("PORT", "8080"))
    configured = ", ".join(name for name in SETTINGS if os.environ.get(name)) or "nothing"
    print(f"open-webui stand-in {VERSION} on {host}:{port}, start {state['starts']}, configured: {configured}",
          flush=True)
    ThreadingHTTPServer((host, port), Handler).serve_forever()


if __name__ == "__main__":
    main()
