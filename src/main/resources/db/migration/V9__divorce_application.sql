-- Divorce registration applications (离婚登记申请). Parties' identity numbers and phones are
-- encrypted; pair_hash (keyed hash of both numbers, in order) finds the same couple's open
-- application. The deadlines are the cooling-off clock's, stored so that boards are one query;
-- *_provisional marks dates counted without the holiday notice of their year.
create table registration.divorce_application (
    id                      uuid primary key,
    office_region_code      varchar(12) not null,
    region_path             varchar(120) not null,
    received_on             date not null,
    a_name                  varchar(50) not null,
    a_gender                varchar(6) not null,
    a_birth_date            date not null,
    a_id_cipher             bytea not null,
    a_id_masked             varchar(18) not null,
    a_phone_cipher          bytea,
    a_phone_masked          varchar(20),
    b_name                  varchar(50) not null,
    b_gender                varchar(6) not null,
    b_birth_date            date not null,
    b_id_cipher             bytea not null,
    b_id_masked             varchar(18) not null,
    b_phone_cipher          bytea,
    b_phone_masked          varchar(20),
    pair_hash               bytea not null,
    marriage_date           date not null,
    minor_children          int not null check (minor_children between 0 and 20),
    counseling_offered      boolean not null,
    counseling_accepted     boolean not null,
    case_opened             boolean not null default false,
    withdrawal_deadline     date not null,
    certificate_from        date not null,
    certificate_deadline    date not null,
    deemed_withdrawn_on     date not null,
    withdrawal_provisional  boolean not null,
    certificate_provisional boolean not null,
    outcome                 varchar(20) not null
        check (outcome in ('PENDING', 'WITHDRAWN', 'DEEMED_WITHDRAWN', 'DIVORCED')),
    outcome_on              date,
    withdrawn_by            varchar(5) check (withdrawn_by in ('A', 'B', 'BOTH')),
    created_by              varchar(64) not null,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    constraint application_accepted_only_if_offered check (counseling_offered or not counseling_accepted)
);

-- One open application per couple.
create unique index application_open_pair on registration.divorce_application (pair_hash) where outcome = 'PENDING';
create index application_region_path on registration.divorce_application (region_path varchar_pattern_ops);
create index application_withdrawal_board on registration.divorce_application (withdrawal_deadline) where outcome = 'PENDING';
create index application_unclaimed on registration.divorce_application (deemed_withdrawn_on) where outcome = 'PENDING';
create index application_received on registration.divorce_application (received_on);
create index application_provisional on registration.divorce_application (id)
    where withdrawal_provisional or certificate_provisional;

-- When a newly entered holiday notice moved an application's deadlines: what registrars are shown.
create table registration.deadline_change (
    id                       bigint generated always as identity primary key,
    application_id           uuid not null references registration.divorce_application (id),
    changed_at               timestamptz not null,
    old_withdrawal_deadline  date not null,
    new_withdrawal_deadline  date not null,
    old_certificate_deadline date not null,
    new_certificate_deadline date not null
);

create index deadline_change_application on registration.deadline_change (application_id);
create index deadline_change_time on registration.deadline_change (changed_at desc);

create table registration.import_upload (
    id          uuid primary key,
    uploaded_by varchar(64) not null,
    uploaded_at timestamptz not null,
    file_name   varchar(200) not null,
    content     bytea not null
);
