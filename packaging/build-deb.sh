#!/usr/bin/env bash
# Builds the Debian packages from a clean copy of the tree with Debian's own tooling (debhelper
# compat 13, dpkg-buildpackage -b), then runs lintian over them:
#   promdesk_<version>_<arch>.deb              the console, the CLI and their desktop files
#   libpromdesk-core-dev_<version>_<arch>.deb  the core's headers, static libraries, CMake package
# Fails on any lintian error, and on a warning that packaging/README.md does not explain.
# Usage: packaging/build-deb.sh [OUTPUT_DIR]   (default: build-deb/ at the top of the tree)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mkdir -p "${1:-$root/build-deb}" && cd "${1:-$root/build-deb}" && pwd)"
version="$(sed -n 's/^project(PromDesk VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")"
released="$(sed -n 's/^set(PROMDESK_RELEASE_DATE \([0-9-]*\))/\1/p' "$root/CMakeLists.txt")"
[ -n "$version" ] && [ -n "$released" ] || { echo "build-deb: no version or release date in CMakeLists.txt" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tree="$work/promdesk-$version"
mkdir -p "$tree"
# A clean tree: the files git tracks, as they are in the working tree (no build directory).
if git -C "$root" rev-parse --is-inside-work-tree > /dev/null 2>&1; then
    (cd "$root" && git ls-files -z | while IFS= read -r -d '' file; do
        if [ -e "$file" ]; then printf '%s\0' "$file"; fi
    done | xargs -0 cp -a --parents -t "$tree")
else
    (cd "$root" && tar --exclude='./build*' --exclude='./.git' -cf - .) | (cd "$tree" && tar -xf -)
fi
cp -r "$root/packaging/debian" "$tree/debian"
cat > "$tree/debian/changelog" << CHANGELOG
promdesk ($version) unstable; urgency=medium

  * Release $version.

 -- PromDesk developers <promdesk@users.noreply.github.com>  $(LC_ALL=C date -u -d "$released 12:00" -R)
CHANGELOG

(cd "$tree" && dpkg-buildpackage -b -us -uc -j"$(nproc)")
mv "$work"/*.deb "$work"/*.changes "$work"/*.buildinfo "$out"/
changes="$(ls "$out"/promdesk_"$version"_*.changes)"
echo "build-deb: $(cd "$out" && ls ./*.deb | tr '\n' ' ')in $out"

# lintian: errors fail; each warning must be one packaging/README.md explains ("- `tag`").
# (--fail-on none: lintian exits non-zero only when it could not check at all.)
lintian --fail-on none --tag-display-limit 0 "$changes" > "$work/lintian.txt" 2>&1 \
    || { cat "$work/lintian.txt" >&2; echo "build-deb: lintian did not run" >&2; exit 1; }
report="$(grep -v '^running with root privileges' "$work/lintian.txt" || true)"
echo "$report"
if grep -q '^E: ' <<< "$report"; then
    echo "build-deb: lintian reports errors" >&2
    exit 1
fi
unexplained=0
while read -r tag; do
    grep -q -- "- \`$tag\`" "$root/packaging/README.md" && continue
    echo "build-deb: lintian warning $tag is not explained in packaging/README.md" >&2
    unexplained=1
done < <(echo "$report" | sed -n 's/^W: [^:]*: \([a-z0-9-]*\).*/\1/p' | sort -u)
exit "$unexplained"
