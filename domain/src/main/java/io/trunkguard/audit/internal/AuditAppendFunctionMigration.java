package io.trunkguard.audit.internal;

import io.trunkguard.shared.DatabaseMigration;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Flyway migration 70 (a Spring bean, so Spring Boot hands it to Flyway): on PostgreSQL,
 * the function {@code audit_append} that appends a transaction's entries in one call: it
 * locks the chain head, hashes each entry ({@link io.trunkguard.audit.AuditHashes}: the
 * caller passes each entry's encoded fields, the function adds the tag, the sequence
 * number and the previous hash), inserts the entries and advances the head. One round
 * trip instead of four while the chain head is locked, so concurrent audited transactions
 * wait less for one another. On other databases it does nothing (the entries are appended
 * statement by statement).
 */
@Component
class AuditAppendFunctionMigration extends DatabaseMigration {

	static final String FUNCTION = """
			create function audit_append(p_occurred_at text[], p_actor text[], p_action text[], p_subject_type text[],
			    p_subject_id text[], p_details text[], p_fields text[]) returns bigint language plpgsql as $$
			declare
			  v_sequence bigint;
			  v_hash text;
			  v_previous text;
			begin
			  select last_sequence, last_hash into v_sequence, v_hash from audit_chain_head where id = 1 for update;
			  if not found then
			    raise exception 'the audit chain head row is missing: the database was not migrated by Flyway';
			  end if;
			  for i in 1 .. coalesce(array_length(p_fields, 1), 0) loop
			    v_sequence := v_sequence + 1;
			    v_previous := v_hash;
			    v_hash := encode(sha256(convert_to('trunkguard-audit-v1', 'UTF8') || int8send(v_sequence) || decode(p_fields[i], 'hex')
			        || int4send(octet_length(convert_to(v_previous, 'UTF8'))) || convert_to(v_previous, 'UTF8')), 'hex');
			    insert into audit_entry (sequence, occurred_at, actor, action, subject_type, subject_id, details, previous_hash, hash)
			    values (v_sequence, p_occurred_at[i]::timestamptz, p_actor[i], p_action[i], p_subject_type[i], p_subject_id[i],
			        p_details[i], v_previous, v_hash);
			  end loop;
			  update audit_chain_head set last_sequence = v_sequence, last_hash = v_hash where id = 1;
			  return v_sequence;
			end
			$$""";

	AuditAppendFunctionMigration() {
		super("70", "audit append function", 70_0001);
	}

	@Override
	protected List<String> postgresql() {
		return List.of(FUNCTION);
	}

}
