package io.trunkguard.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AuditHashesTest {

	static final Instant T = Instant.parse("2026-11-26T12:34:56.123456Z");

	static String hash(long seq, String actor, String action, String type, String id, String details, String prev) {
		return AuditHashes.hash(seq, T, actor, action, type, id, details, prev);
	}

	@Test
	void isADeterministicSha256InHex() {
		String first = hash(1, "admin", "LOGIN_SUCCEEDED", null, null, null, AuditHashes.GENESIS);

		assertThat(first).hasSize(64).matches("[0-9a-f]{64}");
		assertThat(hash(1, "admin", "LOGIN_SUCCEEDED", null, null, null, AuditHashes.GENESIS)).isEqualTo(first);
	}

	@Test
	void matchesTheDocumentedEncodingComputedIndependently() {
		// Expected value computed outside Java from the encoding documented on
		// AuditHashes, so an auditor can
		// re-verify a chain with any tool (Python 3):
		// f = lambda v: struct.pack('>i', -1) if v is None else struct.pack('>i',
		// len(v.encode())) + v.encode()
		// d = b'trunkguard-audit-v1' + struct.pack('>q', 7) + b''.join(map(f,
		// ["2026-11-26T12:34:56.123456Z",
		// "reviewer", "GRANT_REVOKED", "Grant", "g-1", '{"reason":"left"}', "0" * 64]))
		// hashlib.sha256(d).hexdigest()
		// It also pins the encoding: changing it would make every stored chain fail
		// verification.
		assertThat(hash(7, "reviewer", "GRANT_REVOKED", "Grant", "g-1", "{\"reason\":\"left\"}", AuditHashes.GENESIS))
			.isEqualTo("5d9dc73fed337b1c98170dcff23c26c9ca283cedcc5c8833016117de3fbade57");
	}

	@Test
	void changesWithEveryField() {
		String base = hash(1, "a", "ACTION", "T", "1", "{}", AuditHashes.GENESIS);

		assertThat(hash(2, "a", "ACTION", "T", "1", "{}", AuditHashes.GENESIS)).isNotEqualTo(base);
		assertThat(AuditHashes.hash(1, T.plusNanos(1000), "a", "ACTION", "T", "1", "{}", AuditHashes.GENESIS))
			.isNotEqualTo(base);
		assertThat(hash(1, "b", "ACTION", "T", "1", "{}", AuditHashes.GENESIS)).isNotEqualTo(base);
		assertThat(hash(1, "a", "ACTIOM", "T", "1", "{}", AuditHashes.GENESIS)).isNotEqualTo(base);
		assertThat(hash(1, "a", "ACTION", "U", "1", "{}", AuditHashes.GENESIS)).isNotEqualTo(base);
		assertThat(hash(1, "a", "ACTION", "T", "2", "{}", AuditHashes.GENESIS)).isNotEqualTo(base);
		assertThat(hash(1, "a", "ACTION", "T", "1", "{ }", AuditHashes.GENESIS)).isNotEqualTo(base);
		assertThat(hash(1, "a", "ACTION", "T", "1", "{}", "1".repeat(64))).isNotEqualTo(base);
	}

	@Test
	void separatesFieldsUnambiguously() {
		assertThat(hash(1, "ab", "C", null, null, null, AuditHashes.GENESIS))
			.isNotEqualTo(hash(1, "a", "BC", null, null, null, AuditHashes.GENESIS));
		assertThat(hash(1, "a", "A", null, "x", null, AuditHashes.GENESIS))
			.isNotEqualTo(hash(1, "a", "A", "x", null, null, AuditHashes.GENESIS));
		assertThat(hash(1, "a", "A", "", null, null, AuditHashes.GENESIS)).as("empty and null differ")
			.isNotEqualTo(hash(1, "a", "A", null, null, null, AuditHashes.GENESIS));
	}

	@Test
	void entryHashCoversItsFieldsAndPreviousHash() {
		AuditEntry entry = AuditEntry.chain(3, "f".repeat(64), T.plusNanos(789), "admin", "EXPORT_CREATED", "Pack",
				"p1", null);

		assertThat(entry.getOccurredAt()).as("stored with microsecond precision, as both databases keep it")
			.isEqualTo(T);
		assertThat(entry.getHash()).isEqualTo(entry.computeHash())
			.isEqualTo(AuditHashes.hash(3, T, "admin", "EXPORT_CREATED", "Pack", "p1", null, "f".repeat(64)));
	}

}
