#!/usr/bin/env bash
# Benchmark of the trace analyzer (not a test). Builds a large mixed capture (SIP over UDP/TCP/
# WebSocket, RTP/RTCP, TLS, DTLS) from the public corpus and the fixtures with editcap/mergecap
# under /tmp (never committed), then prints in one run: the analyzer's throughput (MB/s,
# packets/s) and peak heap at -Xmx256m, the same file through `tshark -q -z sip,stat`, and the
# analyzer's own reader alone (--read-only: records framed, nothing decoded), as ratios.
#
# usage: analyzer/bench/bench.sh [TARGET_MB]     (default 1024; BENCH_DIR overrides /tmp/trunkguard-bench,
#        BENCH_JAR another CLI jar, e.g. an older build to alternate with; BENCH_SKIP_TSHARK=1 leaves tshark
#        out of a run, for alternated jar comparisons where only the analyzer's figures are compared;
#        BENCH_THREADS=0 leaves out the extra full run that splits the analyzer's CPU by thread:
#        main, reader, decoder, JIT compilers, GC; BENCH_BASE_JAR=<jar of main> adds full runs of that jar
#        before and after the current one's, prints its ratios against the same tshark run, and
#        says whether the two JSON reports are the same apart from the run's own "today")
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
MODULE="$(dirname "$HERE")"
ROOT="$(dirname "$MODULE")"
TARGET_MB="${1:-1024}"
WORK="${BENCH_DIR:-/tmp/trunkguard-bench}"
mkdir -p "$WORK"

CORPUS=""
d="$ROOT"
while [ "$d" != "/" ]; do
  if [ -d "$d/shared/corpus/public" ]; then CORPUS="$d/shared/corpus/public"; break; fi
  if [ -d "$d/../shared/corpus/public" ]; then CORPUS="$(cd "$d/../shared/corpus/public" && pwd)"; break; fi
  d="$(dirname "$d")"
done
[ -n "$CORPUS" ] || { echo "shared/corpus not found" >&2; exit 1; }

JAR="${BENCH_JAR:-$(ls "$MODULE"/target/trunkguard-analyzer-*-cli.jar 2>/dev/null | head -1 || true)}"
if [ -z "$JAR" ]; then
  echo "building the CLI jar..." >&2
  (cd "$ROOT" && ./mvnw -B -q -pl analyzer package -DskipTests)
  JAR="$(ls "$MODULE"/target/trunkguard-analyzer-*-cli.jar | head -1)"
fi

BIG="$WORK/bench-${TARGET_MB}MB.pcapng"
if [ ! -f "$BIG" ]; then
  echo "making $BIG ..." >&2
  SOURCES=(
    "$CORPUS/heplify-FAX-Call-t38-CA-TDM-SIP-FB-1.pcap"
    "$CORPUS/heplify-rtp_rtcp_sip_ipv4_udp.pcap"
    "$CORPUS/heplify-sip_ipv4_tcp.pcap"
    "$CORPUS/heplify-sip_ipv4_tcp_fragmented.pcap"
    "$CORPUS/heplify-sip_tcp_websocket.pcap"
    "$CORPUS/sngrep-aaa.pcap"
    "$CORPUS/sngrep-ipv6frag.pcap"
  )
  for f in "$MODULE"/src/test/resources/captures/*.pcap* "$MODULE"/src/test/resources/tls/captures/*.pcap; do
    case "$f" in *.json|*.md|*.keys|*.keylog) ;; *) [ -f "$f" ] && SOURCES+=("$f") ;; esac
  done
  mergecap -a -F pcapng -w "$WORK/mix.pcapng" "${SOURCES[@]}"
  mix_bytes=$(stat -c %s "$WORK/mix.pcapng")
  # ~64 MB chunk of the mix, each copy shifted in time so flows do not overlap
  per_chunk=$(( (64 * 1048576) / mix_bytes + 1 ))
  parts=()
  for i in $(seq 1 "$per_chunk"); do
    editcap -F pcapng -t $(( i * 900 )) "$WORK/mix.pcapng" "$WORK/part-$i.pcapng"
    parts+=("$WORK/part-$i.pcapng")
  done
  mergecap -a -F pcapng -w "$WORK/chunk.pcapng" "${parts[@]}"
  rm -f "${parts[@]}"
  chunk_bytes=$(stat -c %s "$WORK/chunk.pcapng")
  chunks=$(( (TARGET_MB * 1048576) / chunk_bytes + 1 ))
  parts=()
  for i in $(seq 1 "$chunks"); do
    editcap -F pcapng -t $(( i * 900 * (per_chunk + 1) )) "$WORK/chunk.pcapng" "$WORK/chunk-$i.pcapng"
    parts+=("$WORK/chunk-$i.pcapng")
  done
  mergecap -a -F pcapng -w "$BIG" "${parts[@]}"
  rm -f "${parts[@]}" "$WORK/chunk.pcapng" "$WORK/mix.pcapng"
fi

SIZE=$(stat -c %s "$BIG")
MB=$(awk -v s="$SIZE" 'BEGIN { printf "%.1f", s / 1048576 }')
echo "capture: $BIG ($MB MB); jar: $JAR"

timed() { # runs "$@" under /usr/bin/time; sets WALL and CPU (user+sys seconds of the whole process)
  /usr/bin/time -f "%e %U %S" -o "$WORK/time.txt" "$@"
  read -r WALL u s < "$WORK/time.txt"
  CPU=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
}

analyzer() { # sets SECS (in-process analysis time), PKTS, HEAP, WALL, CPU
  timed java -Xmx256m -jar "$JAR" "$BIG" --json "$@" > "$WORK/report.json" 2> "$WORK/stderr.txt"
  local line
  line=$(grep '^analysed' "$WORK/stderr.txt")
  SECS=$(sed -E 's/.* in ([0-9.]+) s.*/\1/' <<< "$line")
  PKTS=$(sed -E 's/.*: ([0-9]+) packets.*/\1/' <<< "$line")
  HEAP=$(sed -E 's/.*peak heap ([0-9.]+) MB.*/\1/' <<< "$line")
}

LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
BASE_RUNS=()
base() { # one full run of BENCH_BASE_JAR; appends "wall cpu heap" to BASE_RUNS
  local keep="$JAR"
  JAR="$BENCH_BASE_JAR"
  analyzer
  JAR="$keep"
  cp "$WORK/report.json" "$WORK/report-base.json"
  BASE_RUNS+=("$WALL $CPU $HEAP")
}
[ -z "${BENCH_BASE_JAR:-}" ] || base
analyzer --read-only
R_SECS=$SECS; R_WALL=$WALL; R_CPU=$CPU; R_HEAP=$HEAP
analyzer
A_SECS=$SECS; A_WALL=$WALL; A_CPU=$CPU; A_HEAP=$HEAP; A_PKTS=$PKTS
SAME=""
if [ -n "${BENCH_BASE_JAR:-}" ]; then
  cp "$WORK/report.json" "$WORK/report-current.json"
  base
  cp "$WORK/report-current.json" "$WORK/report.json"
  today() { sed -E 's/today [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z/today X/g' "$1"; }
  if cmp -s <(today "$WORK/report.json") <(today "$WORK/report-base.json"); then
    SAME="the same apart from the run's own \"today\""
  else
    SAME="DIFFERENT (diff $WORK/report.json $WORK/report-base.json)"
  fi
fi
SIP=$(python3 -c "import json; r=json.load(open('$WORK/report.json')); s=r['stats']; print(s['sipMessages'], len(r['legs']), len(r['dialogs']), s['internalErrors'])")
THREADS=""
if [ "${BENCH_THREADS:-1}" = 1 ]; then
  THREADS=$(python3 "$HERE/threads.py" java -Xmx256m -jar "$JAR" "$BIG" --json)
fi
if [ "${BENCH_SKIP_TSHARK:-0}" = 1 ]; then
  T_WALL=0; T_CPU=0
else
  timed tshark -n -r "$BIG" -q -z sip,stat > "$WORK/tshark.txt" 2>/dev/null
  T_WALL=$WALL; T_CPU=$CPU
fi
LOAD_AFTER=$(cut -d' ' -f1 /proc/loadavg)

awk -v mb="$MB" -v pk="$A_PKTS" -v a="$A_SECS" -v aw="$A_WALL" -v ac="$A_CPU" -v r="$R_SECS" -v rw="$R_WALL" \
    -v rc="$R_CPU" -v tw="$T_WALL" -v tc="$T_CPU" -v ah="$A_HEAP" -v rh="$R_HEAP" -v sip="$SIP" \
    -v l1="$LOAD_BEFORE" -v l2="$LOAD_AFTER" -v cores="$(nproc)" 'BEGIN {
  printf "machine: %d cores, load average %s before / %s after the runs (other builds share it: wall times vary)\n", cores, l1, l2
  printf "packets: %d; analyzer saw (SIP messages, legs, dialogs, internal errors): %s\n", pk, sip
  printf "%-28s %8s %9s %12s %9s %10s %10s\n", "run", "wall s", "MB/s", "packets/s", "cpu s", "MB/cpu-s", "peak heap"
  printf "%-28s %8.2f %9.1f %12.0f %9.2f %10.1f %7.1f MB  (analysis alone %.2f s)\n", "analyzer full (-Xmx256m)", aw, mb / aw, pk / aw, ac, mb / ac, ah, a
  printf "%-28s %8.2f %9.1f %12.0f %9.2f %10.1f %7.1f MB  (reading alone %.2f s)\n", "analyzer reader alone", rw, mb / rw, pk / rw, rc, mb / rc, rh, r
  printf "%-28s %8.2f %9.1f %12.0f %9.2f %10.1f\n", "tshark -q -z sip,stat", tw, mb / tw, pk / tw, tc, mb / tc
  printf "full analysis vs tshark:       %5.1fx by wall clock (target >= 20x), %5.1fx by CPU time (target >= 10x)\n", tw / aw, tc / ac
  printf "full analysis vs reader alone: %5.2f  by wall clock, %5.2f  by CPU time (target >= 0.5)\n", rw / aw, rc / ac
}'
[ -z "$THREADS" ] || echo "analyzer full, another run: $THREADS"
for run in "${BASE_RUNS[@]}"; do
  read -r bw bc bh <<< "$run"
  awk -v mb="$MB" -v aw="$bw" -v ac="$bc" -v ah="$bh" -v tw="$T_WALL" -v tc="$T_CPU" -v jar="$BENCH_BASE_JAR" 'BEGIN {
    printf "base jar %s: %.2f s wall (%.1f MB/s), %.2f cpu s, peak heap %.1f MB: %.1fx tshark by wall clock, %.1fx by CPU time\n", jar, aw, mb / aw, ac, ah, (aw > 0 ? tw / aw : 0), (ac > 0 ? tc / ac : 0)
  }'
done
[ -z "$SAME" ] || echo "JSON report of the current jar against the base jar's: $SAME"
