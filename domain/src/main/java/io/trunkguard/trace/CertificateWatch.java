package io.trunkguard.trace;

import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.FileUpload;
import io.trunkguard.evidence.StoredFile;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.Vendors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Collection;

import javax.security.auth.x500.X500Principal;

/**
 * The certificate watch: certificates seen in analysed captures (by fingerprint, with the
 * carrier, endpoint and capture) and ones added by hand (PEM or DER, parsed with
 * {@code java.security.cert}), listed by expiry; a new certificate for an endpoint that
 * had another is recorded as its renewal; alerts 30, 14 and 7 days before expiry, once
 * per certificate and threshold.
 */
@Service
@Transactional
public class CertificateWatch {

	/** Days before expiry at which an alert is raised. */
	public static final List<Integer> THRESHOLDS = List.of(30, 14, 7);

	static final String ACTOR = "system:certificate-watch";

	private static final long MAX_CERTIFICATE_BYTES = 64 * 1024;

	/** One place a certificate was seen: a capture's leg endpoint, for a carrier. */
	public record Sighting(CaptureId captureId, String captureFile, VendorId vendorId, String endpoint,
			Instant seenAt) {
	}

	private final WatchedCertificates watched;

	private final CaptureCertificates seen;

	private final Captures captures;

	private final Vendors vendors;

	private final FileStore files;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CertificateWatch(WatchedCertificates watched, CaptureCertificates seen, Captures captures, Vendors vendors,
			FileStore files, ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
		this.watched = watched;
		this.seen = seen;
		this.captures = captures;
		this.vendors = vendors;
		this.files = files;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Puts the certificates of an analysed capture on the watch list (each once). The
	 * fingerprints already watched are read in one query: a busy capture repeats the same
	 * few certificates on hundreds of legs, and a query per certificate flushed and
	 * dirty-checked every leg and finding of the capture each time.
	 */
	public List<WatchedCertificate> recordSeen(Capture capture) {
		List<WatchedCertificate> added = new ArrayList<>();
		List<CaptureCertificate> certificates = seen.findByCaptureId(capture.getId())
			.stream()
			.filter(c -> c.getSha256Fingerprint() != null && c.getSha256Fingerprint().matches("[0-9a-f]{64}"))
			.toList();
		if (certificates.isEmpty()) {
			return added;
		}
		java.util.Set<String> known = new java.util.HashSet<>(watched.findWatchedFingerprints(
				certificates.stream().map(CaptureCertificate::getSha256Fingerprint).distinct().toList()));
		for (CaptureCertificate c : certificates) {
			if (!known.add(c.getSha256Fingerprint())) {
				continue;
			}
			WatchedCertificate.Facts facts = new WatchedCertificate.Facts(c.getSha256Fingerprint(), c.getSubject(),
					c.getNames(), c.getIssuer(), c.getSerial(), c.getNotBefore(), c.getNotAfter(), c.getKeyAlgorithm(),
					c.getKeyBits(), c.getSignatureAlgorithm());
			added.add(watch(facts, WatchedCertificate.Origin.CAPTURE, c.getVendorId(), c.getEndpoint(), null,
					DefaultCaptureAnalysis.ACTOR));
		}
		return added;
	}

	/**
	 * Adds a certificate by hand from a PEM or DER file; the file is stored too. A
	 * certificate already watched is refused with a clear error.
	 */
	public WatchedCertificate addByHand(byte[] content, String fileName, VendorId vendor, String endpoint,
			String actor) {
		WatchedCertificate.Facts facts = parse(content);
		Optional<WatchedCertificate> known = watched.findBySha256Fingerprint(facts.sha256Fingerprint());
		if (known.isPresent()) {
			throw new InvalidInputException("certificate.known",
					"This certificate (" + facts.subject() + ") is already on the watch list.",
					Map.of("file", "already watched"));
		}
		if (vendor != null && vendors.findById(vendor).isEmpty()) {
			throw new NotFoundException("Vendor", vendor);
		}
		StoredFile file = files.store(content,
				FileUpload.of(fileName == null ? "certificate.pem" : fileName, actor, MAX_CERTIFICATE_BYTES));
		String where = endpoint == null || endpoint.isBlank() ? null : endpoint.strip();
		return watch(facts, WatchedCertificate.Origin.HAND, vendor, where, file.getId().value(), actor);
	}

	private WatchedCertificate watch(WatchedCertificate.Facts facts, WatchedCertificate.Origin origin, VendorId vendor,
			String endpoint, UUID fileId, String actor) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		UUID renews = null;
		if (vendor != null && endpoint != null) {
			renews = watched.findByVendorIdAndEndpoint(vendor, endpoint)
				.stream()
				.filter(earlier -> watched.findByRenewsId(earlier.getId()).isEmpty())
				.filter(earlier -> earlier.getNotAfter() == null || facts.notAfter() == null
						|| !earlier.getNotAfter().isAfter(facts.notAfter()))
				.max(Comparator.comparing(WatchedCertificate::getAddedAt))
				.map(WatchedCertificate::getId)
				.orElse(null);
		}
		WatchedCertificate certificate = watched
			.save(new WatchedCertificate(facts, origin, vendor, endpoint, fileId, renews, actor, now));
		events.publishEvent(new CertificateWatched(certificate.getId(), certificate.getSubject(),
				certificate.getSha256Fingerprint(), origin.label(), vendor, endpoint, renews, actor, now));
		return certificate;
	}

