-- MFA on privileged access (CC6.1): each read of the identity provider, one row per privileged
-- person, and the exceptions it opened for system owners. Portable between H2 2.x and PostgreSQL 14+.
create table mfa_read (
    id                 uuid          not null primary key,
    read_at            timestamp(6) with time zone not null,
    read_by            varchar(200)  not null,
    source             varchar(300)  not null,
    identity_provider  boolean       not null,
    realm_summary      varchar(8000) not null,
    exception_count    integer       not null
);
create index ix_mfa_read_at on mfa_read (read_at);

create table mfa_read_row (
    read_id    uuid          not null references mfa_read (id),
    row_no     integer       not null,
    username   varchar(200)  not null,
    full_name  varchar(300),
    roles      varchar(4000) not null,
    factors    varchar(1000) not null,
    status     varchar(40)   not null,
    is_exception boolean     not null,
    sentence   varchar(2000) not null,
    primary key (read_id, row_no),
    constraint ck_mfa_read_row_status check (status in ('ENFORCED_AND_CONFIGURED', 'CONFIGURED_NOT_REQUIRED',
        'REQUIRED_NOT_CONFIGURED', 'MISSING', 'NO_ACCOUNT', 'DISABLED', 'NOT_EVIDENCED'))
);

create table mfa_exception (
    id              uuid          not null primary key,
    username        varchar(200)  not null,
    person_name     varchar(300)  not null,
    system_id       uuid,
    system_name     varchar(200)  not null,
    role            varchar(300)  not null,
    owner_username  varchar(200),
    owner_name      varchar(300)  not null,
    reason          varchar(2000) not null,
    status          varchar(20)   not null,
    opened_at       timestamp(6) with time zone not null,
    opened_by_read  uuid          not null references mfa_read (id),
    closed_at       timestamp(6) with time zone,
    closed_by       varchar(200),
    close_note      varchar(2000),
    version         bigint        not null,
    constraint ck_mfa_exception_status check (status in ('OPEN', 'CLOSED')),
    -- nobody closes an exception about their own account
    constraint ck_mfa_exception_not_own check (closed_by is null or lower(closed_by) <> lower(username))
);
create index ix_mfa_exception_status on mfa_exception (status, username);
