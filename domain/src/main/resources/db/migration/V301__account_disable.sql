-- A leaver's account is disabled from the recorded delivery, before (and apart from) the case's process (issue 16: a
-- layoff's burst of 1,000 terminations). The HR webhook's and SCIM's intake inserts a row here in its transaction when
-- a delivery opens a new case; a bounded pool (AccountDisabler) claims rows in a short transaction, calls the identity
-- provider with no database connection held, and records the outcome in another short statement. The process's
-- disable step then writes the case's steps (and their audit entries) from the recorded outcome, with its time.
-- A claim is a lease (claimed_until): a node killed between the identity provider's answer and the record leaves the
-- row pending, and it is claimed again when the lease ends (disabling an account twice is harmless; the record is
-- written once). Portable between H2 2.x and PostgreSQL 14+.

create table account_disable (
    -- the case the intake answered (moved to the opened case if the intake worker opened another)
    case_id         uuid          not null primary key,
    person_id       uuid          not null,
    username        varchar(100)  not null,
    received_at     timestamp(6) with time zone not null,
    -- PENDING, DISABLED (done), HELD (a privileged login: waits for a second approver in the process)
    state           varchar(20)   not null,
    claimed_until   timestamp(6) with time zone,
    attempts        integer       not null,
    next_attempt_at timestamp(6) with time zone not null,
    last_error      varchar(1000),
    -- when the identity provider had disabled the account (or when the hold was decided)
    done_at         timestamp(6) with time zone,
    account_existed boolean,
    sessions_ended  integer,
    done_by         varchar(100),
    constraint fk_account_disable_person foreign key (person_id) references person (id),
    constraint ck_account_disable_state check (state in ('PENDING', 'DISABLED', 'HELD'))
);
create index ix_account_disable_due on account_disable (state, next_attempt_at);
