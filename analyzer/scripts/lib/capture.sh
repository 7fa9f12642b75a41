# Shared helpers for make-captures.sh (sourced). Inside a case, $WORK is a scratch directory
# that is removed afterwards; processes started with `spawn` are killed by `stop_all`.

PIDS=()
KEYLOG_SO=${KEYLOG_SO:-/tmp/trunkguard-sslkeylog.so}

build_keylog_preload() {
  if [ ! -f "$KEYLOG_SO" ] || [ "$SCRIPTS/tools/sslkeylog.c" -nt "$KEYLOG_SO" ]; then
    gcc -shared -fPIC -O2 -o "$KEYLOG_SO" "$SCRIPTS/tools/sslkeylog.c" -ldl -lssl
  fi
}

# spawn SECONDS CMD...: run CMD in the background, bounded by timeout; remembers its pid.
spawn() {
  local secs=$1; shift
  timeout "$secs" "$@" >>"$WORK/spawn.log" 2>&1 &
  PIDS+=($!)
}

stop_all() {
  local p
  for p in "${PIDS[@]:-}"; do
    [ -n "$p" ] && kill "$p" 2>/dev/null || true
  done
  for p in "${PIDS[@]:-}"; do
    [ -n "$p" ] && wait "$p" 2>/dev/null || true
  done
  PIDS=()
}

# start_capture [IFACE] [TSHARK ARGS...]: capture on IFACE (default lo) to $WORK/raw.pcapng.
start_capture() {
  local iface=${1:-lo}; shift || true
  rm -f "$WORK/raw.pcapng" "$WORK/tshark.err"
  timeout 90 tshark -n -q -i "$iface" -w "$WORK/raw.pcapng" "$@" 2>"$WORK/tshark.err" &
  CAPTURE_PID=$!
  local i
  for i in $(seq 100); do
    grep -q "Capturing on" "$WORK/tshark.err" 2>/dev/null && break
    sleep 0.1
  done
  sleep 0.3
}

stop_capture() {
  sleep 0.5
  kill -INT "$CAPTURE_PID" 2>/dev/null || true
  wait "$CAPTURE_PID" 2>/dev/null || true
}

# save_capture FILE [--keylog KEYLOG] [--convert FORMAT] [--big-endian] [--gzip] [TRUTH ARGS...]
# Copies the capture to $OUT/FILE (converting with editcap when asked), writes tshark's view
# to $OUT/FILE.json and, with a key log, the key log to $OUT/FILE.keylog and tshark's
# decrypted view to $OUT/FILE.keys.json.
save_capture() {
  local file=$1; shift
  local keylog="" convert="" bigendian="" gz=""
  while [ $# -gt 0 ]; do
    case $1 in
      --keylog) keylog=$2; shift 2 ;;
      --convert) convert=$2; shift 2 ;;
      --big-endian) bigendian=1; shift ;;
      --gzip) gz=1; shift ;;
      *) break ;;
    esac
  done
  if [ -n "$bigendian" ]; then
    editcap -F "${convert:-pcap}" "$WORK/raw.pcapng" "$WORK/le.pcap"
    python3 "$SCRIPTS/tools/pcap_bigendian.py" "$WORK/le.pcap" "$OUT/$file"
  elif [ -n "$convert" ]; then
    editcap -F "$convert" "$WORK/raw.pcapng" "$OUT/$file"
  elif [ -n "$gz" ]; then
    gzip -9 -n -c "$WORK/raw.pcapng" > "$OUT/$file"
  else
    cp "$WORK/raw.pcapng" "$OUT/$file"
  fi
  chmod 644 "$OUT/$file"
  (cd "$OUT" && python3 "$TRUTH" "$file" "$@" > "$file.json")
  if [ -n "$keylog" ]; then
    cp "$keylog" "$OUT/$file.keylog"; chmod 644 "$OUT/$file.keylog"
    mkdir -p "$WORK/wsconf"
    printf 'tls.keylog_file: %s\n' "$OUT/$file.keylog" > "$WORK/wsconf/preferences"
    (cd "$OUT" && WIRESHARK_CONFIG_DIR="$WORK/wsconf" python3 "$TRUTH" "$file" "$@" > "$file.keys.json")
  fi
  echo "   $file: $(stat -c %s "$OUT/$file") bytes, $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["sip_messages"], "SIP,", d["call_ids"], "calls,", d["rtp_packets"], "RTP")' "$OUT/$file.json")" >&2
}

# A short G.711 A-law RTP clip (about 2 s) cut from the pcap sipp ships, for play_pcap_audio.
# g711a-2s.pcap for the caller, g711a-2s-b.pcap (another SSRC) for the callee.
make_rtp_clip() {
  python3 "$SCRIPTS/tools/rtpclip.py" /usr/share/sip-tester/g711a.pcap "$WORK/g711a-2s.pcap" 66 11aa0001
  python3 "$SCRIPTS/tools/rtpclip.py" /usr/share/sip-tester/g711a.pcap "$WORK/g711a-2s-b.pcap" 66 22bb0002
}

# sipp_run SECONDS ROLE_SCENARIO [sipp args...]: run sipp in the foreground (scenario file
# relative to scripts/sipp/), bounded by timeout. Keys used by uac-call.xml/uas-call.xml get
# defaults here and are overridden by -key arguments given here (sipp keeps the first value).
sipp_run() {
  local secs=$1 scen=$2; shift 2
  timeout "$secs" sipp "$@" -sf "$SCRIPTS/sipp/$scen" -nostdin \
    -key profile RTP/AVP -key crypto a=ptime:20 -key dest 2001 -key ua "sipp 3.6.1" \
    -key rtp g711a-2s.pcap >>"$WORK/sipp.log" 2>&1 \
    || { echo "   sipp $scen exited $? (failed calls?); log tail:" >&2; tail -5 "$WORK/sipp.log" >&2; }
}

# sipp_bg SECONDS ROLE_SCENARIO [sipp args...]: the same in the background (for a UAS).
sipp_bg() {
  local secs=$1 scen=$2; shift 2
  spawn "$secs" sipp "$@" -sf "$SCRIPTS/sipp/$scen" -nostdin \
    -key profile RTP/AVP -key crypto a=ptime:20 -key dest 2001 -key ua "sipp 3.6.1" \
    -key rtp g711a-2s-b.pcap
  sleep 0.5
}

# start_kamailio CONFIG [kamailio args: -l LISTEN, -A DEFINE...]: kamailio in the foreground
# mode (-DD) with its log on stderr, in the background, bounded by timeout.
start_kamailio() {
  local cfg=$1; shift
  mkdir -p "$WORK/kamailio"
  spawn 60 kamailio -f "$SCRIPTS/kamailio/$cfg" -DD -E -Y "$WORK/kamailio" -P "$WORK/kamailio/pid" \
    -m 32 -M 8 "$@"
  sleep 1.5
}

# injection FILE LINE...: a sipp injection file read in sequence.
injection() {
  local f=$1; shift
  { echo SEQUENTIAL; printf '%s\n' "$@"; } > "$WORK/$f"
}
