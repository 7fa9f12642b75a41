-- Deprovisioning without identity provider (embedded default), the lead's investigation notes, and the stored
-- deprovisioning log (XLSX, PDF) kept as SOC 2 CC6.1 evidence dated the end of its period. Portable H2 2.x / PostgreSQL.
alter table deprovisioning_step drop constraint ck_deprovisioning_step_kind;
alter table deprovisioning_step add constraint ck_deprovisioning_step_kind check (kind in ('ACCOUNT_DISABLED',
    'NO_IDENTITY_PROVIDER', 'SESSIONS_ENDED', 'GRANT_REVOKED', 'ESCALATED', 'VERIFICATION_FAILED', 'VERIFIED', 'INVESTIGATED'));

create table deprovisioning_log_file (
    id            uuid          not null primary key,
    period_from   date          not null,
    period_to     date          not null,
    format        varchar(10)   not null,
    criterion     varchar(10)   not null,
    file_name     varchar(200)  not null,
    content_type  varchar(100)  not null,
    content       bytea         not null,
    size_bytes    bigint        not null,
    sha256        varchar(64)   not null,
    case_count    integer       not null,
    evidence_date timestamp(6) with time zone not null,
    generated_at  timestamp(6) with time zone not null,
    generated_by  varchar(100)  not null,
    constraint ck_deprovisioning_log_file_format check (format in ('PDF', 'XLSX')),
    constraint ck_deprovisioning_log_file_period check (period_from <= period_to)
);
create index ix_deprovisioning_log_file_period on deprovisioning_log_file (period_to, generated_at);
