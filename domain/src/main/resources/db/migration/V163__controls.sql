-- The SOC 2 criteria in scope with their points of focus (seeded; summarised in our words, after the 2017 Trust
-- Services Criteria), and the narratives a compliance lead writes (a new row per version). Portable between H2 2.x
-- and PostgreSQL 14+.
create table control (
    code       varchar(10)   not null primary key,
    title      varchar(200)  not null,
    criterion  varchar(1000) not null,
    position   integer       not null
);

create table control_point_of_focus (
    control_code varchar(10)  not null,
    position     integer      not null,
    text         varchar(500) not null,
    constraint pk_control_point_of_focus primary key (control_code, position),
    constraint fk_control_point_of_focus foreign key (control_code) references control (code)
);

create table control_narrative (
    id           uuid          not null primary key,
    control_code varchar(10)   not null,
    version      integer       not null,
    text         varchar(8000) not null,
    written_by   varchar(200)  not null,
    written_at   timestamp(6) with time zone not null,
    constraint uk_control_narrative_version unique (control_code, version),
    constraint fk_control_narrative_control foreign key (control_code) references control (code)
);

insert into control (code, title, criterion, position) values
    ('CC6.1', 'Logical access security',
     'Logical access to information assets is restricted to authorised people, granted and removed through a managed process.', 1),
    ('CC6.7', 'Transmission of information',
     'Information moving over networks, including voice signalling and media to carriers, is protected in transit.', 2),
    ('CC7.2', 'Monitoring for anomalies',
     'System components are monitored for anomalies that indicate malicious acts, and anomalies are analysed and followed up.', 3),
    ('CC9.2', 'Vendor and business partner risk',
     'Risks from vendors and business partners, including carriers, are assessed and managed through their lifecycle.', 4);

insert into control_point_of_focus (control_code, position, text) values
    ('CC6.1', 0, 'Identifies and manages the inventory of information assets and who may use them'),
    ('CC6.1', 1, 'Restricts logical access through role-based access and least privilege'),
    ('CC6.1', 2, 'Reviews access periodically and removes access that is no longer needed'),
    ('CC6.1', 3, 'Removes access promptly when employment or a contract ends'),
    ('CC6.1', 4, 'Uses strong authentication for administrative access'),
    ('CC6.7', 0, 'Restricts the transmission of information to authorised parties and channels'),
    ('CC6.7', 1, 'Uses encryption to protect information in transit (TLS 1.2+, SRTP)'),
    ('CC6.7', 2, 'Manages the certificates that protect transmission'),
    ('CC6.7', 3, 'Detects and follows up unprotected transmission'),
    ('CC7.2', 0, 'Implements detection policies and tools for anomalous activity'),
    ('CC7.2', 1, 'Monitors for authentication failures, scanning and fraud patterns'),
    ('CC7.2', 2, 'Monitors certificate expiry'),
    ('CC7.2', 3, 'Analyses detected anomalies and follows them up'),
    ('CC9.2', 0, 'Establishes requirements for vendors, including security and encryption terms'),
    ('CC9.2', 1, 'Assesses vendor risk before engagement and periodically'),
    ('CC9.2', 2, 'Reviews vendors'' independent assurance reports and their exceptions'),
    ('CC9.2', 3, 'Tracks vendor commitments (DPAs, questionnaires, conditions) and follows up deviations');
