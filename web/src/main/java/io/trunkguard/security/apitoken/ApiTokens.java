package io.trunkguard.security.apitoken;

import io.trunkguard.evidence.Sha256;
import io.trunkguard.audit.AuditTrail;
import io.trunkguard.security.Role;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Creates, lists, revokes and checks API tokens. A token is {@code tg_} and 43 characters
 * of 256 random bits (URL-safe Base64); only its SHA-256 is stored (a slow hash adds
 * nothing to 256 bits of entropy), with its first characters to recognise it in a list.
 * Creation and revocation are audited with the admin who did it.
 */
@Component
public class ApiTokens {

	static final String TOKEN_PREFIX = "tg_";

	static final String PRINCIPAL_PREFIX = "token:";

	static final String CREATED = "API_TOKEN_CREATED";

	static final String REVOKED = "API_TOKEN_REVOKED";

	/** The longest an API token may live. */
	static final Duration MAX_LIFETIME = Duration.ofDays(366);

	/** Last use is written at most this often per token. */
	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ -]{0,99}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final AuditTrail trail;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, AuditTrail trail, org.springframework.beans.factory.ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.trail = trail;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** A new token and its secret, which is never shown again. */
	public record Created(ApiToken token, String secret) {
	}

	/**
	 * Creates a token that expires at the end of {@code expiresOn} (UTC).
	 * @throws InvalidInputException for a bad name, a name in use, or an expiry in the
	 * past or more than a year ahead
	 */
	@Transactional
	public Created create(String name, Role role, LocalDate expiresOn, String admin) {
		Instant now = now();
		Map<String, String> errors = new LinkedHashMap<>();
		String trimmed = name == null ? "" : name.strip();
		if (!NAME.matcher(trimmed).matches()) {
			errors.put("name", "Give the token a name of letters, digits, spaces, dots, dashes or underscores, "
					+ "at most 100 characters, e.g. \"sbc-nightly-push\".");
		}
		else if (jdbc.sql("select count(*) from api_token where name = ?")
			.param(trimmed)
			.query(Long.class)
			.single() > 0) {
			errors.put("name", "A token named \"" + trimmed + "\" exists already; choose another name.");
		}
		if (role == null) {
			errors.put("role", "Choose the role the token acts with.");
		}
		Instant expiresAt = expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		if (expiresAt == null) {
			errors.put("expiresOn", "Give the day the token expires (YYYY-MM-DD).");
		}
		else if (!expiresAt.isAfter(now)) {
			errors.put("expiresOn", "The expiry day " + expiresOn + " has passed; choose a day from today on.");
		}
		else if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
			errors.put("expiresOn", "A token may live at most a year; choose a day before "
					+ now.plus(MAX_LIFETIME).atZone(ZoneOffset.UTC).toLocalDate() + ".");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("api-token.invalid",
					"The token was not created: " + String.join(" ", errors.values()), errors);
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		UUID id = UUID.randomUUID();
		String prefix = secret.substring(0, 10);
		jdbc.sql("insert into api_token (id, name, role, token_hash, token_prefix, created_by, created_at, expires_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, trimmed, role.roleName(), hash(secret), prefix, admin, Timestamp.from(now),
					Timestamp.from(expiresAt))
			.update();
		trail.record(admin, CREATED, "ApiToken", trimmed,
				Map.of("role", role.roleName(), "expiresAt", expiresAt.toString(), "prefix", prefix));
		return new Created(get(id), secret);
	}

	@Transactional
	public ApiToken revoke(UUID id, String admin) {
		ApiToken token = get(id);
		if (token.revokedAt() == null) {
			jdbc.sql("update api_token set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
				.params(Timestamp.from(now()), admin, id)
				.update();
			trail.record(admin, REVOKED, "ApiToken", token.name(), Map.of("role", token.role().roleName()));
		}
		return get(id);
	}

	public List<ApiToken> list() {
		return jdbc.sql(SELECT + " order by created_at desc").query(ApiTokens::row).list();
	}

	public ApiToken get(UUID id) {
		return jdbc.sql(SELECT + " where id = ?")
			.param(id)
			.query(ApiTokens::row)
			.optional()
			.orElseThrow(() -> new NotFoundException("ApiToken", id));
	}

	/**
	 * The token with this secret if it is neither expired nor revoked; notes its use.
	 */
	@Transactional
	public Optional<ApiToken> authenticate(String secret) {
		if (secret == null || !secret.startsWith(TOKEN_PREFIX) || secret.length() > 200) {
			return Optional.empty();
		}
		Instant now = now();
		Optional<ApiToken> found = jdbc.sql(SELECT + " where token_hash = ?")
			.param(hash(secret))
			.query(ApiTokens::row)
			.optional()
			.filter(token -> token.usableAt(now));
		found.filter(token -> token.lastUsedAt() == null || token.lastUsedAt().plus(LAST_USED_PRECISION).isBefore(now))
			.ifPresent(token -> jdbc.sql("update api_token set last_used_at = ? where id = ?")
				.params(Timestamp.from(now), token.id())
				.update());
		return found;
	}

	Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static final String SELECT = "select id, name, role, token_prefix, created_by, created_at, expires_at, "
			+ "last_used_at, revoked_at, revoked_by from api_token";

	private static ApiToken row(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getObject(1, UUID.class), rs.getString(2), Role.fromName(rs.getString(3)).orElseThrow(),
				rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
				instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)), rs.getString(10));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	static String hash(String secret) {
		return Sha256.hex(secret);
	}

}
