#!/usr/bin/env python3
"""Write the fixture expectations: analyzer/src/test/resources/captures/expectations.json and the
table in README.md there, from one place (the FIXTURES list below) plus facts read from the
captures themselves (tshark views FILE.json / FILE.keys.json, certificates and DTLS handshakes
read with tshark and parsed with the cryptography package).

Usage: expectations.py [CAPTURES_DIR]   (make-captures.sh runs it after making captures)
"""
import datetime, json, os, subprocess, sys
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa

HERE = os.path.dirname(os.path.abspath(__file__))
DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "src", "test", "resources", "captures")

RULES = ["SIP_PLAINTEXT_SIGNALLING", "TLS_LEGACY_VERSION", "TLS_WEAK_CIPHER", "CERT_EXPIRED", "CERT_EXPIRING",
         "CERT_SELF_SIGNED", "CERT_WEAK_KEY", "CERT_WEAK_SIGNATURE", "CERT_NOT_OBSERVABLE", "MEDIA_PLAIN_RTP",
         "SDES_KEYS_EXPOSED", "SRTP_WEAK_SUITE", "MEDIA_DOWNGRADE", "DTLS_SRTP_NOT_SEEN", "REGISTER_BRUTE_FORCE",
         "SIP_SCANNER", "TOLL_FRAUD_PATTERN", "UNAUTHENTICATED_CALL"]

# Options the analyzer must be run with for these expectations (see README.md).
OPTIONS = {
    "internalNetworks": ["127.0.0.0/26", "::1/128"],
    "bruteForce": {"failures": 10, "windowSeconds": 60},
    "tollFraud": {"invites": 5, "windowSeconds": 60},
}

def leg(transport, server, verdict, also=None, note=None):
    d = {"transport": transport, "server": server, "verdict": verdict}
    if also: d["alsoAccepted"] = also
    if note: d["note"] = note
    return d

PLAIN_CALL = dict(findings=["SIP_PLAINTEXT_SIGNALLING", "MEDIA_PLAIN_RTP"])

