package io.trunkguard.mfa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One read of the identity provider: when, by whom, what the realm requires, and one row
 * per privileged person. Never changed once recorded.
 */
@Entity
@Table(name = "mfa_read")
public class MfaRead {

	@Id
	private UUID id;

	@Column(name = "read_at", nullable = false)
	private Instant readAt;

	@Column(name = "read_by", nullable = false, length = 200)
	private String readBy;

	@Column(nullable = false, length = 300)
	private String source;

	@Column(name = "identity_provider", nullable = false)
	private boolean identityProvider;

	@Column(name = "realm_summary", nullable = false, length = 8000)
	private String realmSummary;

	@Column(name = "exception_count", nullable = false)
	private int exceptionCount;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "mfa_read_row", joinColumns = @JoinColumn(name = "read_id"))
	@OrderColumn(name = "row_no")
	private List<MfaReadRow> rows = new ArrayList<>();

	protected MfaRead() {
	}

	MfaRead(UUID id, Instant readAt, String readBy, String source, boolean identityProvider, List<String> realmSummary,
			List<MfaReadRow> rows) {
		this.id = id;
		this.readAt = readAt;
		this.readBy = readBy;
		this.source = source.length() <= 300 ? source : source.substring(0, 299) + "…";
		this.identityProvider = identityProvider;
		String summary = String.join("\n", realmSummary);
		this.realmSummary = summary.length() <= 8000 ? summary : summary.substring(0, 7999) + "…";
		this.rows = new ArrayList<>(rows);
		this.exceptionCount = (int) rows.stream().filter(MfaReadRow::isException).count();
	}

	public UUID getId() {
		return id;
	}

	public Instant getReadAt() {
		return readAt;
	}

	public String getReadBy() {
		return readBy;
	}

	public String getSource() {
		return source;
	}

	/**
	 * False in the embedded default: nothing in this read is evidence of a second factor.
	 */
	public boolean isIdentityProvider() {
		return identityProvider;
	}

	/** What the realm requires, one sentence each. */
	public List<String> getRealmSentences() {
		return realmSummary.isEmpty() ? List.of() : Arrays.asList(realmSummary.split("\n"));
	}

	public int getExceptionCount() {
		return exceptionCount;
	}

	public List<MfaReadRow> getRows() {
		return List.copyOf(rows);
	}

	public List<MfaReadRow> getExceptions() {
		return rows.stream().filter(MfaReadRow::isException).toList();
	}

}
