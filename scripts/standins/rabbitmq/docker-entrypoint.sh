#!/bin/sh
# Entry point of the rabbitmq stand-in, behaving like the rabbitmq image's:
# - RABBITMQ_DEFAULT_USER / RABBITMQ_DEFAULT_PASS / RABBITMQ_DEFAULT_VHOST become the default
#   user, password and vhost created on first boot;
# - started as root, it gives /var/lib/rabbitmq to rabbitmq and runs the command as rabbitmq;
# - the Erlang cookie (RABBITMQ_ERLANG_COOKIE, else a random one made once) is kept in
#   /var/lib/rabbitmq/.erlang.cookie, which root's cookie links to, so CLI tools reach the node.
set -e

if [ "$(id -u)" = 0 ]; then
    settings=/etc/rabbitmq/conf.d/20-standin-environment.conf
    : > "$settings"
    [ -n "$RABBITMQ_DEFAULT_USER" ] && echo "default_user = $RABBITMQ_DEFAULT_USER" >> "$settings"
    [ -n "$RABBITMQ_DEFAULT_PASS" ] && echo "default_pass = $RABBITMQ_DEFAULT_PASS" >> "$settings"
    [ -n "$RABBITMQ_DEFAULT_VHOST" ] && echo "default_vhost = $RABBITMQ_DEFAULT_VHOST" >> "$settings"
    chown rabbitmq:rabbitmq "$settings"
    chmod 600 "$settings"
fi

cookie=/var/lib/rabbitmq/.erlang.cookie
if [ -n "$RABBITMQ_ERLANG_COOKIE" ]; then
    printf '%s' "$RABBITMQ_ERLANG_COOKIE" > "$cookie"
elif [ ! -s "$cookie" ]; then
    tr -dc 'A-Z' < /dev/urandom | head -c 20 > "$cookie"
fi
chmod 600 "$cookie"

if [ "$(id -u)" = 0 ] && [ "$1" = rabbitmq-server ]; then
    find /var/lib/rabbitmq \! -user rabbitmq -exec chown rabbitmq '{}' +
    exec gosu rabbitmq "$@"
fi
exec "$@"
