-- Refused requests without valid credentials (forged webhooks, wrong SCIM or API tokens, failed logins)
-- counted per kind and source address in the database, shared by every node (issue 13: the counts were
-- kept per node in memory, so an attacker alternating nodes got each node's first entry written at once
-- and a crash lost a window's count). One row per open window: opened_at is null until the window's first
-- refusal has been written to the audit trail; the row is locked while a refusal is counted, and the node
-- that closes an ended window writes its count and deletes the row in one transaction.
-- Web's range for this change is V290..V299 (out-of-order is on).
create table refusal_count (
    action       varchar(100) not null,
    actor        varchar(100) not null,
    subject_type varchar(100) not null,
    source       varchar(200) not null,
    opened_at    timestamp with time zone,
    last_at      timestamp with time zone not null,
    repeated     bigint       not null,
    examples     varchar(1200) not null,
    primary key (action, actor, subject_type, source)
);
create index ix_refusal_count_opened_at on refusal_count (opened_at);
