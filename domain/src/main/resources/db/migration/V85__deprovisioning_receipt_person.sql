-- Every receipt of a termination event names the person it was received for (resolved at receipt) and the HR id
-- the event carried, so an event id reused for another person can be told apart and refused. Existing receipts
-- take their case's person. Portable between H2 2.x and PostgreSQL 14+.

alter table deprovisioning_receipt add column person_id uuid;
alter table deprovisioning_receipt add column hr_id varchar(64);

update deprovisioning_receipt set
    person_id = (select c.person_id from deprovisioning_case c where c.id = deprovisioning_receipt.case_id),
    hr_id = (select c.hr_id from deprovisioning_case c where c.id = deprovisioning_receipt.case_id);

alter table deprovisioning_receipt alter column person_id set not null;
alter table deprovisioning_receipt alter column hr_id set not null;
alter table deprovisioning_receipt add constraint fk_deprovisioning_receipt_person foreign key (person_id) references person (id);
