package io.trunkguard.evidence;

import io.trunkguard.audit.AuditEntries;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.InvalidStateException;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file store against a real database and disk; run on H2 and PostgreSQL. */
abstract class FileStoreIntegrationTests {

	@Autowired
	FileStore store;

	@Autowired
	EvidenceService evidence;

	@Autowired
	AuditEntries audit;

	@Autowired
	org.flywaydb.core.Flyway flyway;

	@Value("${trunkguard.evidence.directory}")
	Path directory;

	/**
	 * {@code size} bytes of a capture-like stream, generated as they are read: never in
	 * memory as a whole.
	 */
	static InputStream generated(long size, long seed) {
		return new InputStream() {
			long position;

			@Override
			public int read() {
				if (position >= size) {
					return -1;
				}
				return next(position++);
			}

			@Override
			public int read(byte[] b, int off, int len) {
				if (position >= size) {
					return -1;
				}
				int n = (int) Math.min(len, size - position);
				for (int i = 0; i < n; i++) {
					b[off + i] = (byte) next(position++);
				}
				return n;
			}

			private int next(long p) {
				if (p < 4) {
					return new int[] { 0x0a, 0x0d, 0x0d, 0x0a }[(int) p];
				}
				long x = (p + seed) * 0x9E3779B97F4A7C15L;
				return (int) ((x >>> 56) & 0xff);
			}
		};
	}

