package io.trunkguard.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every "not found" a person reads is a sentence about the business, written once in
 * {@code not-found.properties}: each subject type the code throws has one, and none
 * carries the type's name or the id.
 */
class NotFoundSentencesTest {

	private static final Pattern THROWN = Pattern.compile("(?<![A-Za-z])NotFoundException\\(\\s*\"([^\"]+)\"");

	@Test
	void everySubjectTypeThrownInTheCodeHasASentence() throws IOException {
		Set<String> thrown = new TreeSet<>();
		Path root = Path.of("").toAbsolutePath().getParent();
		for (String module : List.of("domain", "workflows", "integrations", "reports", "web")) {
			Path sources = root.resolve(module).resolve("src/main/java");
			if (!Files.isDirectory(sources)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(sources)) {
				for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
					Matcher matcher = THROWN.matcher(Files.readString(file));
					while (matcher.find()) {
						thrown.add(matcher.group(1));
					}
				}
			}
		}
		assertThat(thrown).as("subject types thrown in the main code").contains("Vendor", "ReviewItem", "Person");
		List<String> missing = new ArrayList<>();
		for (String type : thrown) {
			if (!NotFoundException.hasSentence(type)) {
				missing.add(type);
			}
		}
		assertThat(missing).as("subject types without a sentence in not-found.properties").isEmpty();
	}

	@Test
	void theMessageIsTheSentenceWithoutTheTypeOrTheId() {
		UUID id = UUID.randomUUID();
		NotFoundException vendor = new NotFoundException("Vendor", id);

		assertThat(vendor.getMessage()).isEqualTo("There is no carrier at this address; it may have been removed.");
		assertThat(vendor.getMessage()).doesNotContain(id.toString()).doesNotContain("Vendor");
		assertThat(vendor.subjectId()).isEqualTo(id.toString());
		assertThat(vendor.code()).isEqualTo("vendor.not-found");
	}

	@Test
	void aSubjectTypeWithoutASentenceReadsAsTheGeneralOne() {
		assertThat(new NotFoundException("SomethingNew", 42).getMessage()).isEqualTo(NotFoundException.FALLBACK);
	}

	@Test
	void everySentenceIsASentenceWithoutIdsOrTypeNames() {
		for (String type : List.of("AccountBindingRequest", "ApiToken", "Audit", "Campaign", "Capture", "CaptureFile",
				"CaptureLeg", "CaptureReport", "CarrierDocument", "CarrierReview", "Control", "DeprovisioningCase",
				"DeprovisioningLogFile", "DeprovisioningTask", "EncryptionRemediation", "EvidenceItem", "Grant",
				"OutboxMessage", "Person", "Questionnaire", "QuestionnaireTemplate", "RemediationProof", "RemovalProof",
				"ReviewCondition", "ReviewItem", "SipChange", "SipChangeExcerpt", "SocReport", "StoredFile", "System",
				"TrunkEndpoint", "Vendor", "WatchedCertificate")) {
			String sentence = NotFoundException.sentence(type);
			assertThat(NotFoundException.hasSentence(type)).as(type).isTrue();
			assertThat(sentence).as(type).matches("[A-Z].*\\.").doesNotContainPattern("[a-z][A-Z]");
		}
	}

}
