#!/bin/sh
# Adds another Debian suite's archive as a low-priority apt source. A stand-in whose reference
# names a codename (python:3.12-slim-bookworm) but that is built on a newer suite (trixie, for
# Python 3.12+) keeps installing its own suite's packages by default, while apt can still
# satisfy what only the named suite has: `apt-get install libpq5=15.*` works as in the real image.
# Usage: add-fallback-suite.sh SUITE (no-op when SUITE is empty)
set -eu
suite="${1:-}"
[ -n "$suite" ] || exit 0
mirror="$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list)"
security="$(awk '$1 == "deb" && $3 ~ /-security$/ { print $2; exit }' /etc/apt/sources.list)"
cat > "/etc/apt/sources.list.d/scaffold-standin-$suite.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security $suite-security main
EOF
# Below the default 500: chosen only when asked for by version or when nothing else provides it.
for release in "$suite" "$suite-updates" "$suite-security"; do
    printf 'Package: *\nPin: release n=%s\nPin-Priority: 100\n\n' "$release"
done > "/etc/apt/preferences.d/scaffold-standin-$suite"
