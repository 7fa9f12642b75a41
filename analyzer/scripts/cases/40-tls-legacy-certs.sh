# TLS handshakes that the CC6.7 rules judge: old protocol versions and bad server certificates.
# The server is the kamailio TLS edge (it answers the OPTIONS ping itself, 200 OK); the client is
# openssl s_client carrying one SIP OPTIONS request, writing the key log with -keylogfile.

# tls_options FILE METHOD CLIENT_VERSION_FLAG KEY CERT [SERVER_CIPHERS [CLIENT_CIPHERS]]
tls_options() {
  local file=$1 method=$2 flag=$3 key=$4 cert=$5 ciphers=${6:-} client_ciphers=${7:-${6:-DEFAULT}}
  kamailio_tls_cfg "$method" "$key" "$cert" "$ciphers"
  printf 'OPTIONS sip:127.0.0.1:5061;transport=tls SIP/2.0\r\nVia: SIP/2.0/TLS 127.0.0.1:5090;branch=z9hG4bK-%s\r\nMax-Forwards: 70\r\nFrom: <sip:monitor@127.0.0.1>;tag=tg1\r\nTo: <sip:127.0.0.1:5061>\r\nCall-ID: %s@127.0.0.1\r\nCSeq: 1 OPTIONS\r\nContact: <sip:monitor@127.0.0.1:5090;transport=tls>\r\nUser-Agent: openssl s_client fixture\r\nAccept: application/sdp\r\nContent-Length: 0\r\n\r\n' "$file" "${file%%.*}" > "$WORK/options.txt"
  start_capture lo
  start_tls_edge "sip:127.0.0.1:5080"
  { cat "$WORK/options.txt"; sleep 1.5; } | timeout 10 openssl s_client -connect 127.0.0.1:5061 $flag \
      -cipher "$client_ciphers" -keylogfile "$WORK/keylog" -servername sip.trunkguard.test \
      >>"$WORK/s_client.log" 2>&1 || true
  stop_capture
  stop_all
  save_capture "$file" --keylog "$WORK/keylog" --decode-as tcp.port==5061,tls
}

# 5a. TLS 1.0 (kamailio method TLSv1, s_client -tls1, security level 0 on both sides).
case_tls10_options() {
  make_pki
  OPENSSL_CONF=$(legacy_openssl_conf) tls_options sip-tls10-options.pcapng TLSv1 -tls1 "$WORK/pki/server.key" "$WORK/pki/server.pem" 'DEFAULT:@SECLEVEL=0'
}

# 5b. TLS 1.1.
case_tls11_options() {
  make_pki
  OPENSSL_CONF=$(legacy_openssl_conf) tls_options sip-tls11-options.pcapng TLSv1.1 -tls1_1 "$WORK/pki/server.key" "$WORK/pki/server.pem" 'DEFAULT:@SECLEVEL=0'
}

# 6a. TLS 1.2 with an expired server certificate (CA-signed, RSA 2048, SHA-256; valid from
# 400 days ago until 35 days ago).
case_cert_expired() {
  make_pki
  issue_cert expired 2048 sha256 "$(utc_offset -400)" "$(utc_offset -35)" expired.trunkguard.test
  tls_options sip-tls12-cert-expired.pcapng TLSv1.2 -tls1_2 "$WORK/pki/expired.key" "$WORK/pki/expired.pem"
}

# 6b. TLS 1.2 with a certificate that expires 20 days after the capture (CA-signed, RSA 2048, SHA-256).
case_cert_expiring() {
  make_pki
  issue_cert expiring 2048 sha256 "$(utc_offset -345)" "$(utc_offset 20)" expiring.trunkguard.test
  tls_options sip-tls12-cert-expiring.pcapng TLSv1.2 -tls1_2 "$WORK/pki/expiring.key" "$WORK/pki/expiring.pem"
}

# 6c. TLS 1.2 with a self-signed RSA 1024-bit certificate (SHA-256, ten years); security level 0.
case_cert_selfsigned_1024() {
  make_pki
  openssl req -x509 -newkey rsa:1024 -sha256 -nodes -days 3650 -subj "/O=Trunkguard fixtures/CN=weak.trunkguard.test" \
    -keyout "$WORK/pki/weak.key" -out "$WORK/pki/weak.pem" 2>/dev/null
  OPENSSL_CONF=$(legacy_openssl_conf) tls_options sip-tls12-cert-selfsigned-1024.pcapng TLSv1.2 -tls1_2 "$WORK/pki/weak.key" "$WORK/pki/weak.pem" 'DEFAULT:@SECLEVEL=0'
}

# 6d. TLS 1.2 with a certificate signed with SHA-1 (CA-signed, RSA 2048, ten years); security level 0.
case_cert_sha1() {
  make_pki
  issue_cert sha1 2048 sha1 "" "" sha1.trunkguard.test
  OPENSSL_CONF=$(legacy_openssl_conf) tls_options sip-tls12-cert-sha1.pcapng TLSv1.2 -tls1_2 "$WORK/pki/sha1.key" "$WORK/pki/sha1.pem" 'DEFAULT:@SECLEVEL=0'
}

# 5c. TLS 1.2 with a weak suite: the client offers only AES128-SHA (TLS_RSA_WITH_AES_128_CBC_SHA:
# RSA key exchange, CBC, no forward secrecy), the server takes it.
case_tls12_weak_cipher() {
  make_pki
  OPENSSL_CONF=$(legacy_openssl_conf) tls_options sip-tls12-weak-cipher.pcapng TLSv1.2 -tls1_2 "$WORK/pki/server.key" "$WORK/pki/server.pem" 'DEFAULT:@SECLEVEL=0' 'AES128-SHA:@SECLEVEL=0'
}
