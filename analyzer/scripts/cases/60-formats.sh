# Capture-file variants the reader must handle, each around one plain UDP call (as udp-call).

# plain_call DEST: the sipp UDP call with RTP used by the variants (callee number DEST).
plain_call() {
  sipp_bg 30 uas-call.xml -i 127.0.0.1 -p 5060 -mp 17000 -m 1
  sipp_run 30 uac-call.xml 127.0.0.1:5060 -i 127.0.0.1 -p 5070 -mp 16000 -m 1 -key dest "$1"
}

# One pcapng with two interfaces and two link types: tshark -i lo -i any (Ethernet and Linux
# cooked v1); every packet appears once per interface, and tshark counts both copies.
case_multi_interface() {
  make_rtp_clip
  start_capture lo -i any
  plain_call 2004
  stop_capture
  save_capture sip-udp-call-lo-and-any.pcapng
}

# A gzip-compressed pcapng (gzip -9 -n of tshark's file; tshark reads it as is).
case_gzip_call() {
  make_rtp_clip
  start_capture lo
  plain_call 2005
  stop_capture
  save_capture sip-udp-call.pcapng.gz --gzip
}

# A big-endian microsecond pcap: tshark -i lo, editcap -F pcap, header fields byte-swapped by
# tools/pcap_bigendian.py (no big-endian machine here; the packets are unchanged).
case_bigendian_call() {
  make_rtp_clip
  start_capture lo
  plain_call 2006
  stop_capture
  save_capture sip-udp-call-bigendian.pcap --big-endian
}

# IPv4 fragments: lo's MTU set to 1280 in the namespace, a UDP call whose INVITE (about 2.3 kB,
# sipp uac-call-large.xml) the kernel sends as two fragments.
case_udp_fragmented_invite() {
  make_rtp_clip
  ip link set lo mtu 1280
  start_capture lo
  sipp_bg 30 uas-call.xml -i 127.0.0.1 -p 5060 -mp 17000 -m 1
  sipp_run 30 uac-call-large.xml 127.0.0.1:5060 -i 127.0.0.1 -p 5070 -mp 16000 -m 1 -key dest 2007
  stop_capture
  save_capture sip-udp-fragmented-invite.pcapng
}

# TCP segmentation: the same large INVITE over TCP with lo's MTU at 1280 and GSO limited to one
# MSS-sized segment (loopback otherwise hands the capture one 2 kB super-segment), so the
# INVITE spans two TCP segments on the wire.
case_tcp_segmented_invite() {
  make_rtp_clip
  ip link set lo mtu 1280 gso_max_size 1240 gso_max_segs 1
  start_capture lo
  sipp_bg 30 uas-call.xml -t t1 -i 127.0.0.1 -p 5060 -mp 17000 -m 1
  sipp_run 30 uac-call-large.xml 127.0.0.1:5060 -t t1 -i 127.0.0.1 -p 5070 -mp 16000 -m 1 -key dest 2008
  stop_capture
  save_capture sip-tcp-segmented-invite.pcapng
}
