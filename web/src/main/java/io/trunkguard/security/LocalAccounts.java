package io.trunkguard.security;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import io.trunkguard.shared.LoginAccounts;

/**
 * The local accounts of the embedded default, one per role, in table
 * {@code local_account} (BCrypt hashes only). Active only when
 * {@code trunkguard.security.login=local}.
 */
class LocalAccounts implements UserDetailsService, LocalAccountDirectory, LoginAccounts {

	record LocalAccount(String username, Role role, String passwordHash, boolean disabled) {
	}

	private final JdbcClient jdbc;

	LocalAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<LocalAccount> find(String username) {
		return jdbc.sql("select username, role, password_hash, disabled_at from local_account where username = ?")
			.param(username)
			.query((rs, row) -> new LocalAccount(rs.getString(1), Role.fromName(rs.getString(2)).orElseThrow(),
					rs.getString(3), rs.getTimestamp(4) != null))
			.optional();
	}

	/** The local account as {@link LoginAccounts} answers it: one role each. */
	@Override
	public Optional<LoginAccount> account(String login) {
		return find(login).map(account -> new LoginAccount(account.username(), account.disabled(),
				java.util.Set.of(account.role().roleName())));
	}

	@Override
	public String source() {
		return "this installation's local accounts";
	}

	void create(String username, Role role, String passwordHash) {
		jdbc.sql("insert into local_account (username, role, password_hash, created_at, password_changed_at) "
				+ "values (?, ?, ?, current_timestamp, current_timestamp)")
			.params(username, role.roleName(), passwordHash)
			.update();
	}

	void changePassword(String username, String passwordHash) {
		jdbc.sql(
				"update local_account set password_hash = ?, password_changed_at = current_timestamp where username = ?")
			.params(passwordHash, username)
			.update();
	}

	@Override
	public List<LocalAccountSummary> list() {
		return jdbc
			.sql("select username, role, password_changed_at, disabled_at, disabled_reason from local_account "
					+ "order by username")
			.query((rs, row) -> new LocalAccountSummary(rs.getString(1), rs.getString(2),
					rs.getTimestamp(3).toInstant(), rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
					rs.getString(5)))
			.list();
	}

	@Override
	public boolean disable(String username, String reason) {
		if (find(username).isEmpty()) {
			return false;
		}
		jdbc.sql("update local_account set disabled_at = coalesce(disabled_at, current_timestamp), disabled_reason = ? "
				+ "where username = ?")
			.params(reason == null ? null : reason.substring(0, Math.min(200, reason.length())), username)
			.update();
		return true;
	}

	@Override
	public boolean isPrivileged(String username) {
		return find(username).map(account -> account.role() != Role.REVIEWER).orElse(false);
	}

	@Override
	public boolean enable(String username) {
		return jdbc
			.sql("update local_account set disabled_at = null, disabled_reason = null "
					+ "where username = ? and disabled_at is not null")
			.param(username)
			.update() > 0;
	}

	@Override
	public boolean isDisabled(String username) {
		return find(username).map(LocalAccount::disabled).orElse(true);
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		LocalAccount account = find(username).orElseThrow(() -> new UsernameNotFoundException("no local account"));
		return User.withUsername(account.username())
			.password(account.passwordHash())
			.roles(account.role().roleName())
			.disabled(account.disabled())
			.build();
	}

}
