package io.trunkguard.analyzer.reassembly;

import io.trunkguard.analyzer.decode.Packet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ReassemblyTest {

	static final class Collect implements TcpStream.Sink {

		final ByteArrayOutputStream out = new ByteArrayOutputStream();

		int gaps;

		@Override
		public void onData(byte[] b, int off, int len, long frame) {
			out.write(b, off, len);
		}

		@Override
		public void onGap(long frame) {
			gaps++;
		}

		String text() {
			return out.toString(StandardCharsets.US_ASCII);
		}

	}

	static byte[] b(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	@Test
	void deliversOutOfOrderSegmentsInOrder() {
		Collect c = new Collect();
		TcpStream s = new TcpStream(c, 1 << 16, 64);
		s.onSegment(1000, true, false, new byte[0], 0, 0, 1);
		s.onSegment(1006, false, false, b("world"), 0, 5, 3);
		s.onSegment(1001, false, false, b("hello"), 0, 5, 2);
		assertThat(c.text()).isEqualTo("helloworld");
	}

	@Test
	void dropsRetransmissionsAndTrimsOverlaps() {
		Collect c = new Collect();
		TcpStream s = new TcpStream(c, 1 << 16, 64);
		s.onSegment(0, false, false, b("abcdef"), 0, 6, 1);
		s.onSegment(0, false, false, b("abcdef"), 0, 6, 2);
		s.onSegment(4, false, false, b("efghij"), 0, 6, 3);
		assertThat(c.text()).isEqualTo("abcdefghij");
		assertThat(s.retransmittedBytes()).isEqualTo(8);
	}

	@Test
	void handlesSequenceWrapAround() {
		Collect c = new Collect();
		TcpStream s = new TcpStream(c, 1 << 16, 64);
		s.onSegment(0xFFFFFFFE, false, false, b("abcd"), 0, 4, 1);
		s.onSegment(2, false, false, b("ef"), 0, 2, 2);
		assertThat(c.text()).isEqualTo("abcdef");
	}

	@Test
	void takesASegmentHalfTheSequenceSpaceBehindAsARetransmission() {
		// found by PipelineFuzzTest: -Integer.MIN_VALUE is itself negative in an int
		Collect c = new Collect();
		TcpStream s = new TcpStream(c, 1 << 16, 64);
		s.onSegment(0x80000000, false, false, b("abcd"), 0, 4, 1);
		s.onSegment(4, false, false, b("wxyz"), 0, 4, 2);
		s.onSegment(0x80000004, false, false, b("ef"), 0, 2, 3);
		assertThat(c.text()).isEqualTo("abcdef");
		assertThat(s.retransmittedBytes()).isEqualTo(4);
	}

	@Test
	void skipsAGapThatIsNeverFilledOnceTheBufferCapIsReached() {
		Collect c = new Collect();
		TcpStream s = new TcpStream(c, 10, 64);
		s.onSegment(0, false, false, b("aaaa"), 0, 4, 1);
		s.onSegment(8, false, false, b("bbbbbb"), 0, 6, 2); // bytes 4..7 were never
															// captured
		s.onSegment(14, false, false, b("cccccc"), 0, 6, 3);
		assertThat(c.gaps).isEqualTo(1);
		assertThat(c.text()).isEqualTo("aaaabbbbbbcccccc");
		assertThat(s.pendingBytes()).isZero();
	}

	@Test
	void boundsPendingIpFragments() {
		IpFragments f = new IpFragments(4, 30_000_000_000L);
		Packet p = new Packet();
		p.ipVersion = 4;
		p.protocol = 17;
		p.buf = new byte[100];
		p.len = 100;
		p.moreFragments = true;
		for (int id = 0; id < 10; id++) {
			p.fragId = id;
			assertThat(f.add(p)).isNull();
		}
		assertThat(f.pendingCount()).isEqualTo(4);
		p.timestampNanos = 60_000_000_000L;
		p.fragId = 99;
		f.add(p);
		assertThat(f.pendingCount()).isEqualTo(1); // the others timed out
	}

}
