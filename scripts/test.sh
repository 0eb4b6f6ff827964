#!/usr/bin/env bash
# Installs what is missing, checks the code's format, builds, and runs every test: the whole
# suite against real servers, and clang-tidy; then everything again, the console included
# (offscreen), under AddressSanitizer + UndefinedBehaviorSanitizer; then the core, the CLI and
# their tests under ThreadSanitizer; then every libFuzzer target over its regression inputs and
# for FUZZ_SECONDS (30) from its seeds; last, where packages may be installed, the Debian packages
# are built, checked by lintian, installed, used and removed. Any sanitizer report, fuzz finding,
# new clang-tidy finding or lintian error fails the run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

bash scripts/install-deps.sh

echo "== format (.clang-format) =="
bash scripts/check-format.sh

# Every build treats warnings as errors (the ci preset; -DPROMDESK_WERROR=ON for the others).
echo "== build (RelWithDebInfo) =="
bash scripts/build.sh ci
echo "== tests =="
ctest --test-dir build --output-on-failure --parallel 2

echo "== clang-tidy (.clang-tidy; findings not in scripts/clang-tidy-baseline.txt fail) =="
bash scripts/clang-tidy.sh

echo "== build (AddressSanitizer + UndefinedBehaviorSanitizer, console included) =="
bash scripts/build.sh asan -DPROMDESK_WERROR=ON
echo "== tests under ASan + UBSan =="
(
    # Halt on the first UBSan finding; ASan and LSan exit non-zero on theirs.
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
    export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
    export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
    ctest --test-dir build-sanitize --output-on-failure --parallel 2
)

echo "== build (ThreadSanitizer: core, CLI and their tests) =="
bash scripts/build.sh tsan -DPROMDESK_WERROR=ON
echo "== tests under TSan =="
(
    # The history thread, the backfill preparers, the parallel parse, validation and planning.
    # Qt, glib and SQLite are not built with TSan: Qt's own event dispatcher (QT_NO_GLIB) keeps
    # glib's out of the stacks, accesses made inside libraries' interceptors (their mallocs and
    # memcpys of their own buffers) are not checked, and tests/tsan.supp names the few frames of
    # Qt whose hand-overs TSan cannot see. PromDesk's own code is checked whatever thread runs it.
    export QT_NO_GLIB=1
    export TSAN_OPTIONS="halt_on_error=1:die_after_fork=0:ignore_interceptors_accesses=1:suppressions=$root/tests/tsan.supp"
    ctest --test-dir build-tsan --output-on-failure --parallel 2 -L 'unit|cli|integration'
)

echo "== fuzz smoke (clang, libFuzzer + ASan + UBSan) =="
PROMDESK_WERROR=ON bash scripts/fuzz.sh

# Where this machine lets it install packages (CI does): build the .debs, lintian, apt-get install
# them, use what was installed, purge them.
echo "== Debian packages (build, lintian, install, use, remove) =="
bash packaging/test-deb.sh
