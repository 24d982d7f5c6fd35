-- Issue 16: records do not live forever. A retention policy per kind of record (the city
-- administrator edits it); a nightly run anonymises what is due and keeps the record as counts.
create schema privacy;

create table privacy.retention_policy (
    kind        varchar(30) primary key,
    keep        int         not null check (keep > 0),
    unit        varchar(6)  not null check (unit in ('MONTHS', 'HOURS')),
    updated_by  varchar(64) not null,
    updated_at  timestamptz not null
);

create table privacy.retention_run (
    id          bigint      generated always as identity primary key,
    kind        varchar(30) not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    cutoff      timestamptz not null,
    anonymised  bigint      not null default 0,
    run_by      varchar(64) not null
);

create index retention_run_kind on privacy.retention_run (kind, started_at desc);

-- A counseling case anonymised: its people's names, numbers, phones and every free text gone, its
-- notes deleted; its dates, stage, status, outcome and risk kept, so the figures stay as they were.
alter table casework.counseling_case add column anonymised_on date;
alter table casework.screening alter column answers_cipher drop not null;
create index counseling_case_retention on casework.counseling_case (closed_on)
    where status = 'CLOSED' and anonymised_on is null;

-- A booking anonymised: the number, the person and the message gone; its satisfaction kept.
alter table selfservice.booking
    alter column phone_hash drop not null,
    alter column phone_cipher drop not null,
    alter column person_cipher drop not null,
    add column anonymised_at timestamptz;
alter table selfservice.answer alter column answers_cipher drop not null;
create index booking_retention on selfservice.booking (slot_date) where anonymised_at is null;
