#!/usr/bin/env python3
"""Cut a G.711 RTP clip for sipp's play_pcap_audio out of an Ethernet/IPv4/UDP pcap and give it
its own SSRC, so the two directions of a fixture call carry different streams.

Usage: rtpclip.py IN.pcap OUT.pcap PACKETS SSRC_HEX
"""
import struct, sys

src, dst, count, ssrc = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4], 16)
data = open(src, "rb").read()
magic = struct.unpack("<I", data[:4])[0]
assert magic == 0xA1B2C3D4, "expects a little-endian microsecond pcap"
out = bytearray(data[:24])
off, n = 24, 0
while off + 16 <= len(data) and n < count:
    ts, tu, incl, orig = struct.unpack("<IIII", data[off:off + 16])
    rec = bytearray(data[off + 16:off + 16 + incl])
    ihl = (rec[14] & 0x0F) * 4
    rtp = 14 + ihl + 8
    rec[rtp + 8:rtp + 12] = struct.pack(">I", ssrc)
    out += struct.pack("<IIII", ts, tu, incl, orig) + rec
    off += 16 + incl
    n += 1
open(dst, "wb").write(out)
