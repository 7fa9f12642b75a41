-- Remediation tasks opened by captures: a trunk that regressed from encrypted, or a HIGH CC6.7 finding on a carrier
-- whose contract states an encryption clause. Assigned to the carrier's owner with a due date; escalated when
-- overdue; closed by a newer capture of the trunk or by a lead's accepted-risk justification (never the owner's).
-- Portable between H2 2.x and PostgreSQL 14+.

create table encryption_remediation (
    id                 uuid          not null primary key,
    version            bigint        not null,
    vendor_id          uuid          not null,
    trunk              varchar(80)   not null,
    capture_id         uuid          not null,
    cause              varchar(20)   not null,
    rule_id            varchar(60),
    description        varchar(2000) not null,
    frames             varchar(1000),
    owner_username     varchar(200),
    owner_name         varchar(200)  not null,
    opened_at          timestamp(6) with time zone not null,
    due_on             date          not null,
    escalated_at       timestamp(6) with time zone,
    status             varchar(20)   not null,
    closed_at          timestamp(6) with time zone,
    closed_by          varchar(200),
    closure            varchar(20),
    closing_capture_id uuid,
    justification      varchar(2000),
    -- one task per capture, carrier, trunk and cause: a retried analysis never opens a second one
    dedupe_key         varchar(400)  not null,
    constraint uq_encryption_remediation unique (dedupe_key),
    constraint fk_encryption_remediation_vendor foreign key (vendor_id) references vendor (id),
    constraint fk_encryption_remediation_capture foreign key (capture_id) references capture (id),
    constraint ck_encryption_remediation_cause check (cause in ('REGRESSION', 'HIGH_FINDING')),
    constraint ck_encryption_remediation_status check (status in ('OPEN', 'CLOSED')),
    constraint ck_encryption_remediation_closure check (closure is null or closure in ('NEWER_CAPTURE', 'ACCEPTED_RISK'))
);
create index ix_encryption_remediation_vendor on encryption_remediation (vendor_id, status);
