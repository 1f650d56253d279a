"""`python -m ralex_bridge`: the starter's command line, as the blueprint starts it.

It is yours: scaffold never rewrites it. It serves the app in `ralex_bridge.app` with uvicorn on
`--host` and `--port` (default: $PORT, else 8000); `--reload` restarts it when the source
changes. Other arguments the blueprint passes are accepted and left for you to implement.
"""

import argparse
import os

import uvicorn


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m ralex_bridge", description="Serve ralex.")
    parser.add_argument("--host", default=os.environ.get("HOST", "0.0.0.0"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--reload", action="store_true", help="restart when the source changes")
    arguments, _ = parser.parse_known_args(argv)
    uvicorn.run("ralex_bridge.app:app", host=arguments.host, port=arguments.port, reload=arguments.reload)


if __name__ == "__main__":
    main()
