#!/usr/bin/env bash
# Entry point of the mysql stand-in (MariaDB), behaving like the mysql image's:
# - a first argument that is a flag means `mysqld ARGS`;
# - for mysqld: as root, give the datadir to mysql and re-run as mysql;
# - on an empty datadir only: require a root password setting, create the system tables, set
#   root's password (root@MYSQL_ROOT_HOST too, default '%'), create MYSQL_DATABASE and
#   MYSQL_USER with MYSQL_PASSWORD (all rights on that database), and run
#   /docker-entrypoint-initdb.d/*.sh|*.sql|*.sql.gz|*.sql.xz|*.sql.zst, against a temporary
#   server without networking;
# - each MYSQL_* setting may come from a file named by <VAR>_FILE.
set -Eeo pipefail

log() { printf '%s [Note] [Entrypoint]: %s\n' "$(date --rfc-3339=seconds)" "$*"; }
fail() { printf >&2 '%s [ERROR] [Entrypoint]: %s\n' "$(date --rfc-3339=seconds)" "$*"; exit 1; }

# Reads VAR, or the file named by VAR_FILE, into VAR (with a default); both at once is an error.
file_env() {
    local var="$1" file_var="${1}_FILE" default="${2:-}" value
    if [ -n "${!var:-}" ] && [ -n "${!file_var:-}" ]; then
        fail "Both $var and $file_var are set (but are exclusive)"
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

# Escapes a value for a single-quoted SQL string.
sql_string() { printf "'%s'" "$(printf '%s' "$1" | sed -e "s/\\\\/\\\\\\\\/g" -e "s/'/\\\\'/g")"; }

# Runs SQL as root over the socket (the password, once set, comes from MYSQL_PWD).
run_sql() { mariadb --protocol=socket -uroot -hlocalhost --socket="$SOCKET" "$@"; }

# One of mysqld's settings as the server would see it with these arguments.
server_setting() {
    "$@" --verbose --help 2>/dev/null | awk -v name="$SETTING" '$1 == name { print $2; exit }'
}

if [ "${1:0:1}" = '-' ]; then
    set -- mysqld "$@"
fi
case "$1" in
    mysqld|mariadbd) ;;
    *) exec "$@" ;;
esac
for arg; do
    case "$arg" in
        -'?'|--help|--print-defaults|-V|--version) exec "$@" ;;
    esac
done

file_env MYSQL_ROOT_PASSWORD
file_env MYSQL_DATABASE
file_env MYSQL_USER
file_env MYSQL_PASSWORD
file_env MYSQL_ROOT_HOST '%'
DATADIR="$(SETTING=datadir server_setting "$@")"; DATADIR="${DATADIR:-/var/lib/mysql/}"
SOCKET="$(SETTING=socket server_setting "$@")"; SOCKET="${SOCKET:-/run/mysqld/mysqld.sock}"

if [ "$(id -u)" = 0 ]; then
    mkdir -p "$DATADIR" /run/mysqld
    find "$DATADIR" /run/mysqld \! -user mysql -exec chown mysql: '{}' +
    exec gosu mysql "$BASH_SOURCE" "$@"
fi

if [ -d "$DATADIR/mysql" ]; then
    log "Database directory $DATADIR already initialised; skipping initialisation"
    exec "$@"
fi

if [ -z "$MYSQL_ROOT_PASSWORD" ] && [ -z "${MYSQL_ALLOW_EMPTY_PASSWORD:-}" ] && [ -z "${MYSQL_RANDOM_ROOT_PASSWORD:-}" ]; then
    fail $'Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD'
fi
if [ -n "${MYSQL_RANDOM_ROOT_PASSWORD:-}" ]; then
    MYSQL_ROOT_PASSWORD="$(tr -dc 'A-Za-z0-9' < /dev/urandom | head -c 32)"
    log "GENERATED ROOT PASSWORD: $MYSQL_ROOT_PASSWORD"
fi
if [ "$MYSQL_USER" = root ]; then
    fail 'MYSQL_USER="root", MYSQL_USER and MYSQL_PASSWORD are for configuring a regular user and cannot be used for the root user'
fi
ls /docker-entrypoint-initdb.d/ > /dev/null

log "Initializing database files"
mariadb-install-db --datadir="$DATADIR" --rpm --skip-test-db --auth-root-authentication-method=normal \
    --skip-name-resolve "${@:2}" > /dev/null
log "Database files initialized"

log "Starting temporary server"
"$@" --skip-networking --socket="$SOCKET" --skip-log-bin &
server_pid=$!
for _ in $(seq 60); do
    if mariadb-admin --socket="$SOCKET" -uroot ping > /dev/null 2>&1; then break; fi
    kill -0 "$server_pid" 2> /dev/null || fail "Unable to start server."
    sleep 1
done
log "Temporary server started."

root_pw="$(sql_string "$MYSQL_ROOT_PASSWORD")"
{
    printf "ALTER USER 'root'@'localhost' IDENTIFIED BY %s;\n" "$root_pw"
    if [ "$MYSQL_ROOT_HOST" != localhost ]; then
        printf "CREATE USER 'root'@%s IDENTIFIED BY %s;\n" "$(sql_string "$MYSQL_ROOT_HOST")" "$root_pw"
        printf "GRANT ALL ON *.* TO 'root'@%s WITH GRANT OPTION;\n" "$(sql_string "$MYSQL_ROOT_HOST")"
    fi
    if [ -n "$MYSQL_DATABASE" ]; then
        printf 'CREATE DATABASE IF NOT EXISTS `%s`;\n' "${MYSQL_DATABASE//\`/\`\`}"
    fi
    if [ -n "$MYSQL_USER" ] && [ -n "$MYSQL_PASSWORD" ]; then
        printf "CREATE USER %s@'%%' IDENTIFIED BY %s;\n" "$(sql_string "$MYSQL_USER")" "$(sql_string "$MYSQL_PASSWORD")"
        if [ -n "$MYSQL_DATABASE" ]; then
            printf 'GRANT ALL ON `%s`.* TO %s@'"'%%'"';\n' "${MYSQL_DATABASE//\`/\`\`}" "$(sql_string "$MYSQL_USER")"
        fi
    fi
    printf 'FLUSH PRIVILEGES;\n'
} | run_sql
export MYSQL_PWD="$MYSQL_ROOT_PASSWORD"

db_args=()
[ -n "$MYSQL_DATABASE" ] && db_args=(--database="$MYSQL_DATABASE")
for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
        *.sh) if [ -x "$f" ]; then log "$0: running $f"; "$f"; else log "$0: sourcing $f"; . "$f"; fi ;;
        *.sql) log "$0: running $f"; run_sql "${db_args[@]}" < "$f" ;;
        *.sql.gz) log "$0: running $f"; gunzip -c "$f" | run_sql "${db_args[@]}" ;;
        *.sql.xz) log "$0: running $f"; xzcat "$f" | run_sql "${db_args[@]}" ;;
        *.sql.zst) log "$0: running $f"; zstd -dc "$f" | run_sql "${db_args[@]}" ;;
        */\*) ;;
        *) log "$0: ignoring $f" ;;
    esac
done

log "Stopping temporary server"
mariadb-admin --socket="$SOCKET" -uroot shutdown
wait "$server_pid" || true
unset MYSQL_PWD
log "MySQL init process done. Ready for start up."

exec "$@"
