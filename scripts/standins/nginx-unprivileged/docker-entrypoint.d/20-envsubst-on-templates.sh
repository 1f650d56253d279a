#!/bin/sh
# As in the nginx images: each /etc/nginx/templates/**/*.template becomes a file in
# /etc/nginx/conf.d with the environment's variables substituted (only variables that are set,
# so nginx's own $variables survive). Skipped quietly when there is nothing to do or the
# output directory is read-only.
set -e
template_dir="${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}"
suffix="${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}"
output_dir="${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}"
[ -d "$template_dir" ] || exit 0
if [ ! -w "$output_dir" ]; then
    echo "$0: $output_dir is not writable, templates not applied" >&2
    exit 0
fi
defined=$(printf '${%s} ' $(env | cut -d= -f1))
find "$template_dir" -follow -type f -name "*$suffix" -print | while read -r template; do
    relative="${template#"$template_dir/"}"
    output="$output_dir/${relative%"$suffix"}"
    mkdir -p "$(dirname "$output")"
    echo "$0: $template -> $output"
    envsubst "$defined" < "$template" > "$output"
done
