-- Audits (engagements): a name, the period an auditor looks at, the SOC 2 criteria in scope (comma-separated,
-- a subset of CC6.1, CC6.7, CC7.2, CC9.2) and the logins of the auditors assigned (comma-separated). Created and
-- edited by compliance leads and admins; every change audited. Portable between H2 2.x and PostgreSQL 14+.
create table audit_engagement (
    id          uuid          not null primary key,
    version     bigint        not null,
    name        varchar(200)  not null,
    period_from date          not null,
    period_to   date          not null,
    criteria    varchar(100)  not null,
    auditors    varchar(2000) not null,
    created_by  varchar(200)  not null,
    created_at  timestamp(6) with time zone not null,
    changed_by  varchar(200)  not null,
    changed_at  timestamp(6) with time zone not null,
    constraint ck_audit_engagement_period check (period_to >= period_from)
);
