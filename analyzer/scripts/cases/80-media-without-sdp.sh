# Media behind TLS signalling (the SDP is invisible without the key log): what the media's own
# bytes must decide. baresip alice calls baresip bob directly over TLS (alice's TLS client to
# bob's TLS listener on 127.0.0.1:5081), so no proxy is involved.

# direct_tls_call FILE MEDIAENC: a direct TLS call with the codec modules in BARESIP_CODECS;
# MEDIAENC empty for plain RTP/AVP, srtp-mand for SDES-SRTP (a=crypto inside the TLS). The caller
# quits after CALL_SECONDS (default 4; baresip's aufile loads the whole file before it sends, so
# large 48 kHz stereo files need more).
direct_tls_call() {
  local file=$1 enc=$2 encparam=""
  [ -n "$enc" ] && encparam=";mediaenc=$enc"
  make_pki
  baresip_conf alice 5070 20000 "<sip:alice@127.0.0.1:5070>;regint=0$encparam"
  baresip_conf bob 5080 21000 "<sip:bob@127.0.0.1:5080>;regint=0$encparam;answermode=auto"
  start_capture lo
  local secs=${CALL_SECONDS:-4}
  baresip_bg bob $((secs + 8))
  baresip_dial alice "$secs" "sip:bob@127.0.0.1:5081;transport=tls"
  sleep 1
  stop_capture
  stop_all
}

# 81. TLS signalling, plain G.711 RTP whose two directions alternate packet by packet (both UAs
# send every 20 ms from the 200 OK on). The two clocks drift and the machine adds jitter, so a
# real call has a few places where one side sends twice (and the callee, which starts first, up
# to three times at the start); the call is repeated (at most 8 times) until
# tools/alternation.py confirms no direction ever sends four packets in a row (the run a
# detector with one state per flow needs) and fewer than 20 such places in ~400 packets.
case_tls_alternating_rtp() {
  local try
  for try in 1 2 3 4 5 6 7 8; do
    direct_tls_call sip-tls-alternating-rtp.pcapng ""
    if python3 "$SCRIPTS/tools/alternation.py" "$WORK/raw.pcapng" 3 19 >&2; then
      save_capture sip-tls-alternating-rtp.pcapng --keylog "$WORK/keylog" --decode-as tls.port==5081,sip \
        --decode-as tls.port==5071,sip
      return 0
    fi
    echo "   try $try: not alternating closely enough, again" >&2
    rm -f "$WORK/keylog"
  done
  echo "   no closely alternating call in 8 tries" >&2
  return 1
}

# codec_call FILE CODEC_MODULE TONE_RATE MEDIAENC [CHANNELS]: a direct TLS call offering only one
# codec (baresip's module for it), a voice-like tone at the codec's rate and channel count as the
# microphone (baresip 1.0's aufile does not convert); MEDIAENC
# empty for plain RTP, srtp-mand for SDES-SRTP (AES_CM_128_HMAC_SHA1_80 inside the TLS). The
# key log lets the fixture test check the verdict against the SDP.
codec_call() {
  local file=$1 module=$2 rate=$3 enc=$4 channels=${5:-1}
  BARESIP_CODECS=$module BARESIP_TONE_RATE=$rate BARESIP_TONE_CHANNELS=$channels BARESIP_TONE_NOISE=1 \
    CALL_SECONDS=9 direct_tls_call "$file" "$enc"
  save_capture "$file" --keylog "$WORK/keylog" --decode-as tls.port==5081,sip --decode-as tls.port==5071,sip
}

