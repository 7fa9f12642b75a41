# Plain calls: UDP, TCP, IPv6, and the capture-format variants.

# 1. One call over UDP with G.711 RTP both ways (sipp UAC -> sipp UAS), pcapng.
case_udp_call() {
  make_rtp_clip
  start_capture lo
  sipp_bg 30 uas-call.xml -i 127.0.0.1 -p 5060 -mp 17000 -m 1
  sipp_run 30 uac-call.xml 127.0.0.1:5060 -i 127.0.0.1 -p 5070 -mp 16000 -m 1
  stop_capture
  save_capture sip-udp-call.pcapng
}

# 2. One call over TCP with G.711 RTP, written as a classic (microsecond) pcap.
case_tcp_call() {
  make_rtp_clip
  start_capture lo -F pcap
  sipp_bg 30 uas-call.xml -t t1 -i 127.0.0.1 -p 5060 -mp 17000 -m 1
  sipp_run 30 uac-call.xml 127.0.0.1:5060 -t t1 -i 127.0.0.1 -p 5070 -mp 16000 -m 1
  stop_capture
  save_capture sip-tcp-call.pcap
}

# 16. One call over UDP on IPv6 (::1), converted to a nanosecond-resolution pcap.
case_ipv6_call() {
  make_rtp_clip
  start_capture lo
  sipp_bg 30 uas-call.xml -i ::1 -p 5060 -mp 17000 -m 1
  sipp_run 30 uac-call.xml [::1]:5060 -i ::1 -p 5070 -mp 16000 -m 1
  stop_capture
  save_capture sip-ipv6-call.nsec.pcap --convert nsecpcap
}

# 18. One call over UDP captured with `-i any`: tshark 4.0 writes Linux cooked capture v1 (SLL)
# by default; case any-sll2-call asks for v2 (SLL2) with -y LINUX_SLL2.
case_any_call() {
  make_rtp_clip
  start_capture any
  sipp_bg 30 uas-call.xml -i 127.0.0.1 -p 5060 -mp 17000 -m 1
  sipp_run 30 uac-call.xml 127.0.0.1:5060 -i 127.0.0.1 -p 5070 -mp 16000 -m 1 -key dest 2002
  stop_capture
  save_capture sip-udp-call-any.pcapng
}

# 18b. The same with Linux cooked capture v2 (SLL2), over TCP.
case_any_sll2_call() {
  make_rtp_clip
  start_capture any -y LINUX_SLL2
  sipp_bg 30 uas-call.xml -t t1 -i 127.0.0.1 -p 5060 -mp 17000 -m 1
  sipp_run 30 uac-call.xml 127.0.0.1:5060 -t t1 -i 127.0.0.1 -p 5070 -mp 16000 -m 1 -key dest 2003
  stop_capture
  save_capture sip-tcp-call-any-sll2.pcapng
}
