-- The carrier's profile: headquarters country, status, the risk criteria that set its tier, and its sub-processors
-- (fourth parties). Existing carriers are active with their tier as set by hand. Portable between H2 2.x and
-- PostgreSQL 14+.

alter table vendor add column headquarters_country varchar(2);
alter table vendor add column status varchar(20) default 'ACTIVE' not null;
alter table vendor add column risk_data_handled varchar(30);
alter table vendor add column risk_call_content varchar(30);
alter table vendor add column risk_criticality varchar(30);
alter table vendor add constraint ck_vendor_status check (status in ('ONBOARDING', 'ACTIVE', 'OFFBOARDED'));
alter table vendor add constraint ck_vendor_risk_data_handled
    check (risk_data_handled in ('NO_PERSONAL_DATA', 'CALL_METADATA', 'PERSONAL_DATA', 'SENSITIVE_DATA'));
alter table vendor add constraint ck_vendor_risk_call_content check (risk_call_content in ('NONE', 'CARRIES', 'RECORDS'));
alter table vendor add constraint ck_vendor_risk_criticality
    check (risk_criticality in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL'));

create table vendor_sub_processor (
    vendor_id uuid         not null,
    position  integer      not null,
    name      varchar(200) not null,
    purpose   varchar(500) not null,
    country   varchar(2)   not null,
    constraint pk_vendor_sub_processor primary key (vendor_id, position),
    constraint fk_vendor_sub_processor_vendor foreign key (vendor_id) references vendor (id)
);
