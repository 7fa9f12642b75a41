-- Why a campaign was started while another one of the same quarter still covered the same grants, and who ended
-- reviewing early (before the deadline) with which justification. Portable between H2 2.x and PostgreSQL 14+.
alter table review_campaign add column overlap_reason varchar(2000);
alter table review_campaign add column ended_early_by varchar(100);
alter table review_campaign add column early_end_reason varchar(2000);
