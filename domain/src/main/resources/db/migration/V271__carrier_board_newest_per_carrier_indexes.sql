-- The carrier board looks up, per carrier, the newest decided review, the running review,
-- the newest SOC report and the newest questionnaire (one LATERAL ... LIMIT 1 each on
-- PostgreSQL). Each lookup needs an index ordered the way it reads, so that it is one
-- index probe, not a scan or sort of the carrier's history. The newest decided review and
-- the newest questionnaire have theirs already (ix_vendor_review_decided and
-- ix_questionnaire_vendor, read backwards); these are the other two.
create index ix_vendor_review_running on vendor_review (vendor_id, status, started_at desc);
create index ix_vendor_soc_report_newest on vendor_soc_report (vendor_id, period_end desc, reviewed_at desc);
-- the new SOC report index starts with the same columns as this one
drop index ix_vendor_soc_report_vendor;
