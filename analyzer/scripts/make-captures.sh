#!/usr/bin/env bash
# Makes the analyzer's test captures with real SIP stacks on loopback.
#
#   analyzer/scripts/make-captures.sh            # every capture
#   analyzer/scripts/make-captures.sh udp-call   # only the named ones
#   analyzer/scripts/make-captures.sh --list
#
# Each capture runs in a network namespace of its own (unshare -n, lo only), so nothing
# else on the machine leaks into it, and is written to
# analyzer/src/test/resources/captures/ together with FILE.json (tshark's view, made by
# ../shared/corpus/tshark-truth.py), FILE.keys.json (tshark's view with the key log) and
# FILE.keylog for TLS captures, then runs expectations.py (expectations.json and README.md
# there). Needs root (unshare, capture) and the Debian packages tshark, sip-tester, kamailio,
# kamailio-tls-modules, kamailio-websocket-modules, baresip, sipvicious, openssl, gcc and
# libssl-dev (for the key-log preload library), plus python3 with cryptography. Every process
# is bounded by timeout and killed when its case ends.
set -euo pipefail

SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPTS/../.." && pwd)
OUT=${OUT:-$REPO/analyzer/src/test/resources/captures}
TRUTH=${TRUTH:-$REPO/../shared/corpus/tshark-truth.py}
[ -f "$TRUTH" ] || TRUTH=/work/shared/corpus/tshark-truth.py

. "$SCRIPTS/lib/capture.sh"
. "$SCRIPTS/lib/tls.sh"
for f in "$SCRIPTS"/cases/*.sh; do . "$f"; done

CASES=$(declare -F | awk '{print $3}' | sed -n 's/^case_//p' | tr '_' '-')

if [ "${1:-}" = "--list" ]; then echo "$CASES"; exit 0; fi
if [ "${1:-}" = "--inside" ]; then
  # Second stage: we are inside the private network namespace.
  ip link set lo up
  for a in 2 3 4 10 66; do ip addr add 127.0.0.$a/8 dev lo 2>/dev/null || true; done
  name=$2; shift 2
  WORK=$(mktemp -d /tmp/tg-capture-XXXXXX)
  trap 'stop_all; rm -rf "$WORK"' EXIT
  cd "$WORK"
  "case_${name//-/_}" "$@"
  exit 0
fi

mkdir -p "$OUT"
build_keylog_preload
selected=${*:-$CASES}
for name in $selected; do
  echo "== $name" >&2
  timeout "${CASE_TIMEOUT:-120}" unshare -n "$SCRIPTS/make-captures.sh" --inside "$name"
done
python3 "$SCRIPTS/expectations.py" "$OUT"
echo "expectations: $OUT/expectations.json, $OUT/README.md" >&2
