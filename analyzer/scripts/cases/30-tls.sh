# TLS signalling: baresip user agents calling through the kamailio TLS edge
# (kamailio/tls-edge.cfg), A = alice on 127.0.0.1:5070/5071 (TLS), B = bob on 127.0.0.1:5080/5081.
# Key logs come from the sslkeylog.so preload in every TLS speaker.

# tls_call FILE METHOD MEDIAENC NEXT_HOP_TRANSPORT: the common shape of the TLS calls.
tls_call() {
  local file=$1 method=$2 enc=$3 hop=$4 encparam=""
  [ -n "$enc" ] && encparam=";mediaenc=$enc"
  make_pki
  kamailio_tls_cfg "$method" "$WORK/pki/server.key" "$WORK/pki/server.pem"
  baresip_conf alice 5070 20000 "<sip:alice@127.0.0.1:5070>;regint=0$encparam;outbound=\"sip:127.0.0.1:5061;transport=tls\""
  baresip_conf bob 5080 21000 "<sip:bob@127.0.0.1:5080>;regint=0$encparam;answermode=auto"
  start_capture lo
  if [ "$hop" = tls ]; then
    start_tls_edge "sip:127.0.0.1:5081;transport=tls"
  else
    start_tls_edge "sip:127.0.0.1:5080"
  fi
  baresip_bg bob 14
  baresip_dial alice 3 "sip:bob@127.0.0.1:5080"
  sleep 1
  stop_capture
  stop_all
  # tshark decodes SIP inside TLS only on 5061 by itself; bob listens for TLS on 5081.
  save_capture "$file" --keylog "$WORK/keylog" --decode-as tls.port==5081,sip
}

# 3. TLS 1.2 on both legs (kamailio method TLSv1.2), SDES-SRTP media (baresip srtp-mand).
case_tls12_sdes_srtp() { tls_call sip-tls12-sdes-srtp.pcapng TLSv1.2 srtp-mand tls; }

# 4. TLS 1.3 on both legs (kamailio TLSv1.2+ lets OpenSSL 3 negotiate 1.3), SDES-SRTP media.
case_tls13_sdes_srtp() { tls_call sip-tls13-sdes-srtp.pcapng TLSv1.2+ srtp-mand tls; }

# 7. TLS 1.2 signalling on both legs, but plain RTP/AVP media (no mediaenc).
case_tls12_plain_rtp() { tls_call sip-tls12-plain-rtp.pcapng TLSv1.2 "" tls; }

# 19. Through the proxy: alice -> kamailio over TLS 1.2, kamailio -> bob over UDP, SDES-SRTP:
# the UDP leg carries the a=crypto keys in clear.
case_proxy_tls_to_udp() { tls_call sip-proxy-tls-to-udp-sdes.pcapng TLSv1.2 srtp-mand udp; }
