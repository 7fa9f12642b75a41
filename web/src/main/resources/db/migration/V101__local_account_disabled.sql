-- A local account can be disabled (deprovisioning of a leaver in the embedded default, where there is no Keycloak).
alter table local_account add column disabled_at timestamp with time zone;
alter table local_account add column disabled_reason varchar(200);
