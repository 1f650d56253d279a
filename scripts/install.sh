#!/usr/bin/env bash
# Builds scaffold in release mode and installs it under a prefix (default: ~/.local):
#   <prefix>/bin/scaffold
#   <prefix>/lib/scaffold/            the BlueprintDescription module and library blueprints compile against
#   <prefix>/share/scaffold/          Templates/, Blueprints/ (presets) and the lint runner
# Usage: scripts/install.sh [--prefix DIR]
set -euo pipefail

prefix="${HOME}/.local"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --prefix)
      [[ $# -ge 2 ]] || { echo "error: --prefix needs a folder" >&2; exit 2; }
      prefix="$2"
      shift 2
      ;;
    -h | --help)
      sed -n '2,7p' "$0"
      exit 0
      ;;
    *)
      echo "error: unknown argument '$1'" >&2
      exit 2
      ;;
  esac
done

cd "$(dirname "${BASH_SOURCE[0]}")/.."
swift build -c release --product scaffold
swift build -c release --product BlueprintDescription
build="$(swift build -c release --show-bin-path)"

mkdir -p "$prefix/bin" "$prefix/lib/scaffold/Modules" "$prefix/share/scaffold/scripts"
install -m 0755 "$build/scaffold" "$prefix/bin/scaffold"
install -m 0755 "$build/libBlueprintDescription.so" "$prefix/lib/scaffold/libBlueprintDescription.so"
rm -rf "$prefix/lib/scaffold/Modules/BlueprintDescription.swiftmodule" "$prefix/share/scaffold/Templates" "$prefix/share/scaffold/Blueprints"
cp -R "$build/Modules/BlueprintDescription.swiftmodule" "$prefix/lib/scaffold/Modules/" 2>/dev/null \
  || cp "$build/Modules/BlueprintDescription."* "$prefix/lib/scaffold/Modules/"
cp -R Templates Blueprints "$prefix/share/scaffold/"
if [[ -f scripts/lint.py ]]; then
  install -m 0644 scripts/lint.py scripts/lint-yamllint.yaml scripts/lint-requirements.txt "$prefix/share/scaffold/scripts/"
fi
echo "installed scaffold into $prefix (make sure $prefix/bin is on PATH)"
