-- Casework, second part: everything a counseling case holds beyond its center, stage and status.
-- Sensitive information (SPEC §4: notes, screening answers, safety plans, violence details) is kept
-- only as AES-GCM ciphertext (*_cipher columns, sealed with the data key); identity numbers and
-- phones as ciphertext with a masked form to show and a keyed hash to find them by.

-- How a case came in; a referral from the registration office is one of them.
alter table casework.counseling_case
    add column source varchar(24) not null default 'REGISTRATION_REFERRAL'
        check (source in ('REGISTRATION_REFERRAL', 'WALK_IN', 'HOTLINE', 'VILLAGE_MEDIATOR',
                          'COURT_REFERRAL', 'FAMILY_EDUCATION_REQUEST', 'PREMARITAL_COUPLE', 'BOOKING')),
    add column issue_categories text[] not null default '{}',
    -- The highest risk any screening of the case found: a HIGH finding never lapses silently.
    add column risk varchar(10) not null default 'UNSCREENED'
        check (risk in ('UNSCREENED', 'LOW', 'ELEVATED', 'HIGH')),
    add column joint_approved_by varchar(64),
    add column joint_approved_at timestamptz,
    add column joint_approval_cipher bytea,
    add column outcome varchar(20)
        check (outcome in ('RECONCILED', 'AMICABLE_DIVORCE', 'REFERRED', 'LOST_CONTACT', 'OTHER')),
    add column outcome_cipher bytea,
    add column closed_on date,
    add column closed_by varchar(64),
    -- The application's decision, for a cooling-off case: heard from registration, never typed.
    add column legal_outcome varchar(20)
        check (legal_outcome in ('WITHDRAWN', 'DEEMED_WITHDRAWN', 'DIVORCED', 'REGISTERED', 'CANCELLED')),
    add column legal_outcome_on date,
    add column updated_by varchar(64),
    add column updated_at timestamptz;

alter table casework.counseling_case
    add constraint counseling_case_closed check ((status = 'CLOSED') = (closed_on is not null));

create index counseling_case_status on casework.counseling_case (status, region_path varchar_pattern_ops);

-- The issue-category dictionary, maintained by the city administrator.
create table casework.issue_category (
    code       varchar(40) primary key,
    name_zh    varchar(50) not null unique,
    name_en    varchar(80) not null,
    -- The volunteer specialities that help with this issue, for proposing a team.
    specialities text[] not null default '{}',
    active     boolean not null default true,
    sort_order int not null default 100
);

insert into casework.issue_category (code, name_zh, name_en, specialities, sort_order) values
    ('COMMUNICATION', '夫妻沟通', 'Communication', '{COUPLE_COMMUNICATION}', 10),
    ('MONEY_PROPERTY', '财产与经济', 'Money and property', '{PROPERTY_DEBT}', 20),
    ('IN_LAWS', '婆媳及姻亲关系', 'In-laws', '{IN_LAW_RELATIONS}', 30),
    ('INFIDELITY', '婚外情', 'Infidelity', '{EMOTIONAL_CRISIS,COUPLE_COMMUNICATION}', 40),
    ('PARENTING', '子女教育与抚养', 'Parenting', '{PARENTING,CHILD_CUSTODY}', 50),
    ('ADDICTION', '赌博、酗酒等不良嗜好', 'Addiction', '{EMOTIONAL_CRISIS}', 60),
    ('SEPARATION_BY_WORK', '两地分居', 'Separation by work', '{COUPLE_COMMUNICATION}', 70),
    ('VIOLENCE', '家庭暴力', 'Violence', '{DOMESTIC_VIOLENCE}', 80),
    ('EMOTIONAL_CRISIS', '情绪危机', 'Emotional crisis', '{EMOTIONAL_CRISIS}', 90),
    ('PREMARITAL', '婚前准备', 'Premarital preparation', '{PREMARITAL}', 100),
    ('OTHER', '其他', 'Other', '{}', 900);

-- The spouses of a case: A and B (one or both).
create table casework.case_party (
    case_id          uuid not null references casework.counseling_case (id),
    role             varchar(1) not null check (role in ('A', 'B')),
    name             varchar(50) not null,
    gender           varchar(6) not null check (gender in ('MALE', 'FEMALE')),
    birth_date       date not null,
    id_number_cipher bytea,
    id_number_hash   bytea,
    id_number_masked varchar(18),
    phone_cipher     bytea,
    phone_hash       bytea,
    phone_masked     varchar(20),
    primary key (case_id, role)
);

create index case_party_id_hash on casework.case_party (id_number_hash);
create index case_party_phone_hash on casework.case_party (phone_hash);

-- Children and relatives of the family.
create table casework.related_person (
    id         uuid primary key default gen_random_uuid(),
    case_id    uuid not null references casework.counseling_case (id),
    relation   varchar(20) not null
        check (relation in ('CHILD', 'PARENT', 'PARENT_IN_LAW', 'SIBLING', 'OTHER_RELATIVE')),
    name       varchar(50) not null,
    birth_date date,
    sort_order int not null default 0
);

create index related_person_case on casework.related_person (case_id);

