#!/usr/bin/env python3
"""Checks that the RTP of a capture alternates between its two directions packet by packet.

Reads tshark's view of the UDP datagrams between even ports at or above 10000 that are not
SIP (the RTP; RTCP goes to odd ports) and prints, per flow, the packets of each direction and the
longest run of consecutive packets from one direction. Exits 1 when a flow has a run longer than
MAX_RUN (default 1: strict alternation) or more than MAX_REPEATS places (default 0) where a
direction sends twice in a row. Two real user agents drift against each other by a fraction
of a millisecond per second, so their packets alternate strictly except where the two clocks
cross; the fixture accepts a few such places, each a pair at most.

Usage: alternation.py CAPTURE [MAX_RUN [MAX_REPEATS]]
"""
import subprocess, sys

path = sys.argv[1]
max_run = int(sys.argv[2]) if len(sys.argv) > 2 else 1
max_repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 0
out = subprocess.run(["tshark", "-n", "-r", path, "-Y", "udp && !icmp && !sip && !stun && !dtls", "-T", "fields",
                      "-e", "ip.src", "-e", "ipv6.src", "-e", "udp.srcport", "-e", "ip.dst", "-e", "ipv6.dst",
                      "-e", "udp.dstport"], capture_output=True, text=True, check=True).stdout
flows = {}
for line in out.splitlines():
    s4, s6, sp, d4, d6, dp = (line.split("\t") + [""] * 6)[:6]
    src, dst = (s4 or s6, int(sp)), (d4 or d6, int(dp))
    if sp == "" or src[1] % 2 or dst[1] % 2 or src[1] < 10000 or dst[1] < 10000:
        continue
    key = tuple(sorted([src, dst]))
    flows.setdefault(key, []).append(src)
ok = bool(flows)
for key, senders in flows.items():
    longest, run, where = 1, 1, []
    for i, (a, b) in enumerate(zip(senders, senders[1:]), 1):
        run = run + 1 if a == b else 1
        longest = max(longest, run)
        if run == 2:
            where.append(i)
    counts = {s: senders.count(s) for s in set(senders)}
    print(f"{key[0]} <-> {key[1]}: {len(senders)} packets {counts}, longest run from one side {longest}"
          + (f", repeats at packets {where[:10]}" if where else ""))
    if longest > max_run or len(where) > max_repeats or len(counts) < 2:
        ok = False
sys.exit(0 if ok else 1)
