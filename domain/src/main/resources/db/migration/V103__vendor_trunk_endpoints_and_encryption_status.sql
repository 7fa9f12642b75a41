-- Carrier trunk endpoints (where a carrier's SIP trunk is reached) and the carrier's encryption status, which the
-- capture analysis sets and which starts as "no capture analysed". Portable between H2 2.x and PostgreSQL 14+.

create table vendor_trunk_endpoint (
    id           uuid          not null primary key,
    vendor_id    uuid          not null,
    address      varchar(60),
    fqdn         varchar(253),
    port         integer,
    transport    varchar(10)   not null,
    fingerprints varchar(700)  not null,
    label        varchar(200),
    added_by     varchar(200)  not null,
    added_at     timestamp(6) with time zone not null,
    constraint fk_vendor_trunk_endpoint_vendor foreign key (vendor_id) references vendor (id),
    constraint ck_vendor_trunk_endpoint_target check (address is not null or fqdn is not null),
    constraint ck_vendor_trunk_endpoint_port check (port is null or (port between 1 and 65535)),
    constraint ck_vendor_trunk_endpoint_transport check (transport in ('UDP', 'TCP', 'TLS', 'SCTP', 'WS', 'WSS'))
);
create index ix_vendor_trunk_endpoint_vendor on vendor_trunk_endpoint (vendor_id);

alter table vendor add column encryption_status varchar(30) default 'NO_CAPTURE_ANALYSED' not null;
alter table vendor add column encryption_observed_at timestamp(6) with time zone;
alter table vendor add column encryption_basis varchar(1000);
alter table vendor add column encryption_capture_id varchar(100);
alter table vendor add constraint ck_vendor_encryption_status
    check (encryption_status in ('NO_CAPTURE_ANALYSED', 'ENCRYPTED', 'PARTLY_ENCRYPTED', 'UNENCRYPTED'));
