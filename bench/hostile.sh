#!/usr/bin/env bash
# Hostile inputs grow in steps of 2x; each step's time and peak memory should grow about 2x too
# (linear). Prints, for each shape, the time and memory of every size and the ratio to the size
# before: one line of many labels, many families (validate and convert to each format), and a
# file of one 50 MB line of NUL bytes against its own size.
# Ratios, not absolute times: the machine's speed varies, the shape of the growth does not.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="${PROMDESK_CLI:-$root/build/app/promdesk-cli}"
out="$root/bench/out/hostile"
mkdir -p "$out"

labels_line() { /usr/bin/python3 -c "import sys; n=int(sys.argv[1]); print('m{' + ','.join('l%d=\"v\"' % i for i in range(n)) + '} 1')" "$1"; }
families() { /usr/bin/python3 -c "import sys
for i in range(int(sys.argv[1])): print('# HELP m%d help\n# TYPE m%d counter\nm%d 1' % (i, i, i))" "$1"; }

# run NAME COMMAND...: wall seconds and peak KB of one run
run() {
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$out/time.txt" "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    printf '%s %s\n' "$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')" "$(tail -n 1 "$out/time.txt")"
}

scale() { # scale TITLE GENERATOR COMMAND... (the file goes last)
    local title=$1 generator=$2; shift 2
    local previous=""
    for n in "${SIZES[@]}"; do
        local file="$out/$generator-$n.prom"
        [ -f "$file" ] || "$generator" "$n" > "$file"
        read -r seconds kb < <(run "$@" "$file")
        if [ -n "$previous" ]; then
            ratio=$(awk -v a="$seconds" -v b="$previous" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
        else
            ratio="-"
        fi
        printf '%-34s n=%-8s %7.3f s %8.1f MB  time x%s\n' "$title" "$n" "$seconds" "$(awk -v k="$kb" 'BEGIN{print k/1024}')" "$ratio"
        previous=$seconds
    done
}

SIZES=(125000 250000 500000 1000000)
scale "one line, n labels: validate" labels_line "$cli" validate
SIZES=(62500 125000 250000 500000)
scale "n families: validate" families "$cli" validate
scale "n families: convert --to text" families "$cli" convert --to text
scale "n families: convert --to protobuf" families "$cli" convert --to protobuf

zeros="$out/zeros-50mb.bin"
[ -f "$zeros" ] || head -c 50000000 /dev/zero > "$zeros"
for command in validate "convert --to text"; do
    # shellcheck disable=SC2086
    read -r seconds kb < <(run "$cli" $command "$zeros")
    printf '%-34s 50 MB   %7.3f s %8.1f MB  memory x%s of the file\n' "NUL bytes: $command" "$seconds" \
        "$(awk -v k="$kb" 'BEGIN{print k/1024}')" "$(awk -v k="$kb" 'BEGIN{printf "%.2f", k*1024/50000000}')"
done
