-- Trace evidence: uploaded captures, their analysis status and result as queryable data (legs with encryption
-- verdicts, findings, certificates) beside the analyzer's full JSON report. The raw bytes are a stored file of the
-- evidence module (raw_file_id), deleted after the retention period while everything here stays.
-- Portable between H2 2.x and PostgreSQL 14+.

create table capture (
    id                    uuid          not null primary key,
    version               bigint        not null,
    file_name             varchar(255)  not null,
    sha256                varchar(64)   not null,
    size_bytes            bigint        not null,
    raw_file_id           uuid,
    key_log_file_id       uuid,
    label                 varchar(20)   not null,
    vendor_id             uuid,
    internal_networks     varchar(2000) not null,
    uploaded_by           varchar(200)  not null,
    uploaded_at           timestamp(6) with time zone not null,
    status                varchar(20)   not null,
    bytes_read            bigint        not null,
    attempts              integer       not null,
    analysis_started_at   timestamp(6) with time zone,
    analysed_at           timestamp(6) with time zone,
    failure               varchar(2000),
    analyzer_version      varchar(40),
    schema_version        varchar(20),
    format                varchar(40),
    first_packet_at       timestamp(6) with time zone,
    last_packet_at        timestamp(6) with time zone,
    packets               bigint,
    complete              boolean,
    damage                varchar(2000),
    headline              varchar(1000),
    leg_count             integer,
    encrypted_legs        integer,
    partly_encrypted_legs integer,
    unencrypted_legs      integer,
    finding_count         integer,
    raw_deleted_at        timestamp(6) with time zone,
    -- the same bytes uploaded twice are one capture
    constraint uq_capture_sha256 unique (sha256),
    constraint fk_capture_vendor foreign key (vendor_id) references vendor (id),
    constraint ck_capture_status check (status in ('QUEUED', 'ANALYSING', 'DONE', 'FAILED')),
    constraint ck_capture_label check (label in ('CARRIER_TRUNK', 'WEBRTC_GATEWAY', 'INTERNAL_PBX', 'OTHER'))
);
create index ix_capture_uploaded on capture (uploaded_at);
create index ix_capture_vendor on capture (vendor_id, uploaded_at);

create table capture_report (
    capture_id uuid  not null primary key,
    content    bytea not null,
    constraint fk_capture_report_capture foreign key (capture_id) references capture (id)
);

create table capture_leg (
    id                       uuid          not null primary key,
    capture_id               uuid          not null,
    leg_id                   varchar(40)   not null,
    transport                varchar(10)   not null,
    endpoint_a               varchar(80)   not null,
    endpoint_b               varchar(80)   not null,
    verdict                  varchar(20)   not null,
    reason                   varchar(2000),
    tls_version              varchar(20),
    cipher_suite             varchar(120),
    server_name              varchar(255),
    certificate_names        varchar(4000),
    certificate_fingerprints varchar(2000),
    media                    varchar(4000),
    srtp_suites              varchar(1000),
    -- the ids of its media streams and the Call-IDs of its dialogs, which findings name
    subjects                 varchar(4000),
    plain_media              boolean       not null,
    first_frame              bigint        not null,
    last_frame               bigint        not null,
    first_seen_at            timestamp(6) with time zone,
    vendor_id                uuid,
    constraint fk_capture_leg_capture foreign key (capture_id) references capture (id),
    constraint fk_capture_leg_vendor foreign key (vendor_id) references vendor (id),
    constraint uq_capture_leg unique (capture_id, leg_id),
    constraint ck_capture_leg_verdict check (verdict in ('ENCRYPTED', 'PARTLY_ENCRYPTED', 'UNENCRYPTED'))
);
create index ix_capture_leg_vendor on capture_leg (vendor_id);

create table capture_finding (
    id           uuid          not null primary key,
    capture_id   uuid          not null,
    rule_id      varchar(60)   not null,
    severity     varchar(10)   not null,
    criterion    varchar(40)   not null,
    subject_type varchar(20)   not null,
    subject_id   varchar(300)  not null,
    frames       varchar(1000),
    explanation  varchar(2000) not null,
    remediation  varchar(2000),
    evidence     varchar(4000),
    vendor_id    uuid,
    constraint fk_capture_finding_capture foreign key (capture_id) references capture (id),
    constraint fk_capture_finding_vendor foreign key (vendor_id) references vendor (id)
);
create index ix_capture_finding_capture on capture_finding (capture_id);
create index ix_capture_finding_vendor on capture_finding (vendor_id, severity);

create table capture_certificate (
    id                  uuid          not null primary key,
    capture_id          uuid          not null,
    leg_id              varchar(40)   not null,
    endpoint            varchar(80)   not null,
    sha256_fingerprint  varchar(100)  not null,
    subject             varchar(1000),
    issuer              varchar(1000),
    not_before          timestamp(6) with time zone,
    not_after           timestamp(6) with time zone,
    self_signed         boolean       not null,
    key_algorithm       varchar(40),
    key_bits            integer       not null,
    signature_algorithm varchar(80),
    names               varchar(4000),
    vendor_id           uuid,
    constraint fk_capture_certificate_capture foreign key (capture_id) references capture (id),
    constraint fk_capture_certificate_vendor foreign key (vendor_id) references vendor (id)
);
create index ix_capture_certificate_capture on capture_certificate (capture_id);
create index ix_capture_certificate_expiry on capture_certificate (not_after);
