-- Sessions at the identity provider that ended (OpenID Connect back-channel logout, e.g. when
-- deprovisioning logs a leaver out of Keycloak). Every node refuses the browser sessions and bearer
-- tokens that carry such a session id ("sid"), whichever node received the logout. Web's range for
-- this change is V80..V84 (out-of-order is on).
create table ended_login_session (
    session_id varchar(255) not null primary key,
    subject    varchar(255),
    ended_at   timestamp with time zone not null
);
create index ix_ended_login_session_ended_at on ended_login_session (ended_at);
