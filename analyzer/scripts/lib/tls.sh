# TLS helpers for make-captures.sh (sourced): a test PKI made with openssl, kamailio TLS
# settings, baresip user agents, and the key log (every TLS/DTLS speaker runs with the
# sslkeylog.so preload or openssl's -keylogfile, all appending to $WORK/keylog).

# make_pki: $WORK/pki/ca.pem (a test CA) and server.pem/server.key: a leaf for
# sip.trunkguard.test, RSA 2048, SHA-256, issued by the CA, valid for ten years from now.
make_pki() {
  local d=$WORK/pki
  mkdir -p "$d"
  openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 7300 -subj "/O=Trunkguard fixtures/CN=Trunkguard Test CA" \
    -keyout "$d/ca.key" -out "$d/ca.pem" 2>/dev/null
  issue_cert server 2048 sha256 "" "" sip.trunkguard.test
}

# issue_cert NAME BITS DIGEST STARTDATE ENDDATE CN: $WORK/pki/NAME.{key,pem} signed by the test CA;
# dates as YYYYMMDDHHMMSSZ (empty: now and now + 3650 days), via `openssl ca`, which can
# set both ends of the validity on OpenSSL 3.0.
issue_cert() {
  local name=$1 bits=$2 digest=$3 start=$4 end=$5 cn=$6 d=$WORK/pki
  mkdir -p "$d/db"; : > "$d/db/index.txt"; [ -f "$d/db/serial" ] || echo 1000 > "$d/db/serial"
  cat > "$d/ca.cnf" <<CNF
[ca]
default_ca = fixture_ca
[fixture_ca]
dir = $d
database = $d/db/index.txt
serial = $d/db/serial
new_certs_dir = $d/db
certificate = $d/ca.pem
private_key = $d/ca.key
default_days = 3650
policy = anything
unique_subject = no
copy_extensions = copy
[anything]
commonName = supplied
organizationName = optional
[leaf]
basicConstraints = CA:FALSE
keyUsage = digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:$cn
CNF
  openssl req -new -newkey "rsa:$bits" -nodes -keyout "$d/$name.key" -out "$d/$name.csr" \
    -subj "/O=Trunkguard fixtures/CN=$cn" 2>/dev/null
  openssl ca -batch -config "$d/ca.cnf" -extensions leaf -md "$digest" -notext \
    ${start:+-startdate "$start"} ${end:+-enddate "$end"} \
    -in "$d/$name.csr" -out "$d/$name.pem" 2>>"$WORK/openssl.log"
}

# utc_offset DAYS: a YYYYMMDDHHMMSSZ date DAYS days from now (negative: in the past).
utc_offset() { date -u -d "$1 days" +%Y%m%d%H%M%SZ; }

# kamailio_tls_cfg METHOD KEY CERT [CIPHERS]: $WORK/tls.cfg for kamailio's tls module, same
# method for the server side and for the client side of relayed calls; no verification.
kamailio_tls_cfg() {
  local method=$1 key=$2 cert=$3 ciphers=${4:-}
  {
    printf '[server:default]\nmethod = %s\nverify_certificate = no\nrequire_certificate = no\n' "$method"
    printf 'private_key = %s\ncertificate = %s\n' "$key" "$cert"
    if [ -n "$ciphers" ]; then printf 'cipher_list = %s\n' "$ciphers"; fi
    printf '\n[client:default]\nmethod = %s\nverify_certificate = no\nrequire_certificate = no\n' "$method"
    if [ -n "$ciphers" ]; then printf 'cipher_list = %s\n' "$ciphers"; fi
  } > "$WORK/tls.cfg"
}

# start_tls_edge NEXT_HOP [extra kamailio args]: kamailio/tls-edge.cfg on 127.0.0.1 udp 5060, tls 5061.
start_tls_edge() {
  local next=$1; shift
  SSLKEYLOGFILE=$WORK/keylog LD_PRELOAD=$KEYLOG_SO start_kamailio tls-edge.cfg \
    -l udp:127.0.0.1:5060 -l tls:127.0.0.1:5061 -A "NEXT_HOP=\"$next\"" -A "TLS_CFG=\"$WORK/tls.cfg\"" "$@"
}

