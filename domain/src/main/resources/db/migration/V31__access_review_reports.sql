-- Generated campaign reports (PDF, XLSX), kept as evidence dated the campaign's close. Portable H2 2.x / PostgreSQL.
create table review_report (
    id            uuid          not null primary key,
    campaign_id   uuid          not null,
    format        varchar(10)   not null,
    file_name     varchar(200)  not null,
    content_type  varchar(100)  not null,
    content       bytea         not null,
    size_bytes    bigint        not null,
    sha256        varchar(64)   not null,
    evidence_date timestamp(6) with time zone not null,
    generated_at  timestamp(6) with time zone not null,
    constraint fk_review_report_campaign foreign key (campaign_id) references review_campaign (id),
    constraint ck_review_report_format check (format in ('PDF', 'XLSX'))
);
create index ix_review_report_campaign on review_report (campaign_id, format, generated_at);
