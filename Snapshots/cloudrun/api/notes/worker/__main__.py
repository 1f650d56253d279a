"""api: the starter background worker scaffold wrote because this folder had no sources yet.

It is yours: scaffold never rewrites it. It does its "work" in a loop and touches a heartbeat file;
`--healthcheck` exits 0 while the heartbeat is fresh, which is what the container health check runs.
"""

import argparse
import os
import pathlib
import sys
import time

GREETING = "hello from api"
HEARTBEAT = pathlib.Path(os.environ.get("WORKER_HEARTBEAT", "/tmp/api-heartbeat"))
INTERVAL_SECONDS = 5


def healthy(now=None):
    """Whether the worker loop touched its heartbeat within three intervals."""
    try:
        age = (now or time.time()) - float(HEARTBEAT.read_text())
    except (OSError, ValueError):
        return False
    return age < 3 * INTERVAL_SECONDS


def main(argv=None):
    parser = argparse.ArgumentParser(description="Run the api worker.")
    parser.add_argument("--healthcheck", action="store_true", help="exit 0 when the worker is alive")
    arguments, _ = parser.parse_known_args(argv)
    if arguments.healthcheck:
        sys.exit(0 if healthy() else 1)
    print(GREETING, flush=True)
    while True:
        HEARTBEAT.write_text(str(time.time()))
        time.sleep(INTERVAL_SECONDS)


if __name__ == "__main__":
    main()
