-- Files a system owner or compliance lead attached to prove a removal of a deprovisioning case (the same proof
-- files as the manual remediation of an access review: bytes in the file store, named by stored_file with its
-- SHA-256). Never changed after they are stored. Portable between H2 2.x and PostgreSQL 14+.
create table deprovisioning_removal_proof (
    id           uuid          not null primary key,
    case_id      uuid          not null,
    grant_id     uuid,
    task_id      varchar(64)   not null,
    file_id      uuid          not null,
    uploaded_by  varchar(100)  not null,
    uploaded_at  timestamp(6) with time zone not null,
    constraint fk_deprov_proof_case foreign key (case_id) references deprovisioning_case (id),
    constraint fk_deprov_proof_file foreign key (file_id) references stored_file (id)
);
create index ix_deprov_proof_case on deprovisioning_removal_proof (case_id);
