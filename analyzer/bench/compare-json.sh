#!/usr/bin/env bash
# Compares the --json reports of two CLI jars on every capture of the corpus and the fixtures (not a
# test): ../shared/corpus/public, src/test/resources/captures and src/test/resources/tls/captures, the
# captures with a key log (CAPTURE.keylog or CAPTURE-without-extension.keys) also with it. Prints one
# DIFF line per capture whose exit code or report differs apart from the run's own "today", then the
# count. Both jars run with the client compiler only (the output does not depend on the JIT).
#
# usage: analyzer/bench/compare-json.sh BASE_JAR NEW_JAR    (exit status 1 when any report differs)
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
MODULE="$(dirname "$HERE")"
BASE=$1
NEW=$2
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
CORPUS=""
d="$(dirname "$MODULE")"
while [ "$d" != "/" ]; do
  if [ -d "$d/shared/corpus/public" ]; then CORPUS="$d/shared/corpus/public"; break; fi
  if [ -d "$d/../shared/corpus/public" ]; then CORPUS="$(cd "$d/../shared/corpus/public" && pwd)"; break; fi
  d="$(dirname "$d")"
done
today() { sed -E 's/today [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z/today X/g' "$1"; }
runs=0
different=0
compare() { # CAPTURE [--keylog FILE]
  java -XX:TieredStopAtLevel=1 -jar "$BASE" "$@" --json > "$WORK/base.json" 2>/dev/null
  local rb=$?
  java -XX:TieredStopAtLevel=1 -jar "$NEW" "$@" --json > "$WORK/new.json" 2>/dev/null
  local rn=$?
  runs=$((runs + 1))
  if [ "$rb" != "$rn" ] || ! cmp -s <(today "$WORK/base.json") <(today "$WORK/new.json"); then
    echo "DIFF $*"
    different=$((different + 1))
  fi
}
R="$MODULE/src/test/resources"
for f in ${CORPUS:+"$CORPUS"/*} "$R"/captures/*.pcap* "$R"/tls/captures/*.pcap*; do
  case "$f" in *.json|*.md|*.keys|*.keylog|*.txt|*.py|*.sh) continue ;; esac
  [ -f "$f" ] || continue
  compare "$f"
  for k in "$f.keylog" "${f%.*}.keys"; do
    [ -f "$k" ] && compare "$f" --keylog "$k"
  done
done
echo "compared $runs runs: $different different"
[ "$different" = 0 ]