# 82-89. One codec per call, plain and SRTP, TLS signalling.
case_tls_opus_plain() { codec_call sip-tls-opus-plain.pcapng opus.so 48000 "" 2; }
case_tls_opus_srtp() { codec_call sip-tls-opus-srtp.pcapng opus.so 48000 srtp-mand 2; }
case_tls_g722_plain() { codec_call sip-tls-g722-plain.pcapng g722.so 16000 ""; }
case_tls_g722_srtp() { codec_call sip-tls-g722-srtp.pcapng g722.so 16000 srtp-mand; }
case_tls_gsm_plain() { codec_call sip-tls-gsm-plain.pcapng gsm.so 8000 ""; }
case_tls_gsm_srtp() { codec_call sip-tls-gsm-srtp.pcapng gsm.so 8000 srtp-mand; }
# baresip's amr.so offers AMR-WB/16000 first, so the call is AMR-WB (octet-aligned).
case_tls_amr_plain() { codec_call sip-tls-amr-plain.pcapng amr.so 16000 ""; }
case_tls_amr_srtp() { codec_call sip-tls-amr-srtp.pcapng amr.so 16000 srtp-mand; }

# 90. Through the proxy with plain media: alice -> kamailio over TLS 1.2 (SDP hidden without the
# key log), kamailio -> bob over UDP (SDP in clear), plain G.711 RTP between alice and bob: the
# media must be tied to the legs of its call, judged plain on the UDP leg by its SDP and on the
# TLS leg by its packets.
case_proxy_tls_to_udp_plain() { tls_call sip-proxy-tls-to-udp-plain.pcapng TLSv1.2 "" udp; }

# 91-92. RFC 4733 telephone-events beside G.726-32 (a codec without a header, whose bytes alone
# decide only by their distribution): alice presses the digits 1 to 9, 0, * and # during the
# call (baresip's stdio keys, each held until the next), so the telephone-event packets carry
# event codes 0-11, the end bit and growing durations; MEDIAENC empty for plain RTP, srtp-mand
# for SDES-SRTP.
dtmf_call() {
  local file=$1 enc=$2 encparam=""
  [ -n "$enc" ] && encparam=";mediaenc=$enc"
  make_pki
  BARESIP_CODECS="g726.so" BARESIP_TONE_NOISE=1 \
    baresip_conf alice 5070 20000 "<sip:alice@127.0.0.1:5070>;regint=0$encparam"
  BARESIP_CODECS="g726.so" baresip_conf bob 5080 21000 "<sip:bob@127.0.0.1:5080>;regint=0$encparam;answermode=auto"
  echo "module			stdio.so" >> "$WORK/alice/config"
  start_capture lo
  baresip_bg bob 16
  { sleep 3; for d in 1 2 3 4 5 6 7 8 9 0 '*' '#'; do printf '%s' "$d"; sleep 0.35; done; sleep 2; } \
    | SSLKEYLOGFILE=$WORK/keylog LD_PRELOAD=$KEYLOG_SO timeout 14 \
      baresip -f "$WORK/alice" -n 127.0.0.1 -t 9 -e "/dial sip:bob@127.0.0.1:5081;transport=tls" \
      >>"$WORK/baresip-alice.log" 2>&1 || true
  sleep 1
  stop_capture
  stop_all
  save_capture "$file" --keylog "$WORK/keylog" --decode-as tls.port==5081,sip --decode-as tls.port==5071,sip
}
case_tls_dtmf_plain() { dtmf_call sip-tls-dtmf-plain.pcapng ""; }
case_tls_dtmf_srtp() { dtmf_call sip-tls-dtmf-srtp.pcapng srtp-mand; }

# 93. DTLS-SRTP under TLS signalling (a=fingerprint inside the TLS, the DTLS handshake with
# use_srtp on the media ports in clear), G.722.
case_tls_dtls_srtp() { codec_call sip-tls-dtls-srtp.pcapng g722.so 16000 dtls_srtp; }

# 94-95. Codec 2 (baresip codec2.so, 3200 bit/s: 8 bytes per 20 ms, no header, on a dynamic
# type), plain and SRTP. (baresip's l16.so was tried too: its call did not set up with a
# 8 kHz tone as the source, so there is no L16 fixture.)
case_tls_codec2_plain() { codec_call sip-tls-codec2-plain.pcapng codec2.so 8000 ""; }
case_tls_codec2_srtp() { codec_call sip-tls-codec2-srtp.pcapng codec2.so 8000 srtp-mand; }
