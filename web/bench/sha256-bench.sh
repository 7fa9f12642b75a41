#!/usr/bin/env bash
# SHA-256 throughput of the JVM under the compiler options of a start command: what an uploaded capture's
# digest costs in a server started that way (./run's options against the full compiler, or candidates).
# Runs web/bench/Sha256Bench.java once per option set, one after another, and prints for each the wall time
# per GB, the hashing thread's CPU time per GB (what the load of other processes does not inflate much) and
# the load. The JVM's own options of ./run are in RUN_JIT below; keep them equal to ./run's.
#
#   web/bench/sha256-bench.sh [-m MB | -f FILE] [-- "OPTIONS" ...]
#
#   -m MB      hash MB megabytes of a buffer (default 1024)
#   -f FILE    hash a file instead (read 1 MB at a time, like an upload), e.g. a capture
#   OPTIONS    one quoted option set per JVM, after --; default: ./run's options, then the full compiler
#
# Example: web/bench/sha256-bench.sh -m 1024 -- "-XX:TieredStopAtLevel=1" ""
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
what=1024
while getopts "m:f:" opt; do
	case $opt in
		m) what=$OPTARG ;;
		f) what=$(readlink -f "$OPTARG") ;;
		*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
# ./run's compiler options (keep in step with ./run)
RUN_JIT=$(sed -n 's/^jit="\(.*\)"$/\1/p' "$here/../../run")
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=("$RUN_JIT" "-XX:TieredStopAtLevel=4")

work=$(mktemp -d /tmp/sha256-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
# compiled once, so that each JVM only hashes (the source launcher would compile it in every JVM)
javac -d "$work" "$here/Sha256Bench.java"

for options in "${sets[@]}"; do
	echo "== java ${options:-(no options)} (load $(cut -d' ' -f1 /proc/loadavg))"
	# shellcheck disable=SC2086
	java $options -cp "$work" Sha256Bench "$what"
done
