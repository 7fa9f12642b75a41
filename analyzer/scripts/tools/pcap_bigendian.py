#!/usr/bin/env python3
"""Re-encode a little-endian classic pcap (microsecond or nanosecond) as big-endian, as a
capture written on a big-endian machine would be: same packets, header fields byte-swapped.

Usage: pcap_bigendian.py IN.pcap OUT.pcap
"""
import struct, sys

data = open(sys.argv[1], "rb").read()
magic = struct.unpack("<I", data[:4])[0]
assert magic in (0xA1B2C3D4, 0xA1B23C4D), "expects a little-endian classic pcap"
out = bytearray(struct.pack(">IHHiIII", magic, *struct.unpack("<HHiIII", data[4:24])))
off = 24
while off + 16 <= len(data):
    ts, frac, incl, orig = struct.unpack("<IIII", data[off:off + 16])
    out += struct.pack(">IIII", ts, frac, incl, orig) + data[off + 16:off + 16 + incl]
    off += 16 + incl
open(sys.argv[2], "wb").write(out)
