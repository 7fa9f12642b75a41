package io.trunkguard.analyzer.decode;

import io.trunkguard.analyzer.reassembly.IpFragments;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.trunkguard.analyzer.testing.Packets.ascii;
import static io.trunkguard.analyzer.testing.Packets.erspan2;
import static io.trunkguard.analyzer.testing.Packets.erspan3;
import static io.trunkguard.analyzer.testing.Packets.ethernet;
import static io.trunkguard.analyzer.testing.Packets.ethernetVlan;
import static io.trunkguard.analyzer.testing.Packets.gre;
import static io.trunkguard.analyzer.testing.Packets.ipv4;
import static io.trunkguard.analyzer.testing.Packets.ipv6;
import static io.trunkguard.analyzer.testing.Packets.ipv6Fragment;
import static io.trunkguard.analyzer.testing.Packets.nullLoopback;
import static io.trunkguard.analyzer.testing.Packets.sll;
import static io.trunkguard.analyzer.testing.Packets.sll2;
import static io.trunkguard.analyzer.testing.Packets.udp;
import static org.assertj.core.api.Assertions.assertThat;

class NetworkDecoderTest {

	static final byte[] UDP = udp(5060, 5070, ascii("OPTIONS sip:x SIP/2.0\r\n\r\n"));
	static final byte[] V4 = ipv4("10.1.2.3", "10.4.5.6", 17, UDP);
	static final byte[] V6 = ipv6("2001:db8::1", "2001:db8::2", 17, UDP);

	final NetworkDecoder decoder = new NetworkDecoder(new IpFragments(16, 30_000_000_000L));

	final Packet p = new Packet();

	boolean decode(byte[] frame, int linkType) {
		byte[] padded = new byte[frame.length + 7]; // decode at an offset, as from a
													// reader's buffer
		System.arraycopy(frame, 0, padded, 5, frame.length);
		return decoder.decode(padded, 5, frame.length, linkType, p);
	}

	void assertUdpV4() {
		assertThat(p.ipVersion).isEqualTo(4);
		assertThat(p.src().toString()).isEqualTo("10.1.2.3");
		assertThat(p.dst().toString()).isEqualTo("10.4.5.6");
		assertThat(p.protocol).isEqualTo(17);
		assertThat(Arrays.copyOfRange(p.buf, p.off, p.off + p.len)).isEqualTo(UDP);
	}

	@Test
	void decodesEthernetWithVlanAndQinQ() {
		assertThat(decode(ethernet(0x0800, V4), LinkTypes.ETHERNET)).isTrue();
		assertUdpV4();
		assertThat(decode(ethernetVlan(new int[] { 0x8100 }, 0x0800, V4), LinkTypes.ETHERNET)).isTrue();
		assertUdpV4();
		assertThat(decode(ethernetVlan(new int[] { 0x88A8, 0x8100 }, 0x0800, V4), LinkTypes.ETHERNET)).isTrue();
		assertUdpV4();
	}

	@Test
	void decodesLinuxCookedV1AndV2() {
		assertThat(decode(sll(0x0800, V4), LinkTypes.LINUX_SLL)).isTrue();
		assertUdpV4();
		assertThat(decode(sll2(0x86DD, V6), LinkTypes.LINUX_SLL2)).isTrue();
		assertThat(p.ipVersion).isEqualTo(6);
		assertThat(p.src().toString()).isEqualTo("2001:db8::1");
	}

	@Test
	void decodesRawIpAndBsdLoopback() {
		for (int dlt : new int[] { LinkTypes.RAW, LinkTypes.RAW_OPENBSD, LinkTypes.IPV4 }) {
			assertThat(decode(V4, dlt)).isTrue();
			assertUdpV4();
		}
		assertThat(decode(V6, LinkTypes.IPV6)).isTrue();
		assertThat(p.protocol).isEqualTo(17);
		assertThat(decode(nullLoopback(2, V4), LinkTypes.NULL)).isTrue();
		assertUdpV4();
		assertThat(decode(nullLoopback(30, V6), LinkTypes.NULL)).isTrue();
		assertThat(p.ipVersion).isEqualTo(6);
		byte[] loop = nullLoopback(0, V4);
		loop[3] = 2; // DLT_LOOP: family in network order
		assertThat(decode(loop, LinkTypes.LOOP)).isTrue();
		assertUdpV4();
	}

	@Test
	void unwrapsIpInIpAndIpv6InIpv4() {
		assertThat(decode(ipv4("192.0.2.1", "192.0.2.2", 4, V4), LinkTypes.RAW)).isTrue();
		assertUdpV4();
		assertThat(p.tunnels).isEqualTo(1);
		assertThat(decode(ethernet(0x0800, ipv4("192.0.2.1", "192.0.2.2", 41, V6)), LinkTypes.ETHERNET)).isTrue();
		assertThat(p.ipVersion).isEqualTo(6);
	}

