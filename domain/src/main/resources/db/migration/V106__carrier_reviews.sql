-- Annual carrier reviews and the conditions of their approvals. Portable between H2 2.x and PostgreSQL 14+.

create table vendor_review (
    id                 uuid          not null primary key,
    version            bigint        not null,
    vendor_id          uuid          not null,
    status             varchar(30)   not null,
    step               varchar(30)   not null,
    started_by         varchar(200)  not null,
    started_at         timestamp(6) with time zone not null,
    due_on             date,
    questionnaire_id   uuid,
    questionnaire_note varchar(1000),
    soc_report_id      uuid,
    coverage_summary   varchar(2000),
    coverage_ok        boolean,
    documents_ok       boolean,
    document_findings  varchar(4000),
    encryption_status  varchar(300),
    decision           varchar(30),
    rationale          varchar(4000),
    decided_by         varchar(200),
    decided_at         timestamp(6) with time zone,
    record_file_id     uuid,
    next_due_on        date,
    completed_at       timestamp(6) with time zone,
    constraint fk_vendor_review_vendor foreign key (vendor_id) references vendor (id),
    constraint fk_vendor_review_report foreign key (soc_report_id) references vendor_soc_report (id),
    constraint fk_vendor_review_record foreign key (record_file_id) references stored_file (id),
    constraint ck_vendor_review_status
        check (status in ('IN_PROGRESS', 'APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED')),
    constraint ck_vendor_review_decided check (status = 'IN_PROGRESS' or (decision is not null and decided_by is not null))
);
create index ix_vendor_review_vendor on vendor_review (vendor_id, started_at);
create index ix_vendor_review_status on vendor_review (status);
create index ix_vendor_review_decided on vendor_review (vendor_id, decided_at);

create table vendor_review_condition (
    id           uuid          not null primary key,
    review_id    uuid          not null,
    vendor_id    uuid          not null,
    text         varchar(1000) not null,
    owner        varchar(200)  not null,
    due_on       date          not null,
    closed_at    timestamp(6) with time zone,
    closed_by    varchar(200),
    closing_note varchar(2000),
    constraint fk_vendor_review_condition_review foreign key (review_id) references vendor_review (id)
);
create index ix_vendor_review_condition_vendor on vendor_review_condition (vendor_id);
