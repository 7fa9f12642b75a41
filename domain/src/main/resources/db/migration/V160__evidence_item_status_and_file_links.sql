-- Evidence items get a status (draft, ready, approved, flagged, expired), an expiry, an owner and the auditor's flag
-- with the lead's answer; the older copies of stored files (campaign reports, deprovisioning logs, remediation
-- proofs) get a link to the one stored-file table, filled by V161 (which moves their bytes to the file store) and
-- made mandatory by V162. Portable between H2 2.x and PostgreSQL 14+.
alter table evidence_item add column status varchar(20) default 'READY' not null;
alter table evidence_item add column expires_on date;
alter table evidence_item add column owner varchar(200);
alter table evidence_item add column flag_comment varchar(2000);
alter table evidence_item add column flag_answer varchar(2000);
update evidence_item set owner = recorded_by;
alter table evidence_item alter column owner set not null;
alter table evidence_item add constraint ck_evidence_item_status
    check (status in ('DRAFT', 'READY', 'APPROVED', 'FLAGGED', 'EXPIRED'));
create index ix_evidence_item_file on evidence_item (file_id);

alter table review_report add column file_id uuid;
alter table deprovisioning_log_file add column file_id uuid;
alter table review_remediation_proof add column file_id uuid;
