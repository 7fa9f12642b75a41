-- Certificate watch: every certificate seen in a capture (by SHA-256 fingerprint) or added by hand, with where it
-- was seen and which earlier certificate of the same endpoint it renews; and the expiry alerts raised, once per
-- certificate and threshold (30, 14, 7 days), which the unique key guarantees across nodes.
-- Portable between H2 2.x and PostgreSQL 14+.
alter table capture_certificate add column serial varchar(100);

create table watched_certificate (
    id                  uuid          not null primary key,
    sha256_fingerprint  varchar(64)   not null,
    subject             varchar(1000),
    subject_alt_names   varchar(4000),
    issuer              varchar(1000),
    serial              varchar(100),
    not_before          timestamp(6) with time zone,
    not_after           timestamp(6) with time zone,
    key_algorithm       varchar(40),
    key_bits            integer       not null,
    signature_algorithm varchar(80),
    origin              varchar(20)   not null,
    vendor_id           uuid,
    endpoint            varchar(255),
    file_id             uuid,
    added_by            varchar(200)  not null,
    added_at            timestamp(6) with time zone not null,
    renews_id           uuid,
    constraint uq_watched_certificate_fingerprint unique (sha256_fingerprint),
    constraint fk_watched_certificate_vendor foreign key (vendor_id) references vendor (id),
    constraint fk_watched_certificate_renews foreign key (renews_id) references watched_certificate (id),
    constraint ck_watched_certificate_origin check (origin in ('CAPTURE', 'HAND'))
);
create index ix_watched_certificate_expiry on watched_certificate (not_after);
create index ix_watched_certificate_endpoint on watched_certificate (vendor_id, endpoint);

create table certificate_alert (
    id              uuid        not null primary key,
    certificate_id  uuid        not null,
    threshold_days  integer     not null,
    raised_at       timestamp(6) with time zone not null,
    constraint uq_certificate_alert unique (certificate_id, threshold_days),
    constraint fk_certificate_alert_certificate foreign key (certificate_id) references watched_certificate (id)
);
