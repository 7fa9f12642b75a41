-- Names a lead gives to endpoints (address and port), in general or for a carrier, so the call-path diagrams label
-- the box with it ("Kamailio edge proxy") instead of "Phone or PBX". One name per address and port.
-- Portable between H2 2.x and PostgreSQL 14+.
create table endpoint_name (
    id         uuid         not null primary key,
    address    varchar(100) not null,
    port       integer      not null,
    name       varchar(120) not null,
    vendor_id  uuid,
    named_by   varchar(200) not null,
    named_at   timestamp(6) with time zone not null,
    constraint uq_endpoint_name_address_port unique (address, port),
    constraint fk_endpoint_name_vendor foreign key (vendor_id) references vendor (id),
    constraint ck_endpoint_name_port check (port between 1 and 65535)
);