	@Test
	void unwrapsGreAndErspan() {
		assertThat(decode(ipv4("192.0.2.1", "192.0.2.2", 47, gre(0x0800, false, V4)), LinkTypes.RAW)).isTrue();
		assertUdpV4();
		byte[] inner = ethernet(0x0800, V4);
		assertThat(decode(ipv4("192.0.2.1", "192.0.2.2", 47, gre(0x6558, false, inner)), LinkTypes.RAW)).isTrue();
		assertUdpV4();
		assertThat(decode(ipv4("192.0.2.1", "192.0.2.2", 47, gre(0x88BE, false, inner)), LinkTypes.RAW)).isTrue(); // type
																													// I
		assertUdpV4();
		assertThat(decode(ethernet(0x0800, ipv4("192.0.2.1", "192.0.2.2", 47, gre(0x88BE, true, erspan2(inner)))),
				LinkTypes.ETHERNET))
			.isTrue();
		assertUdpV4();
		assertThat(decode(ipv4("192.0.2.1", "192.0.2.2", 47, gre(0x22EB, true, erspan3(inner))), LinkTypes.RAW))
			.isTrue();
		assertUdpV4();
	}

	@Test
	void reassemblesIpv4FragmentsInAnyOrder() {
		byte[] payload = udp(5060, 5060, ascii("X".repeat(3000)));
		byte[] a = Arrays.copyOfRange(payload, 0, 1480);
		byte[] b = Arrays.copyOfRange(payload, 1480, 2960);
		byte[] c = Arrays.copyOfRange(payload, 2960, payload.length);
		assertThat(decode(ipv4("10.0.0.1", "10.0.0.2", 17, c, 77, 2960, false), LinkTypes.RAW)).isFalse();
		assertThat(decode(ipv4("10.0.0.1", "10.0.0.2", 17, a, 77, 0, true), LinkTypes.RAW)).isFalse();
		assertThat(decode(ipv4("10.0.0.1", "10.0.0.2", 17, b, 77, 1480, true), LinkTypes.RAW)).isTrue();
		assertThat(p.reassembled).isTrue();
		assertThat(Arrays.copyOfRange(p.buf, p.off, p.off + p.len)).isEqualTo(payload);
	}

	@Test
	void reassemblesIpv6Fragments() {
		byte[] payload = udp(5060, 5060, ascii("Y".repeat(2000)));
		byte[] a = Arrays.copyOfRange(payload, 0, 1232);
		byte[] b = Arrays.copyOfRange(payload, 1232, payload.length);
		assertThat(decode(ipv6Fragment("2001:db8::1", "2001:db8::2", 17, a, 9, 0, true), LinkTypes.RAW)).isFalse();
		assertThat(decode(ipv6Fragment("2001:db8::1", "2001:db8::2", 17, b, 9, 1232, false), LinkTypes.RAW)).isTrue();
		assertThat(p.protocol).isEqualTo(17);
		assertThat(p.len).isEqualTo(payload.length);
	}

	@Test
	void reassemblesIpv6FragmentsThatStartWithADestinationOptionsHeader() {
		byte[] udp = udp(5060, 5060, ascii("Z".repeat(2000)));
		byte[] payload = new byte[8 + udp.length];
		payload[0] = 17; // destination options (8 bytes: PadN), then UDP
		payload[2] = 1;
		payload[3] = 4;
		System.arraycopy(udp, 0, payload, 8, udp.length);
		byte[] a = Arrays.copyOfRange(payload, 0, 1232);
		byte[] b = Arrays.copyOfRange(payload, 1232, payload.length);
		assertThat(decode(ipv6Fragment("2001:db8::1", "2001:db8::2", 60, b, 11, 1232, false), LinkTypes.RAW)).isFalse();
		assertThat(decode(ipv6Fragment("2001:db8::1", "2001:db8::2", 60, a, 11, 0, true), LinkTypes.RAW)).isTrue();
		assertThat(p.protocol).isEqualTo(17);
		assertThat(p.reassembled).isTrue();
		assertThat(Arrays.copyOfRange(p.buf, p.off, p.off + p.len)).isEqualTo(udp);
	}

	@Test
	void refusesAFragmentHeaderInsideAReassembledIpv6Datagram() {
		byte[] payload = new byte[8 + 8 + 1500];
		payload[0] = 44; // destination options, then a second fragment header inside the
							// reassembled payload
		payload[8] = 17;
		byte[] a = Arrays.copyOfRange(payload, 0, 1232);
		byte[] b = Arrays.copyOfRange(payload, 1232, payload.length);
		assertThat(decode(ipv6Fragment("2001:db8::1", "2001:db8::2", 60, a, 12, 0, true), LinkTypes.RAW)).isFalse();
		assertThat(decode(ipv6Fragment("2001:db8::1", "2001:db8::2", 60, b, 12, 1232, false), LinkTypes.RAW)).isFalse();
		assertThat(decode(V6, LinkTypes.RAW)).isTrue(); // and the decoder goes on with
														// the next packet
	}

	@Test
	void rejectsTruncatedAndUnknownFrames() {
		assertThat(decode(Arrays.copyOf(ethernet(0x0800, V4), 20), LinkTypes.ETHERNET)).isFalse();
		assertThat(decode(ethernet(0x0806, new byte[28]), LinkTypes.ETHERNET)).isFalse(); // ARP
		assertThat(decode(V4, 147)).isFalse();
		assertThat(decoder.undecodableCount()).isEqualTo(3);
	}

}
