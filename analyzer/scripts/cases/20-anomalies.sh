# CC7.2 anomalies against a kamailio PBX edge (kamailio/pbx.cfg) on 127.0.0.1:5060.

# 12. REGISTER brute force: one source (127.0.0.66) guesses user 2001's password 24 times
# (401 challenge then 403 each), the 25th guess is right (200 OK).
case_register_bruteforce() {
  local i pw
  injection user.csv "2001;"
  start_capture lo
  start_kamailio pbx.cfg -l udp:127.0.0.1:5060 -A 'CARRIER="sip:127.0.0.3:5080"'
  for i in $(seq 1 25); do
    pw=guess$i; [ "$i" = 25 ] && pw=s3cret-2001
    sipp_run 10 uac-register-guess.xml 127.0.0.1:5060 -i 127.0.0.66 -p 5066 -inf "$WORK/user.csv" \
      -au 2001 -ap "$pw" -m 1 -key ua "Z 5.4.12 v2.10.12.3"
  done
  stop_capture
  stop_all
  save_capture sip-register-bruteforce.pcapng
}

# 13. Toll fraud: one source (127.0.0.66) places 12 calls in about 2 s through the PBX edge to
# international premium and satellite prefixes; the carrier (sipp on 127.0.0.3:5080) answers.
case_toll_fraud() {
  injection numbers.csv \
    "0088213300001;2001" "+88213300002;2001" "0088135100003;2001" "+881351000004;2001" \
    "19005550105;2001" "0019005550106;2001" "+19005550107;2001" "00882160000008;2001" \
    "+2392400009;2001" "00239240010;2001" "0088216000011;2001" "+882133000012;2001"
  start_capture lo
  start_kamailio pbx.cfg -l udp:127.0.0.1:5060 -A 'CARRIER="sip:127.0.0.3:5080"'
  sipp_bg 60 uas-answer.xml -i 127.0.0.3 -p 5080 -mp 17000 -key ua "carrier-sbc"
  sipp_run 60 uac-invite-burst.xml 127.0.0.1:5060 -i 127.0.0.66 -p 5066 -inf "$WORK/numbers.csv" \
    -m 12 -l 12 -r 6 -key ua "PBX-01"
  stop_capture
  stop_all
  save_capture sip-toll-fraud-burst.pcapng
}

# 14. Scanner: SIPVicious svmap (User-Agent friendly-scanner) sweeps OPTIONS over
# 127.0.0.1-127.0.0.20 port 5060; only the PBX edge on 127.0.0.1 answers.
case_scanner() {
  start_capture lo
  start_kamailio pbx.cfg -l udp:127.0.0.1:5060 -A 'CARRIER="sip:127.0.0.3:5080"'
  timeout 30 svmap -b 127.0.0.66 -P 5066 -p 5060 127.0.0.1-127.0.0.20 >>"$WORK/svmap.log" 2>&1 || true
  stop_capture
  stop_all
  save_capture sip-scanner-svmap.pcapng
}

# 15. An INVITE from outside (127.0.0.66, not a registered phone) relayed by the PBX edge to the
# carrier and answered 200 OK, with no 401/407 challenge. Before it, the inside phone 2001 at
# 127.0.0.10 registers (challenged, then 200), so the server does challenge registrations.
case_unauthenticated_call() {
  injection register.csv "2001;"
  injection call.csv "0044207946000;2099"
  start_capture lo
  start_kamailio pbx.cfg -l udp:127.0.0.1:5060 -A 'CARRIER="sip:127.0.0.3:5080"'
  sipp_run 30 uac-register-guess.xml 127.0.0.1:5060 -i 127.0.0.10 -p 5062 -inf "$WORK/register.csv" \
    -au 2001 -ap s3cret-2001 -m 1 -key ua "Grandstream GXP2170 1.0.11.6"
  sipp_bg 60 uas-answer.xml -i 127.0.0.3 -p 5080 -mp 17000 -key ua "carrier-sbc"
  sipp_run 30 uac-invite-burst.xml 127.0.0.1:5060 -i 127.0.0.66 -p 5066 -inf "$WORK/call.csv" \
    -m 1 -key ua "Asterisk PBX 18.10.0"
  stop_capture
  stop_all
  save_capture sip-unauthenticated-invite.pcapng
}

# 14b. Extension enumeration: SIPVicious svwar (friendly-scanner) tries REGISTER for extensions
# 2000-2030 from 127.0.0.66; the PBX edge challenges each (401).
case_scanner_svwar() {
  start_capture lo
  start_kamailio pbx.cfg -l udp:127.0.0.1:5060 -A 'CARRIER="sip:127.0.0.3:5080"'
  timeout 40 svwar -b 127.0.0.66 -P 5066 -p 5060 -e 2000-2030 127.0.0.1 >>"$WORK/svwar.log" 2>&1 || true
  stop_capture
  stop_all
  save_capture sip-scanner-svwar-register.pcapng
}

# 12b. Password cracking with a real tool: SIPVicious svcrack (friendly-scanner) guesses user
# 2001's password from a 20-word list whose last word is right; 401 challenge, 403 per wrong guess.
case_register_svcrack() {
  { for i in $(seq 1 19); do echo "guess$i"; done; echo s3cret-2001; } > "$WORK/words.txt"
  start_capture lo
  start_kamailio pbx.cfg -l udp:127.0.0.1:5060 -A 'CARRIER="sip:127.0.0.3:5080"'
  timeout 60 svcrack -b 127.0.0.66 -P 5066 -p 5060 -u 2001 -d "$WORK/words.txt" 127.0.0.1 >>"$WORK/svcrack.log" 2>&1 || true
  stop_capture
  stop_all
  save_capture sip-register-svcrack.pcapng
}