# One entry per capture. findings: rule ids that must fire (without the key log); undetermined:
# rules the fixture does not pin down (neither asserted nor forbidden); every other rule must not
# fire. withKeylog: overrides when the analyzer is given FILE.keylog.
FIXTURES = [
    dict(file="sip-udp-call.pcapng", case="udp-call", issueItem="1, 17 (pcapng)",
         made="sipp uac-call.xml -> sipp uas-call.xml, UDP, G.711 A-law RTP both ways from a pcap clip",
         transport="udp", media="RTP/AVP PCMA, plain RTP both ways", **PLAIN_CALL,
         legs=[leg("udp", "127.0.0.1:5060", "unencrypted")]),
    dict(file="sip-tcp-call.pcap", case="tcp-call", issueItem="2, 17 (classic pcap)",
         made="sipp uac/uas over TCP (-t t1), written with tshark -F pcap (microsecond pcap, little-endian)",
         transport="tcp", media="RTP/AVP PCMA, plain RTP both ways", **PLAIN_CALL,
         legs=[leg("tcp", "127.0.0.1:5060", "unencrypted")]),
    dict(file="sip-ipv6-call.nsec.pcap", case="ipv6-call", issueItem="16, 17 (nanosecond pcap)",
         made="sipp uac/uas over UDP on ::1; editcap -F nsecpcap", transport="udp",
         media="RTP/AVP PCMA over IPv6, plain RTP both ways", **PLAIN_CALL,
         legs=[leg("udp", "[::1]:5060", "unencrypted")]),
    dict(file="sip-udp-call-any.pcapng", case="any-call", issueItem="18 (-i any, SLL)",
         made="sipp uac/uas over UDP, tshark -i any (tshark 4.0 default: Linux cooked v1, SLL)", transport="udp",
         media="RTP/AVP PCMA, plain RTP both ways", **PLAIN_CALL,
         legs=[leg("udp", "127.0.0.1:5060", "unencrypted")]),
    dict(file="sip-tcp-call-any-sll2.pcapng", case="any-sll2-call", issueItem="18 (-i any, SLL2)",
         made="sipp uac/uas over TCP, tshark -i any -y LINUX_SLL2 (Linux cooked v2)", transport="tcp",
         media="RTP/AVP PCMA, plain RTP both ways", **PLAIN_CALL,
         legs=[leg("tcp", "127.0.0.1:5060", "unencrypted")]),
    dict(file="sip-udp-call-lo-and-any.pcapng", case="multi-interface", issueItem="17 (pcapng, two interfaces)",
         made="sipp uac/uas over UDP, tshark -i lo -i any: one pcapng with two interfaces (Ethernet and Linux cooked v1)",
         transport="udp", media="RTP/AVP PCMA, plain RTP both ways", **PLAIN_CALL,
         note="every packet is in the file twice, once per interface; tshark counts both copies (14 SIP messages, 264 RTP) and so must the analyzer, or the test must say why not",
         legs=[leg("udp", "127.0.0.1:5060", "unencrypted")]),
    dict(file="sip-udp-call.pcapng.gz", case="gzip-call", issueItem="17 (gzip-compressed pcapng)",
         made="sipp uac/uas over UDP, tshark -i lo, gzip -9 -n", transport="udp",
         media="RTP/AVP PCMA, plain RTP both ways", **PLAIN_CALL,
         legs=[leg("udp", "127.0.0.1:5060", "unencrypted")]),
    dict(file="sip-udp-call-bigendian.pcap", case="bigendian-call", issueItem="17 (big-endian pcap)",
         made="sipp uac/uas over UDP, tshark -i lo, editcap -F pcap, header fields byte-swapped by tools/pcap_bigendian.py",
         transport="udp", media="RTP/AVP PCMA, plain RTP both ways", **PLAIN_CALL,
         legs=[leg("udp", "127.0.0.1:5060", "unencrypted")]),
    dict(file="sip-udp-fragmented-invite.pcapng", case="udp-fragmented-invite", issueItem="IPv4 fragments (extra)",
         made="sipp uac-call-large.xml (2.3 kB INVITE, audio+video, ICE candidates) -> sipp uas over UDP with lo MTU 1280: the INVITE leaves as two IPv4 fragments",
         transport="udp", media="RTP/AVP PCMA (and an unused video m-line in the offer), plain RTP both ways", **PLAIN_CALL,
         legs=[leg("udp", "127.0.0.1:5060", "unencrypted")]),
    dict(file="sip-tcp-segmented-invite.pcapng", case="tcp-segmented-invite", issueItem="TCP reassembly (extra)",
         made="the same large INVITE over TCP, lo MTU 1280 and gso_max_segs 1: the INVITE spans two TCP segments",
         transport="tcp", media="RTP/AVP PCMA (and an unused video m-line in the offer), plain RTP both ways", **PLAIN_CALL,
         legs=[leg("tcp", "127.0.0.1:5060", "unencrypted")]),
    dict(file="sip-register-bruteforce.pcapng", case="register-bruteforce", issueItem="12",
         made="25 runs of sipp uac-register-guess.xml from 127.0.0.66 against kamailio pbx.cfg (registrar, digest auth)",
         transport="udp", media="none",
         findings=["SIP_PLAINTEXT_SIGNALLING", "REGISTER_BRUTE_FORCE"],
         facts={"source": "127.0.0.66", "failures401": 25, "failures403": 24, "successAfterFailures": True,
                "userAgent": "Z 5.4.12 v2.10.12.3"},
         legs=[leg("udp", "127.0.0.1:5060", "unencrypted")]),
    dict(file="sip-toll-fraud-burst.pcapng", case="toll-fraud", issueItem="13",
         made="sipp uac-invite-burst.xml from 127.0.0.66: 12 INVITEs in ~2 s via kamailio pbx.cfg to a sipp carrier (127.0.0.3:5080) that answers 200",
         transport="udp", media="RTP/AVP offered and answered, no RTP sent",
         findings=["SIP_PLAINTEXT_SIGNALLING", "TOLL_FRAUD_PATTERN", "UNAUTHENTICATED_CALL"],
         facts={"source": "127.0.0.66", "invites": 12,
                "numbers": ["0088213300001", "+88213300002", "0088135100003", "+881351000004", "19005550105",
                            "0019005550106", "+19005550107", "00882160000008", "+2392400009", "00239240010",
                            "0088216000011", "+882133000012"],
                "note": "kamailio relays each INVITE, so 127.0.0.1 also sends the 12 INVITEs to 127.0.0.3; the finding must name 127.0.0.66 (it may also name 127.0.0.1)"},
         legs=[leg("udp", "127.0.0.1:5060", "unencrypted"), leg("udp", "127.0.0.3:5080", "unencrypted")]),
    dict(file="sip-scanner-svmap.pcapng", case="scanner", issueItem="14",
         made="SIPVicious svmap 0.3.3 (Debian sipvicious) from 127.0.0.66:5066 sweeping 127.0.0.1-20:5060 with OPTIONS; kamailio pbx.cfg answers on 127.0.0.1, the rest ICMP port unreachable",
         transport="udp", media="none", findings=["SIP_PLAINTEXT_SIGNALLING", "SIP_SCANNER"],
         facts={"source": "127.0.0.66", "userAgent": "friendly-scanner", "hostsSwept": 20},
         legs=[leg("udp", "127.0.0.1:5060", "unencrypted")]),
    dict(file="sip-scanner-svwar-register.pcapng", case="scanner-svwar", issueItem="14 (extension enumeration, extra)",
         made="SIPVicious svwar 0.3.3 from 127.0.0.66:5066 trying REGISTER for extensions 2000-2030 (after one random probe) against kamailio pbx.cfg: 401 for 2001-2005, 404 for the rest",
         transport="udp", media="none", findings=["SIP_PLAINTEXT_SIGNALLING", "SIP_SCANNER"],
         facts={"source": "127.0.0.66", "userAgent": "friendly-scanner", "registers": 32, "challenged": 5, "notFound": 27},
         note="only 5 REGISTERs fail with 401 (below the brute-force threshold of 10); the 404s are no authentication failures",
         legs=[leg("udp", "127.0.0.1:5060", "unencrypted")]),
    dict(file="sip-register-svcrack.pcapng", case="register-svcrack", issueItem="12 (real cracking tool, extra)",
         made="SIPVicious svcrack 0.3.3 from 127.0.0.66:5066 guessing user 2001's password from a 20-word list against kamailio pbx.cfg",
         transport="udp", media="none", findings=["SIP_PLAINTEXT_SIGNALLING", "REGISTER_BRUTE_FORCE", "SIP_SCANNER"],
         facts={"source": "127.0.0.66", "userAgent": "friendly-scanner", "registers": 21, "failures401": 21,
                "successAfterFailures": False},
         note="svcrack sends qop=auth without nc/cnonce and reuses one nonce, so kamailio challenges every guess again (401), the right one too: 20 failed guesses in one Call-ID, no success",
         legs=[leg("udp", "127.0.0.1:5060", "unencrypted")]),
    dict(file="sip-unauthenticated-invite.pcapng", case="unauthenticated-call", issueItem="15",
         made="inside phone 127.0.0.10 registers (401, then 200) at kamailio pbx.cfg; then sipp from 127.0.0.66 (outside) calls 0044207946000, relayed unchallenged to a sipp carrier, 200 OK",
         transport="udp", media="RTP/AVP offered and answered, no RTP sent",
         findings=["SIP_PLAINTEXT_SIGNALLING", "UNAUTHENTICATED_CALL"],
         facts={"source": "127.0.0.66", "acceptedInviteCallee": "0044207946000"},
         legs=[leg("udp", "127.0.0.1:5060", "unencrypted"), leg("udp", "127.0.0.3:5080", "unencrypted")]),
    dict(file="sip-tls12-sdes-srtp.pcapng", case="tls12-sdes-srtp", issueItem="3",
         made="baresip alice -> kamailio tls-edge.cfg (method TLSv1.2) -> baresip bob, TLS on both legs, mediaenc=srtp-mand",
         transport="tls", media="RTP/SAVP AES_CM_128_HMAC_SHA1_80 (SDES inside TLS), SRTP both ways",
         findings=[], keylog=True,
         legs=[leg("tls", "127.0.0.1:5061", "encrypted"), leg("tls", "127.0.0.1:5081", "encrypted")]),
    dict(file="sip-tls13-sdes-srtp.pcapng", case="tls13-sdes-srtp", issueItem="4",
         made="as sip-tls12-sdes-srtp but kamailio method TLSv1.2+ (OpenSSL 3 negotiates TLS 1.3)",
         transport="tls", media="RTP/SAVP AES_CM_128_HMAC_SHA1_80 (SDES inside TLS), SRTP both ways",
         findings=["CERT_NOT_OBSERVABLE"], keylog=True,
         withKeylog=dict(findings=[], undetermined=["CERT_NOT_OBSERVABLE"]),
         legs=[leg("tls", "127.0.0.1:5061", "encrypted"), leg("tls", "127.0.0.1:5081", "encrypted")]),
    dict(file="sip-tls12-plain-rtp.pcapng", case="tls12-plain-rtp", issueItem="7",
         made="as sip-tls12-sdes-srtp but without mediaenc: RTP/AVP inside TLS, plain G.711 RTP",
         transport="tls", media="RTP/AVP PCMU (inside TLS), plain RTP both ways",
         findings=["MEDIA_PLAIN_RTP"], keylog=True,
         note="without the key log the SDP is invisible: MEDIA_PLAIN_RTP and the verdict must rest on the RTP itself (G.711 payload entropy); tshark's plain view shows 0 RTP packets because it only decodes RTP set up by visible SDP",
         legs=[leg("tls", "127.0.0.1:5061", "partly_encrypted"), leg("tls", "127.0.0.1:5081", "partly_encrypted")]),
    dict(file="sip-tls-alternating-rtp.pcapng", case="tls-alternating-rtp", issueItem="issue 10 (run detector)",
         made="baresip alice -> baresip bob directly over TLS (bob's listener 127.0.0.1:5081, OpenSSL 3 negotiates TLS 1.3), no mediaenc: plain G.711 RTP whose two directions alternate packet by packet (checked by tools/alternation.py: never four packets in a row from one side)",
         transport="tls", media="RTP/AVP PCMU (inside TLS), plain RTP both ways, alternating",
         findings=["MEDIA_PLAIN_RTP", "CERT_NOT_OBSERVABLE"], keylog=True,
         withKeylog=dict(findings=["MEDIA_PLAIN_RTP"], undetermined=["CERT_NOT_OBSERVABLE"]),
         note="without the key log the SDP is invisible and the media must be found by its own packets; a detector that keeps one SSRC/sequence state per flow resets on every change of direction and never lists it",
         legs=[leg("tls", "127.0.0.1:5081", "partly_encrypted")]),
    dict(file="sip-tls-opus-plain.pcapng", case="tls-opus-plain", issueItem="issue 15 (opus plain)",
         made="baresip alice -> baresip bob directly over TLS (OpenSSL 3 negotiates TLS 1.3), Opus (48 kHz stereo, baresip opus.so) only, no mediaenc: plain RTP",
         transport="tls", media="RTP/AVP opus/48000/2 on dynamic PT 96, plain RTP both ways",
         findings=["MEDIA_PLAIN_RTP", "CERT_NOT_OBSERVABLE"], keylog=True,
         withKeylog=dict(findings=["MEDIA_PLAIN_RTP"], undetermined=["CERT_NOT_OBSERVABLE"]),
         note="without the key log the SDP is invisible: the media verdict rests on the payloads themselves (io.trunkguard.analyzer.fixtures.MediaWithoutSdpFixturesTest names the deciding signal) and must agree with the SDP the key log reveals",
         legs=[leg("tls", "127.0.0.1:5081", "partly_encrypted")]),
    dict(file="sip-tls-opus-srtp.pcapng", case="tls-opus-srtp", issueItem="issue 15 (opus srtp)",
         made="baresip alice -> baresip bob directly over TLS (OpenSSL 3 negotiates TLS 1.3), Opus (48 kHz stereo, baresip opus.so) only, mediaenc=srtp-mand: SDES AES_CM_128_HMAC_SHA1_80 inside the TLS",
         transport="tls", media="RTP/AVP opus/48000/2 on dynamic PT 96 -> RTP/SAVP, SRTP both ways",
         findings=["CERT_NOT_OBSERVABLE"], keylog=True,
         withKeylog=dict(findings=[], undetermined=["CERT_NOT_OBSERVABLE"]),
         note="without the key log the SDP is invisible: the media verdict rests on the payloads themselves (io.trunkguard.analyzer.fixtures.MediaWithoutSdpFixturesTest names the deciding signal) and must agree with the SDP the key log reveals",
         legs=[leg("tls", "127.0.0.1:5081", "encrypted"), leg("tls", "127.0.0.1:5071", "encrypted", note="bob's own TLS connection to alice's listener, opened for the BYE after the media; it set up no media")]),
    dict(file="sip-tls-g722-plain.pcapng", case="tls-g722-plain", issueItem="issue 15 (g722 plain)",
         made="baresip alice -> baresip bob directly over TLS (OpenSSL 3 negotiates TLS 1.3), G.722 (PT 9) only, no mediaenc: plain RTP",
         transport="tls", media="RTP/AVP G722/8000, plain RTP both ways",
         findings=["MEDIA_PLAIN_RTP", "CERT_NOT_OBSERVABLE"], keylog=True,
         withKeylog=dict(findings=["MEDIA_PLAIN_RTP"], undetermined=["CERT_NOT_OBSERVABLE"]),
         note="without the key log the SDP is invisible: the media verdict rests on the payloads themselves (io.trunkguard.analyzer.fixtures.MediaWithoutSdpFixturesTest names the deciding signal) and must agree with the SDP the key log reveals",
         legs=[leg("tls", "127.0.0.1:5081", "partly_encrypted")]),
    dict(file="sip-tls-g722-srtp.pcapng", case="tls-g722-srtp", issueItem="issue 15 (g722 srtp)",
         made="baresip alice -> baresip bob directly over TLS (OpenSSL 3 negotiates TLS 1.3), G.722 (PT 9) only, mediaenc=srtp-mand: SDES AES_CM_128_HMAC_SHA1_80 inside the TLS",
         transport="tls", media="RTP/AVP G722/8000 -> RTP/SAVP, SRTP both ways",
         findings=["CERT_NOT_OBSERVABLE"], keylog=True,
         withKeylog=dict(findings=[], undetermined=["CERT_NOT_OBSERVABLE"]),
         note="without the key log the SDP is invisible: the media verdict rests on the payloads themselves (io.trunkguard.analyzer.fixtures.MediaWithoutSdpFixturesTest names the deciding signal) and must agree with the SDP the key log reveals",
         legs=[leg("tls", "127.0.0.1:5081", "encrypted")]),
    dict(file="sip-tls-gsm-plain.pcapng", case="tls-gsm-plain", issueItem="issue 15 (gsm plain)",
         made="baresip alice -> baresip bob directly over TLS (OpenSSL 3 negotiates TLS 1.3), GSM 06.10 (PT 3) only, no mediaenc: plain RTP",
         transport="tls", media="RTP/AVP GSM/8000, plain RTP both ways",
         findings=["MEDIA_PLAIN_RTP", "CERT_NOT_OBSERVABLE"], keylog=True,
         withKeylog=dict(findings=["MEDIA_PLAIN_RTP"], undetermined=["CERT_NOT_OBSERVABLE"]),
         note="without the key log the SDP is invisible: the media verdict rests on the payloads themselves (io.trunkguard.analyzer.fixtures.MediaWithoutSdpFixturesTest names the deciding signal) and must agree with the SDP the key log reveals",
         legs=[leg("tls", "127.0.0.1:5081", "partly_encrypted")]),
    dict(file="sip-tls-gsm-srtp.pcapng", case="tls-gsm-srtp", issueItem="issue 15 (gsm srtp)",
         made="baresip alice -> baresip bob directly over TLS (OpenSSL 3 negotiates TLS 1.3), GSM 06.10 (PT 3) only, mediaenc=srtp-mand: SDES AES_CM_128_HMAC_SHA1_80 inside the TLS",
         transport="tls", media="RTP/AVP GSM/8000 -> RTP/SAVP, SRTP both ways",
         findings=["CERT_NOT_OBSERVABLE"], keylog=True,
         withKeylog=dict(findings=[], undetermined=["CERT_NOT_OBSERVABLE"]),
         note="without the key log the SDP is invisible: the media verdict rests on the payloads themselves (io.trunkguard.analyzer.fixtures.MediaWithoutSdpFixturesTest names the deciding signal) and must agree with the SDP the key log reveals",
         legs=[leg("tls", "127.0.0.1:5081", "encrypted")]),
    dict(file="sip-tls-amr-plain.pcapng", case="tls-amr-plain", issueItem="issue 15 (amr plain)",
         made="baresip alice -> baresip bob directly over TLS (OpenSSL 3 negotiates TLS 1.3), AMR-WB octet-aligned (baresip amr.so offers AMR-WB first) only, no mediaenc: plain RTP",
         transport="tls", media="RTP/AVP AMR-WB/16000 on dynamic PT 96, plain RTP both ways",
         findings=["MEDIA_PLAIN_RTP", "CERT_NOT_OBSERVABLE"], keylog=True,
         withKeylog=dict(findings=["MEDIA_PLAIN_RTP"], undetermined=["CERT_NOT_OBSERVABLE"]),
         note="without the key log the SDP is invisible: the media verdict rests on the payloads themselves (io.trunkguard.analyzer.fixtures.MediaWithoutSdpFixturesTest names the deciding signal) and must agree with the SDP the key log reveals",
         legs=[leg("tls", "127.0.0.1:5081", "partly_encrypted"), leg("tls", "127.0.0.1:5071", "encrypted", note="bob's own TLS connection to alice's listener, opened for the BYE after the media; it set up no media")]),
    dict(file="sip-tls-amr-srtp.pcapng", case="tls-amr-srtp", issueItem="issue 15 (amr srtp)",
         made="baresip alice -> baresip bob directly over TLS (OpenSSL 3 negotiates TLS 1.3), AMR-WB octet-aligned (baresip amr.so offers AMR-WB first) only, mediaenc=srtp-mand: SDES AES_CM_128_HMAC_SHA1_80 inside the TLS",
         transport="tls", media="RTP/AVP AMR-WB/16000 on dynamic PT 96 -> RTP/SAVP, SRTP both ways",
         findings=["CERT_NOT_OBSERVABLE"], keylog=True,
         withKeylog=dict(findings=[], undetermined=["CERT_NOT_OBSERVABLE"]),
         note="without the key log the SDP is invisible: the media verdict rests on the payloads themselves (io.trunkguard.analyzer.fixtures.MediaWithoutSdpFixturesTest names the deciding signal) and must agree with the SDP the key log reveals",
         legs=[leg("tls", "127.0.0.1:5081", "encrypted"), leg("tls", "127.0.0.1:5071", "encrypted", note="bob's own TLS connection to alice's listener, opened for the BYE after the media; it set up no media")]),
    dict(file="sip-tls-dtmf-plain.pcapng", case="tls-dtmf-plain", issueItem="issue 15 (telephone-events and G.726 plain)",
         made="baresip alice -> baresip bob directly over TLS (OpenSSL 3 negotiates TLS 1.3), G.726 (baresip g726.so; G726-40 on dynamic PT 96 is chosen) and telephone-event/8000 on PT 101, no mediaenc: plain RTP; alice presses 1-9, 0, *, # during the call (baresip stdio keys)",
         transport="tls", media="RTP/AVP G726-40/8000 on PT 96 and telephone-event on PT 101, plain RTP both ways",
         findings=["MEDIA_PLAIN_RTP", "CERT_NOT_OBSERVABLE"], keylog=True,
         withKeylog=dict(findings=["MEDIA_PLAIN_RTP"], undetermined=["CERT_NOT_OBSERVABLE"]),
         note="without the key log the SDP is invisible: G.726 has no header and its entropy (7.9 bits/byte) looks like ciphertext, so the telephone-events' RFC 4733 fields and the byte distribution (chi-square) decide",
         legs=[leg("tls", "127.0.0.1:5081", "partly_encrypted"), leg("tls", "127.0.0.1:5071", "encrypted", note="bob's own TLS connection to alice's listener, opened for the BYE after the media; it set up no media")]),
    dict(file="sip-tls-dtmf-srtp.pcapng", case="tls-dtmf-srtp", issueItem="issue 15 (telephone-events and G.726 srtp)",
         made="baresip alice -> baresip bob directly over TLS (OpenSSL 3 negotiates TLS 1.3), G.726 (G726-40 on PT 96) and telephone-event on PT 101, mediaenc=srtp-mand: SDES AES_CM_128_HMAC_SHA1_80 inside the TLS; alice presses 1-9, 0, *, # during the call",
         transport="tls", media="RTP/SAVP G726-40/8000 on PT 96 and telephone-event on PT 101, SRTP both ways",
         findings=["CERT_NOT_OBSERVABLE"], keylog=True,
         withKeylog=dict(findings=[], undetermined=["CERT_NOT_OBSERVABLE"]),
         note="without the key log the SDP is invisible: 110-byte G.726-40 payloads (100 + the 10-byte tag) and 14-byte telephone-events (4 + 10) with held timestamps decide",
         legs=[leg("tls", "127.0.0.1:5081", "encrypted"), leg("tls", "127.0.0.1:5071", "encrypted", note="bob's own TLS connection to alice's listener, opened for the BYE after the media; it set up no media")]),
    dict(file="sip-tls-dtls-srtp.pcapng", case="tls-dtls-srtp", issueItem="issue 15 (DTLS-SRTP under TLS signalling)",
         made="baresip alice -> baresip bob directly over TLS (OpenSSL 3 negotiates TLS 1.3), G.722 only, mediaenc=dtls_srtp: a=fingerprint inside the TLS, the DTLS 1.2 handshake with use_srtp on the RTP and RTCP ports in clear",
         transport="tls", media="UDP/TLS/RTP/SAVPF G722/8000, DTLS-SRTP both ways (no rtcp-mux: RTCP on its own flow)",
         findings=["CERT_NOT_OBSERVABLE"], keylog=True,
         withKeylog=dict(findings=[], undetermined=["CERT_NOT_OBSERVABLE"]),
         note="without the key log the SDP is invisible: the DTLS handshake negotiating use_srtp on the media flow decides, the G.722 payloads' SRTP tag agrees",
         legs=[leg("tls", "127.0.0.1:5081", "encrypted")]),
    dict(file="sip-tls-codec2-plain.pcapng", case="tls-codec2-plain", issueItem="issue 15 (codec2 plain)",
         made="baresip alice -> baresip bob directly over TLS (OpenSSL 3 negotiates TLS 1.3), Codec 2 (baresip codec2.so, CODEC2/8000 on dynamic PT 96) only, no mediaenc: plain RTP",
         transport="tls", media="RTP/AVP CODEC2/8000 on dynamic PT 96, plain RTP both ways",
         findings=["MEDIA_PLAIN_RTP", "CERT_NOT_OBSERVABLE"], keylog=True,
         withKeylog=dict(findings=["MEDIA_PLAIN_RTP"], undetermined=["CERT_NOT_OBSERVABLE"]),
         note="without the key log the SDP is invisible: a codec without a header of a few bytes per packet; its first byte keeps few values and its entropy is low",
         legs=[leg("tls", "127.0.0.1:5081", "partly_encrypted"), leg("tls", "127.0.0.1:5071", "encrypted", note="bob's own TLS connection to alice's listener, opened for the BYE after the media; it set up no media")]),
    dict(file="sip-tls-codec2-srtp.pcapng", case="tls-codec2-srtp", issueItem="issue 15 (codec2 srtp)",
         made="baresip alice -> baresip bob directly over TLS (OpenSSL 3 negotiates TLS 1.3), Codec 2 (CODEC2/8000 on dynamic PT 96) only, mediaenc=srtp-mand: SDES AES_CM_128_HMAC_SHA1_80 inside the TLS",
         transport="tls", media="RTP/SAVP CODEC2/8000 on dynamic PT 96, SRTP both ways",
         findings=["CERT_NOT_OBSERVABLE"], keylog=True,
         withKeylog=dict(findings=[], undetermined=["CERT_NOT_OBSERVABLE"]),
         note="without the key log the SDP is invisible: the uniform first byte on a dynamic type whose lengths fit no fixed-rate codec decides (a weak signal: nothing stronger is there)",
         legs=[leg("tls", "127.0.0.1:5081", "encrypted"), leg("tls", "127.0.0.1:5071", "encrypted", note="bob's own TLS connection to alice's listener, opened for the BYE after the media; it set up no media")]),
    dict(file="sip-proxy-tls-to-udp-plain.pcapng", case="proxy-tls-to-udp-plain", issueItem="issue 15 (proxy, one leg TLS, one plain)",
         made="baresip alice -> kamailio tls-edge.cfg over TLS 1.2 (127.0.0.1:5061) -> baresip bob over UDP (127.0.0.1:5080), no mediaenc: plain G.711 RTP between alice and bob",
         transport="tls+udp", media="RTP/AVP PCMU, SDP hidden on the TLS leg, in clear on the UDP leg; plain RTP both ways",
         findings=["SIP_PLAINTEXT_SIGNALLING", "MEDIA_PLAIN_RTP"], keylog=True,
         note="without the key log the media negotiated on the UDP leg is tied to the TLS leg too (it started after that leg, between its hosts), so the TLS leg is partly encrypted as the key log shows",
         legs=[leg("tls", "127.0.0.1:5061", "partly_encrypted"), leg("udp", "127.0.0.1:5080", "unencrypted")]),
    dict(file="sip-proxy-tls-to-udp-sdes.pcapng", case="proxy-tls-to-udp", issueItem="19",
         made="baresip alice -> kamailio tls-edge.cfg over TLS 1.2 (127.0.0.1:5061) -> baresip bob over UDP (127.0.0.1:5080), mediaenc=srtp-mand",
         transport="tls+udp", media="RTP/SAVP AES_CM_128_HMAC_SHA1_80, SRTP both ways; the a=crypto keys cross the UDP leg in clear",
         findings=["SIP_PLAINTEXT_SIGNALLING", "SDES_KEYS_EXPOSED"], keylog=True,
         legs=[leg("tls", "127.0.0.1:5061", "encrypted", also=["partly_encrypted"],
                   note="its SRTP keys are exposed on the UDP leg; an analyzer that correlates legs of one dialog may downgrade this leg"),
               leg("udp", "127.0.0.1:5080", "unencrypted")]),
    dict(file="sip-tls10-options.pcapng", case="tls10-options", issueItem="5 (TLS 1.0)",
         made="openssl s_client -tls1 (SECLEVEL=0) sends SIP OPTIONS to kamailio tls-edge.cfg (method TLSv1), which answers 200",
         transport="tls", media="none", findings=["TLS_LEGACY_VERSION"], keylog=True,
         legs=[leg("tls", "127.0.0.1:5061", "encrypted", also=["partly_encrypted"])]),
    dict(file="sip-tls11-options.pcapng", case="tls11-options", issueItem="5 (TLS 1.1)",
         made="openssl s_client -tls1_1 (SECLEVEL=0) sends SIP OPTIONS to kamailio tls-edge.cfg (method TLSv1.1), 200",
         transport="tls", media="none", findings=["TLS_LEGACY_VERSION"], keylog=True,
         legs=[leg("tls", "127.0.0.1:5061", "encrypted", also=["partly_encrypted"])]),
    dict(file="sip-tls12-weak-cipher.pcapng", case="tls12-weak-cipher", issueItem="TLS_WEAK_CIPHER (extra)",
         made="openssl s_client -tls1_2 -cipher AES128-SHA sends SIP OPTIONS to kamailio tls-edge.cfg (method TLSv1.2), 200",
         transport="tls", media="none", findings=["TLS_WEAK_CIPHER"], keylog=True,
         note="0x002f TLS_RSA_WITH_AES_128_CBC_SHA: CBC without forward secrecy. The TLS 1.0/1.1 captures negotiate 0xc014 (ECDHE, CBC with forward secrecy), which must not fire TLS_WEAK_CIPHER",
         legs=[leg("tls", "127.0.0.1:5061", "encrypted", also=["partly_encrypted"])]),
    dict(file="sip-tls12-cert-expired.pcapng", case="cert-expired", issueItem="6 (expired)",
         made="openssl s_client -tls1_2 OPTIONS to kamailio with a CA-signed RSA 2048 SHA-256 leaf valid from capture-400 d to capture-35 d (openssl ca -startdate/-enddate)",
         transport="tls", media="none", findings=["CERT_EXPIRED"], keylog=True,
         legs=[leg("tls", "127.0.0.1:5061", "encrypted", also=["partly_encrypted"])]),
    dict(file="sip-tls12-cert-expiring.pcapng", case="cert-expiring", issueItem="6 (expiring)",
         made="as cert-expired with a leaf valid until capture+20 d",
         transport="tls", media="none", findings=["CERT_EXPIRING"], undetermined=["CERT_EXPIRED"], keylog=True,
         note="CERT_EXPIRING holds relative to the capture time; once the test runs after notAfter, CERT_EXPIRED relative to today may also fire",
         legs=[leg("tls", "127.0.0.1:5061", "encrypted")]),
    dict(file="sip-tls12-cert-selfsigned-1024.pcapng", case="cert-selfsigned-1024", issueItem="6 (self-signed 1024-bit)",
         made="as cert-expired with a self-signed RSA 1024 SHA-256 certificate (openssl req -x509), SECLEVEL=0",
         transport="tls", media="none", findings=["CERT_SELF_SIGNED", "CERT_WEAK_KEY"], keylog=True,
         legs=[leg("tls", "127.0.0.1:5061", "encrypted", also=["partly_encrypted"])]),
    dict(file="sip-tls12-cert-sha1.pcapng", case="cert-sha1", issueItem="6 (SHA-1 signed)",
         made="as cert-expired with a CA-signed RSA 2048 leaf signed with SHA-1 (openssl ca -md sha1), SECLEVEL=0",
         transport="tls", media="none", findings=["CERT_WEAK_SIGNATURE"], keylog=True,
         legs=[leg("tls", "127.0.0.1:5061", "encrypted", also=["partly_encrypted"])]),
    dict(file="sip-ws-register.pcapng", case="ws-register", issueItem="SIP over WebSocket (extra)",
         made="tools/ws_sip_client.py (User-Agent JsSIP 3.10.1) over ws:// to kamailio ws-edge.cfg (websocket module, TCP 8080): REGISTER and OPTIONS, each 200",
         transport="ws", media="none", findings=["SIP_PLAINTEXT_SIGNALLING"],
         legs=[leg("ws", "127.0.0.1:8080", "unencrypted")]),
    dict(file="sip-wss-register.pcapng", case="wss-register", issueItem="SIP over secure WebSocket (extra)",
         made="the same over wss:// (TLS 1.2 on 8443; the client's secrets from Python's ssl keylog_filename, kamailio's from the preload)",
         transport="wss", media="none", findings=[], keylog=True,
         note="without the key log a passive observer sees TLS, not WebSocket: the leg is TLS; with the key log the SIP inside is WebSocket-framed (tshark: websocket transport)",
         legs=[leg("tls", "127.0.0.1:8443", "encrypted")]),
    dict(file="sip-udp-sdes-srtp.pcapng", case="sdes-over-udp", issueItem="8",
         made="baresip alice -> baresip bob directly over UDP, mediaenc=srtp-mand",
         transport="udp", media="RTP/SAVP AES_CM_128_HMAC_SHA1_80, real SRTP both ways",
         findings=["SIP_PLAINTEXT_SIGNALLING", "SDES_KEYS_EXPOSED"],
         legs=[leg("udp", "127.0.0.1:5080", "unencrypted")]),
    dict(file="sip-srtp-null-cipher.pcapng", case="srtp-null-cipher", issueItem="9 (NULL cipher)",
         made="sipp uac/uas with a=crypto:1 NULL_HMAC_SHA1_80 both ways; SRTP with the NULL cipher made by tools/srtp_pcap.py, played by sipp",
         transport="udp", media="RTP/SAVP NULL_HMAC_SHA1_80, SRTP with readable G.711 payload and HMAC-SHA1-80 tags",
         findings=["SIP_PLAINTEXT_SIGNALLING", "SRTP_WEAK_SUITE", "SDES_KEYS_EXPOSED"], undetermined=["MEDIA_PLAIN_RTP"],
         legs=[leg("udp", "127.0.0.1:5060", "unencrypted")]),
    dict(file="sip-srtp-unencrypted-param.pcapng", case="srtp-unencrypted-param", issueItem="9 (UNENCRYPTED_SRTP)",
         made="sipp uac/uas with a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:... UNENCRYPTED_SRTP both ways; media as sip-srtp-null-cipher",
         transport="udp", media="RTP/SAVP AES_CM_128_HMAC_SHA1_80 + UNENCRYPTED_SRTP, readable G.711 payload with tags",
         findings=["SIP_PLAINTEXT_SIGNALLING", "SRTP_WEAK_SUITE", "SDES_KEYS_EXPOSED"], undetermined=["MEDIA_PLAIN_RTP"],
         legs=[leg("udp", "127.0.0.1:5060", "unencrypted")]),
    dict(file="sip-udp-dtls-srtp.pcapng", case="dtls-srtp", issueItem="10 (DTLS-SRTP)",
         made="baresip alice -> baresip bob over UDP, mediaenc=dtls_srtp (rtcp_mux off: DTLS on the RTP and the RTCP ports)",
         transport="udp", media="UDP/TLS/RTP/SAVPF with a=fingerprint, DTLS 1.2 use_srtp SRTP_AES128_CM_HMAC_SHA1_80, SRTP both ways",
         findings=["SIP_PLAINTEXT_SIGNALLING"], keylog=True,
         undetermined=["CERT_SELF_SIGNED", "CERT_WEAK_SIGNATURE"],
         note="the DTLS certificates are baresip's self-signed, SHA-1-signed dtls@baresip ones, normal for DTLS-SRTP (authenticated by the SDP fingerprint); certificate rules on them are not pinned",
         legs=[leg("udp", "127.0.0.1:5080", "partly_encrypted")]),
    dict(file="sip-udp-dtls-srtp-no-handshake.pcapng", case="dtls-srtp-not-seen", issueItem="10 (no DTLS handshake)",
         made="sipp uac-call-dtls.xml / uas-call-dtls.xml: UDP/TLS/RTP/SAVP with a=fingerprint both ways, then plain G.711 RTP and no DTLS",
         transport="udp", media="UDP/TLS/RTP/SAVP + a=fingerprint negotiated, plain RTP flows, no DTLS",
         findings=["SIP_PLAINTEXT_SIGNALLING", "DTLS_SRTP_NOT_SEEN"], undetermined=["MEDIA_PLAIN_RTP"],
         legs=[leg("udp", "127.0.0.1:5060", "unencrypted")]),
    dict(file="sip-savp-offer-avp-answer.pcapng", case="media-downgrade", issueItem="11",
         made="sipp uac offers RTP/SAVP with a=crypto AES_CM_128_HMAC_SHA1_80, sipp uas answers RTP/AVP; plain G.711 RTP",
         transport="udp", media="offer RTP/SAVP, answer RTP/AVP, plain RTP both ways",
         findings=["SIP_PLAINTEXT_SIGNALLING", "MEDIA_DOWNGRADE", "MEDIA_PLAIN_RTP", "SDES_KEYS_EXPOSED"],
         legs=[leg("udp", "127.0.0.1:5060", "unencrypted")]),
]

