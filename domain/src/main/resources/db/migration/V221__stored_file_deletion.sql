-- A stored file's bytes can be deleted (raw captures after their retention period); the row stays and says when,
-- by whom and why, so evidence that named the file still shows what it was.
alter table stored_file add column deleted_at timestamp(6) with time zone;
alter table stored_file add column deleted_by varchar(200);
alter table stored_file add column deletion_reason varchar(500);
