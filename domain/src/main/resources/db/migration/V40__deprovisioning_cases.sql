-- HR-triggered deprovisioning cases, every receipt of their termination event and every step. Portable between
-- H2 2.x and PostgreSQL 14+.

create table deprovisioning_case (
    id                          uuid          not null primary key,
    version                     bigint        not null,
    person_id                   uuid          not null,
    -- the person while the case is open, null afterwards: at most one open case per person
    open_person_id              uuid,
    hr_id                       varchar(64)   not null,
    username                    varchar(100),
    event_id                    varchar(200)  not null,
    source                      varchar(20)   not null,
    effective_at                timestamp(6) with time zone not null,
    received_at                 timestamp(6) with time zone not null,
    status                      varchar(20)   not null,
    verification_attempts       integer       not null,
    last_access_removed_at      timestamp(6) with time zone,
    time_to_deprovision_seconds bigint,
    sla_met                     boolean,
    completed_at                timestamp(6) with time zone,
    constraint uk_deprovisioning_case_event unique (event_id),
    constraint uk_deprovisioning_case_open_person unique (open_person_id),
    constraint fk_deprovisioning_case_person foreign key (person_id) references person (id),
    constraint ck_deprovisioning_case_status check (status in ('OPEN', 'COMPLETED')),
    constraint ck_deprovisioning_case_source check (source in ('HR_WEBHOOK', 'SCIM', 'ROSTER_CSV', 'MANUAL')),
    constraint ck_deprovisioning_case_completed check (status = 'OPEN'
        or (completed_at is not null and sla_met is not null and open_person_id is null))
);
create index ix_deprovisioning_case_person on deprovisioning_case (person_id);
create index ix_deprovisioning_case_status on deprovisioning_case (status, effective_at);

create table deprovisioning_receipt (
    case_id      uuid          not null,
    seq          integer       not null,
    event_id     varchar(200)  not null,
    source       varchar(20)   not null,
    effective_at timestamp(6) with time zone not null,
    received_at  timestamp(6) with time zone not null,
    received_by  varchar(100)  not null,
    duplicate    boolean       not null,
    primary key (case_id, seq),
    constraint fk_deprovisioning_receipt_case foreign key (case_id) references deprovisioning_case (id)
);
create index ix_deprovisioning_receipt_event on deprovisioning_receipt (event_id);

create table deprovisioning_step (
    case_id     uuid          not null,
    seq         integer       not null,
    kind        varchar(30)   not null,
    grant_id    uuid,
    system_id   uuid,
    system_name varchar(120),
    entitlement varchar(120),
    done_at     timestamp(6) with time zone not null,
    done_by     varchar(100)  not null,
    sla_due_at  timestamp(6) with time zone,
    note        varchar(1000),
    primary key (case_id, seq),
    constraint fk_deprovisioning_step_case foreign key (case_id) references deprovisioning_case (id),
    constraint ck_deprovisioning_step_kind check (kind in ('ACCOUNT_DISABLED', 'SESSIONS_ENDED', 'GRANT_REVOKED', 'ESCALATED',
        'VERIFICATION_FAILED', 'VERIFIED'))
);
