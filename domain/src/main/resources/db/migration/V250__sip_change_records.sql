-- SIP configuration and change records (CC6.7, CC8.1). Portable between H2 2.x and PostgreSQL 14+.
create table sip_change (
    id                 uuid          not null primary key,
    kind               varchar(20)   not null,
    system_name        varchar(200)  not null,
    vendor_id          uuid          references vendor (id),
    summary            varchar(300)  not null,
    reason             varchar(4000) not null,
    requested_by       varchar(200)  not null,
    applied_on         date          not null,
    touches_encryption boolean       not null,
    capture_id         uuid,
    status             varchar(20)   not null,
    recorded_by        varchar(200)  not null,
    recorded_at        timestamp(6) with time zone not null,
    approved_by        varchar(200),
    approved_at        timestamp(6) with time zone,
    evidence_item_id   uuid,
    version            bigint        not null,
    constraint ck_sip_change_kind check (kind in ('SBC', 'PBX', 'PROXY', 'TRUNK')),
    constraint ck_sip_change_status check (status in ('AWAITING_APPROVAL', 'APPROVED')),
    -- a second person approves: never the requester (checked case-insensitively by the domain too)
    constraint ck_sip_change_second_person check (approved_by is null or lower(approved_by) <> lower(requested_by))
);
create index ix_sip_change_applied on sip_change (applied_on);

-- Configuration excerpts, stored in the file store after their secrets were redacted.
create table sip_change_excerpt (
    id                uuid          not null primary key,
    change_id         uuid          not null references sip_change (id),
    stored_file_id    uuid          not null,
    file_name         varchar(255)  not null,
    sha256            varchar(64)   not null,
    redactions        integer       not null,
    redaction_summary varchar(2000) not null,
    added_by          varchar(200)  not null,
    added_at          timestamp(6) with time zone not null
);
create index ix_sip_change_excerpt_change on sip_change_excerpt (change_id);
