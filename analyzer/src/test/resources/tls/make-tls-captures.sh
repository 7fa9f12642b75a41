#!/usr/bin/env bash
# Makes the TLS/DTLS test fixtures of io.trunkguard.analyzer.tls: certificates (certs/) and
# key-logged loopback captures (captures/*.pcap with captures/*.keys), using openssl s_server /
# s_client on 127.0.0.1 and tshark on lo, plus GnuTLS for the legacy suites this openssl lacks.
# Needs root (or dumpcap capabilities), openssl 3, tshark, keytool, gnutls-bin, unshare, ss.
# Run from anywhere: ./make-tls-captures.sh [--certs] (--certs also regenerates certs);
# ONLY=name1,name2 ./make-tls-captures.sh remakes only those captures.
# The client sends one SIP-like line; over TCP the server (-rev) answers it reversed, over DTLS
# (where -rev is refused) the server sends SERVER_LINE; so tests know both plaintexts.
set -euo pipefail
SELF="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$SELF")"
mkdir -p certs captures

# One GnuTLS session (3DES, RC4 and NULL suites, which this openssl build lacks), run by the
# script itself inside a fresh network namespace (unshare -n): gnutls-serv cannot bind to
# 127.0.0.1 only, and in its own namespace nothing outside can reach it. The echo server answers
# the client's line unchanged.
if [[ "${1:-}" == --gnutls-one ]]; then
  name=$2 sprio=$3 cprio=$4 port=5556
  ip link set lo up
  rm -f "captures/$name.pcap" "captures/$name.keys"
  log=$(mktemp)
  tshark -i lo -f "tcp port $port" -F pcap -w "captures/$name.pcap" >/dev/null 2>"$log" &
  tpid=$!
  for _ in $(seq 150); do grep -q 'Capture started' "$log" && break; sleep 0.1; done
  gnutls-serv --echo -p $port --x509certfile certs/rsa2048.pem --x509keyfile certs/rsa2048.key \
    --priority "$sprio" >/dev/null 2>&1 &
  spid=$!
  for _ in $(seq 100); do ss -H -ltn "sport = :$port" | grep -q . && break; sleep 0.1; done
  (sleep 0.7; printf '%s\n' 'OPTIONS sip:probe@127.0.0.1 SIP/2.0'; sleep 1.5) | SSLKEYLOGFILE="captures/$name.keys" \
    timeout 10 gnutls-cli --insecure -p $port --priority "$cprio" 127.0.0.1 >/dev/null 2>&1 || true
  sleep 0.5
  kill $spid 2>/dev/null || true
  wait $spid 2>/dev/null || true
  sleep 1
  kill $tpid 2>/dev/null || true
  wait $tpid 2>/dev/null || true
  rm -f "$log"
  echo "$name: $(stat -c %s "captures/$name.pcap") bytes, $(grep -vc '^#' "captures/$name.keys" || true) key lines"
  exit 0
fi
CLIENT_LINE='OPTIONS sip:probe@127.0.0.1 SIP/2.0'
SERVER_LINE='SIP/2.0 200 OK'

