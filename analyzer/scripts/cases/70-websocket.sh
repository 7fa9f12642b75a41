# SIP over WebSocket (RFC 7118) against kamailio's websocket module (kamailio/ws-edge.cfg):
# a browser-like client (tools/ws_sip_client.py, User-Agent JsSIP) registers and pings.

ws_case() {
  local file=$1 scheme=$2 port=$3
  make_pki
  kamailio_tls_cfg TLSv1.2+ "$WORK/pki/server.key" "$WORK/pki/server.pem"
  start_capture lo
  SSLKEYLOGFILE=$WORK/keylog LD_PRELOAD=$KEYLOG_SO start_kamailio ws-edge.cfg \
    -l tcp:127.0.0.1:8080 -l tls:127.0.0.1:8443 -A 'NEXT_HOP="sip:127.0.0.1:5080"' -A "TLS_CFG=\"$WORK/tls.cfg\""
  SSLKEYLOGFILE=$WORK/keylog timeout 20 python3 "$SCRIPTS/tools/ws_sip_client.py" "$scheme" 127.0.0.1 "$port" \
    >>"$WORK/ws.log" 2>&1 || { echo "   ws client failed:" >&2; tail -3 "$WORK/ws.log" >&2; }
  stop_capture
  stop_all
  if [ "$scheme" = wss ]; then
    save_capture "$file" --keylog "$WORK/keylog" --decode-as tcp.port==8443,tls --decode-as tls.port==8443,http
  else
    save_capture "$file" --decode-as tcp.port==8080,http
  fi
}

# SIP over plain ws:// (TCP 8080): REGISTER and OPTIONS, each answered 200.
case_ws_register() { ws_case sip-ws-register.pcapng ws 8080; }

# SIP over wss:// (TLS 1.2 on 8443): the same inside TLS, with the key log.
case_wss_register() { ws_case sip-wss-register.pcapng wss 8443; }
