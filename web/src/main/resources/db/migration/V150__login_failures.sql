-- Failed local logins per typed account name and per source address, shared by every node (issue 13:
-- the counts were kept per node in memory, so each node behind a load balancer gave an attacker its own
-- allowance). One row per name or address; the row is locked while a failure is counted, so exactly one
-- node sees the failure that locks it out. Rows are forgotten a lockout's duration after their last
-- failure. Web's range for this change is V150..V159 (out-of-order is on).
create table login_failure (
    kind          varchar(10)  not null,
    throttle_key  varchar(200) not null,
    failures      integer      not null,
    last_failure  timestamp with time zone not null,
    blocked_until timestamp with time zone,
    primary key (kind, throttle_key)
);
create index ix_login_failure_last_failure on login_failure (last_failure);
