#!/usr/bin/env bash
# Entry point of the postgres stand-in, with the official image's behaviour:
# - a first argument that is a flag means `postgres ARGS`;
# - for `postgres`: create PGDATA (and POSTGRES_INITDB_WALDIR), give them to postgres and, when
#   started as root, re-run as postgres;
# - on an empty PGDATA only: require POSTGRES_PASSWORD (unless POSTGRES_HOST_AUTH_METHOD=trust),
#   initdb as POSTGRES_USER (default postgres) with POSTGRES_INITDB_ARGS, allow host connections
#   with the server's password_encryption (scram-sha-256), create POSTGRES_DB (default: the user)
#   and run /docker-entrypoint-initdb.d/*.sh, *.sql, *.sql.gz, *.sql.xz and *.sql.zst once,
#   against a temporary server that listens on the socket only;
# - each of the POSTGRES_* variables may come from a file named by <VAR>_FILE.
set -Eeo pipefail

# Reads VAR, or the file named by VAR_FILE, into VAR (with a default); both at once is an error.
file_env() {
    local var="$1" file_var="${1}_FILE" default="${2:-}" value
    if [ -n "${!var:-}" ] && [ -n "${!file_var:-}" ]; then
        printf >&2 'error: both %s and %s are set (but are exclusive)\n' "$var" "$file_var"
        exit 1
    fi
    value="$default"
    if [ -n "${!var:-}" ]; then
        value="${!var}"
    elif [ -n "${!file_var:-}" ]; then
        value="$(< "${!file_var}")"
    fi
    export "$var"="$value"
    unset "$file_var"
}

# Runs SQL as the superuser over the socket, stopping at the first error.
run_sql() {
    local cmd=(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc)
    if [ -n "$POSTGRES_DB" ]; then
        cmd+=(--dbname "$POSTGRES_DB")
    fi
    PGHOST= PGHOSTADDR= "${cmd[@]}" "$@"
}

# True when an argument asks postgres for help or a version and not for a server.
wants_help() {
    local arg
    for arg; do
        case "$arg" in
            -'?'|--help|--describe-config|-V|--version) return 0 ;;
        esac
    done
    return 1
}

if [ "${1:0:1}" = '-' ]; then
    set -- postgres "$@"
fi

if [ "$1" != 'postgres' ] || wants_help "$@"; then
    exec "$@"
fi

file_env POSTGRES_PASSWORD
file_env POSTGRES_USER postgres
file_env POSTGRES_DB "$POSTGRES_USER"
file_env POSTGRES_INITDB_ARGS
: "${POSTGRES_HOST_AUTH_METHOD:=}"
: "${PGDATA:=/var/lib/postgresql/data}"

# Directories, owned by postgres (fixed only when we are root; chmod failures are tolerated).
mkdir -p "$PGDATA"
chmod 00700 "$PGDATA" || :
mkdir -p /var/run/postgresql || :
chmod 03775 /var/run/postgresql || :
if [ -n "${POSTGRES_INITDB_WALDIR:-}" ]; then
    mkdir -p "$POSTGRES_INITDB_WALDIR"
    [ "$(id -u)" = 0 ] && find "$POSTGRES_INITDB_WALDIR" \! -user postgres -exec chown postgres '{}' +
    chmod 700 "$POSTGRES_INITDB_WALDIR"
fi
if [ "$(id -u)" = '0' ]; then
    find "$PGDATA" \! -user postgres -exec chown postgres '{}' +
    find /var/run/postgresql \! -user postgres -exec chown postgres '{}' +
    exec gosu postgres "$BASH_SOURCE" "$@"
fi

if [ -s "$PGDATA/PG_VERSION" ]; then
    printf '\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n'
    exec "$@"
fi

if [ -z "$POSTGRES_PASSWORD" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != 'trust' ]; then
    cat >&2 <<'EOF_ERROR'
Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
EOF_ERROR
    exit 1
fi
if [ "$POSTGRES_HOST_AUTH_METHOD" = 'trust' ]; then
    printf >&2 'WARNING: POSTGRES_HOST_AUTH_METHOD is "trust": anyone who can reach the port can connect.\n'
fi
# Fail early (not halfway through initialisation) when the init directory is unreadable.
ls /docker-entrypoint-initdb.d/ > /dev/null

# initdb. --pwfile rejects an empty file, hence the newline.
initdb_args=()
if [ -n "${POSTGRES_INITDB_WALDIR:-}" ]; then
    initdb_args+=(--waldir "$POSTGRES_INITDB_WALDIR")
fi
eval 'initdb --username="$POSTGRES_USER" --pwfile=<(printf "%s\n" "$POSTGRES_PASSWORD") '"$POSTGRES_INITDB_ARGS"' "${initdb_args[@]}"'

# Host connections: the method the server hashes passwords with (scram-sha-256), unless set.
server_args=("${@:2}")
auth="$(postgres -C password_encryption "${server_args[@]}")"
: "${POSTGRES_HOST_AUTH_METHOD:=$auth}"
printf '\nhost all all all %s\n' "$POSTGRES_HOST_AUTH_METHOD" >> "$PGDATA/pg_hba.conf"

# A socket-only server for the setup.
NOTIFY_SOCKET= PGUSER="${PGUSER:-$POSTGRES_USER}" \
    pg_ctl -D "$PGDATA" -o "$(printf '%q ' "${server_args[@]}" -c listen_addresses='' -p "${PGPORT:-5432}")" -w start

# POSTGRES_DB, unless initdb made it already (it makes "postgres").
exists="$(POSTGRES_DB= run_sql --dbname postgres --set db="$POSTGRES_DB" --tuples-only \
    <<< "SELECT 1 FROM pg_database WHERE datname = :'db';")"
if [ -z "$exists" ]; then
    POSTGRES_DB= run_sql --dbname postgres --set db="$POSTGRES_DB" <<< 'CREATE DATABASE :"db";'
fi

# The init scripts, in name order; executable *.sh run, others are sourced.
printf '\n'
for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
        *.sh)
            if [ -x "$f" ]; then
                printf '%s: running %s\n' "$0" "$f"; "$f"
            else
                printf '%s: sourcing %s\n' "$0" "$f"; . "$f"
            fi ;;
        *.sql) printf '%s: running %s\n' "$0" "$f"; run_sql -f "$f" ;;
        *.sql.gz) printf '%s: running %s\n' "$0" "$f"; gunzip -c "$f" | run_sql ;;
        *.sql.xz) printf '%s: running %s\n' "$0" "$f"; xzcat "$f" | run_sql ;;
        *.sql.zst) printf '%s: running %s\n' "$0" "$f"; zstd -dc "$f" | run_sql ;;
        */\*) ;;
        *) printf '%s: ignoring %s\n' "$0" "$f" ;;
    esac
done

PGUSER="${PGUSER:-postgres}" pg_ctl -D "$PGDATA" -m fast -w stop
printf '\nPostgreSQL init process complete; ready for start up.\n\n'

exec "$@"
