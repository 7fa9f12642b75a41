#!/usr/bin/env bash
# Start-up of the embedded default, measured as a person runs it: a fresh ./data, `java -jar`, until
# "Started TrunkguardApplication" is logged and until the login page answers. Runs the reference jar
# (as shipped) and the candidate alternately in the same invocation, because on a shared machine only
# figures taken side by side compare. For each run it prints the JVM's CPU time (user+sys from
# /proc/<pid>/stat, what the load of other processes does not inflate much), the wall time and the load,
# then the medians and the ratio candidate/reference. With -p it also prints each run's phases (from the
# log's timestamps, in seconds since the JVM started).
#
#   web/bench/startup-bench.sh [-n runs] [-p] [-e] [-j] REFERENCE [CANDIDATE...] [-- extra java options]
#
#   REFERENCE, CANDIDATE  a jar (started with `java [options] -jar JAR`) or a start script such as ./run
#                         (started as `SCRIPT --server.port=N`, JAVA_OPTS set to the extra options)
#   -n runs  runs per side (default 3)
#   -e       existing data: one warm-up start per side, then every run on that side's ./data
#   -p       print the phases of every run
#   -j       start reference and candidate at the same time (on a loaded machine both then meet the same load)
#
# Example (the as-shipped jar of main against this tree's):
#   cp /path/to/main/web/target/trunkguard.jar /tmp/ref.jar
#   ./mvnw -B -q -DskipTests package && web/bench/startup-bench.sh -p /tmp/ref.jar web/target/trunkguard.jar
set -euo pipefail

runs=3
phases=false
existing=false
parallel=false
while getopts "n:pej" opt; do
	case $opt in
		n) runs=$OPTARG ;;
		p) phases=true ;;
		e) existing=true ;;
		j) parallel=true ;;
		*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { sed -n 2,16p "$0"; exit 2; }
