package io.trunkguard.vendor;

import io.trunkguard.shared.InvalidInputException;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a carrier's SIP trunk is reached: an address or CIDR range and/or an FQDN, a port
 * (any when unset), the transport and the expected certificate fingerprints. Captures
 * whose legs match it are the carrier's traffic.
 */
@Entity
@Table(name = "vendor_trunk_endpoint")
public class TrunkEndpoint {

	private static final Pattern FQDN = Pattern
		.compile("(?=.{1,253}$)(\\*\\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}\\.?");

	private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

	@Id
	private UUID id;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "vendor_id", nullable = false))
	private VendorId vendorId;

	@Column(length = 60)
	private String address;

	@Column(length = 253)
	private String fqdn;

	private Integer port;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 10)
	private Transport transport;

	/** Space-separated lower-case hex SHA-256 fingerprints. */
	@Column(nullable = false, length = 700)
	private String fingerprints;

	@Column(length = 200)
	private String label;

	@Column(name = "added_by", nullable = false, length = 200)
	private String addedBy;

	@Column(name = "added_at", nullable = false)
	private Instant addedAt;

	protected TrunkEndpoint() {
		// for JPA
	}

	TrunkEndpoint(VendorId vendorId, TrunkEndpointDraft draft, String actor, Instant now) {
		Checked checked = check(draft);
		this.id = UUID.randomUUID();
		this.vendorId = Objects.requireNonNull(vendorId, "vendorId");
		this.address = checked.range() == null ? null : checked.range().toString();
		this.fqdn = checked.fqdn();
		this.port = draft.port();
		this.transport = draft.transport();
		this.fingerprints = String.join(" ", checked.fingerprints());
		this.label = draft.label();
		this.addedBy = actor;
		this.addedAt = now;
	}

	record Checked(NetworkRange range, String fqdn, List<String> fingerprints) {
	}

	/**
	 * Checks a draft: at least an address or an FQDN, an address or CIDR that parses, an
	 * FQDN of valid labels, fingerprints of 32 bytes. Every problem at once, by field, in
	 * an {@link InvalidInputException}.
	 */
	public static Checked check(TrunkEndpointDraft draft) {
		Map<String, String> errors = new LinkedHashMap<>();
		NetworkRange range = null;
		if (draft.address() != null) {
			try {
				range = NetworkRange.parse(draft.address(), "address");
			}
			catch (InvalidInputException e) {
				errors.putAll(e.fieldErrors());
			}
		}
		String fqdn = null;
		if (draft.fqdn() != null) {
			if (FQDN.matcher(draft.fqdn()).matches()) {
				fqdn = draft.fqdn().toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
			}
			else {
				errors.put("fqdn", "\"" + draft.fqdn() + "\" is not a host name such as sip.carrier.example");
			}
		}
		if (draft.address() == null && draft.fqdn() == null) {
			errors.put("address", "give an IP address, a CIDR range or a host name");
		}
		List<String> fingerprints = draft.fingerprints()
			.stream()
			.map(String::strip)
			.filter(f -> !f.isEmpty())
			.map(f -> f.replace(":", "").toLowerCase(Locale.ROOT))
			.distinct()
			.toList();
		for (String f : fingerprints) {
			if (!FINGERPRINT.matcher(f).matches()) {
				errors.put("fingerprints", "\"" + f
						+ "\" is not a SHA-256 fingerprint (64 hex digits, colons allowed, e.g. as openssl x509 -fingerprint -sha256 prints it)");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("vendor.endpoint.invalid",
					"The trunk endpoint is not valid: " + String.join("; ", errors.values()) + ".", errors);
		}
		return new Checked(range, fqdn, fingerprints);
	}

	/**
	 * Whether traffic to or from {@code ip}:{@code port} is this endpoint's (address
	 * within the range; port equal, or any port when none is set).
	 */
	public boolean matches(InetAddress ip, int port) {
		return address != null && range().contains(ip) && (this.port == null || this.port == port);
	}

	/**
	 * Whether {@code hostName} (an SNI or a certificate name) is this endpoint's FQDN.
	 */
	public boolean matchesHost(String hostName) {
		if (fqdn == null || hostName == null) {
			return false;
		}
		String host = hostName.strip().toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
		if (fqdn.startsWith("*.")) {
			return host.endsWith(fqdn.substring(1)) && host.indexOf('.') == host.length() - fqdn.length() + 1;
		}
		return host.equals(fqdn);
	}

	/**
	 * Whether a certificate with this SHA-256 fingerprint is one this endpoint should
	 * present.
	 */
	public boolean expectsFingerprint(String sha256) {
		return sha256 != null && getFingerprints().contains(sha256.replace(":", "").toLowerCase(Locale.ROOT));
	}

	/** The parsed range, or null for an endpoint known only by its FQDN. */
	public NetworkRange range() {
		return address == null ? null : NetworkRange.parse(address, "address");
	}

	/** "sip.carrier.example (192.0.2.0/24) port 5061 over TLS". */
	public String describe() {
		StringBuilder s = new StringBuilder();
		if (fqdn != null) {
			s.append(fqdn);
			if (address != null) {
				s.append(" (").append(address).append(')');
			}
		}
		else {
			s.append(address);
		}
		if (port != null) {
			s.append(" port ").append(port);
		}
		return s.append(" over ").append(transport.label()).toString();
	}

	public UUID getId() {
		return id;
	}

	public VendorId getVendorId() {
		return vendorId;
	}

	/** The address or CIDR range in canonical form, or null. */
	public String getAddress() {
		return address;
	}

	public String getFqdn() {
		return fqdn;
	}

	public Integer getPort() {
		return port;
	}

	public Transport getTransport() {
		return transport;
	}

	public List<String> getFingerprints() {
		return fingerprints.isEmpty() ? List.of() : Arrays.asList(fingerprints.split(" "));
	}

	public String getLabel() {
		return label;
	}

	public String getAddedBy() {
		return addedBy;
	}

	public Instant getAddedAt() {
		return addedAt;
	}

}
