-- The expiry watch and the escalation of overdue review conditions write one row per document, date and threshold
-- (or per condition) before they queue a message: the primary key makes the daily run idempotent, also when two
-- nodes run it at once. Portable between H2 2.x and PostgreSQL 14+.

create table carrier_watch_notice (
    notice_key varchar(200) not null primary key,
    vendor_id  uuid         not null,
    kind       varchar(40)  not null,
    due_on     date         not null,
    created_at timestamp(6) with time zone not null,
    constraint fk_carrier_watch_notice_vendor foreign key (vendor_id) references vendor (id)
);
create index ix_carrier_watch_notice_vendor on carrier_watch_notice (vendor_id);

alter table vendor_review_condition add column escalated_at timestamp(6) with time zone;
alter table vendor_review_condition add column escalated_to varchar(1000);
