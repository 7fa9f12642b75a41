package io.trunkguard.evidence;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ContentTypesTest {

	private static String sniff(byte[] bytes, String name) {
		return ContentTypes.sniff(bytes, bytes.length, name);
	}

	private static String sniff(String text, String name) {
		return sniff(text.getBytes(StandardCharsets.UTF_8), name);
	}

	private static byte[] bytes(int... values) {
		byte[] b = new byte[values.length + 16];
		for (int i = 0; i < values.length; i++) {
			b[i] = (byte) values[i];
		}
		return b;
	}

	@Test
	void recognisesDocumentsByTheirBytesWhateverTheirName() {
		assertThat(sniff("%PDF-1.7\n...", "report.txt")).isEqualTo(ContentTypes.PDF);
		assertThat(sniff(bytes(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a), "x.pdf")).isEqualTo(ContentTypes.PNG);
		assertThat(sniff(bytes(0xff, 0xd8, 0xff, 0xe0), "x")).isEqualTo(ContentTypes.JPEG);
		assertThat(sniff("PK\u0003\u0004....[Content_Types].xml....xl/workbook.xml", "a.zip"))
			.isEqualTo(ContentTypes.XLSX);
		assertThat(sniff("PK\u0003\u0004....word/document.xml", "a")).isEqualTo(ContentTypes.DOCX);
		assertThat(sniff("PK\u0003\u0004....other", "a.xlsx")).isEqualTo(ContentTypes.ZIP);
	}

	@Test
	void recognisesCapturesInBothByteOrdersAndCompressed() {
		assertThat(sniff(bytes(0xd4, 0xc3, 0xb2, 0xa1), "c")).isEqualTo(ContentTypes.PCAP);
		assertThat(sniff(bytes(0xa1, 0xb2, 0xc3, 0xd4), "c")).isEqualTo(ContentTypes.PCAP);
		assertThat(sniff(bytes(0x4d, 0x3c, 0xb2, 0xa1), "c")).isEqualTo(ContentTypes.PCAP);
		assertThat(sniff(bytes(0x0a, 0x0d, 0x0d, 0x0a), "c")).isEqualTo(ContentTypes.PCAPNG);
		assertThat(sniff(bytes(0x1f, 0x8b, 8), "c.pcap.gz")).isEqualTo(ContentTypes.GZIP);
	}

	@Test
	void marksMarkupAsActiveContentEvenWhenNamedAsText() {
		assertThat(sniff("  <!DOCTYPE html><html><script>alert(1)</script>", "notes.txt")).isEqualTo(ContentTypes.HTML);
		assertThat(sniff("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "a.png"))
			.isEqualTo(ContentTypes.SVG);
		assertThat(sniff("<?xml version='1.0'?><root/>", "a")).isEqualTo(ContentTypes.XML);
		assertThat(ContentTypes.isActive(ContentTypes.HTML)).isTrue();
		assertThat(ContentTypes.isActive(ContentTypes.PDF)).isFalse();
	}

	@Test
	void tellsTextFromBinary() {
		assertThat(sniff("ticket 4711: access removed", "proof.txt")).isEqualTo(ContentTypes.TEXT);
		assertThat(sniff("a,b\n1,2\n", "answers.CSV")).isEqualTo(ContentTypes.CSV);
		assertThat(sniff("Prüfung abgeschlossen", "de.txt")).isEqualTo(ContentTypes.TEXT);
		assertThat(sniff(bytes(1, 2, 3, 0, 5), "a.txt")).isEqualTo(ContentTypes.BINARY);
	}

}
