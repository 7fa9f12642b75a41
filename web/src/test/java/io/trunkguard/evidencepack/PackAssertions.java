package io.trunkguard.evidencepack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.trunkguard.evidence.Sha256;

/**
 * Reading a pack back in tests: its entries, its OSCAL document against NIST's schema.
 */
final class PackAssertions {

	/**
	 * NIST's OSCAL 1.1.2 assessment-results JSON schema, as shipped in liboscal-java
	 * 3.0.3.
	 */
	static final String OSCAL_AR_SCHEMA = "/schema/json/oscal-ar_schema.json";

	private static final ObjectMapper JSON = new ObjectMapper();

	private PackAssertions() {
	}

	/** Every entry's bytes, by path, in ZIP order. */
	static Map<String, byte[]> entries(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	/** The same pack with one byte of one entry changed. */
	static byte[] withOneByteChanged(byte[] zip, String path, int offset) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream copy = new ZipOutputStream(out)) {
			for (Map.Entry<String, byte[]> entry : entries(zip).entrySet()) {
				byte[] bytes = entry.getValue().clone();
				if (entry.getKey().equals(path)) {
					bytes[offset] ^= 0x01;
				}
				copy.putNextEntry(new ZipEntry(entry.getKey()));
				copy.write(bytes);
				copy.closeEntry();
			}
		}
		return out.toByteArray();
	}

	static JsonNode json(byte[] bytes) throws IOException {
		return JSON.readTree(bytes);
	}

	static String sha256(byte[] bytes) {
		return Sha256.hex(bytes);
	}

	/** The schema errors of an OSCAL assessment-results document (none: valid). */
	static List<Error> oscalErrors(byte[] document) throws IOException {
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
		try (InputStream schemaText = PackAssertions.class.getResourceAsStream(OSCAL_AR_SCHEMA)) {
			assertThat(schemaText).as("NIST's schema on the test class path (liboscal-java 3.0.3)").isNotNull();
			Schema schema = registry.getSchema(schemaText);
			return schema.validate(new String(document, java.nio.charset.StandardCharsets.UTF_8), InputFormat.JSON);
		}
	}

	/**
	 * Every cell of every sheet: none is a formula, and each text cell that starts like
	 * one is quote-prefixed. Returns how many such cells hold {@code text}.
	 */
	static int inertCellsHolding(byte[] xlsx, String text) throws IOException {
		int found = 0;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						assertThat(cell.getCellType()).as("cell %s of %s", cell.getAddress(), sheet.getSheetName())
							.isNotEqualTo(CellType.FORMULA);
						if (cell.getCellType() == CellType.STRING) {
							String value = cell.getStringCellValue();
							if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
								assertThat(cell.getCellStyle().getQuotePrefixed())
									.as("cell %s of %s (%s) is quote-prefixed", cell.getAddress(), sheet.getSheetName(),
											value)
									.isTrue();
							}
							if (value.contains(text)) {
								found++;
							}
						}
					}
				}
			}
		}
		return found;
	}

	/** The text of each row of a sheet, the header first (blank cells as ""). */
	static List<List<String>> rows(byte[] xlsx, String sheetName) throws IOException {
		List<List<String>> rows = new java.util.ArrayList<>();
		org.apache.poi.ss.usermodel.DataFormatter text = new org.apache.poi.ss.usermodel.DataFormatter();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheet(sheetName);
			assertThat(sheet).as(sheetName).isNotNull();
			for (Row row : sheet) {
				List<String> cells = new java.util.ArrayList<>();
				for (int c = 0; c < row.getLastCellNum(); c++) {
					Cell cell = row.getCell(c);
					cells.add(cell == null ? "" : text.formatCellValue(cell));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	/** The text of every page of a PDF, every run of white space as one space. */
	static String pdfText(byte[] pdf) throws IOException {
		com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
		try {
			com.lowagie.text.pdf.parser.PdfTextExtractor extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(
					reader);
			StringBuilder text = new StringBuilder();
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				text.append(extractor.getTextFromPage(page)).append('\n');
			}
			return text.toString().replaceAll("\\s+", " ");
		}
		finally {
			reader.close();
		}
	}

}
