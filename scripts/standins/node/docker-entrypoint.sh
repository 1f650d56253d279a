#!/bin/sh
# Like the official node image's entrypoint: a first argument that is a flag, or that is not a
# command (a script file such as server.js), is handed to node; anything else runs as given.
set -e
if [ "${1#-}" != "$1" ] || [ -z "$(command -v "$1" 2>/dev/null)" ] || { [ -f "$1" ] && ! [ -x "$1" ]; }; then
    set -- node "$@"
fi
exec "$@"
