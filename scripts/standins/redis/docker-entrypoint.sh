#!/bin/sh
# Entry point of the redis stand-in, behaving like the official image's:
# - a first argument that is a flag or a *.conf file means `redis-server ARGS`;
# - started as root for redis-server, it gives /data (the working directory) to redis and
#   re-runs itself as redis;
# - redis-server gets `--protected-mode no` unless protected mode is configured somewhere,
#   as the official build compiles protected mode off (Debian's keeps it on, which would
#   refuse clients from other containers when no password is set);
# - a umask of 0077 unless one other than the default was set.
set -e

if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then
    set -- redis-server "$@"
fi

if [ "$1" = "redis-server" ] && [ "$(id -u)" = "0" ]; then
    find . \! -user redis -exec chown redis '{}' +
    exec gosu redis "$0" "$@"
fi

if [ "$1" = "redis-server" ]; then
    configured=no
    for arg in "$@"; do
        case "$arg" in
            --protected-mode*) configured=yes ;;
        esac
    done
    # A config file is the first argument after redis-server when it is not a flag.
    if [ $# -ge 2 ] && [ "${2#-}" = "$2" ] && [ -f "$2" ] && grep -Eqi '^[[:space:]]*protected-mode' "$2"; then
        configured=yes
    fi
    if [ "$configured" = no ]; then
        set -- "$@" --protected-mode no
    fi
fi

if [ "$(umask)" = "0022" ]; then
    umask 0077
fi

exec "$@"
