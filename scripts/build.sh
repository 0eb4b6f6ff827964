#!/usr/bin/env bash
# Configures and builds one of CMakePresets.json's presets (default: dev, into build/). More
# arguments go to cmake's configure step, e.g. `bash scripts/build.sh ci -DPROMDESK_BUILD_GUI=OFF`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
preset="${1:-dev}"
[ $# -gt 0 ] && shift
cmake --preset "$preset" "$@" >/dev/null
cmake --build --preset "$preset" --parallel "$(nproc)"
