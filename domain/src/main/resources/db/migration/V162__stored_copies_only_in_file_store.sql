-- After V161 moved their bytes to the file store, campaign reports, deprovisioning logs and remediation proofs keep
-- only what is theirs and name their stored file; its name, type, size, SHA-256 and bytes live in stored_file and
-- the file store alone. Portable between H2 2.x and PostgreSQL 14+.
alter table review_report alter column file_id set not null;
alter table review_report add constraint fk_review_report_file foreign key (file_id) references stored_file (id);
alter table review_report drop column content;
alter table review_report drop column sha256;
alter table review_report drop column size_bytes;
alter table review_report drop column content_type;
alter table review_report drop column file_name;

alter table deprovisioning_log_file alter column file_id set not null;
alter table deprovisioning_log_file add constraint fk_deprovisioning_log_file_file
    foreign key (file_id) references stored_file (id);
alter table deprovisioning_log_file drop column content;
alter table deprovisioning_log_file drop column sha256;
alter table deprovisioning_log_file drop column size_bytes;
alter table deprovisioning_log_file drop column content_type;
alter table deprovisioning_log_file drop column file_name;

alter table review_remediation_proof alter column file_id set not null;
alter table review_remediation_proof add constraint fk_review_proof_file foreign key (file_id) references stored_file (id);
alter table review_remediation_proof drop column content;
alter table review_remediation_proof drop column sha256;
alter table review_remediation_proof drop column size_bytes;
alter table review_remediation_proof drop column content_type;
alter table review_remediation_proof drop column file_name;
