-- A person's login account (username) is bound explicitly: a change of the binding is requested by one compliance
-- lead or admin and takes effect only when a second one approves it. Every request is kept with who asked, who
-- decided and when. Portable between H2 2.x and PostgreSQL 14+.

create table account_binding_request (
    id              uuid          not null primary key,
    version         bigint        not null,
    person_id       uuid          not null,
    hr_id           varchar(64)   not null,
    from_username   varchar(100),
    to_username     varchar(100),
    reason          varchar(1000) not null,
    requested_by    varchar(100)  not null,
    requested_at    timestamp(6) with time zone not null,
    status          varchar(20)   not null,
    decided_by      varchar(100),
    decided_at      timestamp(6) with time zone,
    decision_note   varchar(1000),
    constraint fk_account_binding_request_person foreign key (person_id) references person (id),
    constraint ck_account_binding_request_status check (status in ('PENDING', 'APPROVED', 'REJECTED'))
);
create index ix_account_binding_request_status on account_binding_request (status, requested_at);
create index ix_account_binding_request_person on account_binding_request (person_id);
