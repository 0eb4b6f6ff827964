#!/usr/bin/env bash
# The core as another program uses it: the development component installed to a staging prefix
# with `cmake --install`, every installed header compiled on its own in a consumer, then
# examples/validate-and-push configured and built as a separate CMake project against that prefix
# and run against a real Pushgateway.
# Usage: core_package.sh BUILD_DIR SOURCE_DIR SANDBOX_SH [SANITIZER_FLAGS]
set -euo pipefail
build=$1
source=$2
sandbox=$3
sanitizer_flags=${4:-}
work=$(mktemp -d)
export PROMDESK_SANDBOX_DIR="$work/sandbox"
trap 'bash "$sandbox" stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
fail() { echo "core package: $*" >&2; exit 1; }
stage="$work/stage"

cmake --install "$build" --prefix "$stage" --component PromDeskCore_Development > /dev/null
[ -n "$(find "$stage" -path '*/cmake/PromDeskCore/PromDeskCoreConfig.cmake')" ] || fail "no PromDeskCoreConfig.cmake"
[ ! -e "$stage/bin" ] || fail "the development component installs programs"
for internal in exposition/detail net/LowLatencySockets.h history/StoredForm.h util/ThreadHandOff.h util/BoundedSnappy.h \
    util/VectorState.h; do
    [ ! -e "$stage/include/promdesk/$internal" ] || fail "the internal $internal is installed"
done

# Each installed header, included on its own as a consumer writes it, compiles; so does each C++
# block of docs/core-api.md.
check_every_header() {
    local headers="$work/headers" count=0 header
    mkdir -p "$headers"
    while IFS= read -r header; do
        count=$((count + 1))
        printf '#include <promdesk/%s>\n' "$header" > "$headers/header$count.cpp"
    done < <(cd "$stage/include/promdesk" && find . -name '*.h' | sed 's|^\./||' | sort)
    [ "$count" -gt 40 ] || fail "only $count headers are installed"
    awk -v dir="$headers" '/^```cpp$/ { n++; inside = 1; next } /^```$/ { inside = 0 }
                           inside { print > (dir "/doc-block" n ".cpp") }' "$source/docs/core-api.md"
    [ "$(ls "$headers"/doc-block*.cpp | wc -l)" -ge 5 ] || fail "the C++ blocks of docs/core-api.md were not found"
    cat > "$headers/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(every_header LANGUAGES CXX)
find_package(PromDeskCore REQUIRED)
file(GLOB units "${CMAKE_CURRENT_SOURCE_DIR}/*.cpp")
add_library(every_header OBJECT ${units})
target_link_libraries(every_header PRIVATE PromDesk::core)
CMAKE
    cmake -S "$headers" -B "$headers/build" -G Ninja -DCMAKE_PREFIX_PATH="$stage" > /dev/null \
        || fail "find_package(PromDeskCore) failed"
    cmake --build "$headers/build" > "$work/headers.log" 2>&1 \
        || { cat "$work/headers.log" >&2; fail "a header does not compile on its own"; }
    echo "ok: $count installed headers compile on their own, and the C++ of docs/core-api.md"
}
# A sanitizer does not change what compiles: sanitized builds leave this to the plain one.
[ -n "$sanitizer_flags" ] || check_every_header

example="$work/example"
cmake -S "$source/examples/validate-and-push" -B "$example" -G Ninja -DCMAKE_PREFIX_PATH="$stage" \
    -DCMAKE_CXX_FLAGS="$sanitizer_flags" -DCMAKE_EXE_LINKER_FLAGS="$sanitizer_flags" > /dev/null
cmake --build "$example" > "$work/example.log" 2>&1 || { cat "$work/example.log" >&2; fail "the example does not build"; }
program="$example/validate-and-push"

env_file="$(bash "$sandbox" start | tail -n 1)"
# shellcheck disable=SC1090
. "$env_file"
gateway="$PROMDESK_SANDBOX_PUSHGATEWAY"

printf '# TYPE example_jobs_done counter\nexample_jobs_done 42\n' > "$work/good.prom"
"$program" "$gateway" example_job "$work/good.prom" instance=ci-1 > "$work/out" 2>&1 || { cat "$work/out" >&2; fail "a clean file was not pushed"; }
grep -q 'pushed 1 sample(s)' "$work/out" || fail "unexpected output: $(cat "$work/out")"
held() { curl -fsS "$gateway/metrics" | grep '^example_jobs_done{' || true; }
[ "$(held)" = 'example_jobs_done{instance="ci-1",job="example_job"} 42' ] || fail "the gateway holds: $(held)"

# A file with an error is not pushed: every problem printed, the group as it was.
printf 'example_jobs_done{instance="x" 7\nexample jobs 1\n' > "$work/bad.prom"
if "$program" "$gateway" example_job "$work/bad.prom" instance=ci-1 > "$work/out" 2>&1; then fail "a file with errors was pushed"; fi
[ "$(grep -c ': error: ' "$work/out")" -eq 2 ] || fail "not both errors listed: $(cat "$work/out")"
# An empty file would empty the group: refused.
: > "$work/empty.prom"
if "$program" "$gateway" example_job "$work/empty.prom" instance=ci-1 > "$work/out" 2>&1; then fail "an empty file was pushed"; fi
[ "$(held)" = 'example_jobs_done{instance="ci-1",job="example_job"} 42' ] || fail "a refused file changed the group: $(held)"
echo "ok: the example built on the installed core validates and pushes to a real Pushgateway"
