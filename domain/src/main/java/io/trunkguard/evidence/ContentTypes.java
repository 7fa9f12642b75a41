package io.trunkguard.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Content types sniffed from a file's first bytes, never taken from what a browser
 * claims. Knows the types Trunkguard stores (PDF, images, Office Open XML, ZIP, pcap,
 * pcapng, gzip, text) and marks active content (HTML, SVG, XML) so that it is never
 * served as such.
 */
public final class ContentTypes {

	public static final String PDF = "application/pdf";

	public static final String PNG = "image/png";

	public static final String JPEG = "image/jpeg";

	public static final String GIF = "image/gif";

	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	public static final String ZIP = "application/zip";

	public static final String PCAP = "application/vnd.tcpdump.pcap";

	public static final String PCAPNG = "application/x-pcapng";

	public static final String GZIP = "application/gzip";

	public static final String TEXT = "text/plain";

	public static final String CSV = "text/csv";

	/** Markup a browser would render or run: stored, but only ever served as bytes. */
	public static final String HTML = "text/html";

	public static final String SVG = "image/svg+xml";

	public static final String XML = "application/xml";

	public static final String BINARY = "application/octet-stream";

	/** How many leading bytes {@link #sniff} wants to see. */
	public static final int SNIFF_BYTES = 8192;

	/**
	 * Documents a person may attach to a record (reports, contracts, letters, answers).
	 */
	public static final Set<String> DOCUMENTS = Set.of(PDF, PNG, JPEG, XLSX, DOCX, TEXT, CSV);

	private static final Set<String> ACTIVE = Set.of(HTML, SVG, XML);

	private ContentTypes() {
	}

	/**
	 * The content type of a file that starts with {@code head[0..length)}; the name only
	 * tells CSV from other text.
	 */
	public static String sniff(byte[] head, int length, String name) {
		if (length == 0) {
			return BINARY;
		}
		if (startsWith(head, length, "%PDF-")) {
			return PDF;
		}
		if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
			return PNG;
		}
		if (startsWith(head, length, 0xff, 0xd8, 0xff)) {
			return JPEG;
		}
		if (startsWith(head, length, "GIF87a") || startsWith(head, length, "GIF89a")) {
			return GIF;
		}
		if (startsWith(head, length, 'P', 'K', 3, 4)) {
			String ascii = new String(head, 0, length, StandardCharsets.ISO_8859_1);
			if (ascii.contains("xl/")) {
				return XLSX;
			}
			if (ascii.contains("word/")) {
				return DOCX;
			}
			return ZIP;
		}
		if (startsWith(head, length, 0xa1, 0xb2, 0xc3, 0xd4) || startsWith(head, length, 0xd4, 0xc3, 0xb2, 0xa1)
				|| startsWith(head, length, 0xa1, 0xb2, 0x3c, 0x4d)
				|| startsWith(head, length, 0x4d, 0x3c, 0xb2, 0xa1)) {
			return PCAP;
		}
		if (startsWith(head, length, 0x0a, 0x0d, 0x0d, 0x0a)) {
			return PCAPNG;
		}
		if (startsWith(head, length, 0x1f, 0x8b)) {
			return GZIP;
		}
		if (isText(head, length)) {
			String start = new String(head, 0, Math.min(length, 512), StandardCharsets.UTF_8).stripLeading()
				.replace("\uFEFF", "")
				.toLowerCase(Locale.ROOT);
			if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<script")
					|| start.startsWith("<body") || start.startsWith("<head") || start.startsWith("<iframe")) {
				return HTML;
			}
			if (start.startsWith("<svg") || (start.startsWith("<?xml") && start.contains("<svg"))) {
				return SVG;
			}
			if (start.startsWith("<?xml") || start.startsWith("<")) {
				return start.contains("<html") || start.contains("<script") ? HTML : XML;
			}
			return name != null && name.toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : TEXT;
		}
		return BINARY;
	}

	/**
	 * Whether a browser would render or run content of this type: such files are served
	 * only as {@code application/octet-stream}.
	 */
	public static boolean isActive(String contentType) {
		return ACTIVE.contains(contentType);
	}

	/** A short name for people, e.g. "PDF document". */
	public static String describe(String contentType) {
		return switch (contentType) {
			case PDF -> "PDF document";
			case PNG -> "PNG image";
			case JPEG -> "JPEG image";
			case GIF -> "GIF image";
			case XLSX -> "Excel workbook";
			case DOCX -> "Word document";
			case ZIP -> "ZIP archive";
			case PCAP -> "pcap capture";
			case PCAPNG -> "pcapng capture";
			case GZIP -> "gzip-compressed file";
			case TEXT -> "text file";
			case CSV -> "CSV file";
			case HTML -> "HTML page";
			case SVG -> "SVG image";
			case XML -> "XML document";
			default -> "binary file";
		};
	}

	private static boolean isText(byte[] head, int length) {
		for (int i = 0; i < length; i++) {
			int b = head[i] & 0xff;
			if (b == 0 || (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f')) {
				return false;
			}
		}
		// the sample may end in the middle of a multi-byte character: allow up to 3 bytes
		// cut
		for (int cut = 0; cut <= Math.min(3, length - 1); cut++) {
			try {
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(head, 0, length - cut));
				return true;
			}
			catch (CharacterCodingException e) {
				// try a shorter sample
			}
		}
		return false;
	}

	private static boolean startsWith(byte[] head, int length, String ascii) {
		byte[] prefix = ascii.getBytes(StandardCharsets.US_ASCII);
		return length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
	}

	private static boolean startsWith(byte[] head, int length, int... prefix) {
		if (length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((head[i] & 0xff) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
