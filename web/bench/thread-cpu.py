#!/usr/bin/env python3
"""CPU seconds of a process's threads between two moments (not a test).

usage: thread-cpu.py snapshot PID > FILE     (the process's and each thread's CPU now)
       thread-cpu.py since FILE PID          (what each thread used since FILE, largest first; threads named
                                              alike but for a number are counted together, the JIT compilers
                                              C1 and C2 apart; what threads that ended used is one line)
"""
import collections
import json
import os
import re
import sys

HZ = os.sysconf("SC_CLK_TCK")


def cpu(stat):
    fields = stat[stat.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / HZ  # utime + stime


def snapshot(pid):
    with open(f"/proc/{pid}/stat") as f:
        process = cpu(f.read())  # the threads alive and those that ended
    threads = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        threads[tid] = [stat[stat.index("(") + 1:stat.rindex(")")], cpu(stat)]
    return {"process": process, "threads": threads}


if sys.argv[1] == "snapshot":
    json.dump(snapshot(sys.argv[2]), sys.stdout)
else:
    with open(sys.argv[2]) as f:
        before = json.load(f)
    now = snapshot(sys.argv[3])
    used = collections.Counter()
    for tid, (name, seconds) in now["threads"].items():
        role = name if name.startswith(("C1 ", "C2 ")) else re.sub(r"\d+", "#", name)
        used[role] += seconds - before["threads"].get(tid, [name, 0.0])[1]
    alive = sum(used.values())
    used["(threads that ended)"] = now["process"] - before["process"] - alive
    total = now["process"] - before["process"]
    print(f"app threads, CPU s since the upload began (total {total:.1f}): "
          + ", ".join(f"{k} {v:.2f}" for k, v in used.most_common(14) if v >= 0.05))
