-- The HR webhook and SCIM answer after one short transaction that records the delivery here; the case, its receipt,
-- its audit entries and its process are then written by the intake worker (issue 16: a layoff's burst of 1,000
-- terminations). A row is the durable record of a delivery until the worker has turned it into a receipt of its case
-- and deleted it; a node killed in between leaves the row for the next drain. Portable between H2 2.x and
-- PostgreSQL 14+.

create table termination_intake (
    id              uuid          not null primary key,
    event_id        varchar(200)  not null,
    -- the person the event named, resolved when it was received
    person_id       uuid          not null,
    hr_id           varchar(64)   not null,
    -- the case that will take it: the one the event id is bound to, the person's open one, or a new one
    case_id         uuid          not null,
    source          varchar(20)   not null,
    effective_at    timestamp(6) with time zone not null,
    received_at     timestamp(6) with time zone not null,
    received_by     varchar(100)  not null,
    attempts        integer       not null,
    next_attempt_at timestamp(6) with time zone not null,
    last_error      varchar(1000),
    constraint fk_termination_intake_person foreign key (person_id) references person (id),
    constraint ck_termination_intake_source check (source in ('HR_WEBHOOK', 'SCIM', 'ROSTER_CSV', 'MANUAL'))
);
create index ix_termination_intake_due on termination_intake (next_attempt_at);
create index ix_termination_intake_person on termination_intake (person_id);

-- Which person and case an event id belongs to, from its first delivery on: the primary key decides between two
-- first deliveries at once, so an id reused for another person is refused (409) even before its case exists.
-- Events received before V300 are found through deprovisioning_receipt.
create table termination_event_binding (
    event_id   varchar(200)  not null primary key,
    person_id  uuid          not null,
    hr_id      varchar(64)   not null,
    case_id    uuid          not null,
    constraint fk_termination_event_binding_person foreign key (person_id) references person (id)
);

-- The case a person's next new case will have, from the first delivery that found no open case until the worker opens
-- it: the primary key decides between two first deliveries for one person at once (two different event ids), so both
-- are answered with the same case id, the one that is then opened (never an id that is not created). The roster
-- import's receipts take the same row, so they open that case too.
create table termination_person_case (
    person_id  uuid  not null primary key,
    case_id    uuid  not null,
    constraint fk_termination_person_case_person foreign key (person_id) references person (id)
);
