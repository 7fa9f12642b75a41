-- Access review additions: why a revocation went to the manual path, proof attachments of manual removals, and
-- comments on items. Portable between H2 2.x and PostgreSQL 14+.

-- Set when a revocation on a system with a connector is routed to its owner because no connector is configured
-- (e.g. the embedded default without Keycloak): the item and the audit trail say why it is manual.
alter table review_item add column manual_remediation_reason varchar(500);

-- Files a system owner or compliance lead attached to prove a manual removal. Never changed after they are stored.
create table review_remediation_proof (
    id            uuid          not null primary key,
    item_id       uuid          not null,
    campaign_id   uuid          not null,
    file_name     varchar(200)  not null,
    content_type  varchar(100)  not null,
    content       bytea         not null,
    size_bytes    bigint        not null,
    sha256        varchar(64)   not null,
    uploaded_by   varchar(100)  not null,
    uploaded_at   timestamp(6) with time zone not null,
    constraint fk_review_proof_item foreign key (item_id) references review_item (id),
    constraint fk_review_proof_campaign foreign key (campaign_id) references review_campaign (id)
);
create index ix_review_proof_item on review_remediation_proof (item_id);
create index ix_review_proof_campaign on review_remediation_proof (campaign_id);

-- Comments of reviewers and compliance leads on an item (append-only; each one is in the audit trail too).
create table review_comment (
    id          uuid          not null primary key,
    item_id     uuid          not null,
    campaign_id uuid          not null,
    author      varchar(100)  not null,
    body        varchar(2000) not null,
    created_at  timestamp(6) with time zone not null,
    constraint fk_review_comment_item foreign key (item_id) references review_item (id)
);
create index ix_review_comment_item on review_comment (item_id, created_at);
create index ix_review_item_grant on review_item (grant_id);
