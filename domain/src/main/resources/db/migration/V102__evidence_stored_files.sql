-- The evidence module: every stored file (its bytes live on disk under trunkguard.evidence.directory, addressed by
-- their SHA-256) and evidence items (which criteria a file supports, for which period). Portable between H2 2.x and
-- PostgreSQL 14+.

create table stored_file (
    id             uuid          not null primary key,
    sha256         varchar(64)   not null,
    size_bytes     bigint        not null,
    content_type   varchar(100)  not null,
    original_name  varchar(255)  not null,
    uploaded_by    varchar(200)  not null,
    uploaded_at    timestamp(6) with time zone not null,
    constraint ck_stored_file_size check (size_bytes > 0)
);
create index ix_stored_file_sha256 on stored_file (sha256);

create table evidence_item (
    id             uuid          not null primary key,
    file_id        uuid          not null,
    title          varchar(300)  not null,
    controls       varchar(100)  not null,
    evidenced_from date          not null,
    evidenced_to   date          not null,
    subject_type   varchar(100)  not null,
    subject_id     varchar(200)  not null,
    recorded_by    varchar(200)  not null,
    recorded_at    timestamp(6) with time zone not null,
    constraint fk_evidence_item_file foreign key (file_id) references stored_file (id),
    constraint ck_evidence_item_period check (evidenced_to >= evidenced_from)
);
create index ix_evidence_item_subject on evidence_item (subject_type, subject_id);
create index ix_evidence_item_period on evidence_item (evidenced_from, evidenced_to);
