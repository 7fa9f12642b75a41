package io.trunkguard.trace;

import io.trunkguard.audit.AuditEntries;
import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.FileUpload;
import io.trunkguard.evidence.GrowingFile;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.evidence.StoredFile;
import io.trunkguard.TestData;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonService;
import io.trunkguard.vendor.CarrierTrunks;
import io.trunkguard.vendor.EncryptionStatus;
import io.trunkguard.vendor.RiskTier;
import io.trunkguard.vendor.Transport;
import io.trunkguard.vendor.TrunkEndpointDraft;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorDetails;
import io.trunkguard.vendor.VendorService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.support.TransactionTemplate;

import io.trunkguard.evidence.StoredFileId;
import io.trunkguard.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The capture analysis job against a real database (H2 and PostgreSQL), with the analyzer
 * library stood in for: a capture is received once per content, analysed into queryable
 * legs, findings and certificates, attached to the carrier whose trunk endpoint it
 * matches, and a failed or rolled-back attempt is retried without duplicating anything.
 */
abstract class CaptureAnalysisIntegrationTests {

	@Autowired
	CaptureService captures;

	@Autowired
	CaptureAnalysis analysis;

	@Autowired
	StandInCaptureAnalyzer analyzer;

	@Autowired
	FileStore files;

	@Autowired
	VendorService vendors;

	@Autowired
	PersonService people;

	@Autowired
	CarrierTrunks trunks;

	@Autowired
	AuditEntries audit;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Captures captureRepository;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	AnalysisWhileUploading headStarts;

	String run = UUID.randomUUID().toString();

	@Test
	void receivesTheSameBytesOnceAndAnalysesThemIntoQueryableData() {
		Capture capture = receive(null, CaptureLabel.OTHER).capture();

		CaptureReceipt again = receive(null, CaptureLabel.OTHER);
		assertThat(again.duplicate()).isTrue();
		assertThat(again.capture().getId()).isEqualTo(capture.getId());
		assertThat(capture.getStatus()).isEqualTo(CaptureStatus.QUEUED);

		assertThat(analysis.analyse(capture.getId())).isTrue();

		Capture done = captures.get(capture.getId());
		assertThat(done.getStatus()).isEqualTo(CaptureStatus.DONE);
		assertThat(done.progress()).isEqualTo(1.0);
		assertThat(done.getUnencryptedLegs()).isEqualTo(1);
		assertThat(done.getFirstPacketAt()).hasToString("2026-11-30T10:00:00Z");
		assertThat(captures.legs(capture.getId())).extracting(CaptureLeg::getLegId).containsExactly("L1", "L2");
		assertThat(captures.findings(capture.getId())).hasSize(2);
		assertThat(captures.certificates(capture.getId())).singleElement()
			.satisfies(cert -> assertThat(cert.getNames()).containsExactly("sip.carrier.example"));
		assertThat(captures.reportJson(capture.getId())).hasValue("{\"schemaVersion\":\"1.0\",\"legs\":[]}");
		assertThat(analysis.analyse(capture.getId())).as("an analysed capture is not analysed again").isFalse();
		assertThat(audit
			.search(null, "CAPTURE_ANALYSED", "Capture", capture.getId().toString(), null, null, PageRequest.of(0, 1))
			.getTotalElements()).isEqualTo(1);
	}

	@Test
	void retriesAFailedAttemptWithoutDuplicatingTheResult() {
		Capture capture = receive(null, CaptureLabel.OTHER).capture();
		analyzer.failNext.set(new IllegalStateException("parser bug"));

		assertThatThrownBy(() -> analysis.analyse(capture.getId())).isInstanceOf(CaptureAnalysisFailed.class)
			.hasMessageContaining("internal error");
		Capture failed = captures.get(capture.getId());
		assertThat(failed.getStatus()).isEqualTo(CaptureStatus.FAILED);
		assertThat(failed.getFailure()).contains("internal error");

		// the job's transaction rolls back after the result was written (e.g. the node
		// died)
		transactions.executeWithoutResult(status -> {
			analysis.analyse(capture.getId());
			status.setRollbackOnly();
		});
		assertThat(captures.get(capture.getId()).getStatus()).isEqualTo(CaptureStatus.ANALYSING);
		assertThat(captures.legs(capture.getId())).isEmpty();

		assertThat(analysis.analyse(capture.getId())).isTrue();
		Capture done = captures.get(capture.getId());
		assertThat(done.getStatus()).isEqualTo(CaptureStatus.DONE);
		assertThat(done.getAttempts()).isEqualTo(3);
		assertThat(done.getFailure()).isNull();
		assertThat(captures.legs(capture.getId())).hasSize(2);
		assertThat(captures.findings(capture.getId())).hasSize(2);
		assertThat(captures.certificates(capture.getId())).hasSize(1);
	}

