package io.trunkguard.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The text of a PDF page by page, as poppler's {@code pdftotext} (what common PDF viewers
 * show) extracts it; OpenPDF's own extractor skips text drawn in form XObjects, such as
 * the "of m" of a page footer filled in when the document closes.
 */
public final class PdfText {

	private PdfText() {
	}

	public static List<String> pages(byte[] pdf) throws IOException, InterruptedException {
		Path file = Files.createTempFile("trunkguard-test", ".pdf");
		try {
			Files.write(file, pdf);
			Process process = new ProcessBuilder("pdftotext", "-layout", file.toString(), "-").redirectErrorStream(true)
				.start();
			String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException("pdftotext failed: " + text);
			}
			List<String> pages = new ArrayList<>(List.of(text.split("\f", -1)));
			if (!pages.isEmpty() && pages.get(pages.size() - 1).isBlank()) {
				pages.remove(pages.size() - 1);
			}
			return pages;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
