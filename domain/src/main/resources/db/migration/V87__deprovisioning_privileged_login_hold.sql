-- The disabling of a privileged Trunkguard login (admin, auditor, compliance lead) waits for a second approver:
-- the case records that it is held, and who approved it later.
alter table deprovisioning_step drop constraint ck_deprovisioning_step_kind;
alter table deprovisioning_step add constraint ck_deprovisioning_step_kind check (kind in ('ACCOUNT_DISABLED',
    'NO_IDENTITY_PROVIDER', 'SESSIONS_ENDED', 'GRANT_REVOKED', 'ESCALATED', 'VERIFICATION_FAILED', 'VERIFIED', 'INVESTIGATED',
    'ACCOUNT_DISABLE_HELD'));
