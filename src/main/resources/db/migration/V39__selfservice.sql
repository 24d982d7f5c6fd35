-- Issue 15: families book on their phones. A person proves a mobile number with a one-time code;
-- its bookings are found by the number's keyed hash. Nothing here reaches a counselor until the
-- center manager accepts the booking into a case (case_id).
create schema selfservice;

-- One-time codes: only the code's keyed hash is kept; 5 minutes, 5 tries. The sender's number and
-- network address are kept as keyed hashes too, to throttle per number and per address.
create table selfservice.phone_code (
    id           uuid        primary key,
    phone_hash   bytea       not null,
    address_hash bytea       not null,
    code_hash    bytea       not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    tries        int         not null default 0,
    used_at      timestamptz
);

create index phone_code_phone on selfservice.phone_code (phone_hash, created_at desc);
create index phone_code_address on selfservice.phone_code (address_hash, created_at desc);

create table selfservice.booking (
    id             uuid         primary key,
    reference      varchar(12)  not null unique,
    center_id      uuid         not null,
    region_path    varchar(120) not null,
    phone_hash     bytea        not null,
    phone_cipher   bytea        not null,
    -- Name, gender and birth date of the person booking, sealed: a case needs them when accepted.
    person_cipher  bytea        not null,
    topic          varchar(20)  not null
        check (topic in ('PREMARITAL', 'RELATIONSHIP', 'FAMILY_EDUCATION', 'COOLING_OFF',
                         'CO_PARENTING')),
    slot_date      date         not null,
    half_day       varchar(2)   not null check (half_day in ('AM', 'PM')),
    together       boolean      not null,
    -- The person said it is afraid of the other or has met violence: flagged for the manager,
    -- never a joint session.
    safety_concern boolean      not null,
    message_cipher bytea,
    status         varchar(10)  not null
        check (status in ('REQUESTED', 'ACCEPTED', 'DECLINED', 'CANCELLED')),
    case_id        uuid,
    decided_by     varchar(64),
    decided_at     timestamptz,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        int          not null default 0,
    check (not (safety_concern and together)),
    check ((status = 'ACCEPTED') = (case_id is not null))
);

create index booking_phone on selfservice.booking (phone_hash, slot_date desc);
create index booking_slot on selfservice.booking (center_id, slot_date, half_day)
    where status in ('REQUESTED', 'ACCEPTED');
create index booking_region on selfservice.booking (region_path varchar_pattern_ops, created_at desc);
create index booking_case on selfservice.booking (case_id) where case_id is not null;

-- A center's questionnaires: one to answer before the first session (BEFORE) and one satisfaction
-- survey after (AFTER). questions: [{"type": "TEXT|SINGLE|MULTIPLE|SCALE", "text": "…",
-- "options": ["…"]}]; an answer keeps the questions it answered.
create table selfservice.questionnaire (
    id          uuid         primary key,
    center_id   uuid         not null,
    kind        varchar(6)   not null check (kind in ('BEFORE', 'AFTER')),
    title       varchar(100) not null,
    questions   jsonb        not null,
    updated_by  varchar(64)  not null,
    updated_at  timestamptz  not null,
    version     int          not null default 0,
    unique (center_id, kind)
);

create table selfservice.answer (
    id             uuid         primary key,
    booking_id     uuid         not null references selfservice.booking (id),
    kind           varchar(6)   not null check (kind in ('BEFORE', 'AFTER')),
    center_id      uuid         not null,
    region_path    varchar(120) not null,
    -- The questions and the person's answers, sealed like session notes.
    answers_cipher bytea        not null,
    -- The survey's mean of its 1–5 scale answers, for the figures: no person in it.
    satisfaction   numeric(3, 2),
    answered_at    timestamptz  not null,
    unique (booking_id, kind)
);

create index answer_region on selfservice.answer (region_path varchar_pattern_ops, kind);

-- The satisfaction survey a family is invited to after its first session or at closing: the link
-- carries a token whose keyed hash is kept here. One per booking.
create table selfservice.survey_invitation (
    booking_id   uuid         primary key references selfservice.booking (id),
    token_hash   bytea        not null unique,
    center_id    uuid         not null,
    region_path  varchar(120) not null,
    invited_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    answered_at  timestamptz
);

create index survey_invitation_region on selfservice.survey_invitation
    (region_path varchar_pattern_ops);
