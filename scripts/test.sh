#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: the whole suite against real servers,
# then the core's unit and CLI tests again under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

bash scripts/install-deps.sh

echo "== build (RelWithDebInfo) =="
bash scripts/build.sh
echo "== tests =="
ctest --test-dir build --output-on-failure --parallel 2

echo "== build (AddressSanitizer + UndefinedBehaviorSanitizer, core and CLI) =="
PROMDESK_BUILD_DIR="$root/build-sanitize" PROMDESK_BUILD_TYPE=Debug \
    bash scripts/build.sh -DPROMDESK_SANITIZE=ON -DPROMDESK_BUILD_GUI=OFF
echo "== tests under sanitizers =="
# Any report fails the run: halt on the first UBSan finding, and ASan/LSan exit non-zero.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
ctest --test-dir build-sanitize --output-on-failure --parallel 2 -L 'unit|cli|integration|keychain'
