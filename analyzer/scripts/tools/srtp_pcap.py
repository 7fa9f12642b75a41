#!/usr/bin/env python3
"""Write a pcap of SRTP packets for sipp's play_pcap_audio, made from the G.711 RTP packets
of another pcap, protected per RFC 3711 with the NULL cipher and HMAC-SHA1-80 (the payload
stays readable, each packet carries a valid 10-byte authentication tag). This is what a
stack does for a=crypto NULL_HMAC_SHA1_80, or for any suite with UNENCRYPTED_SRTP; no
stack on this machine offers either, so the fixture media is made here.

Usage: srtp_pcap.py IN.pcap OUT.pcap PACKETS SSRC_HEX INLINE_KEY_BASE64
"""
import base64, hashlib, hmac, struct, sys
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

src, dst, count, ssrc, inline = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4], 16), sys.argv[5]
material = base64.b64decode(inline)
master_key, master_salt = material[:16], material[16:30]

def derive(label, length):
    # RFC 3711 4.3.1 with key_derivation_rate 0: x = (label || 0^48) XOR master_salt,
    # keystream of AES-CM under the master key with IV = x * 2^16.
    x = bytearray(master_salt)
    x[7] ^= label
    iv = bytes(x) + b"\x00\x00"
    enc = Cipher(algorithms.AES(master_key), modes.CTR(iv)).encryptor()
    return enc.update(b"\x00" * length)

auth_key = derive(0x01, 20)

data = open(src, "rb").read()
assert struct.unpack("<I", data[:4])[0] == 0xA1B2C3D4, "expects a little-endian microsecond pcap"
out = bytearray(data[:24])
off, n = 24, 0
while off + 16 <= len(data) and n < count:
    ts, tu, incl, orig = struct.unpack("<IIII", data[off:off + 16])
    rec = bytearray(data[off + 16:off + 16 + incl])
    ihl = (rec[14] & 0x0F) * 4
    start = 14 + ihl + 8
    rtp = bytearray(rec[start:])
    rtp[8:12] = struct.pack(">I", ssrc)
    roc = 0
    tag = hmac.new(auth_key, bytes(rtp) + struct.pack(">I", roc), hashlib.sha1).digest()[:10]
    srtp = bytes(rtp) + tag
    head = bytearray(rec[:start])
    struct.pack_into(">H", head, 14 + 2, ihl + 8 + len(srtp))    # IPv4 total length
    struct.pack_into(">H", head, 14 + ihl + 4, 8 + len(srtp))   # UDP length
    struct.pack_into(">H", head, 14 + 10, 0)                    # IPv4 checksum (unused by sipp)
    struct.pack_into(">H", head, 14 + ihl + 6, 0)               # UDP checksum: none
    rec = bytes(head) + srtp
    out += struct.pack("<IIII", ts, tu, len(rec), len(rec)) + rec
    off += 16 + incl
    n += 1
open(dst, "wb").write(out)
