#!/usr/bin/env bash
# Installs the build into a staging prefix with `cmake --install` and runs what was installed: the
# CLI, its hand-over to the private program in libexec, the desktop file, metainfo and icons.
# Usage: staged_install.sh BUILD_DIR APP_ID
set -euo pipefail
build=$1
app_id=$2
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

cmake --install "$build" --prefix "$stage" > /dev/null
fail() { echo "staged install: $*" >&2; exit 1; }

# Each output is read whole before it is searched: `cmd | grep -q` under pipefail fails whenever
# grep has its match and exits before cmd's last write (SIGPIPE, status 141).
has() { grep -q -- "$2" <<< "$1"; }
out=$("$stage/bin/promdesk-cli" --version) && has "$out" '^promdesk-cli ' || fail "promdesk-cli --version"
out=$(printf '# TYPE up gauge\nup 1\n' | "$stage/bin/promdesk-cli" validate - 2>&1) && has "$out" ': 0 error(s)' || fail "validate"
out=$("$stage/bin/promdesk-cli" push --help) && has "$out" '--job' || fail "push --help (handed to libexec/promdesk/promdesk-cli-full)"
out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$stage/bin/promdesk" --version) && has "$out" PromDesk || fail "promdesk --version"
for file in "share/applications/$app_id.desktop" "share/metainfo/$app_id.metainfo.xml" \
            "share/icons/hicolor/scalable/apps/$app_id.svg"; do
    [ -f "$stage/$file" ] || fail "$file is not installed"
done
for size in 16 22 24 32 48 64 128 256; do
    [ -f "$stage/share/icons/hicolor/${size}x${size}/apps/$app_id.png" ] || fail "the ${size}x${size} icon is not installed"
done
for file in share/man/man1/promdesk.1 share/man/man1/promdesk-cli.1 \
            share/bash-completion/completions/promdesk-cli share/zsh/vendor-completions/_promdesk-cli; do
    [ -f "$stage/$file" ] || fail "$file is not installed"
done
MANPATH="$stage/share/man" man -w promdesk-cli > /dev/null || fail "man -w promdesk-cli"
desktop-file-validate "$stage/share/applications/$app_id.desktop"
appstreamcli validate --no-net --strict "$stage/share/metainfo/$app_id.metainfo.xml" > /dev/null
echo "staged install: everything installed runs"
