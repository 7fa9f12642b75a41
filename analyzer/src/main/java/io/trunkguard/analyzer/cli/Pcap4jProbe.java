package io.trunkguard.analyzer.cli;

import io.trunkguard.analyzer.decode.LinkTypes;
import io.trunkguard.analyzer.decode.NetworkDecoder;
import io.trunkguard.analyzer.decode.Packet;
import io.trunkguard.analyzer.io.CaptureFiles;
import io.trunkguard.analyzer.io.CaptureReader;
import io.trunkguard.analyzer.io.CaptureRecord;
import io.trunkguard.analyzer.io.PrefetchingInput;
import io.trunkguard.analyzer.reassembly.IpFragments;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.UdpPacket;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The measurement behind the decoder choice (see the module README): frames a capture
 * with the analyzer's reader and decodes every Ethernet frame down to UDP once with
 * pcap4j's static packet factory and once with the analyzer's in-place decoder, and
 * prints both rates.
 */
final class Pcap4jProbe {

	private Pcap4jProbe() {
	}

	static int run(Path capture, PrintStream out) throws IOException {
		for (int round = 0; round < 2; round++) { // first round warms the JIT
			long[] pcap4j = decode(capture, true);
			long[] inPlace = decode(capture, false);
			out.printf(Locale.ROOT,
					"round %d: pcap4j static factory: %d frames, %d UDP in %.3f s (%.0f frames/s); "
							+ "in-place decoder: %d UDP in %.3f s (%.0f frames/s)%n",
					round + 1, pcap4j[0], pcap4j[1], pcap4j[2] / 1e9, pcap4j[0] / (pcap4j[2] / 1e9), inPlace[1],
					inPlace[2] / 1e9, inPlace[0] / (inPlace[2] / 1e9));
		}
		return 0;
	}

	private static long[] decode(Path capture, boolean withPcap4j) throws IOException {
		long frames = 0;
		long udp = 0;
		long start = System.nanoTime();
		try (InputStream raw = Files.newInputStream(capture)) {
			PrefetchingInput in = new PrefetchingInput(raw, null);
			CaptureReader reader = CaptureFiles.open(in);
			CaptureRecord r = new CaptureRecord();
			NetworkDecoder decoder = new NetworkDecoder(new IpFragments(1024, 30_000_000_000L));
			Packet p = new Packet();
			while (reader.next(r)) {
				if (r.linkType != LinkTypes.ETHERNET) {
					continue;
				}
				frames++;
				if (withPcap4j) {
					try {
						EthernetPacket e = EthernetPacket.newPacket(r.data, r.offset, r.length);
						if (e.get(UdpPacket.class) != null) {
							udp++;
						}
					}
					catch (IllegalRawDataException | RuntimeException e) {
						// counted as not UDP
					}
				}
				else if (decoder.decode(r.data, r.offset, r.length, r.linkType, p)
						&& p.protocol == NetworkDecoder.UDP) {
					udp++;
				}
			}
			in.finish();
		}
		return new long[] { frames, udp, System.nanoTime() - start };
	}

}
