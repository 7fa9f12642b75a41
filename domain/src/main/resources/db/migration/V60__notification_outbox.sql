-- The notification outbox: every mail Trunkguard means to send (reminders, escalations), written in the transaction of
-- the event that caused it, then sent over SMTP or kept here for the outbox page. Portable between H2 2.x and
-- PostgreSQL 14+.

create table outbox_message (
    id                 uuid          not null primary key,
    version            bigint        not null,
    kind               varchar(40)   not null,
    recipient_username varchar(100),
    recipient_name     varchar(200)  not null,
    -- null when no address is known for the recipient: the message is FAILED with the reason, never dropped
    recipient_email    varchar(320),
    subject            varchar(300)  not null,
    body               varchar(8000) not null,
    reference_type     varchar(40)   not null,
    reference_id       varchar(100)  not null,
    created_at         timestamp(6) with time zone not null,
    status             varchar(20)   not null,
    attempts           integer       not null,
    last_error         varchar(1000),
    next_attempt_at    timestamp(6) with time zone,
    sent_at            timestamp(6) with time zone,
    constraint ck_outbox_message_status check (status in ('PENDING', 'SENT', 'FAILED', 'KEPT_IN_OUTBOX')),
    constraint ck_outbox_message_attempts check (attempts >= 0),
    constraint ck_outbox_message_sent check (status <> 'SENT' or sent_at is not null)
);
create index ix_outbox_message_due on outbox_message (status, next_attempt_at);
create index ix_outbox_message_created on outbox_message (created_at);
create index ix_outbox_message_recipient on outbox_message (recipient_username, created_at);
