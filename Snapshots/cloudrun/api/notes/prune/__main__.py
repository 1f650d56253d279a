"""api: the starter one-shot task scaffold wrote because this folder had no sources yet.

It is yours: scaffold never rewrites it. A job (a migration) or a scheduled task runs it to
completion: it does its "work" once and exits 0, which is what lets the services that wait for
it start.
"""

import sys

GREETING = "hello from api"


def main(argv=None):
    print(GREETING, "- task done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