-- Consent per party and purpose; a withdrawal is dated, never a deletion.
create table casework.consent (
    id            uuid primary key,
    case_id       uuid not null references casework.counseling_case (id),
    party         varchar(1) not null check (party in ('A', 'B')),
    purpose       varchar(24) not null check (purpose in ('COUNSELING', 'SENSITIVE_PROCESSING', 'FOLLOW_UP')),
    given_at      timestamptz not null,
    recorded_by   varchar(64) not null,
    withdrawn_at  timestamptz,
    withdrawn_by  varchar(64)
);

create unique index consent_in_force on casework.consent (case_id, party, purpose) where withdrawn_at is null;

-- A safety screening of one party, the other absent; the answers are sealed.
create table casework.screening (
    id             uuid primary key,
    case_id        uuid not null references casework.counseling_case (id),
    party          varchar(1) not null check (party in ('A', 'B')),
    answers_cipher bytea not null,
    risk           varchar(10) not null check (risk in ('LOW', 'ELEVATED', 'HIGH')),
    screened_at    timestamptz not null,
    screened_by    varchar(64) not null
);

create index screening_case on casework.screening (case_id, party, screened_at);

-- The safety plan of a case (required when HIGH): contacts, safe place, next steps, all sealed.
create table casework.safety_plan (
    case_id          uuid primary key references casework.counseling_case (id),
    contacts_cipher  bytea not null,
    safe_place_cipher bytea not null,
    next_steps_cipher bytea not null,
    updated_by       varchar(64) not null,
    updated_at       timestamptz not null,
    version          int not null default 0
);

-- Referrals for safety: police written warning, protection order, legal aid, shelter, hospital.
create table casework.safety_referral (
    id            uuid primary key,
    case_id       uuid not null references casework.counseling_case (id),
    kind          varchar(20) not null
        check (kind in ('POLICE_WARNING', 'PROTECTION_ORDER', 'LEGAL_AID', 'SHELTER', 'HOSPITAL')),
    made_on       date not null,
    on_behalf     boolean not null default false,
    result        varchar(12) not null default 'PENDING'
        check (result in ('PENDING', 'GRANTED', 'REFUSED', 'DONE', 'WITHDRAWN')),
    result_on     date,
    note_cipher   bytea,
    recorded_by   varchar(64) not null,
    recorded_at   timestamptz not null
);

create index safety_referral_case on casework.safety_referral (case_id, made_on);

-- The team: one lead counselor and co-counselors (volunteers linked to counselor accounts).
create table casework.team_member (
    id            uuid primary key,
    case_id       uuid not null references casework.counseling_case (id),
    volunteer_id  uuid not null,
    user_id       uuid not null,
    -- The volunteer's name when assigned, for lists that show the team without asking volunteers.
    name          varchar(50) not null,
    lead          boolean not null,
    assigned_by   varchar(64) not null,
    assigned_at   timestamptz not null,
    removed_at    timestamptz
);

create unique index team_member_current on casework.team_member (case_id, volunteer_id) where removed_at is null;
create unique index team_member_one_lead on casework.team_member (case_id) where removed_at is null and lead;
create index team_member_user on casework.team_member (user_id) where removed_at is null;

-- A session: scheduled, then held with notes (sealed), which lock 24 hours after saving.
create table casework.session (
    id              uuid primary key,
    case_id         uuid not null references casework.counseling_case (id),
    scheduled_at    timestamptz not null,
    duration_minutes int not null default 60 check (duration_minutes between 10 and 480),
    channel         varchar(10) not null check (channel in ('IN_PERSON', 'PHONE', 'VIDEO')),
    place           varchar(100),
    attendees       varchar(4) not null check (attendees in ('A', 'B', 'BOTH')),
    relatives_present boolean not null default false,
    counselors      uuid[] not null default '{}',
    status          varchar(10) not null default 'SCHEDULED' check (status in ('SCHEDULED', 'HELD', 'CANCELLED')),
    notes_cipher    bytea,
    notes_saved_at  timestamptz,
    notes_saved_by  varchar(64),
    created_by      varchar(64) not null,
    created_at      timestamptz not null,
    version         int not null default 0
);

create index session_case on casework.session (case_id, scheduled_at);
create index session_when on casework.session (scheduled_at);
create index session_counselors on casework.session using gin (counselors);

-- A dated correction of locked notes: added, never edited.
create table casework.session_addendum (
    id          uuid primary key,
    session_id  uuid not null references casework.session (id),
    text_cipher bytea not null,
    written_by  varchar(64) not null,
    written_at  timestamptz not null
);

create index session_addendum_session on casework.session_addendum (session_id, written_at);

-- A center manager's supervision comment on a case or one of its sessions.
create table casework.supervision_comment (
    id          uuid primary key,
    case_id     uuid not null references casework.counseling_case (id),
    session_id  uuid references casework.session (id),
    text_cipher bytea not null,
    written_by  varchar(64) not null,
    written_at  timestamptz not null
);

create index supervision_comment_case on casework.supervision_comment (case_id, written_at);

-- Follow-ups 1, 3, 6 and 12 months after closing.
create table casework.follow_up (
    id               uuid primary key,
    case_id          uuid not null references casework.counseling_case (id),
    months           int not null check (months in (1, 3, 6, 12)),
    due_on           date not null,
    done_on          date,
    together         boolean,
    filed_again      boolean,
    wellbeing_cipher bytea,
    recorded_by      varchar(64),
    unique (case_id, months)
);

create index follow_up_due on casework.follow_up (due_on) where done_on is null;
