#!/usr/bin/env bash
# Bench (not a test): one large capture analysed by the command line and uploaded to and analysed by the app
# (embedded default, -Xmx512m) in the same run; prints both times, their ratio and the app's heap.
#
# usage: web/bench/capture-bench.sh [CAPTURE]   (default: the 1 GB capture analyzer/bench/bench.sh makes under
#        $BENCH_DIR, /tmp/trunkguard-bench). Needs web/target/trunkguard.jar and the analyzer CLI jar
#        (./mvnw -pl web -am package -DskipTests). PORT (18080) and WORK (/tmp/trunkguard-app-bench) override;
#        APP_JAVA_OPTS adds JVM options to the app (e.g. a flight recording); APP_JAR and CLI_JAR run other
#        builds (e.g. main's jars copied aside, to compare a branch with main in the same session); WARM_CAPTURE
#        (one or more paths) uploads other captures first and times the second one (an app that has analysed before, its code
#        compiled), e.g. the 100 MB capture of analyzer/bench/bench.sh 100. PRIME_MEMORY=0: see below.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CAPTURE="${1:-${BENCH_DIR:-/tmp/trunkguard-bench}/bench-1024MB.pcapng}"
PORT="${PORT:-18080}"
WORK="${WORK:-/tmp/trunkguard-app-bench}"
APP="${APP_JAR:-$ROOT/web/target/trunkguard.jar}"
CLI="${CLI_JAR:-$(ls "$ROOT"/analyzer/target/trunkguard-analyzer-*-cli.jar | awk "NR==1")}"
[ -f "$CAPTURE" ] || { echo "no capture at $CAPTURE: run analyzer/bench/bench.sh first" >&2; exit 1; }
SIZE=$(stat -c %s "$CAPTURE")
echo "capture: $CAPTURE ($(awk -v s="$SIZE" 'BEGIN { printf "%.1f", s / 1048576 }') MB)"
echo "load: $(uptime)"

# 1. the command line, as an operator runs it
start=$(date +%s.%N)
/usr/bin/time -f "%U %S" -o "$WORK.cli.time" java -Xmx512m -jar "$CLI" --json "$CAPTURE" > "$WORK.cli.json" \
  2> "$WORK.cli.log" || true
cli=$(echo "$(date +%s.%N) - $start" | bc)
tail -1 "$WORK.cli.log"
cli_cpu=$(awk '{ printf "%.1f", $1 + $2 }' "$WORK.cli.time")
echo "command line: ${cli} s, CPU ${cli_cpu} s"

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

# uploads "$1" with the token and polls its capture until DONE or FAILED; sets ID, uploaded and status.
# Polled four times a second with curl. The heap is read from the GC log afterwards (the most used before any
# collection), not sampled with jcmd: a jcmd each second starts a JVM, which on two cores takes CPU from the app.
upload_and_wait() {
  ID=$(curl -fs -H "Authorization: Bearer $TOKEN" -F "file=@$1" -F label=other \
    "http://127.0.0.1:$PORT/api/captures" | sed 's/.*"id":"\([^"]*\)".*/\1/')
  uploaded=$(echo "$(date +%s.%N) - $start" | bc)
  timeline="upload answered at ${uploaded} s"
  local seen=""
  while :; do
    body=$(curl -fs -H "Authorization: Bearer $TOKEN" -H 'Accept: application/json' "http://127.0.0.1:$PORT/api/captures/$ID" | head -c 400 || true)
    status=$(echo "$body" | grep -o '"status":"[A-Z]*"' | head -1 | cut -d'"' -f4 || true)
    if [ "$status" != "$seen" ]; then
      timeline="$timeline, $status at $(echo "$(date +%s.%N) - $start" | bc | awk '{ printf "%.2f", $1 }') s"
      seen=$status
    fi
    [ "$status" = DONE ] || [ "$status" = FAILED ] && break
    sleep 0.25
  done
}
# the app quiet (the JIT compilers done with what start-up and earlier captures made hot, reports of an earlier
# capture written): three seconds in a row under 0.1 CPU s each, at most two minutes
wait_quiet() {
  local quiet=0 c1 c2 t0=$(date +%s)
  for _ in $(seq 120); do
    c1=$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"); sleep 1; c2=$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")
    if [ $((c2 - c1)) -le $(( $(getconf CLK_TCK) / 10 )) ]; then quiet=$((quiet + 1)); else quiet=0; fi
    [ "$quiet" -ge 3 ] && { echo "app quiet after $(( $(date +%s) - t0 )) s"; return 0; }
  done
  echo "the app did not become quiet within 2 minutes: the figures below include its other work"
}
if [ -n "${WARM_CAPTURE:-}" ]; then
  wait_quiet
  # a server analyses captures all day: one other capture first, so that the timed one meets compiled code, as
  # a later capture of a running app does (the command line compiles its code in every run)
  for warm in $WARM_CAPTURE; do
    start=$(date +%s.%N)
    upload_and_wait "$warm"
    echo "warm-up: $warm ($(stat -c %s "$warm") bytes) $status in $(echo "$(date +%s.%N) - $start" | bc) s"
    wait_quiet
  done
fi
if [ "${PRIME_MEMORY:-1}" = 1 ]; then
  # On these VMs the first write into memory the host has not backed yet (free pages handed back to it) costs about
  # 6 s of kernel time per GB: a "dd" of 1 GB to a new file took 6.3 s of system time, the next one 0.2 s. The app
  # writes the upload to a new file, the command line only reads a cached one, so that cost would be the app's alone
  # and vary from run to run (2.8-6 s on the upload thread). Writing and deleting a file of the capture's size just
  # before the upload lets the app's file take memory that is backed, as it is on a server that has run a while.
  # PRIME_MEMORY=0 leaves it out.
  /usr/bin/time -f "%S" -o "$WORK.prime.time" dd if=/dev/zero of="$WORK/prime" bs=1M count=$((SIZE / 1048576 + 256)) \
    status=none && rm -f "$WORK/prime"
  echo "memory primed: $((SIZE / 1048576 + 256)) MB written and deleted, $(cat "$WORK.prime.time") s of system time"
fi
cpu0=$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")
python3 "$ROOT/web/bench/thread-cpu.py" snapshot "$APP_PID" > "$WORK/threads-before.json"
start=$(date +%s.%N)
upload_and_wait "$CAPTURE"
app=$(echo "$(date +%s.%N) - $start" | bc)
cpu=$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")
THREADS=$(python3 "$ROOT/web/bench/thread-cpu.py" since "$WORK/threads-before.json" "$APP_PID")
echo "app: upload ${uploaded} s, upload + analysis ${app} s, status $status ($timeline)"
peak=$(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$WORK/gc.log" | awk -F'M' '{ if ($1 + 0 > p) p = $1 + 0 } END { print p + 0 }')
echo "app heap: at most ${peak} MB used before a collection, whole run (max 512 MB); GC log: $WORK/gc.log"
app_cpu=$(awk -v t="$((cpu - cpu0))" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz }')
echo "app CPU from the upload to DONE: ${app_cpu} s (curl's own not counted)"
echo "$THREADS"
awk -v a="$app" -v c="$cli" -v ac="$app_cpu" -v cc="$cli_cpu" \
  'BEGIN { printf "ratio app / command line: %.2f by wall clock, %.2f by CPU\n", a / c, ac / cc }'
echo "load: $(uptime)"
