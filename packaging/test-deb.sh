#!/usr/bin/env bash
# Installs the Debian packages as an operator would, uses what was installed, and removes them:
#   1. build the .debs (packaging/build-deb.sh), or take them from DEB_DIR;
#   2. apt-get install ./promdesk_*.deb ./libpromdesk-core-dev_*.deb;
#   3. run the installed promdesk-cli (validate, and a command handed to libexec), promdesk
#      --self-test (offscreen) and man -w; build examples/validate-and-push against the installed
#      core with no prefix given;
#   4. desktop-file-validate and appstreamcli validate on the installed files;
#   5. purge both packages: none of their files is left, and the user's own data is.
# Needs root (or sudo without a password); says so and exits 0 otherwise. Refuses to run where
# promdesk is installed already, since it removes it at the end.
# Usage: packaging/test-deb.sh [DEB_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
fail() { echo "test-deb: $*" >&2; exit 1; }
# Each output is read whole before it is searched: `cmd | grep -q` under pipefail fails whenever
# grep has its match and exits before cmd's last write (SIGPIPE, status 141).
has() { grep -q -- "$2" <<< "$1"; }

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if sudo -n true 2> /dev/null; then sudo="sudo"; else echo "test-deb: skipped (needs root to install packages)"; exit 0; fi
fi
for package in promdesk libpromdesk-core-dev; do
    if dpkg-query -W -f='${Status}' "$package" 2> /dev/null | grep -q 'ok installed'; then
        fail "$package is installed already; this test installs and removes it"
    fi
done

work="$(mktemp -d)"
cleanup() {
    $sudo apt-get purge -y -q promdesk libpromdesk-core-dev > /dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
debs="${1:-$work/debs}"
[ -n "${1:-}" ] || bash "$root/packaging/build-deb.sh" "$debs"
# 2. Install as an operator does: apt resolves the dependencies from the archive.
$sudo apt-get install -y -q "$debs"/promdesk_*.deb "$debs"/libpromdesk-core-dev_*.deb

# 3. The installed programs, in a home of their own.
export HOME="$work/home"
# The checks below read the programs' English, whatever the machine's language.
export LC_ALL=C.UTF-8
unset LANGUAGE
mkdir -p "$HOME"
unset PROMDESK_DATA_DIR PROMDESK_CONFIG_DIR XDG_DATA_HOME XDG_CONFIG_HOME
[ "$(command -v promdesk-cli)" = /usr/bin/promdesk-cli ] || fail "promdesk-cli is not /usr/bin/promdesk-cli"
out=$(promdesk-cli --version) && has "$out" '^promdesk-cli ' || fail "promdesk-cli --version"
out=$(printf '# TYPE up gauge\nup 1\n' | promdesk-cli validate - 2>&1) && has "$out" ': 0 error(s)' || fail "promdesk-cli validate"
out=$(promdesk-cli push --help) && has "$out" '--job' || fail "promdesk-cli push --help (handed to /usr/libexec/promdesk)"
# The translations travel inside the programs: an operator whose desktop speaks Chinese reads it.
out=$(env -u LC_ALL LANG=zh_CN.UTF-8 promdesk-cli push --help 2>/dev/null) && has "$out" '推送' || fail "promdesk-cli speaks no Chinese"
QT_QPA_PLATFORM=offscreen promdesk --self-test || fail "promdesk --self-test"
out=$(man -w promdesk-cli) && has "$out" '^/usr/share/man/man1/promdesk-cli.1' || fail "man -w promdesk-cli"
out=$(man -w promdesk) && has "$out" '^/usr/share/man/man1/promdesk.1' || fail "man -w promdesk"
# The history the CLI keeps is the user's own data: a push that finds no gateway is in it, and
# it must outlive the package.
printf 'up 1\n' | promdesk-cli push --url http://127.0.0.1:1 --job deb_test - > /dev/null 2>&1 || true
out=$(promdesk-cli history list) && has "$out" 'job="deb_test"' || fail "the installed CLI did not record the push"
user_data="$(find "$HOME" -type f | sort)"

# The development package: a project of its own finds the core with no prefix given.
cmake -S "$root/examples/validate-and-push" -B "$work/example" -G Ninja > /dev/null || fail "find_package(PromDeskCore) from /usr"
cmake --build "$work/example" > "$work/example.log" 2>&1 || { cat "$work/example.log" >&2; fail "the example does not build"; }
printf 'broken{ 1\n' > "$work/bad.prom"
if "$work/example/validate-and-push" http://127.0.0.1:1 job "$work/bad.prom" > "$work/out" 2>&1; then fail "the example pushed a broken file"; fi
grep -q ': error: ' "$work/out" || fail "the example did not list the error: $(cat "$work/out")"

# 4. The installed desktop files, as desktops and software centres read them.
desktop-file-validate /usr/share/applications/io.github.promdesk.PromDesk.desktop || fail "desktop-file-validate"
appstreamcli validate --no-net /usr/share/metainfo/io.github.promdesk.PromDesk.metainfo.xml || fail "appstreamcli validate"

# 5. Purge: every file the packages installed is gone, the user's data is not.
installed="$(dpkg -L promdesk libpromdesk-core-dev)"
$sudo apt-get purge -y -q promdesk libpromdesk-core-dev
left=""
while IFS= read -r path; do
    [ -f "$path" ] || [ -L "$path" ] && left+="$path"$'\n'
done <<< "$installed"
for dir in /usr/libexec/promdesk /usr/include/promdesk /usr/share/doc/promdesk; do
    [ ! -e "$dir" ] || left+="$dir"$'\n'
done
[ -z "$left" ] || fail "left behind after purge: $left"
[ "$(find "$HOME" -type f | sort)" = "$user_data" ] || fail "the user's own data changed with the purge"
echo "test-deb: installed, used, validated and removed; the user's data stays"
