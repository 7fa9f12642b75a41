package io.trunkguard.audit.internal;

import io.trunkguard.shared.DatabaseMigration;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Flyway migration 371 (a Spring bean, so Spring Boot hands it to Flyway): guards the
 * pending entries of migration 370 and, on PostgreSQL, creates the function that chains
 * them.
 * <ul>
 * <li>PostgreSQL: {@code audit_chain_pending(ids, limit)} takes an advisory lock (one
 * chainer at a time across nodes; a waiter writes nothing, so it commits without a WAL
 * flush), returns 0 at once if none of the given entries is still pending (another
 * chainer took them), else locks the chain head, moves the oldest pending entries (up to
 * the limit, in id order) into the chain with the hashes of
 * {@link io.trunkguard.audit.AuditHashes} (as {@code audit_append} of migration 70 does),
 * deletes them from the pending table and advances the head. Triggers refuse UPDATE and
 * TRUNCATE on the pending table and DELETE except inside that function (a transaction
 * setting).</li>
 * <li>H2: a trigger ({@link H2PendingEntryTrigger}) refusing UPDATE, and DELETE except
 * from the chainer's thread.</li>
 * </ul>
 */
@Component
class AuditPendingChainMigration extends DatabaseMigration {

	/**
	 * Key of the advisory lock serializing chainers (any constant not used elsewhere).
	 */
	static final long CHAIN_LOCK_KEY = 0x7472756e6b41L;

	static final String FUNCTION = """
			create function audit_chain_pending(p_ids bigint[], p_limit integer) returns integer language plpgsql as $$
			declare
			  v_sequence bigint;
			  v_hash text;
			  v_previous text;
			  v_ids bigint[] := '{}';
			  r record;
			begin
			  if p_ids is not null and not exists (select 1 from audit_pending_entry where id = any(p_ids)) then
			    return 0;
			  end if;
			  perform pg_advisory_xact_lock(%d);
			  if p_ids is not null and not exists (select 1 from audit_pending_entry where id = any(p_ids)) then
			    return 0;
			  end if;
			  select last_sequence, last_hash into v_sequence, v_hash from audit_chain_head where id = 1 for update;
			  if not found then
			    raise exception 'the audit chain head row is missing: the database was not migrated by Flyway';
			  end if;
			  for r in select id, occurred_at, actor, action, subject_type, subject_id, details, fields
			      from audit_pending_entry order by id limit p_limit loop
			    v_sequence := v_sequence + 1;
			    v_previous := v_hash;
			    v_hash := encode(sha256(convert_to('trunkguard-audit-v1', 'UTF8') || int8send(v_sequence) || r.fields
			        || int4send(octet_length(convert_to(v_previous, 'UTF8'))) || convert_to(v_previous, 'UTF8')), 'hex');
			    insert into audit_entry (sequence, occurred_at, actor, action, subject_type, subject_id, details, previous_hash, hash)
			    values (v_sequence, r.occurred_at, r.actor, r.action, r.subject_type, r.subject_id, r.details, v_previous, v_hash);
			    v_ids := v_ids || r.id;
			  end loop;
			  if cardinality(v_ids) > 0 then
			    perform set_config('trunkguard.audit_chaining', 'on', true);
			    delete from audit_pending_entry where id = any(v_ids);
			    perform set_config('trunkguard.audit_chaining', '', true);
			    update audit_chain_head set last_sequence = v_sequence, last_hash = v_hash where id = 1;
			  end if;
			  return cardinality(v_ids);
			end
			$$"""
		.formatted(CHAIN_LOCK_KEY);

	static final String[] POSTGRESQL = { FUNCTION,
			"""
					create function audit_pending_guard() returns trigger language plpgsql as $$
					begin
					  if tg_op = 'DELETE' and current_setting('trunkguard.audit_chaining', true) = 'on' then
					    return old;
					  end if;
					  raise exception 'audit entries waiting to be chained can only be inserted: % on % refused', tg_op, tg_table_name
					    using errcode = 'insufficient_privilege';
					end
					$$""",
			"create trigger audit_pending_entry_guard before update or delete on audit_pending_entry "
					+ "for each row execute function audit_pending_guard()",
			"create trigger audit_pending_entry_no_truncate before truncate on audit_pending_entry "
					+ "for each statement execute function audit_append_only()" };

	static final String H2_TRIGGER = "create trigger audit_pending_entry_guard before update, delete on "
			+ "audit_pending_entry for each row call '" + H2PendingEntryTrigger.class.getName() + "'";

	AuditPendingChainMigration() {
		super("371", "audit pending entries chainer and guard", 371_0001);
	}

	@Override
	protected List<String> postgresql() {
		return List.of(POSTGRESQL);
	}

	@Override
	protected List<String> h2() {
		return List.of(H2_TRIGGER);
	}

}
