#!/bin/sh
# Like the nginx images' entrypoint: before starting nginx, run the scripts in
# /docker-entrypoint.d (*.sh executed, *.envsh sourced), in name order. Other commands run as given.
set -e
if [ "$1" = "nginx" ] || [ "$1" = "nginx-debug" ]; then
    for script in /docker-entrypoint.d/*; do
        case "$script" in
            *.envsh) [ -x "$script" ] && . "$script" ;;
            *.sh) [ -x "$script" ] && "$script" ;;
        esac
    done
fi
exec "$@"