TLS_VERSIONS = {"0x0301": "TLSv1.0", "0x0302": "TLSv1.1", "0x0303": "TLSv1.2", "0x0304": "TLSv1.3",
                "0xfeff": "DTLSv1.0", "0xfefd": "DTLSv1.2"}

def capinfo(view, key):
    for line in view["capinfos"]:
        if line.startswith(key + ":"):
            return line.split(":", 1)[1].strip()
    return None

def tshark(path, filt, fields, extra=()):
    cmd = ["tshark", "-n", "-r", path, *extra, "-Y", filt, "-T", "fields", "-E", "separator=\t", "-E", "aggregator=|"]
    for f in fields: cmd += ["-e", f]
    out = subprocess.run(cmd, capture_output=True, text=True).stdout
    return [l.split("\t") for l in out.splitlines() if l.strip()]

# 5071: alice's own TLS listener, where bob opens a connection for the BYE in the direct calls
DECODE_AS = ["-d", "tcp.port==5061,tls", "-d", "tls.port==5081,sip", "-d", "tls.port==5071,sip", "-d", "tcp.port==8080,http",
             "-d", "tcp.port==8443,tls", "-d", "tls.port==8443,http"]

def sip_counts(path, keylog=None):
    """SIP messages as tshark dissects them, counting each message of a frame that packs several
    (tshark-truth.py counts frames), with Call-IDs; ICMP-quoted SIP excluded."""
    extra = list(DECODE_AS) + (["-o", "tls.keylog_file:" + keylog] if keylog else [])
    reqs, resps, calls, n = {}, {}, set(), 0
    for r in tshark(path, "sip && !icmp", ["sip.Method", "sip.Status-Code", "sip.Call-ID"], extra):
        r += [""] * (3 - len(r))
        for m in filter(None, r[0].split("|")):
            reqs[m] = reqs.get(m, 0) + 1; n += 1
        for c in filter(None, r[1].split("|")):
            resps[c] = resps.get(c, 0) + 1; n += 1
        calls.update(filter(None, r[2].split("|")))
    return n, dict(sorted(reqs.items())), dict(sorted(resps.items())), len(calls)

