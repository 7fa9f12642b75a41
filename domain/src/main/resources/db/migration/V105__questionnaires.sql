-- Questionnaires: templates of questions, and questionnaires sent to a carrier's contact through a link whose token is
-- stored only as its SHA-256. Portable between H2 2.x and PostgreSQL 14+.

create table questionnaire_template (
    id          uuid          not null primary key,
    name        varchar(200)  not null,
    description varchar(1000),
    created_by  varchar(200)  not null,
    created_at  timestamp(6) with time zone not null,
    constraint uk_questionnaire_template_name unique (name)
);

create table questionnaire_template_question (
    template_id     uuid          not null,
    position        integer       not null,
    section         varchar(200)  not null,
    code            varchar(40)   not null,
    text            varchar(2000) not null,
    type            varchar(20)   not null,
    choices         varchar(2000),
    expected_answer varchar(500),
    help            varchar(2000),
    weight          integer       not null,
    constraint pk_questionnaire_template_question primary key (template_id, position),
    constraint fk_questionnaire_template_question foreign key (template_id) references questionnaire_template (id),
    constraint ck_questionnaire_question_type
        check (type in ('YES_NO', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TEXT', 'DATE', 'FILE'))
);

create table questionnaire (
    id              uuid          not null primary key,
    version         bigint        not null,
    vendor_id       uuid          not null,
    template_id     uuid          not null,
    review_id       uuid,
    contact_name    varchar(200)  not null,
    contact_email   varchar(320)  not null,
    token_hash      varchar(64)   not null,
    links_issued    integer       not null,
    sent_by         varchar(200)  not null,
    sent_at         timestamp(6) with time zone not null,
    expires_at      timestamp(6) with time zone not null,
    first_opened_at timestamp(6) with time zone,
    last_saved_at   timestamp(6) with time zone,
    submitted_at    timestamp(6) with time zone,
    submitted_from  varchar(100),
    revoked_at      timestamp(6) with time zone,
    revoked_by      varchar(200),
    reminders_sent  integer       not null,
    constraint uk_questionnaire_token_hash unique (token_hash),
    constraint fk_questionnaire_vendor foreign key (vendor_id) references vendor (id),
    constraint fk_questionnaire_template foreign key (template_id) references questionnaire_template (id)
);
create index ix_questionnaire_vendor on questionnaire (vendor_id, sent_at);
create index ix_questionnaire_review on questionnaire (review_id);
create index ix_questionnaire_expiry on questionnaire (expires_at);

create table questionnaire_answer (
    questionnaire_id uuid          not null,
    position         integer       not null,
    question_code    varchar(40)   not null,
    answer_value     varchar(4000),
    file_id          uuid,
    constraint pk_questionnaire_answer primary key (questionnaire_id, position),
    constraint fk_questionnaire_answer_questionnaire foreign key (questionnaire_id) references questionnaire (id),
    constraint fk_questionnaire_answer_file foreign key (file_id) references stored_file (id)
);