# make_tone: a 440 Hz tone (6 s, BARESIP_TONE_RATE Hz, default 8000, BARESIP_TONE_CHANNELS
# channels, default 1: baresip's aufile wants the codec's rate and channels) for baresip's
# aufile source; with BARESIP_TONE_NOISE=1 a voice-like mix of tones and noise instead (codecs
# such as Opus and AMR send nearly empty frames for a pure tone).
make_tone() {
  python3 - "$WORK/tone.wav" "${BARESIP_TONE_RATE:-8000}" "${BARESIP_TONE_NOISE:-0}" "${BARESIP_TONE_CHANNELS:-1}" <<'PY'
import math, random, struct, sys, wave
rate, noise, channels = int(sys.argv[2]), sys.argv[3] == "1", int(sys.argv[4])
random.seed(1)
w = wave.open(sys.argv[1], "wb"); w.setnchannels(channels); w.setsampwidth(2); w.setframerate(rate)
def sample(i):
    t = i / rate
    if not noise:
        return int(8000 * math.sin(2 * math.pi * 440 * t))
    env = 0.6 + 0.4 * math.sin(2 * math.pi * 3 * t)
    v = sum(math.sin(2 * math.pi * f * t * (1 + 0.05 * math.sin(t))) / k for k, f in enumerate((180, 360, 720, 1450, 2900), 1))
    return max(-32767, min(32767, int(env * (5000 * v + random.gauss(0, 1500)))))
w.writeframes(b"".join(struct.pack("<h", sample(i)) * channels for i in range(6 * rate)))
w.close()
PY
}

# baresip_conf NAME SIP_PORT RTP_FIRST ACCOUNT_LINE: a config directory $WORK/NAME for a
# baresip on 127.0.0.1 (SIP on SIP_PORT for UDP/TCP, SIP_PORT+1 for TLS; RTP from RTP_FIRST),
# G.711 only (BARESIP_CODECS names other codec modules, e.g. "opus.so"), a tone as microphone
# (BARESIP_TONE_RATE its sample rate, default 8000), no speaker, TLS server certificate = the
# test leaf.
baresip_conf() {
  local name=$1 port=$2 rtp=$3 account=$4 d=$WORK/$1
  mkdir -p "$d"
  [ -f "$WORK/tone.wav" ] || make_tone
  cat "$WORK/pki/server.key" "$WORK/pki/server.pem" > "$d/cert.pem"
  cat > "$d/config" <<CFG
poll_method		epoll
sip_listen		127.0.0.1:$port
sip_certificate		$d/cert.pem
sip_verify_server	no
audio_source		aufile,$WORK/tone.wav
audio_alert		aufile,/dev/null
module_path		/usr/lib/baresip/modules
$(for m in ${BARESIP_CODECS:-g711.so}; do printf 'module\t\t\t%s\n' "$m"; done)
module			aufile.so
module			srtp.so
module			dtls_srtp.so
module_app		account.so
module_app		menu.so
rtp_ports		$rtp-$((rtp + 49))
rtcp_mux		no
CFG
  echo "$account" > "$d/accounts"
}

# baresip_bg NAME SECONDS: run the UA in the background (answers calls when its account says so).
baresip_bg() {
  SSLKEYLOGFILE=$WORK/keylog LD_PRELOAD=$KEYLOG_SO spawn "$2" baresip -f "$WORK/$1" -n 127.0.0.1 -t "$(( $2 - 2 ))"
  sleep 1
}

# baresip_dial NAME SECONDS URI: run the UA in the foreground, dial URI, hang up by quitting.
baresip_dial() {
  SSLKEYLOGFILE=$WORK/keylog LD_PRELOAD=$KEYLOG_SO timeout $(( $2 + 5 )) \
    baresip -f "$WORK/$1" -n 127.0.0.1 -t "$2" -e "/dial $3" >>"$WORK/baresip-$1.log" 2>&1 || true
}

# legacy_openssl_conf: $WORK/legacy.cnf, an OpenSSL configuration at security level 0 that
# allows TLS 1.0, 1024-bit keys and SHA-1 signatures (Debian's default refuses all three).
legacy_openssl_conf() {
  printf 'openssl_conf = default_conf\n[default_conf]\nssl_conf = ssl_sect\n[ssl_sect]\nsystem_default = system_default_sect\n[system_default_sect]\nCipherString = DEFAULT:@SECLEVEL=0\nMinProtocol = TLSv1\n' > "$WORK/legacy.cnf"
  echo "$WORK/legacy.cnf"
}