def cert_facts(der, capture_time):
    c = x509.load_der_x509_certificate(der)
    key = c.public_key()
    kt = "RSA" if isinstance(key, rsa.RSAPublicKey) else "EC" if isinstance(key, ec.EllipticCurvePublicKey) else type(key).__name__
    cn = lambda n: ",".join(a.value for a in n.get_attributes_for_oid(x509.NameOID.COMMON_NAME))
    nb, na = c.not_valid_before_utc, c.not_valid_after_utc
    return {"subjectCN": cn(c.subject), "issuerCN": cn(c.issuer), "selfSigned": c.subject == c.issuer,
            "notBefore": nb.strftime("%Y-%m-%dT%H:%M:%SZ"), "notAfter": na.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "daysLeftAtCapture": int((na - capture_time).total_seconds() // 86400),
            "keyType": kt, "keyBits": key.key_size,
            "signatureHash": c.signature_hash_algorithm.name if c.signature_hash_algorithm else None}

def tls_facts(path, keylog, proto="tls"):
    extra = ["-d", "tcp.port==5061,tls", "-d", "tcp.port==5081,tls", "-d", "tcp.port==8443,tls"]
    if keylog: extra += ["-o", "tls.keylog_file:" + keylog]
    first = tshark(path, "frame.number==1", ["frame.time_epoch"])
    capture_time = datetime.datetime.fromtimestamp(float(first[0][0]), datetime.timezone.utc)
    hellos = []
    for r in tshark(path, f"{proto}.handshake.type == 2", [f"{proto}.handshake.version",
                    f"{proto}.handshake.extensions.supported_version", f"{proto}.handshake.ciphersuite",
                    "tcp.srcport", "udp.srcport"], extra):
        r += [""] * (5 - len(r))
        v = r[1] or r[0]
        hellos.append({"version": TLS_VERSIONS.get(v, v), "legacyVersionField": TLS_VERSIONS.get(r[0], r[0]),
                       "cipherSuite": r[2], "serverPort": int(r[3] or r[4])})
    certs = []
    for r in tshark(path, f"{proto}.handshake.type == 11", [f"{proto}.handshake.certificate", "tcp.srcport", "udp.srcport"], extra):
        r += [""] * (3 - len(r))
        leaf = r[0].split("|")[0].replace(":", "")
        if leaf:
            f = cert_facts(bytes.fromhex(leaf), capture_time)
            f["serverPort"] = int(r[1] or r[2])
            if f not in certs: certs.append(f)
    return hellos, certs

def main():
    out, rows = [], []
    for fx in FIXTURES:
        path = os.path.join(DIR, fx["file"])
        if not os.path.exists(path):
            print("missing", fx["file"], file=sys.stderr); continue
        view = json.load(open(path + ".json"))
        keylog = path + ".keylog" if fx.get("keylog") and os.path.exists(path + ".keylog") else None
        undetermined = fx.get("undetermined", [])
        e = {"file": fx["file"], "case": fx["case"], "issueItem": fx["issueItem"], "madeBy": fx["made"],
             "fileType": capinfo(view, "File type"),
             "linkType": capinfo(view, "File encapsulation"),
             "packets": int(capinfo(view, "Number of packets")),
             "sipMessages": None, "dialogs": None, "sipRequests": None, "sipResponses": None,
             "tsharkSipFrames": view["sip_messages"],
             "transport": fx["transport"], "media": fx["media"],
             "sdpMediaProfiles": view["sdp_media_profiles"], "sdpCryptoSuites": view["sdp_crypto_suites"],
             "rtpPacketsPerTshark": view["rtp_packets"],
             "findings": fx["findings"], "undetermined": undetermined,
             "mustNotFire": [r for r in RULES if r not in fx["findings"] and r not in undetermined],
             "legVerdicts": fx["legs"]}
        e["sipMessages"], e["sipRequests"], e["sipResponses"], e["dialogs"] = sip_counts(path)
        icmp = len(tshark(path, "sip && icmp", ["frame.number"]))
        if icmp:
            e["icmpQuotedSip"] = icmp
            e["icmpNote"] = ("tshark also dissects the SIP quoted inside ICMP port-unreachable errors (tsharkSipFrames "
                             "and FILE.json include them); they are not SIP messages anyone received, and sipMessages, "
                             "sipRequests and dialogs here leave them out")
        for k in ("facts", "note"):
            if k in fx: e[k] = fx[k]
        if fx["transport"].startswith(("tls", "wss")) or fx["case"] == "dtls-srtp":
            proto = "dtls" if fx["case"] == "dtls-srtp" else "tls"
            hellos, certs = tls_facts(path, None, proto)
            if keylog:
                hk, ck = tls_facts(path, keylog, proto)
                hellos = hellos or hk
                certsWithKeylog = ck
            e["tlsHandshakes"] = hellos
            e["tlsVersion"] = sorted({h["version"] for h in hellos})
            e["certificates"] = certs
            if keylog:
                kv = json.load(open(path + ".keys.json"))
                w = fx.get("withKeylog", {})
                wf, wu = w.get("findings", fx["findings"]), w.get("undetermined", undetermined)
                kn, kreq, kresp, kcalls = sip_counts(path, keylog)
                e["withKeylog"] = {"keylog": fx["file"] + ".keylog", "sipMessages": kn,
                                   "dialogs": kcalls, "sipRequests": kreq, "tsharkSipFrames": kv["sip_messages"],
                                   "sipResponses": kresp, "sdpMediaProfiles": kv["sdp_media_profiles"],
                                   "sdpCryptoSuites": kv["sdp_crypto_suites"], "rtpPacketsPerTshark": kv["rtp_packets"],
                                   "certificates": certsWithKeylog,
                                   "findings": wf, "undetermined": wu,
                                   "mustNotFire": [r for r in RULES if r not in wf and r not in wu]}
        out.append(e)
    doc = {"schema": 1, "generatedBy": "analyzer/scripts/expectations.py", "options": OPTIONS,
           "rules": RULES, "fixtures": out}
    with open(os.path.join(DIR, "expectations.json"), "w") as f:
        json.dump(doc, f, indent=2); f.write("\n")
    write_readme(doc)

def fmt_counts(d):
    return ", ".join(f"{k} {v}" for k, v in d.items()) or "-"

def write_readme(doc):
    lines = []
    for e in doc["fixtures"]:
        tls = ""
        if e.get("tlsHandshakes"):
            tls = "; ".join(sorted({f'{h["version"]} {h["cipherSuite"]}' for h in e["tlsHandshakes"]}))
        certs = e.get("certificates") or (e.get("withKeylog") or {}).get("certificates") or []
        seen = []
        for c in certs:
            k = {x: c[x] for x in c if x != "serverPort"}
            if k not in seen: seen.append(k)
        certs = seen
        cert = "; ".join(f'{c["subjectCN"]} ({"self-signed" if c["selfSigned"] else "by " + c["issuerCN"]}, '
                         f'{c["keyType"]} {c["keyBits"]}, {c["signatureHash"]}, notAfter {c["notAfter"]}, '
                         f'{c["daysLeftAtCapture"]} d left at capture)' for c in certs)
        if e.get("certificates") == [] and certs: cert = "encrypted (TLS 1.3); with key log: " + cert
        sip = f'{e["sipMessages"]} / {e["dialogs"]}'
        if "withKeylog" in e:
            sip += f' (key log: {e["withKeylog"]["sipMessages"]} / {e["withKeylog"]["dialogs"]})'
        legs = "; ".join(f'{l["transport"]} {l["server"]}: {l["verdict"]}' + (f' (or {", ".join(l["alsoAccepted"])})' if l.get("alsoAccepted") else "")
                         for l in e["legVerdicts"])
        fire = ", ".join(e["findings"]) or "none"
        und = (" Not pinned: " + ", ".join(e["undetermined"]) + ".") if e["undetermined"] else ""
        note = (" " + e["note"]) if e.get("note") else ""
        lines.append(f'| `{e["file"]}` | {e["issueItem"]} | `make-captures.sh {e["case"]}`: {e["madeBy"]} | '
                     f'{e["fileType"]}, {e["linkType"]}, {e["packets"]} packets | {e["transport"]}{"; " + tls if tls else ""} | '
                     f'{cert or "-"} | {e["media"]} | {sip} | {fire} | {legs} |{und}{note} |')
    table = "\n".join(lines)
    readme = open(os.path.join(HERE, "captures-README.template.md")).read().replace("@TABLE@", table)
    with open(os.path.join(DIR, "README.md"), "w") as f:
        f.write(readme)

main()
