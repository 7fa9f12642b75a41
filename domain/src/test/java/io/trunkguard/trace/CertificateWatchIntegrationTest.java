package io.trunkguard.trace;

import io.trunkguard.PostgresIntegrationTest;
import io.trunkguard.TestData;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonService;
import io.trunkguard.securityevent.SecurityEventService;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.vendor.RiskTier;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorDetails;
import io.trunkguard.vendor.VendorService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The certificate watch on PostgreSQL with real certificates (the analyzer's TLS
 * fixtures): PEM and DER added by hand and parsed, a second certificate for the same
 * endpoint recorded as the renewal of the first, garbage refused with a clear error, and
 * the expiry alerts raised once per certificate and threshold with a mail in the outbox
 * and a security event.
 */
@PostgresIntegrationTest
class CertificateWatchIntegrationTest {

	static final Path CERTS = Path.of("../analyzer/src/test/resources/tls/certs");

	@Autowired
	CertificateWatch watch;

	@Autowired
	VendorService vendors;

	@Autowired
	PersonService people;

	@Autowired
	SecurityEventService securityEvents;

	@Autowired
	JdbcTemplate jdbc;

	String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void parsesHandAddedCertificatesAndRecordsARenewalOfTheSameEndpoint() throws Exception {
		Vendor carrier = carrier();
		byte[] ecPem = Files.readAllBytes(CERTS.resolve("ec-leaf.pem"));
		byte[] rsaDer = der(Files.readAllBytes(CERTS.resolve("rsa2048.pem")));

		WatchedCertificate first = watch.addByHand(ecPem, "ec-leaf.pem", carrier.getId(), "sip.example.test:5061",
				"compliance-lead");
		WatchedCertificate renewal = watch.addByHand(rsaDer, "rsa2048.der", carrier.getId(), "sip.example.test:5061",
				"compliance-lead");

		assertThat(first.getSubject()).isEqualTo("CN=proxy.example.test,O=Trunkguard Test");
		assertThat(first.getSubjectAltNames()).contains("DNS:proxy.example.test", "DNS:*.proxy.example.test",
				"IP:127.0.0.1");
		assertThat(first.getKeyAlgorithm()).isEqualTo("EC");
		assertThat(first.getSha256Fingerprint()).matches("[0-9a-f]{64}");
		assertThat(renewal.getKeyAlgorithm()).isEqualTo("RSA");
		assertThat(renewal.getKeyBits()).isEqualTo(2048);
		assertThat(renewal.getSerial()).isNotBlank();
		assertThat(renewal.getSignatureAlgorithm()).isEqualTo("SHA256withRSA");
		assertThat(renewal.getRenewsId()).isEqualTo(first.getId());
		assertThat(watch.renewalHistory(renewal)).extracting(WatchedCertificate::getId).containsExactly(first.getId());
		assertThat(watch.renewedBy(first)).hasValueSatisfying(c -> assertThat(c.getId()).isEqualTo(renewal.getId()));
		assertThat(watch.ofVendor(carrier.getId())).extracting(WatchedCertificate::getId)
			.containsExactly(first.getId(), renewal.getId());
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'CERTIFICATE_RENEWED' and subject_id = ?",
				Integer.class, renewal.getId().toString()))
			.isEqualTo(1);

		assertThatThrownBy(() -> watch.addByHand(ecPem, "again.pem", carrier.getId(), null, "compliance-lead"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("already on the watch list");
		assertThatThrownBy(
				() -> watch.addByHand("not a certificate".getBytes(), "x.pem", null, null, "compliance-lead"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("not an X.509 certificate in PEM or DER form");
	}

	@Test
	void raisesEachExpiryAlertOncePerThresholdWithAMailAndASecurityEvent() throws Exception {
		Vendor carrier = carrier();
		WatchedCertificate certificate = watch.addByHand(Files.readAllBytes(CERTS.resolve("sha1.pem")), "sha1.pem",
				carrier.getId(), "sbc.example.test:5061", "compliance-lead");
		LocalDate expiry = LocalDate.ofInstant(certificate.getNotAfter(), ZoneOffset.UTC);

		assertThat(watch.raiseDueAlerts(expiry.minusDays(31))).as("more than 30 days left").isZero();
		watch.raiseDueAlerts(expiry.minusDays(20));
		watch.raiseDueAlerts(expiry.minusDays(20));
		watch.raiseDueAlerts(expiry.minusDays(10));
		watch.raiseDueAlerts(expiry.minusDays(6));
		watch.raiseDueAlerts(expiry.minusDays(5));

		assertThat(jdbc.queryForList(
				"select threshold_days from certificate_alert where certificate_id = ? order by threshold_days",
				Integer.class, certificate.getId()))
			.containsExactly(7, 14, 30);
		List<Map<String, Object>> mails = jdbc.queryForList(
				"select subject, recipient_username from outbox_message where reference_type = 'WatchedCertificate' and reference_id = ?",
				certificate.getId().toString());
		assertThat(mails).hasSize(3);
		assertThat(mails).allSatisfy(m -> assertThat((String) m.get("subject")).contains("expires on " + expiry));
		assertThat(mails).extracting(m -> m.get("recipient_username"))
			.containsOnly(people.get(carrier.getOwnerId()).getUsername());

		// derivation takes a row lock with SKIP LOCKED: while the background pump holds
		// it,
		// this call derives nothing and the pump does; wait (bounded) until they are in
		List<String> derived = List.of();
		for (long until = System.nanoTime() + 30_000_000_000L; derived.size() < 3 && System.nanoTime() < until;) {
			securityEvents.deriveNew();
			derived = jdbc.queryForList(
					"select message from security_event where type = 'CERTIFICATE_EXPIRY' and fields like ?",
					String.class, "%" + certificate.getSha256Fingerprint() + "%");
			if (derived.size() < 3) {
				Thread.sleep(200);
			}
		}
		assertThat(derived).hasSize(3)
			.allSatisfy(m -> assertThat(m).contains("expires on " + expiry, carrier.getName()));
	}

	private Vendor carrier() {
		Person owner = people.register(TestData.employee("Certificate Owner " + run, null), "admin");
		return vendors.register(new VendorDetails("Certificate Carrier " + run + UUID.randomUUID(), "SIP trunking",
				RiskTier.HIGH, owner.getId(), List.of()), "tester");
	}

	private static byte[] der(byte[] pem) {
		String body = new String(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		return Base64.getDecoder().decode(body);
	}

}
