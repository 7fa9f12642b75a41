package io.trunkguard.analyzer.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only classic pcap reader (both byte orders, µs/ns) for Ethernet/IPv4 loopback
 * captures: yields the TCP and UDP payloads in capture order with their direction. Side A
 * is the sender of the first packet (the SYN or the first datagram). TCP retransmissions
 * (already seen sequence ranges) are dropped; the captures are from loopback, so there is
 * no reordering to undo.
 */
final class TestPcap {

	record Payload(long frame, Side side, byte[] bytes) {
	}

	static final Path DIR = Path.of("src/test/resources/tls");

	private TestPcap() {
	}

	static byte[] resource(String name) {
		try {
			return Files.readAllBytes(DIR.resolve(name));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static List<Payload> payloads(String captureName) {
		return payloads(DIR.resolve("captures/" + captureName + ".pcap"));
	}

	static List<Payload> payloads(Path pcap) {
		ByteBuffer b;
		try {
			b = ByteBuffer.wrap(Files.readAllBytes(pcap));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
		if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
			b.order(ByteOrder.BIG_ENDIAN);
		}
		int linkType = b.getInt(20);
		if (linkType != 1) {
			throw new IllegalArgumentException("link type " + linkType + " not supported by the test reader");
		}
		b.position(24);
		List<Payload> out = new ArrayList<>();
		int firstSrcPort = -1;
		long[] nextSeq = { -1, -1 };
		long frame = 0;
		while (b.remaining() >= 16) {
			b.getInt();
			b.getInt();
			int caplen = b.getInt();
			b.getInt();
			int start = b.position();
			frame++;
			byte[] pkt = new byte[caplen];
			b.get(pkt);
			ByteBuffer p = ByteBuffer.wrap(pkt);
			if (p.getShort(12) != 0x0800) {
				continue;
			}
			int ip = 14;
			int ihl = (pkt[ip] & 0x0f) * 4;
			int total = p.getShort(ip + 2) & 0xffff;
			int proto = pkt[ip + 9] & 0xff;
			int l4 = ip + ihl;
			int srcPort = p.getShort(l4) & 0xffff;
			if (firstSrcPort < 0) {
				firstSrcPort = srcPort;
			}
			Side side = srcPort == firstSrcPort ? Side.A : Side.B;
			int end = ip + total;
			if (proto == 6) {
				long seq = p.getInt(l4 + 4) & 0xffffffffL;
				int dataOff = ((pkt[l4 + 12] & 0xff) >> 4) * 4;
				int flags = pkt[l4 + 13] & 0xff;
				int payloadStart = l4 + dataOff;
				int len = end - payloadStart;
				int s = side.ordinal();
				if ((flags & 0x02) != 0) {
					nextSeq[s] = seq + 1;
					continue;
				}
				if (len <= 0) {
					continue;
				}
				if (nextSeq[s] >= 0 && seq != nextSeq[s]) {
					continue; // retransmission or gap: the loopback fixtures have neither
				}
				nextSeq[s] = seq + len;
				out.add(new Payload(frame, side, java.util.Arrays.copyOfRange(pkt, payloadStart, end)));
			}
			else if (proto == 17) {
				out.add(new Payload(frame, side, java.util.Arrays.copyOfRange(pkt, l4 + 8, end)));
			}
			b.position(start + caplen);
		}
		return out;
	}

	/** All payload bytes of one side, concatenated. */
	static byte[] stream(List<Payload> payloads, Side side) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (Payload p : payloads) {
			if (p.side() == side) {
				out.writeBytes(p.bytes());
			}
		}
		return out.toByteArray();
	}

	static String keyLogText(String captureName) {
		return new String(resource("captures/" + captureName + ".keys"), java.nio.charset.StandardCharsets.US_ASCII);
	}

	static KeyLog keyLog(String captureName) {
		try {
			return KeyLog.parse(DIR.resolve("captures/" + captureName + ".keys"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