	/** Parses one X.509 certificate, PEM or DER; anything else is a clear error. */
	static WatchedCertificate.Facts parse(byte[] content) {
		if (content == null || content.length == 0 || content.length > MAX_CERTIFICATE_BYTES) {
			throw notACertificate("the file is empty or larger than 64 KB");
		}
		X509Certificate x509;
		try {
			x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(content));
		}
		catch (CertificateException | RuntimeException e) {
			throw notACertificate("it is not an X.509 certificate in PEM or DER form");
		}
		try {
			String fingerprint = HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(x509.getEncoded()));
			List<String> sans = new ArrayList<>();
			Collection<List<?>> alt = x509.getSubjectAlternativeNames();
			if (alt != null) {
				for (List<?> entry : alt) {
					Object type = entry.get(0);
					String prefix = Integer.valueOf(2).equals(type) ? "DNS:" : Integer.valueOf(7).equals(type) ? "IP:"
							: Integer.valueOf(6).equals(type) ? "URI:" : "other:";
					sans.add(prefix + entry.get(1));
				}
			}
			return new WatchedCertificate.Facts(fingerprint,
					x509.getSubjectX500Principal().getName(X500Principal.RFC2253), sans,
					x509.getIssuerX500Principal().getName(X500Principal.RFC2253),
					x509.getSerialNumber().toString(16).toUpperCase(Locale.ROOT), x509.getNotBefore().toInstant(),
					x509.getNotAfter().toInstant(), x509.getPublicKey().getAlgorithm(), keyBits(x509),
					x509.getSigAlgName());
		}
		catch (CertificateException | NoSuchAlgorithmException e) {
			throw notACertificate("its contents could not be read (" + e.getClass().getSimpleName() + ")");
		}
	}

	private static int keyBits(X509Certificate x509) {
		if (x509.getPublicKey() instanceof RSAPublicKey rsa) {
			return rsa.getModulus().bitLength();
		}
		if (x509.getPublicKey() instanceof ECPublicKey ec) {
			return ec.getParams().getOrder().bitLength();
		}
		if (x509.getPublicKey() instanceof DSAPublicKey dsa) {
			return dsa.getParams().getP().bitLength();
		}
		return 0;
	}

	private static InvalidInputException notACertificate(String why) {
		return new InvalidInputException("certificate.invalid",
				"The file cannot be added to the certificate watch: " + why + ".", Map.of("file", why));
	}

	/**
	 * Raises the alerts due on {@code today}: for each certificate expiring within 30
	 * days, the thresholds it has reached get one alert row each (once, across runs and
	 * nodes); mail and a security event go out for the tightest threshold newly reached.
	 * Returns how many certificates were alerted.
	 */
	public int raiseDueAlerts(LocalDate today) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant from = today.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant to = today.plusDays(THRESHOLDS.get(0) + 1).atStartOfDay(ZoneOffset.UTC).toInstant();
		int alerted = 0;
		for (WatchedCertificate certificate : watched.findByNotAfterBetween(from, to)) {
			if (watched.findByRenewsId(certificate.getId()).isPresent()) {
				continue; // renewed: its successor is watched
			}
			long left = certificate.daysLeft(today);
			Integer tightest = null;
			for (int threshold : THRESHOLDS) {
				if (left <= threshold
						&& watched.recordAlert(UUID.randomUUID(), certificate.getId(), threshold, now) == 1) {
					tightest = threshold;
				}
			}
			if (tightest != null) {
				events.publishEvent(new CertificateExpiryAlert(certificate.getId(), certificate.getSubject(),
						certificate.getSha256Fingerprint(), certificate.getVendorId(), where(certificate),
						LocalDate.ofInstant(certificate.getNotAfter(), ZoneOffset.UTC), tightest, left, ACTOR, now));
				alerted++;
			}
		}
		return alerted;
	}

	/** "carrier X, endpoint 192.0.2.1:5061" or "added by hand". */
	@Transactional(readOnly = true)
	public String where(WatchedCertificate certificate) {
		List<String> parts = new ArrayList<>();
		if (certificate.getVendorId() != null) {
			parts.add("carrier " + vendors.findById(certificate.getVendorId()).map(Vendor::getName).orElse("unknown"));
		}
		if (certificate.getEndpoint() != null) {
			parts.add("endpoint " + certificate.getEndpoint());
		}
		return parts.isEmpty() ? certificate.getOrigin().label().toLowerCase(Locale.ROOT) : String.join(", ", parts);
	}

	@Transactional(readOnly = true)
	public List<WatchedCertificate> all() {
		return watched.findAllByOrderByNotAfterAsc();
	}

	@Transactional(readOnly = true)
	public List<WatchedCertificate> ofVendor(VendorId vendor) {
		return watched.findByVendorIdOrderByNotAfterAsc(vendor);
	}

	@Transactional(readOnly = true)
	public WatchedCertificate get(UUID id) {
		return watched.findById(id).orElseThrow(() -> new NotFoundException("WatchedCertificate", id));
	}

	/** Every capture that showed the certificate, newest first. */
	@Transactional(readOnly = true)
	public List<Sighting> sightings(WatchedCertificate certificate) {
		List<Sighting> list = new ArrayList<>();
		for (CaptureCertificate c : seen.findBySha256Fingerprint(certificate.getSha256Fingerprint())) {
			captures.findById(c.getCaptureId())
				.ifPresent(capture -> list.add(new Sighting(capture.getId(), capture.getFileName(), c.getVendorId(),
						c.getEndpoint(), ContractClauseCheck.trafficTime(capture))));
		}
		list.sort(Comparator.comparing(Sighting::seenAt).reversed());
		return list;
	}

	/** The certificates this one renewed, newest first (its renewal history). */
	@Transactional(readOnly = true)
	public List<WatchedCertificate> renewalHistory(WatchedCertificate certificate) {
		List<WatchedCertificate> history = new ArrayList<>();
		UUID previous = certificate.getRenewsId();
		while (previous != null && history.size() < 50) {
			WatchedCertificate earlier = watched.findById(previous).orElse(null);
			if (earlier == null) {
				break;
			}
			history.add(earlier);
			previous = earlier.getRenewsId();
		}
		return history;
	}

	/** Whether a newer certificate renewed this one. */
	@Transactional(readOnly = true)
	public Optional<WatchedCertificate> renewedBy(WatchedCertificate certificate) {
		return watched.findByRenewsId(certificate.getId());
	}

	static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.US_ASCII);
	}

}