	@Test
	void attachesLegsToTheCarrierWhoseTrunkEndpointTheyMatchAndSetsItsStatus() {
		Vendor carrier = carrier("Matched Carrier " + run);
		trunks.addEndpoint(carrier.getId(),
				new TrunkEndpointDraft("203.0.113.0/24", null, 5060, Transport.UDP, List.of(), "plain trunk"),
				"tester");
		Capture capture = receive(null, CaptureLabel.OTHER).capture();

		analysis.analyse(capture.getId());

		List<CaptureLeg> legs = captures.legs(capture.getId());
		assertThat(legs).filteredOn(l -> l.getLegId().equals("L2"))
			.singleElement()
			.satisfies(l -> assertThat(l.getVendorId()).isEqualTo(carrier.getId()));
		assertThat(legs).filteredOn(l -> l.getLegId().equals("L1"))
			.singleElement()
			.satisfies(l -> assertThat(l.getVendorId()).isNull());
		assertThat(captures.findingsOf(carrier.getId(), capture.getId())).extracting(CaptureFinding::getRuleId)
			.containsExactlyInAnyOrder("SIP_PLAINTEXT_SIGNALLING", "MEDIA_PLAIN_RTP");
		assertThat(trunks.encryptionStatus(carrier.getId()).status()).isEqualTo(EncryptionStatus.UNENCRYPTED);
		assertThat(captures.concerning(carrier.getId())).extracting(Capture::getId).contains(capture.getId());
	}

	@Test
	void attachesAnUnmatchedLegWithOneClickByAddingItsEndpointToTheCarrier() {
		Vendor carrier = carrier("One Click Carrier " + run);
		Capture capture = receive(null, CaptureLabel.OTHER).capture();
		analysis.analyse(capture.getId());

		List<CaptureLeg> attached = captures.attachLeg(capture.getId(), "L1", "B", carrier.getId(), "compliance-lead");

		assertThat(attached).extracting(CaptureLeg::getLegId).containsExactly("L1");
		assertThat(trunks.endpointsOf(carrier.getId())).singleElement().satisfies(endpoint -> {
			assertThat(endpoint.getAddress()).isEqualTo("198.51.100.5");
			assertThat(endpoint.getPort()).isEqualTo(5061);
			assertThat(endpoint.getTransport()).isEqualTo(Transport.TLS);
			assertThat(endpoint.getFingerprints()).containsExactly("a".repeat(64));
		});
		assertThat(trunks.encryptionStatus(carrier.getId()).status()).isEqualTo(EncryptionStatus.ENCRYPTED);
	}

	@Test
	void attachesEveryLegToTheCarrierTheUploaderNamedForATrunkCapture() {
		Vendor carrier = carrier("Named Carrier " + run);
		Capture capture = receive(carrier, CaptureLabel.CARRIER_TRUNK).capture();

		analysis.analyse(capture.getId());

		assertThat(captures.legs(capture.getId())).extracting(CaptureLeg::getVendorId).containsOnly(carrier.getId());
		assertThat(trunks.encryptionStatus(carrier.getId()).status()).isEqualTo(EncryptionStatus.PARTLY_ENCRYPTED);
	}

