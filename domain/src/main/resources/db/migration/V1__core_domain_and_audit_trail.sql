-- Trunkguard core domain: people, systems, grants, vendors, the audit trail and Spring Modulith's event
-- publication registry. Portable between H2 2.x and PostgreSQL 14+ (no vendor-specific syntax).

create table person (
    id                uuid          not null primary key,
    version           bigint        not null,
    hr_id             varchar(64)   not null,
    full_name         varchar(200)  not null,
    email             varchar(320)  not null,
    username          varchar(100),
    manager_id        uuid,
    department        varchar(100),
    employment_type   varchar(20)   not null,
    employment_status varchar(20)   not null,
    start_date        date          not null,
    end_date          date,
    created_at        timestamp(6) with time zone not null,
    updated_at        timestamp(6) with time zone not null,
    constraint uk_person_hr_id unique (hr_id),
    constraint uk_person_username unique (username),
    constraint fk_person_manager foreign key (manager_id) references person (id),
    constraint ck_person_employment_type check (employment_type in ('EMPLOYEE', 'CONTRACTOR')),
    constraint ck_person_employment_status check (employment_status in ('ACTIVE', 'LEFT'))
);
create index ix_person_manager on person (manager_id);

create table access_system (
    id                uuid          not null primary key,
    version           bigint        not null,
    name              varchar(120)  not null,
    kind              varchar(40)   not null,
    description       varchar(1000),
    owner_id          uuid          not null,
    in_review_scope   boolean       not null,
    connector         varchar(20)   not null,
    reviewer_strategy varchar(20)   not null,
    created_at        timestamp(6) with time zone not null,
    updated_at        timestamp(6) with time zone not null,
    constraint uk_access_system_name unique (name),
    constraint fk_access_system_owner foreign key (owner_id) references person (id),
    constraint ck_access_system_connector check (connector in ('KEYCLOAK', 'MANUAL')),
    constraint ck_access_system_reviewer check (reviewer_strategy in ('SYSTEM_OWNER', 'MANAGER'))
);

create table access_grant (
    id                uuid          not null primary key,
    version           bigint        not null,
    person_id         uuid          not null,
    system_id         uuid          not null,
    entitlement       varchar(120)  not null,
    privileged        boolean       not null,
    granted_at        timestamp(6) with time zone not null,
    granted_by        varchar(100)  not null,
    last_used_at      timestamp(6) with time zone,
    status            varchar(20)   not null,
    revoked_at        timestamp(6) with time zone,
    revoked_by        varchar(100),
    revocation_reason varchar(1000),
    constraint fk_access_grant_person foreign key (person_id) references person (id),
    constraint fk_access_grant_system foreign key (system_id) references access_system (id),
    constraint ck_access_grant_status check (status in ('ACTIVE', 'REVOKED')),
    constraint ck_access_grant_revoked check (status <> 'REVOKED' or (revoked_at is not null and revoked_by is not null))
);
create index ix_access_grant_person on access_grant (person_id, status);
create index ix_access_grant_system on access_grant (system_id, status);

create table vendor (
    id         uuid          not null primary key,
    version    bigint        not null,
    name       varchar(200)  not null,
    services   varchar(1000) not null,
    risk_tier  varchar(20)   not null,
    owner_id   uuid          not null,
    created_at timestamp(6) with time zone not null,
    updated_at timestamp(6) with time zone not null,
    constraint uk_vendor_name unique (name),
    constraint fk_vendor_owner foreign key (owner_id) references person (id),
    constraint ck_vendor_risk_tier check (risk_tier in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL'))
);

create table vendor_contact (
    vendor_id uuid         not null,
    contact_order integer    not null,
    name      varchar(200) not null,
    email     varchar(320) not null,
    phone     varchar(40),
    constraint pk_vendor_contact primary key (vendor_id, contact_order),
    constraint fk_vendor_contact_vendor foreign key (vendor_id) references vendor (id)
);

-- The audit trail: append-only, each entry chained to the previous one by its SHA-256 hash.
create table audit_entry (
    sequence      bigint        not null primary key,
    occurred_at   timestamp(6) with time zone not null,
    actor         varchar(200)  not null,
    action        varchar(100)  not null,
    subject_type  varchar(100),
    subject_id    varchar(200),
    details       varchar(8000),
    previous_hash varchar(64)   not null,
    hash          varchar(64)   not null,
    constraint uk_audit_entry_hash unique (hash)
);
create index ix_audit_entry_occurred_at on audit_entry (occurred_at);
create index ix_audit_entry_subject on audit_entry (subject_type, subject_id);

-- One row: the newest entry's sequence and hash. Appenders lock it (SELECT ... FOR UPDATE) to serialize.
create table audit_chain_head (
    id            integer      not null primary key,
    last_sequence bigint       not null,
    last_hash     varchar(64)  not null,
    constraint ck_audit_chain_head_single check (id = 1)
);
insert into audit_chain_head (id, last_sequence, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Marks a loaded demo data set, so it is loaded once (also across nodes starting together).
create table demo_data_load (
    data_set  varchar(50) not null primary key,
    loaded_at timestamp(6) with time zone not null
);

-- Spring Modulith 1.4 event publication registry (JPA), for listeners that must be retried, not lost.
create table event_publication (
    id               uuid         not null primary key,
    listener_id      varchar(512) not null,
    event_type       varchar(512) not null,
    serialized_event varchar(100000) not null,
    publication_date timestamp(6) with time zone not null,
    completion_date  timestamp(6) with time zone
);
create index ix_event_publication_incomplete on event_publication (completion_date);

create table event_publication_archive (
    id               uuid         not null primary key,
    listener_id      varchar(512) not null,
    event_type       varchar(512) not null,
    serialized_event varchar(100000) not null,
    publication_date timestamp(6) with time zone not null,
    completion_date  timestamp(6) with time zone
);
