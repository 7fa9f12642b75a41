#!/usr/bin/env python3
"""A minimal SIP-over-WebSocket client (RFC 6455 framing, RFC 7118 "sip" subprotocol) for the
fixtures: opens ws:// or wss:// to the kamailio WebSocket edge, sends REGISTER and OPTIONS as
a browser softphone would, prints the replies. For wss:// it writes the TLS secrets to the
key log named by SSLKEYLOGFILE (Python's ssl keylog_filename).

Usage: ws_sip_client.py ws|wss HOST PORT
"""
import base64, os, socket, ssl, struct, sys, time

scheme, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
sock = socket.create_connection((host, port), timeout=5)
if scheme == "wss":
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.maximum_version = ssl.TLSVersion.TLSv1_2
    if os.environ.get("SSLKEYLOGFILE"):
        ctx.keylog_filename = os.environ["SSLKEYLOGFILE"]
    sock = ctx.wrap_socket(sock, server_hostname="sip.trunkguard.test")

key = base64.b64encode(os.urandom(16)).decode()
sock.sendall((f"GET / HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: sip\r\n"
              f"Origin: https://phone.trunkguard.test\r\n\r\n").encode())
resp = b""
while b"\r\n\r\n" not in resp:
    resp += sock.recv(4096)
assert b" 101 " in resp.split(b"\r\n")[0], resp

def send_text(text):
    data = text.encode()
    mask = os.urandom(4)
    head = bytes([0x81])
    n = len(data)
    head += bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack(">H", n)
    sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

def recv_frame():
    def exact(n):
        b = b""
        while len(b) < n:
            chunk = sock.recv(n - len(b))
            if not chunk: raise EOFError
            b += chunk
        return b
    h = exact(2)
    n = h[1] & 0x7F
    if n == 126: n = struct.unpack(">H", exact(2))[0]
    elif n == 127: n = struct.unpack(">Q", exact(8))[0]
    return exact(n).decode(errors="replace")

tr = "WSS" if scheme == "wss" else "WS"
via_host = "df7jal23ls0d.invalid"
for cseq, method in ((1, "REGISTER"), (2, "OPTIONS")):
    uri = f"sip:{host}" if method == "REGISTER" else f"sip:{host}:{port};transport={scheme}"
    msg = (f"{method} {uri} SIP/2.0\r\n"
           f"Via: SIP/2.0/{tr} {via_host};branch=z9hG4bK{os.urandom(6).hex()}\r\n"
           f"Max-Forwards: 70\r\n"
           f"To: <sip:webphone@{host}>\r\n"
           f"From: <sip:webphone@{host}>;tag={os.urandom(4).hex()}\r\n"
           f"Call-ID: {os.urandom(8).hex()}\r\n"
           f"CSeq: {cseq} {method}\r\n"
           f"Contact: <sip:webphone@{via_host};transport=ws>\r\n"
           + ("Expires: 300\r\n" if method == "REGISTER" else "") +
           f"User-Agent: JsSIP 3.10.1\r\n"
           f"Content-Length: 0\r\n\r\n")
    send_text(msg)
    print(recv_frame().split("\r\n")[0])
    time.sleep(0.2)
sock.sendall(bytes([0x88, 0x82]) + b"\x00\x00\x00\x00" + struct.pack(">H", 1000))
time.sleep(0.2)
sock.close()
