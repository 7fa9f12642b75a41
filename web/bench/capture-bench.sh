#!/usr/bin/env bash
# Bench (not a test): one large capture analysed by the command line and uploaded to and analysed by the app
# (embedded default, -Xmx512m) in the same run; prints both times, their ratio and the app's heap.
#
# usage: web/bench/capture-bench.sh [CAPTURE]   (default: the 1 GB capture analyzer/bench/bench.sh makes under
#        $BENCH_DIR, /tmp/trunkguard-bench). Needs web/target/trunkguard.jar and the analyzer CLI jar
#        (./mvnw -pl web -am package -DskipTests). PORT (18080) and WORK (/tmp/trunkguard-app-bench) override;
#        APP_JAVA_OPTS adds JVM options to the app (e.g. a flight recording).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CAPTURE="${1:-${BENCH_DIR:-/tmp/trunkguard-bench}/bench-1024MB.pcapng}"
PORT="${PORT:-18080}"
WORK="${WORK:-/tmp/trunkguard-app-bench}"
APP="$ROOT/web/target/trunkguard.jar"
CLI="$(ls "$ROOT"/analyzer/target/trunkguard-analyzer-*-cli.jar | awk "NR==1")"
[ -f "$CAPTURE" ] || { echo "no capture at $CAPTURE: run analyzer/bench/bench.sh first" >&2; exit 1; }
SIZE=$(stat -c %s "$CAPTURE")
echo "capture: $CAPTURE ($(awk -v s="$SIZE" 'BEGIN { printf "%.1f", s / 1048576 }') MB)"
echo "load: $(uptime)"

# 1. the command line, as an operator runs it
start=$(date +%s.%N)
java -Xmx512m -jar "$CLI" --json "$CAPTURE" > "$WORK.cli.json" 2> "$WORK.cli.log" || true
cli=$(echo "$(date +%s.%N) - $start" | bc)
tail -1 "$WORK.cli.log"
echo "command line: ${cli} s"

# 2. the app: embedded default, fresh data directory, 512 MB heap
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "port $PORT is already answering: stop what runs there (an earlier bench?) or set PORT" >&2
  exit 1
fi
rm -rf "$WORK" && mkdir -p "$WORK"
LEAD_PW="bench-lead-password-1"
ADMIN_PW="bench-admin-password-1"
(cd "$WORK" && TRUNKGUARD_PASSWORD_COMPLIANCE_LEAD="$LEAD_PW" TRUNKGUARD_PASSWORD_ADMIN="$ADMIN_PW" \
  TRUNKGUARD_DEMO_ENABLED=false TRUNKGUARD_EVIDENCE_DIRECTORY="$WORK/files" \
  exec java -Xmx512m -XX:+UseG1GC ${APP_JAVA_OPTS:-} -Xlog:gc:file="$WORK/gc.log" -jar "$APP" --server.port="$PORT" \
    --trunkguard.trace.max-capture-size=4GB --trunkguard.trace.analysis-time-limit=60m \
    --camunda.bpm.job-execution.lock-time-in-millis=3600000 > "$WORK/app.log" 2>&1) &
APP_PID=$!
stop_app() {
  kill "$APP_PID" 2>/dev/null || return 0
  for _ in $(seq 30); do kill -0 "$APP_PID" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$APP_PID" 2>/dev/null || true
}
trap stop_app EXIT
until curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do
  kill -0 $APP_PID || { tail -30 "$WORK/app.log"; exit 1; }
  sleep 2
done
echo "app up (pid $APP_PID)"

# an API token for the lead, made through the admin page (login form + CSRF)
JAR="$WORK/cookies"
csrf() { grep -o 'name="_csrf" value="[^"]*"' | awk "NR==1" | sed 's/.*value="//; s/"$//'; }
t=$(curl -fs -c "$JAR" -b "$JAR" "http://127.0.0.1:$PORT/login" | csrf)
curl -fs -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "username=admin" --data-urlencode "password=$ADMIN_PW" \
  --data-urlencode "_csrf=$t" "http://127.0.0.1:$PORT/login"
t=$(curl -fs -c "$JAR" -b "$JAR" "http://127.0.0.1:$PORT/admin/api-tokens" | csrf)
TOKEN=$(curl -fs -c "$JAR" -b "$JAR" --data-urlencode "name=bench-$(date +%s)" --data-urlencode "role=compliance-lead" \
  --data-urlencode "expiresOn=$(date -u -d '+1 day' +%F)" --data-urlencode "_csrf=$t" \
  "http://127.0.0.1:$PORT/admin/api-tokens" | grep -o 'tg_[A-Za-z0-9_-]*' | awk "NR==1")
[ -n "$TOKEN" ] || { echo "no API token" >&2; exit 1; }

start=$(date +%s.%N)
ID=$(curl -fs -H "Authorization: Bearer $TOKEN" -F "file=@$CAPTURE" -F label=other \
  "http://127.0.0.1:$PORT/api/captures" | sed 's/.*"id":"\([^"]*\)".*/\1/')
uploaded=$(echo "$(date +%s.%N) - $start" | bc)
peak=0
while :; do
  body=$(curl -fs -H "Authorization: Bearer $TOKEN" -H 'Accept: application/json' "http://127.0.0.1:$PORT/api/captures/$ID" | head -c 400 || true)
  status=$(echo "$body" | grep -o '"status":"[A-Z]*"' | head -1 | cut -d'"' -f4 || true)
  used=$(jcmd $APP_PID GC.heap_info 2>/dev/null | awk '/garbage-first heap/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i+1); gsub(/K,?/, "", v); print int(v / 1024) } }' || true)
  [ -n "$used" ] && [ "$used" -gt "$peak" ] && peak=$used
  [ "$status" = DONE ] || [ "$status" = FAILED ] && break
  sleep 1
done
app=$(echo "$(date +%s.%N) - $start" | bc)
echo "app: upload ${uploaded} s, upload + analysis ${app} s, status $status"
echo "app heap: peak used ${peak} MB sampled each second (max 512 MB); GC log: $WORK/gc.log"
grep -o 'Pause Full[^)]*)' "$WORK/gc.log" | tail -2 || true
awk -v a="$app" -v c="$cli" 'BEGIN { printf "ratio app / command line: %.2f\n", a / c }'
echo "load: $(uptime)"
