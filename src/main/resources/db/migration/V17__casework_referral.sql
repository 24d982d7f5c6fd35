-- Casework, first part: the referral queue (待建案) and the case a referral opens.
-- A couple that accepted counseling at the registration office is referred to the county where it
-- applied: every center manager of that county sees it until one accepts it (opening a case) or
-- passes it to a named center, with a reason. One referral per application, whatever the number of
-- times the request is announced.
create schema casework;

create table casework.referral (
    id                  uuid primary key,
    application_id      uuid not null unique,
    region_path         varchar(120) not null,
    received_on         date not null,
    withdrawal_deadline date not null,
    center_id           uuid,
    status              varchar(10) not null check (status in ('WAITING', 'ACCEPTED')),
    case_id             uuid,
    referred_at         timestamptz not null,
    decided_by          varchar(64),
    decided_at          timestamptz,
    version             int not null default 0
);

create index referral_queue on casework.referral (region_path varchar_pattern_ops) where status = 'WAITING';

-- Every pass from one center (or the county's queue) to another, with its reason: kept, never changed.
create table casework.referral_pass (
    id           bigserial primary key,
    referral_id  uuid not null references casework.referral (id),
    from_center  uuid,
    to_center    uuid not null,
    reason       varchar(200) not null,
    passed_by    varchar(64) not null,
    passed_at    timestamptz not null
);

create index referral_pass_referral on casework.referral_pass (referral_id, passed_at);

-- A counseling case. This first part keeps what opening it decides: the center, the life-cycle
-- stage, the status and the application it came from; parties, consent, screening, team and
-- sessions follow.
create table casework.counseling_case (
    id              uuid primary key,
    center_id       uuid not null,
    region_path     varchar(120) not null,
    stage           varchar(24) not null
        check (stage in ('PREMARITAL', 'MARRIAGE', 'FAMILY_EDUCATION', 'DIVORCE_COOLING_OFF', 'POST_DIVORCE')),
    status          varchar(10) not null check (status in ('OPEN', 'ACTIVE', 'CLOSED')),
    application_id  uuid unique,
    opened_by       varchar(64) not null,
    opened_on       date not null,
    created_at      timestamptz not null,
    version         int not null default 0
);

create index counseling_case_region on casework.counseling_case (region_path varchar_pattern_ops);
create index counseling_case_center on casework.counseling_case (center_id);
