-- The carrier record: contracts with their encryption clause, signed documents (DPA, BAA, bridge letters) and SOC
-- report reviews with exceptions, CUECs and subservice organisations. Files live in stored_file. Portable between
-- H2 2.x and PostgreSQL 14+.

create table vendor_contract (
    id                uuid          not null primary key,
    vendor_id         uuid          not null,
    title             varchar(200)  not null,
    starts_on         date          not null,
    ends_on           date,
    notice_days       integer       not null,
    auto_renews       boolean       not null,
    signalling_clause varchar(20)   not null,
    media_clause      varchar(20)   not null,
    file_id           uuid,
    added_by          varchar(200)  not null,
    added_at          timestamp(6) with time zone not null,
    constraint fk_vendor_contract_vendor foreign key (vendor_id) references vendor (id),
    constraint fk_vendor_contract_file foreign key (file_id) references stored_file (id),
    constraint ck_vendor_contract_signalling check (signalling_clause in ('NONE', 'TLS_1_2', 'TLS_1_3')),
    constraint ck_vendor_contract_media check (media_clause in ('NONE', 'SRTP', 'SRTP_OR_DTLS_SRTP'))
);
create index ix_vendor_contract_vendor on vendor_contract (vendor_id);

create table vendor_document (
    id          uuid          not null primary key,
    vendor_id   uuid          not null,
    kind        varchar(20)   not null,
    title       varchar(200)  not null,
    valid_from  date          not null,
    valid_until date,
    file_id     uuid,
    added_by    varchar(200)  not null,
    added_at    timestamp(6) with time zone not null,
    constraint fk_vendor_document_vendor foreign key (vendor_id) references vendor (id),
    constraint fk_vendor_document_file foreign key (file_id) references stored_file (id),
    constraint ck_vendor_document_kind check (kind in ('DPA', 'BAA', 'SOC_REPORT', 'BRIDGE_LETTER', 'CONTRACT', 'OTHER'))
);
create index ix_vendor_document_vendor on vendor_document (vendor_id);

create table vendor_soc_report (
    id             uuid          not null primary key,
    vendor_id      uuid          not null,
    soc_type       varchar(10)   not null,
    report_type    varchar(10)   not null,
    categories     varchar(300)  not null,
    period_start   date,
    period_end     date          not null,
    issued_on      date          not null,
    auditor_firm   varchar(200)  not null,
    opinion        varchar(20)   not null,
    qualification  varchar(4000),
    bridge_from    date,
    bridge_to      date,
    report_file_id uuid,
    bridge_file_id uuid,
    reviewed_by    varchar(200)  not null,
    reviewed_at    timestamp(6) with time zone not null,
    constraint fk_vendor_soc_report_vendor foreign key (vendor_id) references vendor (id),
    constraint fk_vendor_soc_report_file foreign key (report_file_id) references stored_file (id),
    constraint fk_vendor_soc_report_bridge foreign key (bridge_file_id) references stored_file (id),
    constraint ck_vendor_soc_report_type check (report_type in ('TYPE_I', 'TYPE_II')),
    constraint ck_vendor_soc_report_soc check (soc_type in ('SOC_1', 'SOC_2', 'SOC_3')),
    constraint ck_vendor_soc_report_opinion check (opinion in ('UNQUALIFIED', 'QUALIFIED', 'ADVERSE', 'DISCLAIMER'))
);
create index ix_vendor_soc_report_vendor on vendor_soc_report (vendor_id, period_end);

create table vendor_soc_exception (
    report_id           uuid          not null,
    position            integer       not null,
    control_ref         varchar(50)   not null,
    description         varchar(2000) not null,
    management_response varchar(2000),
    assessment          varchar(30)   not null,
    constraint pk_vendor_soc_exception primary key (report_id, position),
    constraint fk_vendor_soc_exception_report foreign key (report_id) references vendor_soc_report (id)
);

create table vendor_soc_cuec (
    report_id   uuid          not null,
    position    integer       not null,
    description varchar(2000) not null,
    our_control varchar(300),
    owner       varchar(200),
    status      varchar(20)   not null,
    constraint pk_vendor_soc_cuec primary key (report_id, position),
    constraint fk_vendor_soc_cuec_report foreign key (report_id) references vendor_soc_report (id)
);

create table vendor_soc_subservice (
    report_id   uuid          not null,
    position    integer       not null,
    name        varchar(200)  not null,
    method      varchar(20)   not null,
    report_held boolean       not null,
    constraint pk_vendor_soc_subservice primary key (report_id, position),
    constraint fk_vendor_soc_subservice_report foreign key (report_id) references vendor_soc_report (id)
);
