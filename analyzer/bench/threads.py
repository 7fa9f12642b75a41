#!/usr/bin/env python3
"""Runs a command and prints the CPU seconds of its threads by role (not a test).

Samples /proc/PID/task/*/stat every 0.1 s and keeps each thread's last figure, so a thread
that ends loses at most its last 0.1 s. Roles: the analyzer's main thread ("main", named
"java" by the launcher), its reader and decoder threads, the JIT compilers (C1, C2), GC.
usage: threads.py COMMAND...   (the command's stdout is discarded, its stderr's last line kept)
"""
import collections
import os
import subprocess
import sys
import time

proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
hz = os.sysconf("SC_CLK_TCK")
last = {}
while proc.poll() is None:
    try:
        for tid in os.listdir(f"/proc/{proc.pid}/task"):
            try:
                with open(f"/proc/{proc.pid}/task/{tid}/stat") as f:
                    stat = f.read()
            except OSError:
                continue
            name = stat[stat.index("(") + 1:stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2:].split()
            last[tid] = (name, (int(fields[11]) + int(fields[12])) / hz)
    except OSError:
        pass
    time.sleep(0.1)
err = proc.stderr.read().decode(errors="replace").strip()
roles = collections.Counter()
for name, cpu in last.values():
    if name.startswith("C2 "):
        role = "jit-C2"
    elif name.startswith("C1 "):
        role = "jit-C1"
    elif name.startswith(("G1 ", "GC ", "VM Thread")):
        role = "gc+vm"
    elif name == "java":
        role = "main"
    elif name.startswith("trunkguard-"):
        role = name
    else:
        role = "other"
    roles[role] += cpu
print("thread cpu s: " + ", ".join(f"{k} {v:.2f}" for k, v in roles.most_common()) + f"; total {sum(roles.values()):.2f}")
if proc.returncode != 0:
    print(err.splitlines()[-1] if err else "", file=sys.stderr)
    sys.exit(proc.returncode)
