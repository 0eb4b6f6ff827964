#!/usr/bin/env bash
# Installs the Debian 12 packages PromDesk needs to build, test, run its sandbox and benchmarks.
# Idempotent: only missing packages are installed; apt lists are refreshed only when needed.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-charts-dev libqt6opengl6-dev qt6-svg-dev
  qtkeychain-qt6-dev libprotobuf-dev protobuf-compiler libsnappy-dev libxxhash-dev zlib1g-dev libsqlite3-dev
  # the real servers the tests and the sandbox run
  prometheus prometheus-pushgateway
  # keychain, GUI screenshots, TLS/auth fixtures
  gnome-keyring dbus dbus-x11 libsecret-tools xvfb xauth imagemagick openssl apache2-utils
  # fuzzing: clang with libFuzzer and the sanitizer runtimes; the code's format and static checks
  clang libclang-rt-14-dev clang-format clang-tidy
  # benchmarks and peers
  curl time python3 python3-prometheus-client python3-snappy python3-protobuf python3-bcrypt
  # fonts so that offscreen and Xvfb rendering has glyphs
  fonts-dejavu-core
  # and for Chinese, in the screenshots of the zh_CN translation
  fonts-wqy-microhei
  # the desktop file's and the AppStream metainfo's validators; man pages from --help; the core's
  # API reference
  desktop-file-utils appstream help2man man-db doxygen
  # the translations: lupdate and lrelease, and the CMake package that runs them
  qt6-l10n-tools qt6-tools-dev qt6-translations-l10n
  # the Debian packages: built with debhelper, checked by lintian
  debhelper dpkg-dev fakeroot lintian
  # the shells whose completions are installed, to test them
  bash-completion zsh
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have no package lists, or stale ones: update once, then install.
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
