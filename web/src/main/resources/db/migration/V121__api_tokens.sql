-- API tokens for automation in the embedded default (an SBC or cron job pushing captures): created by admins with a
-- name, a role and an expiry, shown once, kept only as a SHA-256 hash of their 256 random bits, revocable.
create table api_token (
    id           uuid         not null primary key,
    name         varchar(100) not null,
    role         varchar(40)  not null,
    token_hash   varchar(64)  not null,
    token_prefix varchar(16)  not null,
    created_by   varchar(200) not null,
    created_at   timestamp(6) with time zone not null,
    expires_at   timestamp(6) with time zone not null,
    last_used_at timestamp(6) with time zone,
    revoked_at   timestamp(6) with time zone,
    revoked_by   varchar(200),
    constraint uq_api_token_hash unique (token_hash),
    constraint uq_api_token_name unique (name)
);
