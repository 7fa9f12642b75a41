#!/usr/bin/env bash
# Checks that ./run's class archive lets the JIT compile the methods it holds. A dynamic archive
# (-XX:ArchiveClassesAtExit, JDK 17) copies each method's "queued for compilation" flag as it is at the
# training run's exit: a method that waited in a compiler's queue then (with the full compiler, the
# server compiler's long queue holds the hottest methods of the start) is taken for queued in every later
# run and stays interpreted for good. It hit BCrypt's inner loop: every password hash at start (the
# eight local and demo accounts) and at each login ran interpreted, about 0.85 s of CPU instead of 0.07 s.
#
# The check hashes a few passwords with the archive mapped and fails if the JIT sees a method of the
# archive as queued while no compiler queue holds anything (-XX:+PrintTieredEvents), or if BCrypt's
# inner loop is not compiled.
#
#   web/bench/cds-check.sh [APP_DIR]     APP_DIR: ./run's extracted jar and archive (default web/target/run)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
app=$(readlink -f "${1:-$root/web/target/run}")
[ -f "$app/trunkguard.jsa" ] || { echo "no class archive in $app: start ./run once first" >&2; exit 2; }
crypto=$(ls "$app"/lib/spring-security-crypto-*.jar)
work=$(mktemp -d /tmp/cds-check.XXXXXX)
trap 'rm -rf "$work"' EXIT

cat >"$work/HashSome.java" <<'EOF'
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

public class HashSome {
	public static void main(String[] args) {
		BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
		for (int i = 0; i < 6; i++) {
			encoder.encode("password-" + i);
		}
	}
}
EOF
javac -d "$work/classes" -cp "$crypto" "$work/HashSome.java"
jar cf "$work/check.jar" -C "$work/classes" .
# the archive's class path first, as at run time; the check class after it
java -XX:SharedArchiveFile="$app/trunkguard.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -XX:TieredStopAtLevel=1 \
	-XX:+UnlockDiagnosticVMOptions -XX:+PrintTieredEvents -XX:+PrintCompilation \
	-cp "$app/trunkguard.jar:$work/check.jar" HashSome >"$work/jit.log"

# queued (status=in-queue) while both queues are empty, and never compiled (a method being compiled shows the
# same status for a moment, and then its compilation is printed)
compiled=$(grep -oE '[^ ]+::[^ ]+' "$work/jit.log" | sort -u || true)
stuck=$(grep -E 'queues=0,0 .*status=in-queue' "$work/jit.log" \
	| sed -E 's/^[^[]*\[[a-z]+ level=[0-9]+ \[([^ (]+)\.([^.( ]+)\(.*/\1::\2/' | sort -u \
	| grep -vxF -f <(echo "${compiled:-none}") || true)
failed=false
if [ -n "$stuck" ]; then
	echo "FAIL: methods the archive marks as queued for compilation, never compiled:"
	echo "$stuck" | sed 's/^/  /'
	failed=true
fi
if ! grep -q 'BCrypt::encipher' "$work/jit.log"; then
	echo "FAIL: BCrypt.encipher (the password hash's inner loop) was not compiled"
	failed=true
fi
$failed && exit 1
echo "OK: the archive's methods compile ($(grep -c '::' "$work/jit.log") compilations, BCrypt.encipher among them)"
