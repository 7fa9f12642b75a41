-- A reviewer's inbox page is their items in one campaign sorted by system, person and entitlement
-- (ReviewScaleBench: an owner with 5,000 items, pages of 500). ix_review_item_reviewer finds the items
-- but PostgreSQL then sorts all 5,000 of them for every page; with this index it reads the page in order.
create index ix_review_item_inbox on review_item (campaign_id, reviewer_username, system_name, person_name, entitlement);