	static String sha256Of(InputStream in) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		byte[] buffer = new byte[65536];
		for (int n; (n = in.read(buffer)) > 0;) {
			digest.update(buffer, 0, n);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	@Test
	void streamsALargeCaptureToDiskWithItsHashSizeAndSniffedType() throws Exception {
		long size = 40L * 1024 * 1024 + 17;
		long seed = UUID.randomUUID().getMostSignificantBits();
		String expected = sha256Of(generated(size, seed));

		StoredFile file = store.store(generated(size, seed),
				FileUpload.of("C:\\captures\\trunk-a.pcapng", "compliance-lead", 2L * 1024 * 1024 * 1024));

		assertThat(file.getSha256()).isEqualTo(expected);
		assertThat(file.getSizeBytes()).isEqualTo(size);
		assertThat(file.getContentType()).isEqualTo(ContentTypes.PCAPNG);
		assertThat(file.getOriginalName()).isEqualTo("trunk-a.pcapng");
		assertThat(file.getUploadedBy()).isEqualTo("compliance-lead");
		try (InputStream in = store.open(file.getId())) {
			assertThat(sha256Of(in)).isEqualTo(expected);
		}
		assertThat(store.findBySha256(expected.toUpperCase())).contains(file);
		assertThat(audit.search(null, "FILE_STORED", "StoredFile", file.getId().toString(), null, null,
				PageRequest.of(0, 1)))
			.singleElement()
			.satisfies(e -> assertThat(e.getDetails()).contains(expected));
	}

	@Test
	void recognisesTheSameContentStoredTwiceAndKeepsItOnceOnDisk() throws Exception {
		byte[] pdf = ("%PDF-1.4\n" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);

		StoredFile first = store.store(pdf, FileUpload.document("soc2.pdf", "compliance-lead", 1024));
		StoredFile second = store.store(pdf, FileUpload.document("soc2-again.pdf", "auditor-upload", 1024));

		assertThat(second.getId()).isNotEqualTo(first.getId());
		assertThat(second.getSha256()).isEqualTo(first.getSha256());
		assertThat(store.findBySha256(first.getSha256())).contains(first);
		assertThat(store.findAllBySha256(first.getSha256())).containsExactly(first, second);
		try (Stream<Path> files = Files.walk(directory)) {
			assertThat(files.filter(p -> p.getFileName().toString().equals(first.getSha256()))).hasSize(1);
		}
	}

	@Test
	void refusesTooLargeEmptyAndDisallowedFilesAndKeepsNothing() throws Exception {
		long before = countPartFiles();
		byte[] bigger = ("%PDF-1.4\n" + "x".repeat(2000)).getBytes(StandardCharsets.US_ASCII);

		assertThatThrownBy(() -> store.store(bigger, FileUpload.document("big.pdf", "lead", 1000)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("The file big.pdf is larger than the 1000 bytes accepted.");
		assertThatThrownBy(() -> store.store(new byte[0], FileUpload.document("empty.pdf", "lead", 1000)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("The file empty.pdf is empty.");
		assertThatThrownBy(() -> store.store("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
				FileUpload.document("report.pdf", "lead", 1000)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("The file report.pdf is a HTML page, which is not accepted here.");
		assertThatThrownBy(() -> store.store(bigger, FileUpload.document("  ", "lead", 5000)))
			.isInstanceOf(InvalidInputException.class);
		assertThat(store.findAllBySha256(sha256Of(new java.io.ByteArrayInputStream(bigger)))).isEmpty();
		assertThat(countPartFiles()).isEqualTo(before);
	}

	@Test
	void letsAReaderFollowAFileWhileItIsStoredAndStopsItWhenTheStoreGivesUp() throws Exception {
		long size = 24L * 1024 * 1024 + 5;
		long seed = UUID.randomUUID().getMostSignificantBits();
		String expected = sha256Of(generated(size, seed));
		ExecutorService reader = Executors.newSingleThreadExecutor();
		try {
			GrowingFile growing = new GrowingFile();
			Future<String> followed = reader.submit(() -> {
				try (InputStream in = growing.follow()) {
					return sha256Of(in);
				}
			});
			StoredFile file = store.store(generated(size, seed),
					FileUpload.of("/tmp/followed.pcapng", "compliance-lead", size).following(growing));

			assertThat(followed.get(60, TimeUnit.SECONDS)).as("the follower read every byte, in order")
				.isEqualTo(expected);
			assertThat(file.getSha256()).isEqualTo(expected);
			assertThat(growing.sha256()).isEqualTo(expected);
			assertThat(growing.awaitName()).isEqualTo("followed.pcapng");

			long before = countPartFiles();
			GrowingFile refused = new GrowingFile();
			Future<String> cut = reader.submit(() -> {
				try (InputStream in = refused.follow()) {
					return sha256Of(in);
				}
			});
			assertThatThrownBy(() -> store.store(generated(size + 1, seed),
					FileUpload.of("too-big.pcapng", "compliance-lead", size).following(refused)))
				.isInstanceOf(InvalidInputException.class);
			assertThatThrownBy(() -> cut.get(60, TimeUnit.SECONDS))
				.as("a follower of a refused file gets an error, not a short file")
				.hasCauseInstanceOf(IOException.class)
				.hasMessageContaining("the upload of too-big.pcapng stopped before its end");
			assertThat(refused.sha256()).isNull();
			assertThat(countPartFiles()).isEqualTo(before);

			GrowingFile empty = new GrowingFile();
			assertThatThrownBy(() -> store.store(new byte[0],
					FileUpload.of("empty.pcapng", "compliance-lead", size).following(empty)))
				.isInstanceOf(InvalidInputException.class);
			assertThatThrownBy(empty::follow).isInstanceOf(IOException.class);
		}
		finally {
			reader.shutdownNow();
		}
	}

	@Test
	void recordsAFileAsEvidenceOfACriterionForAPeriod() {
		StoredFile file = store.store(("%PDF-1.4\n" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII),
				FileUpload.document("review.pdf", "system:carrier-review", 10_000));
		String subject = UUID.randomUUID().toString();

		EvidenceItem item = evidence.record(
				file.getId(), new EvidenceDraft("Annual review of Carrier A", List.of("CC9.2"),
						LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "VendorReview", subject),
				"compliance-lead");

		assertThat(evidence.about("VendorReview", subject)).singleElement().satisfies(e -> {
			assertThat(e.getId()).isEqualTo(item.getId());
			assertThat(e.getControls()).containsExactly("CC9.2");
			assertThat(e.getFileId()).isEqualTo(file.getId());
		});
		assertThatThrownBy(() -> evidence.record(file.getId(),
				new EvidenceDraft("x", List.of("9.2"), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1),
						"VendorReview", subject),
				"lead"))
			.isInstanceOf(ConstraintViolationException.class)
			.hasMessageContaining("SOC 2 criterion")
			.hasMessageContaining("must not end before it starts");
	}

	@Test
	void changesTheEvidencedPeriodOnlyWithAReasonAndAuditsIt() {
		EvidenceItem item = evidence.store(("%PDF-1.4\n" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII),
				"q2-log.pdf",
				new EvidenceDraft("Deprovisioning log Q2", List.of("CC6.1"), LocalDate.of(2026, 7, 2),
						LocalDate.of(2026, 7, 2), "DeprovisioningLog", UUID.randomUUID().toString()),
				"compliance-lead");
		assertThat(item.getStatus()).isEqualTo(EvidenceStatus.READY);
		assertThat(item.getOwner()).isEqualTo("compliance-lead");

		assertThatThrownBy(() -> evidence.changePeriod(item.getId(), LocalDate.of(2026, 4, 1),
				LocalDate.of(2026, 6, 30), " ", "compliance-lead"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("only with a reason");
		assertThatThrownBy(() -> evidence.changePeriod(item.getId(), LocalDate.of(2026, 6, 30),
				LocalDate.of(2026, 4, 1), "reversed", "compliance-lead"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("must not end");
		EvidenceItem changed = evidence.changePeriod(item.getId(), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30),
				"the log covers Q2, it was generated on 2 July", "compliance-lead");

		assertThat(evidence.get(item.getId())).satisfies(e -> {
			assertThat(e.getEvidencedFrom()).isEqualTo(LocalDate.of(2026, 4, 1));
			assertThat(e.getEvidencedTo()).isEqualTo(LocalDate.of(2026, 6, 30));
			assertThat(e.evidencesWithin(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 9, 30))).isTrue();
			assertThat(e.evidencesWithin(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30))).isFalse();
		});
		assertThat(changed.getId()).isEqualTo(item.getId());
		assertThat(evidence.evidencing(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31)))
			.extracting(EvidenceItem::getId)
			.contains(item.getId());
		assertThat(audit
			.search("compliance-lead", "EVIDENCE_PERIOD_CHANGED", "EvidenceItem", item.getId().toString(), null, null,
					PageRequest.of(0, 5))
			.getContent())
			.singleElement()
			.satisfies(entry -> assertThat(entry.getDetails()).contains("generated on 2 July")
				.contains("2026-07-02")
				.contains("2026-04-01"));
	}

	@Test
	void isApprovedByAnotherLeadFlaggedByAnAuditorAndAnswered() {
		EvidenceItem item = evidence.store(("%PDF-1.4\n" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII),
				"dpa.pdf",
				new EvidenceDraft("DPA with Bluefin", List.of("CC9.2"), LocalDate.of(2026, 1, 1),
						LocalDate.of(2026, 12, 31), "Vendor", UUID.randomUUID().toString(), LocalDate.of(2026, 12, 31),
						"lead-a"),
				"lead-b");
		assertThat(item.getOwner()).isEqualTo("lead-a");
		assertThat(item.statusOn(LocalDate.of(2026, 12, 31))).isEqualTo(EvidenceStatus.READY);
		assertThat(item.statusOn(LocalDate.of(2027, 1, 1))).isEqualTo(EvidenceStatus.EXPIRED);

		assertThatThrownBy(() -> evidence.approve(item.getId(), "lead-b")).isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("another compliance lead");
		assertThatThrownBy(() -> evidence.approve(item.getId(), "lead-a")).isInstanceOf(InvalidStateException.class);
		assertThatThrownBy(() -> evidence.flag(item.getId(), "", "auditor")).isInstanceOf(InvalidInputException.class);

		evidence.flag(item.getId(), "The DPA is not signed by the carrier", "auditor");
		assertThat(evidence.get(item.getId()).getStatus()).isEqualTo(EvidenceStatus.FLAGGED);
		assertThatThrownBy(() -> evidence.approve(item.getId(), "lead-c")).isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("answer the flag");
		evidence.answerFlag(item.getId(), "Signed copy attached as page 4", "lead-a");
		EvidenceItem approved = evidence.approve(item.getId(), "lead-c");

		assertThat(approved.getStatus()).isEqualTo(EvidenceStatus.APPROVED);
		assertThat(approved.getFlagComment()).isEqualTo("The DPA is not signed by the carrier");
		assertThat(approved.getFlagAnswer()).isEqualTo("Signed copy attached as page 4");
		for (String action : List.of("EVIDENCE_FLAGGED", "EVIDENCE_FLAG_ANSWERED", "EVIDENCE_APPROVED")) {
			assertThat(audit
				.search(null, action, "EvidenceItem", item.getId().toString(), null, null, PageRequest.of(0, 5))
				.getContent()).as(action).hasSize(1);
		}
	}

	@Test
	void movesOlderStoredCopiesWithTheMigrationSpringGivesFlyway() {
		assertThat(java.util.Arrays.stream(flyway.info().applied()).map(m -> m.getVersion().getVersion()))
			.contains("160", "161", "162");
	}

	@Test
	void opensOnlyWhatExists() {
		assertThatThrownBy(() -> store.open(StoredFileId.random()))
			.isInstanceOf(io.trunkguard.shared.NotFoundException.class);
		assertThat(store.get(Set.of(StoredFileId.random()))).isEmpty();
	}

	private long countPartFiles() throws IOException {
		Path tmp = directory.resolve("tmp");
		if (!Files.isDirectory(tmp)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(tmp)) {
			return files.count();
		}
	}

}
