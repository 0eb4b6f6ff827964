#!/usr/bin/env bash
# The core's API reference builds from docs/Doxyfile, and every public class, struct and enum
# has a /// comment: any Doxygen warning fails but one about an undocumented member (a function,
# a field or an enum's value).
# Usage: api_reference.sh SOURCE_DIR OUTPUT_DIR
set -euo pipefail
source=$1
export PROMDESK_DOCS_DIR=$2
mkdir -p "$PROMDESK_DOCS_DIR"
cd "$source"
# An undocumented enum is reported as a member too ("Member Kind (enumeration) of ..."): kept.
warnings="$(doxygen docs/Doxyfile 2>&1 | grep -v -e 'warning: Member .* is not documented' -e '^$' || true)"
warnings+="$(doxygen docs/Doxyfile 2>&1 | grep 'warning: Member .* (enumeration) .* is not documented' || true)"
if [ -n "$warnings" ]; then
    echo "$warnings" >&2
    exit 1
fi
[ -f "$PROMDESK_DOCS_DIR/html/classpromdesk_1_1PushgatewayClient.html" ] || { echo "no page for PushgatewayClient" >&2; exit 1; }
echo "ok: the API reference is in $PROMDESK_DOCS_DIR/html"
