# Media protection cases: SDES over plain signalling, NULL/unencrypted SRTP, DTLS-SRTP (done
# and promised but not done), and an SAVP offer answered with AVP.

# 8. SDES keys over plain UDP signalling: baresip alice calls baresip bob directly over UDP,
# both with mediaenc=srtp-mand (RTP/SAVP, a=crypto AES_CM_128_HMAC_SHA1_80), real SRTP media.
case_sdes_over_udp() {
  make_pki
  baresip_conf alice 5070 20000 "<sip:alice@127.0.0.1:5070>;regint=0;mediaenc=srtp-mand"
  baresip_conf bob 5080 21000 "<sip:bob@127.0.0.1:5080>;regint=0;mediaenc=srtp-mand;answermode=auto"
  start_capture lo
  baresip_bg bob 12
  baresip_dial alice 3 "sip:bob@127.0.0.1:5080"
  sleep 1
  stop_capture
  stop_all
  save_capture sip-udp-sdes-srtp.pcapng
}

# 10a. DTLS-SRTP: baresip to baresip over UDP with mediaenc=dtls_srtp (UDP/TLS/RTP/SAVP,
# a=fingerprint, DTLS 1.2 handshake with use_srtp on the media ports, then SRTP). The key log
# holds the DTLS secrets (sslkeylog.so preload).
case_dtls_srtp() {
  make_pki
  baresip_conf alice 5070 20000 "<sip:alice@127.0.0.1:5070>;regint=0;mediaenc=dtls_srtp"
  baresip_conf bob 5080 21000 "<sip:bob@127.0.0.1:5080>;regint=0;mediaenc=dtls_srtp;answermode=auto"
  start_capture lo
  baresip_bg bob 12
  baresip_dial alice 3 "sip:bob@127.0.0.1:5080"
  sleep 1
  stop_capture
  stop_all
  save_capture sip-udp-dtls-srtp.pcapng --keylog "$WORK/keylog"
}

# 10b. DTLS-SRTP negotiated in SDP (sipp, UDP/TLS/RTP/SAVP with a=fingerprint both ways) but no
# DTLS handshake on the media flow: plain G.711 RTP flows instead (crafted with sipp).
case_dtls_srtp_not_seen() {
  make_rtp_clip
  start_capture lo
  sipp_bg 30 uas-call-dtls.xml -i 127.0.0.1 -p 5060 -mp 17000 -m 1
  sipp_run 30 uac-call-dtls.xml 127.0.0.1:5060 -i 127.0.0.1 -p 5070 -mp 16000 -m 1
  stop_capture
  save_capture sip-udp-dtls-srtp-no-handshake.pcapng
}

# SDES inline keys (30 bytes: 16 key + 14 salt) used by the crafted SRTP cases.
KEY_A=VHJ1bmtndWFyZEZpeHR1cmVLZXlBLXNhbHQtMDEh
KEY_B=VHJ1bmtndWFyZEZpeHR1cmVLZXlCLXNhbHQtMDIh

# srtp_clips: SRTP versions of the RTP clips (NULL cipher, HMAC-SHA1-80) under alice's and bob's keys.
srtp_clips() {
  python3 "$SCRIPTS/tools/srtp_pcap.py" /usr/share/sip-tester/g711a.pcap "$WORK/srtp-a.pcap" 66 11aa0001 "$KEY_A"
  python3 "$SCRIPTS/tools/srtp_pcap.py" /usr/share/sip-tester/g711a.pcap "$WORK/srtp-b.pcap" 66 22bb0002 "$KEY_B"
}

# 9a. NULL SRTP cipher: both sides offer/answer RTP/SAVP with a=crypto NULL_HMAC_SHA1_80 (sipp);
# the media is SRTP with the NULL cipher (payload in clear, valid HMAC-SHA1-80 tags), made by
# tools/srtp_pcap.py and played by sipp.
case_srtp_null_cipher() {
  srtp_clips
  start_capture lo
  sipp_bg 30 uas-call.xml -i 127.0.0.1 -p 5060 -mp 17000 -m 1 -key profile RTP/SAVP \
    -key crypto "a=crypto:1 NULL_HMAC_SHA1_80 inline:$KEY_B" -key rtp srtp-b.pcap
  sipp_run 30 uac-call.xml 127.0.0.1:5060 -i 127.0.0.1 -p 5070 -mp 16000 -m 1 -key profile RTP/SAVP \
    -key crypto "a=crypto:1 NULL_HMAC_SHA1_80 inline:$KEY_A" -key rtp srtp-a.pcap
  stop_capture
  save_capture sip-srtp-null-cipher.pcapng
}

# 9b. UNENCRYPTED_SRTP session parameter: AES_CM_128_HMAC_SHA1_80 with UNENCRYPTED_SRTP in the
# offer and the answer (sipp); the media is authenticated but not encrypted (as 9a).
case_srtp_unencrypted_param() {
  srtp_clips
  start_capture lo
  sipp_bg 30 uas-call.xml -i 127.0.0.1 -p 5060 -mp 17000 -m 1 -key profile RTP/SAVP \
    -key crypto "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:$KEY_B UNENCRYPTED_SRTP" -key rtp srtp-b.pcap
  sipp_run 30 uac-call.xml 127.0.0.1:5060 -i 127.0.0.1 -p 5070 -mp 16000 -m 1 -key profile RTP/SAVP \
    -key crypto "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:$KEY_A UNENCRYPTED_SRTP" -key rtp srtp-a.pcap
  stop_capture
  save_capture sip-srtp-unencrypted-param.pcapng
}

# 11. Media downgrade: the offer is RTP/SAVP with a=crypto AES_CM_128_HMAC_SHA1_80, the answer
# RTP/AVP without crypto, and plain G.711 RTP flows both ways (sipp both sides).
case_media_downgrade() {
  make_rtp_clip
  start_capture lo
  sipp_bg 30 uas-call.xml -i 127.0.0.1 -p 5060 -mp 17000 -m 1 -key profile RTP/AVP
  sipp_run 30 uac-call.xml 127.0.0.1:5060 -i 127.0.0.1 -p 5070 -mp 16000 -m 1 -key profile RTP/SAVP \
    -key crypto "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:$KEY_A"
  stop_capture
  save_capture sip-savp-offer-avp-answer.pcapng
}
