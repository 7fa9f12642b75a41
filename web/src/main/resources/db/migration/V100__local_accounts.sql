-- Local accounts of the embedded default (form login). Passwords are stored only as BCrypt hashes.
-- Web owns V100 and up; domain owns V1..V99.
create table local_account (
    username            varchar(64)  not null primary key,
    role                varchar(32)  not null,
    password_hash       varchar(100) not null,
    created_at          timestamp with time zone not null,
    password_changed_at timestamp with time zone not null
);
