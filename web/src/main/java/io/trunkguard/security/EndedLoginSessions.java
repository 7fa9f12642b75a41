package io.trunkguard.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sessions at the identity provider that have ended, by their OpenID Connect session id
 * ({@code sid}), in table {@code ended_login_session}: written when Keycloak sends a
 * back-channel logout to any node, read by every node on every request of a browser
 * session or bearer token carrying that {@code sid}. Rows older than {@link #KEPT_FOR}
 * are pruned when new ones arrive: no session or token lives that long.
 */
class EndedLoginSessions {

	static final Duration KEPT_FOR = Duration.ofDays(30);

	private final JdbcClient jdbc;

	private final Clock clock;

	EndedLoginSessions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records that {@code sessionId} ended; false if it was known already. */
	boolean end(String sessionId, String subject) {
		Instant now = clock.instant();
		jdbc.sql("delete from ended_login_session where ended_at < ?")
			.param(Timestamp.from(now.minus(KEPT_FOR)))
			.update();
		if (hasEnded(sessionId)) {
			return false;
		}
		try {
			jdbc.sql("insert into ended_login_session (session_id, subject, ended_at) values (?, ?, ?)")
				.params(sessionId, subject, Timestamp.from(now))
				.update();
			return true;
		}
		catch (DuplicateKeyException sameLogoutOnAnotherNode) {
			return false;
		}
	}

	boolean hasEnded(String sessionId) {
		return sessionId != null && jdbc.sql("select count(*) from ended_login_session where session_id = ?")
			.param(sessionId)
			.query(Long.class)
			.single() > 0;
	}

}