	@Test
	void deletesRawFilesPastTheirRetentionOnceAcrossNodesAndKeepsTheFindings() throws Exception {
		Capture capture = receive(null, CaptureLabel.OTHER).capture();
		analysis.analyse(capture.getId());
		StoredFileId raw = new StoredFileId(capture.getRawFileId());
		TraceProperties thirtyDays = new TraceProperties(DataSize.ofGigabytes(2), Duration.ofMinutes(4), 14,
				Duration.ofDays(30));
		Clock day29 = Clock.fixed(capture.getUploadedAt().plus(Duration.ofDays(29)), ZoneOffset.UTC);
		assertThat(retention(thirtyDays, day29).deleteExpired()).as("within the retention nothing goes").isZero();
		assertThat(captures.get(capture.getId()).getRawFileId()).isNotNull();

		Clock day31 = Clock.fixed(capture.getUploadedAt().plus(Duration.ofDays(31)), ZoneOffset.UTC);
		RawCaptureRetention nodeA = retention(thirtyDays, day31);
		RawCaptureRetention nodeB = retention(thirtyDays, day31);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> a = nodes.submit(nodeA::deleteExpired);
			Future<Integer> b = nodes.submit(nodeB::deleteExpired);
			a.get(60, TimeUnit.SECONDS);
			b.get(60, TimeUnit.SECONDS);
		}
		finally {
			nodes.shutdown();
		}