jars=()
while [ $# -ge 1 ] && [ "$1" != "--" ]; do
	jars+=("$(readlink -f "$1")")
	shift
done
[ "${1:-}" = "--" ] && shift
extra=("$@")

ticks=$(getconf CLK_TCK)
work=$(mktemp -d /tmp/startup-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

cpu_of() { # user+sys seconds of a process
	awk -v t="$ticks" '{ sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / t }' "/proc/$1/stat"
}

phases_of() { # seconds since the JVM started at which each phase's log line appeared
	awk -v jvm0="$2" '
		function secs(line,   t, p) { t = substr(line, 12, 12); split(t, p, ":"); return p[1] * 3600 + p[2] * 60 + p[3] }
		function mark(name) { if (!(name in seen)) { seen[name] = 1; printf "    %-44s %6.1f s\n", name, secs($0) - jvm0 } }
		/Starting TrunkguardApplication/ { mark("Spring Boot starts") }
		/Tomcat initialized/ { mark("web server created") }
		/Flyway Community Edition|Database: jdbc/ { mark("Flyway starts") }
		/Successfully applied|Schema .* is up to date/ { mark("Flyway done") }
		/HHH000204|Processing PersistenceUnitInfo/ { mark("Hibernate starts") }
		/Initialized JPA EntityManagerFactory/ { mark("Hibernate done") }
		/ENGINE-00001|Process Engine .* created/ { mark("Camunda engine created") }
		/ENGINE-07015|Job executor|JobExecutor/ { mark("Camunda job executor") }
		/ENGINE-08024|Found camunda bpm resources|ENGINE-08023/ { mark("Camunda deployment") }
		/Demo data loaded/ { mark("demo data loaded") }
		/Tomcat started/ { mark("web server listens") }
		/Started TrunkguardApplication/ { mark("Started") }
	' "$1"
}

run_once() { # jar-or-script dir -> prints "cpu wall started load"
	local jar=$1 dir=$2 log=$dir/log.txt
	local port=$((20000 + RANDOM % 20000))
	mkdir -p "$dir"
	local load
	load=$(cut -d' ' -f1 /proc/loadavg)
	local t0
	t0=$(date +%s.%N)
	if [ "${jar%.jar}" != "$jar" ]; then
		(cd "$dir" && exec java "${extra[@]}" -jar "$jar" --server.port="$port" >"$log" 2>&1) &
	else
		(cd "$dir" && JAVA_OPTS="${extra[*]}" exec "$jar" --server.port="$port" >"$log" 2>&1) &
	fi
	local pid=$!
	local started="" cpu="" wall=""
	local jvm0
	jvm0=$(date -d "@$t0" +%H:%M:%S.%N | awk -F: '{ printf "%.3f", $1 * 3600 + $2 * 60 + $3 }')
	while kill -0 "$pid" 2>/dev/null; do
		if [ -z "$started" ] && grep -q "Started TrunkguardApplication" "$log"; then
			cpu=$(cpu_of "$pid")
			started=$(grep -o "Started TrunkguardApplication in [0-9.]* seconds" "$log" | grep -o "[0-9.]* seconds" | cut -d' ' -f1)
		fi
		if [ -n "$started" ] && curl -fs -o /dev/null "http://127.0.0.1:$port/login"; then
			wall=$(echo "$(date +%s.%N) - $t0" | bc)
			break
		fi
		sleep 0.2
	done
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	if [ -z "$wall" ]; then
		echo "run failed, log: $log" >&2
		tail -20 "$log" >&2
		exit 1
	fi
	if $phases; then
		{ echo "  phases of $jar:"; phases_of "$log" "$jvm0"; } >&2
	fi
	printf "%s %.1f %s %s\n" "$cpu" "$wall" "$started" "$load"
}

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.1f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

name() { if [ "$1" = 0 ]; then echo reference; else echo "candidate$1"; fi; }

declare -A results
declare -a cpus walls starts
if $existing; then
	for j in "${!jars[@]}"; do
		echo "warm-up start of ${jars[$j]} (creates its ./data)" >&2
		run_once "${jars[$j]}" "$work/jar$j" >/dev/null
	done
fi
printf "%-4s %-10s %8s %8s %10s %6s\n" run jar "CPU s" "wall s" "Started s" load
for ((r = 1; r <= runs; r++)); do
	for j in "${!jars[@]}"; do
		dir=$work/jar$j
		$existing || { rm -rf "$dir"; }
		if $parallel; then
			run_once "${jars[$j]}" "$dir" >"$work/result$j" &
		else
			run_once "${jars[$j]}" "$dir" >"$work/result$j"
		fi
	done
	wait
	for j in "${!jars[@]}"; do
		line=$(cat "$work/result$j")
		results[$j]+="$line"$'\n'
		read -r cpu wall started load <<<"$line"
		printf "%-4s %-10s %8s %8s %10s %6s\n" "$r" "$(name "$j")" "$cpu" "$wall" "$started" "$load"
	done
done
echo
for j in "${!jars[@]}"; do
	cpu=$(printf "%s" "${results[$j]}" | awk '{ print $1 }' | median)
	wall=$(printf "%s" "${results[$j]}" | awk '{ print $2 }' | median)
	started=$(printf "%s" "${results[$j]}" | awk '{ print $3 }' | median)
	printf "median %-11s CPU %6s s, to login page %6s s, \"Started\" %6s s  (%s)\n" "$(name "$j")" "$cpu" "$wall" "$started" "${jars[$j]}"
	cpus[$j]=$cpu walls[$j]=$wall starts[$j]=$started
done
for j in "${!jars[@]}"; do
	[ "$j" = 0 ] && continue
	printf "ratio %s/reference: CPU %.2f, to login page %.2f, \"Started\" %.2f\n" "$(name "$j")" \
		"$(echo "${cpus[$j]} / ${cpus[0]}" | bc -l)" "$(echo "${walls[$j]} / ${walls[0]}" | bc -l)" \
		"$(echo "${starts[$j]} / ${starts[0]}" | bc -l)"
done
echo "load now: $(cut -d' ' -f1-3 /proc/loadavg)"
