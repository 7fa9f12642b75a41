-- A template that questionnaires were sent from cannot be deleted (their answers refer to
-- its questions); it is retired instead: kept, shown as retired, no longer offered for
-- sending.
alter table questionnaire_template add column retired_at timestamp(6) with time zone;
alter table questionnaire_template add column retired_by varchar(200);
