#!/usr/bin/env bash
# Starts the OpenWebUI stand-in the way the real image's start.sh starts OpenWebUI: without a
# WEBUI_SECRET_KEY, one is generated once and kept in .webui_secret_key beside this script.
set -e
cd "$(dirname "$0")"
key_file=.webui_secret_key
if [ -z "${WEBUI_SECRET_KEY:-}" ] && [ -z "${WEBUI_JWT_SECRET_KEY:-}" ]; then
    if [ ! -s "$key_file" ]; then
        echo "Generating WEBUI_SECRET_KEY"
        python3 -c 'import secrets; print(secrets.token_urlsafe(24))' > "$key_file"
    fi
    WEBUI_SECRET_KEY="$(cat "$key_file")"
    export WEBUI_SECRET_KEY
fi
exec python3 standin_webui.py