		Capture kept = captures.get(capture.getId());
		assertThat(kept.getRawFileId()).isNull();
		assertThat(kept.getRawDeletedAt()).isEqualTo(day31.instant());
		StoredFile row = files.get(raw);
		assertThat(row.isDeleted()).isTrue();
		assertThat(row.getDeletedAt()).as("the file store's own clock").isAfterOrEqualTo(capture.getUploadedAt());
		assertThat(row.getDeletionReason()).contains("30-day retention");
		assertThat(row.getDeletedBy()).isEqualTo("system:capture-retention");
		assertThatThrownBy(() -> files.open(raw)).isInstanceOf(NotFoundException.class);
		assertThat(audit.search(null, "FILE_DELETED", "StoredFile", raw.toString(), null, null, PageRequest.of(0, 5))
			.getTotalElements()).as("deleted once, by one node").isEqualTo(1);
		assertThat(audit
			.search(null, "CAPTURE_RAW_FILE_DELETED", "Capture", capture.getId().toString(), null, null,
					PageRequest.of(0, 5))
			.getTotalElements()).isEqualTo(1);
		assertThat(captures.findings(capture.getId())).hasSize(2);
		assertThat(captures.legs(capture.getId())).hasSize(2);
		assertThat(captures.reportJson(capture.getId())).isPresent();
		assertThat(retention(thirtyDays, day31).deleteExpired()).as("a second run finds nothing of it")
			.isGreaterThanOrEqualTo(0);
		assertThat(audit.search(null, "FILE_DELETED", "StoredFile", raw.toString(), null, null, PageRequest.of(0, 5))
			.getTotalElements()).isEqualTo(1);
	}

	@Test
	void takesOverTheAnalysisMadeWhileTheCaptureWasUploadedAndDropsTheOnesItCannotUse() throws Exception {
		int runs = analyzer.runs.get();
		// the upload of a new capture: analysed while stored, the job takes that result
		byte[] bytes = ("\n\r\r\n pcapng uploaded while analysed " + run).getBytes(StandardCharsets.ISO_8859_1);
		GrowingFile growing = new GrowingFile();
		AnalysisWhileUploading.HeadStart head = headStarts.start(growing, null, List.of()).orElseThrow();
		assertThat(headStarts.start(new GrowingFile(), null, List.of())).as("one at a time").isEmpty();
		StoredFile stored = files.store(new ByteArrayInputStream(bytes),
				FileUpload.of("ahead-" + run + ".pcapng", "tester", 1024 * 1024).following(growing));
		CaptureReceipt receipt = captures.receive(newCapture(stored, List.of()));

		assertThat(analysis.analyse(receipt.capture().getId())).isTrue();
		assertThat(analyzer.runs.get()).as("the job did not read the file again").isEqualTo(runs + 1);
		Capture done = captures.get(receipt.capture().getId());
		assertThat(done.getStatus()).isEqualTo(CaptureStatus.DONE);
		assertThat(done.progress()).isEqualTo(1.0);
		assertThat(captures.legs(done.getId())).hasSize(2);
		assertThat(captures.findings(done.getId())).hasSize(2);
		head.withdraw("too late: taken");
		awaitNoHeadStart();

		// the same bytes again: the upload is the earlier capture, its head start dropped
		GrowingFile again = new GrowingFile();
		AnalysisWhileUploading.HeadStart duplicate = headStarts.start(again, null, List.of()).orElseThrow();
		StoredFile copy = files.store(new ByteArrayInputStream(bytes),
				FileUpload.of("ahead-" + run + ".pcapng", "tester", 1024 * 1024).following(again));
		assertThat(captures.receive(newCapture(copy, List.of())).duplicate()).isTrue();
		duplicate.withdraw("uploaded before");
		awaitNoHeadStart();

		// internal networks sent after the file: the head start does not match, the job
		// analyses the stored file itself
		byte[] other = ("\n\r\r\n pcapng with networks after the file " + run).getBytes(StandardCharsets.ISO_8859_1);
		GrowingFile late = new GrowingFile();
		AnalysisWhileUploading.HeadStart unused = headStarts.start(late, null, List.of()).orElseThrow();
		StoredFile withNetworks = files.store(new ByteArrayInputStream(other),
				FileUpload.of("late-" + run + ".pcapng", "tester", 1024 * 1024).following(late));
		Capture networks = captures.receive(newCapture(withNetworks, List.of("10.0.0.0/8"))).capture();
		int before = analyzer.runs.get();
		assertThat(analysis.analyse(networks.getId())).isTrue();
		assertThat(analyzer.runs.get()).isEqualTo(before + 1);
		assertThat(captures.get(networks.getId()).getStatus()).isEqualTo(CaptureStatus.DONE);

		// a refused upload: the head start ends with it and keeps nothing
		GrowingFile refused = new GrowingFile();
		assertThat(headStarts.start(refused, null, List.of())).as("the unused head start still holds its place")
			.isEmpty();
		unused.withdraw("the capture's job analysed the file itself");
		awaitNoHeadStart();
		headStarts.start(refused, null, List.of()).orElseThrow();
		assertThatThrownBy(() -> files.store(new ByteArrayInputStream(other),
				FileUpload.of("refused-" + run + ".pcapng", "tester", 10).following(refused)))
			.isInstanceOf(InvalidInputException.class);
		awaitNoHeadStart();
	}

	private void awaitNoHeadStart() throws InterruptedException {
		for (int i = 0; i < 200 && headStarts.pending() > 0; i++) {
			Thread.sleep(50);
		}
		assertThat(headStarts.pending()).as("no head start left running or held").isZero();
	}

	private NewCapture newCapture(StoredFile stored, List<String> internalNetworks) {
		return new NewCapture(stored.getOriginalName(), stored.getSha256(), stored.getSizeBytes(),
				stored.getId().value(), null, CaptureLabel.OTHER, null, internalNetworks, "tester");
	}

	private RawCaptureRetention retention(TraceProperties properties, Clock clock) {
		return new RawCaptureRetention(captureRepository, files, properties, events, transactionManager, clock);
	}

	private CaptureReceipt receive(Vendor vendor, CaptureLabel label) {
		StoredFile stored = files.store(
				new ByteArrayInputStream(("\n\r\r\n pcapng of run " + run).getBytes(StandardCharsets.ISO_8859_1)),
				FileUpload.of("trunk-" + run + ".pcapng", "tester", 1024 * 1024));
		return captures.receive(new NewCapture(stored.getOriginalName(), stored.getSha256(), stored.getSizeBytes(),
				stored.getId().value(), null, label, vendor == null ? null : vendor.getId(), List.of(), "tester"));
	}

	private Vendor carrier(String name) {
		Person owner = people.register(TestData.employee("Carrier Owner " + run, null), "admin");
		return vendors.register(new VendorDetails(name, "SIP trunking", RiskTier.HIGH, owner.getId(), List.of()),
				"tester");
	}

}