make_certs() {
  rm -f certs/*
  local subj='/O=Trunkguard Test/CN=sip.example.test'
  # RSA 2048, SHA-256, self-signed, valid until 2046
  openssl req -x509 -newkey rsa:2048 -nodes -keyout certs/rsa2048.key -out certs/rsa2048.pem \
    -days 7300 -sha256 -subj "$subj" -addext 'subjectAltName=DNS:sip.example.test,IP:127.0.0.1' 2>/dev/null
  # RSA 1024 (weak key), SHA-256
  openssl req -x509 -newkey rsa:1024 -nodes -keyout certs/rsa1024.key -out certs/rsa1024.pem \
    -days 7300 -sha256 -subj '/O=Trunkguard Test/CN=weak-key.example.test' 2>/dev/null
  # SHA-1 signed (weak signature), RSA 2048
  openssl req -x509 -newkey rsa:2048 -nodes -keyout certs/sha1.key -out certs/sha1.pem \
    -days 7300 -sha1 -subj '/O=Trunkguard Test/CN=sha1.example.test' 2>/dev/null
  # Expired: valid 2020-01-01 for 30 days (keytool can back-date, openssl 3.0 req cannot)
  rm -f certs/expired.p12
  keytool -genkeypair -keystore certs/expired.p12 -storetype PKCS12 -storepass changeit -keypass changeit \
    -alias expired -keyalg RSA -keysize 2048 -sigalg SHA256withRSA -startdate 2020/01/01 -validity 30 \
    -dname 'CN=expired.example.test, O=Trunkguard Test' >/dev/null 2>&1
  openssl pkcs12 -in certs/expired.p12 -passin pass:changeit -nokeys -out certs/expired.pem 2>/dev/null
  openssl pkcs12 -in certs/expired.p12 -passin pass:changeit -nocerts -nodes -out certs/expired.key 2>/dev/null
  rm -f certs/expired.p12
  # A CA and an EC P-256 leaf it signs (not self-signed; chain of two)
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout certs/ca.key -out certs/ca.pem \
    -days 7300 -sha256 -subj '/O=Trunkguard Test/CN=Trunkguard Test CA' 2>/dev/null
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout certs/ec-leaf.key \
    -out certs/ec-leaf.csr -subj '/O=Trunkguard Test/CN=proxy.example.test' 2>/dev/null
  printf 'subjectAltName=DNS:proxy.example.test,DNS:*.proxy.example.test,IP:127.0.0.1\n' > certs/ec-leaf.ext
  openssl x509 -req -in certs/ec-leaf.csr -CA certs/ca.pem -CAkey certs/ca.key -CAcreateserial \
    -days 7000 -sha256 -extfile certs/ec-leaf.ext -out certs/ec-leaf.pem 2>/dev/null
  cat certs/ec-leaf.pem certs/ca.pem > certs/ec-chain.pem
  rm -f certs/ec-leaf.csr certs/ec-leaf.ext certs/ca.srl
}

if [[ "${1:-}" == "--certs" || ! -f certs/rsa2048.pem ]]; then
  make_certs
fi
if [[ ! -f certs/impostor.pem ]]; then
  # Issuer == subject (the CA's name) but signed by the CA's key, not its own: NOT self-signed
  openssl req -new -newkey rsa:2048 -nodes -keyout certs/impostor.key -out certs/impostor.csr \
    -subj '/O=Trunkguard Test/CN=Trunkguard Test CA' 2>/dev/null
  openssl x509 -req -in certs/impostor.csr -CA certs/ca.pem -CAkey certs/ca.key -CAcreateserial \
    -days 7000 -sha256 -out certs/impostor.pem 2>/dev/null
  rm -f certs/impostor.csr certs/ca.srl
fi
# openssl's own view of each certificate, the oracle for CertificateFactsTest
for c in certs/*.pem; do
  [[ $c == certs/ec-chain.pem ]] && continue
  printf '%s %s\n' "$(basename "$c")" \
    "$(openssl x509 -in "$c" -noout -fingerprint -sha256 | sed 's/.*=//')"
done > certs/fingerprints.txt

PORT=24430
# capture NAME "server options" "client options" [udp]
capture() {
  local name=$1 sopts=$2 copts=$3 proto=${4:-tcp}
  PORT=$((PORT + 1))
  if [[ -n "${ONLY:-}" && ",$ONLY," != *",$name,"* ]]; then return; fi
  rm -f "captures/$name.pcap" "captures/$name.keys"
  local log
  log=$(mktemp)
  tshark -i lo -f "$proto port $PORT" -F pcap -w "captures/$name.pcap" >/dev/null 2>"$log" &
  local tpid=$!
  # wait until the capture really runs (slow on a loaded machine), not a fixed time
  for _ in $(seq 150); do grep -q 'Capture started' "$log" && break; sleep 0.1; done
  if [[ $proto == udp ]]; then
    # shellcheck disable=SC2086
    (sleep 2.2; printf '%s\n' "$SERVER_LINE"; sleep 2) | openssl s_server -quiet -naccept 1 \
      -accept 127.0.0.1:$PORT $sopts >/dev/null 2>&1 &
  else
    # shellcheck disable=SC2086
    (sleep 4) | openssl s_server -quiet -rev -naccept 1 -accept 127.0.0.1:$PORT $sopts >/dev/null 2>&1 &
  fi
  local spid=$!
  local listening=-ltn
  [[ $proto == udp ]] && listening=-lun
  for _ in $(seq 100); do ss -H $listening "sport = :$PORT" | grep -q . && break; sleep 0.1; done
  # shellcheck disable=SC2086
  (sleep 0.7; IFS='|'; for line in ${CLIENT_INPUT:-$CLIENT_LINE}; do printf '%s\n' "$line"; sleep 0.4; done
   sleep 1.2) | timeout 10 openssl s_client \
    ${CLIENT_FLAGS:--quiet -no_ign_eof} -connect 127.0.0.1:$PORT -keylogfile "captures/$name.keys" $copts >/dev/null 2>&1 || true
  sleep 0.5
  kill "$spid" 2>/dev/null || true
  wait "$spid" 2>/dev/null || true
  sleep 1
  kill "$tpid" 2>/dev/null || true
  wait "$tpid" 2>/dev/null || true
  rm -f "$log"
  echo "$name: $(stat -c %s "captures/$name.pcap") bytes, $(grep -vc '^#' "captures/$name.keys" || true) key lines"
}

RSA="-cert certs/rsa2048.pem -key certs/rsa2048.key"
SNI="-servername sip.example.test"
capture tls12-ecdhe-aes128gcm "$RSA" "-tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256 $SNI -alpn sip,h2"
capture tls12-ecdhe-aes256gcm "$RSA" "-tls1_2 -cipher ECDHE-RSA-AES256-GCM-SHA384 $SNI"
capture tls12-ecdhe-cbc-etm "$RSA" "-tls1_2 -cipher ECDHE-RSA-AES128-SHA256 $SNI"
capture tls12-rsa-cbc-mte "$RSA -no_etm" "-tls1_2 -no_etm -cipher AES256-SHA@SECLEVEL=0 $SNI"
capture tls12-chacha20 "$RSA" "-tls1_2 -cipher ECDHE-RSA-CHACHA20-POLY1305 $SNI"
capture tls12-ecdsa-chain "-cert certs/ec-leaf.pem -key certs/ec-leaf.key -cert_chain certs/ca.pem" \
  "-tls1_2 -cipher ECDHE-ECDSA-AES128-GCM-SHA256 -servername proxy.example.test"
capture tls12-weak-rsa1024 "-cert certs/rsa1024.pem -key certs/rsa1024.key -cipher AES128-SHA@SECLEVEL=0" \
  "-tls1_2 -cipher AES128-SHA@SECLEVEL=0 -servername weak-key.example.test"
capture tls12-expired "-cert certs/expired.pem -key certs/expired.key" "-tls1_2 -servername expired.example.test"
capture tls13-aes256gcm "$RSA -alpn sip" "-tls1_3 -ciphersuites TLS_AES_256_GCM_SHA384 $SNI -alpn sip,h2"
capture tls13-aes128gcm "$RSA" "-tls1_3 -ciphersuites TLS_AES_128_GCM_SHA256 $SNI"
capture tls13-chacha20 "$RSA" "-tls1_3 -ciphersuites TLS_CHACHA20_POLY1305_SHA256 $SNI"
capture tls11-cbc "$RSA -cipher ALL@SECLEVEL=0" "-tls1_1 -cipher ECDHE-RSA-AES256-SHA@SECLEVEL=0 $SNI"
capture tls10-cbc "$RSA -cipher ALL@SECLEVEL=0" "-tls1 -cipher ECDHE-RSA-AES128-SHA@SECLEVEL=0 $SNI"
capture tls10-cbc-mte "$RSA -cipher ALL@SECLEVEL=0 -no_etm" "-tls1 -no_etm -cipher AES128-SHA@SECLEVEL=0 $SNI"
capture dtls12-srtp "$RSA -dtls1_2 -use_srtp SRTP_AES128_CM_SHA1_80" \
  "-dtls1_2 -use_srtp SRTP_AEAD_AES_128_GCM:SRTP_AES128_CM_SHA1_80 $SNI" udp
# HelloRetryRequest: the client's key share (X25519) is not one the server accepts (P-256 only)
capture tls13-hrr "$RSA -groups P-256" "-tls1_3 -groups X25519:P-256 $SNI"
# Interactive s_client commands (a line of their own, hence the '|'-separated input read with pauses):
# 'k' sends a TLS 1.3 KeyUpdate, 'R' renegotiates TLS 1.2
CLIENT_FLAGS=" " CLIENT_INPUT="$CLIENT_LINE|k|SECOND $CLIENT_LINE" \
  capture tls13-keyupdate "$RSA" "-tls1_3 $SNI"
CLIENT_FLAGS=" " CLIENT_INPUT="$CLIENT_LINE|R|SECOND $CLIENT_LINE" \
  capture tls12-renegotiation "$RSA" "-tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256 $SNI"
# CBC with HMAC-SHA384 (and the SHA-384 PRF); DTLS with a CBC suite and MAC-then-encrypt
capture tls12-cbc-sha384 "$RSA" "-tls1_2 -cipher ECDHE-RSA-AES256-SHA384 $SNI"
capture dtls12-cbc-mte "$RSA -dtls1_2 -no_etm -use_srtp SRTP_AEAD_AES_256_GCM" \
  "-dtls1_2 -no_etm -cipher ECDHE-RSA-AES128-SHA -use_srtp SRTP_AEAD_AES_256_GCM $SNI" udp
# A suite the JDK cannot decrypt (ARIA): the facts must say so rather than fail
capture tls12-aria-gcm "$RSA -cipher ALL" "-tls1_2 -cipher ECDHE-ARIA128-GCM-SHA256 $SNI"
# No shared cipher: the server refuses with a plaintext handshake_failure alert
capture tls12-no-shared-cipher "$RSA" "-tls1_2 -cipher ECDHE-ARIA128-GCM-SHA256 $SNI"
# TLS 1.3 with AES-128-CCM (not in the JDK's providers: decrypted with our own CCM)
capture tls13-aes128ccm "$RSA -ciphersuites TLS_AES_128_CCM_SHA256" "-tls1_3 -ciphersuites TLS_AES_128_CCM_SHA256 $SNI"
capture tls13-aes128ccm8 "$RSA -ciphersuites TLS_AES_128_CCM_8_SHA256" \
  "-tls1_3 -ciphersuites TLS_AES_128_CCM_8_SHA256 $SNI"
capture tls12-ecdhe-ecdsa-ccm "-cert certs/ec-leaf.pem -key certs/ec-leaf.key -cipher ALL" \
  "-tls1_2 -cipher ECDHE-ECDSA-AES256-CCM -servername proxy.example.test"
capture tls12-rsa-ccm8 "$RSA -cipher ALL@SECLEVEL=0" "-tls1_2 -cipher AES128-CCM8@SECLEVEL=0 $SNI"
# Several records per direction (one per line, sent apart), to test gaps: lines "LINE 1 ..." to "LINE 5 ..."
MULTI="LINE 1 $CLIENT_LINE|LINE 2 $CLIENT_LINE|LINE 3 $CLIENT_LINE|LINE 4 $CLIENT_LINE|LINE 5 $CLIENT_LINE"
CLIENT_INPUT="$MULTI" capture tls12-multi "$RSA" "-tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256 $SNI"
CLIENT_INPUT="$MULTI" capture tls13-multi "$RSA" "-tls1_3 -ciphersuites TLS_AES_256_GCM_SHA384 $SNI"
CLIENT_INPUT="$MULTI" capture tls12-multi-cbc "$RSA" "-tls1_2 -cipher ECDHE-RSA-AES128-SHA256 $SNI"
# Mutual TLS: the server demands a client certificate (the EC leaf, signed by the test CA)
capture tls12-mutual "$RSA -Verify 1 -CAfile certs/ca.pem" \
  "-tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256 -cert certs/ec-leaf.pem -key certs/ec-leaf.key $SNI"
# Legacy suites through GnuTLS (needs gnutls-bin): 3DES, RC4 with SHA-1 and MD5, NULL
gnutls_capture() {
  if [[ -n "${ONLY:-}" && ",$ONLY," != *",$1,"* ]]; then return; fi
  unshare -n "$SELF" --gnutls-one "$1" "NORMAL:+3DES-CBC:+ARCFOUR-128:+NULL:+RSA:+MD5:+SHA256" \
    "NONE:+VERS-TLS1.2:$2:+RSA:+COMP-NULL:+SIGN-ALL:+CTYPE-X509"
}
gnutls_capture gnutls-3des "+3DES-CBC:+SHA1"
gnutls_capture gnutls-rc4-sha "+ARCFOUR-128:+SHA1"
gnutls_capture gnutls-rc4-md5 "+ARCFOUR-128:+MD5"
gnutls_capture gnutls-null-sha256 "+NULL:+SHA256"
