-- Outreach events (宣传活动): premarital education, lectures, publicity, media programmes.
-- region_path is the data scope; the organising center is referred to by id only.
create schema outreach;

create table outreach.outreach_event (
    id              uuid primary key,
    version         bigint not null,
    type            varchar(30) not null check (type in ('PREMARITAL_EDUCATION', 'MARRIAGE_LECTURE',
                        'FAMILY_EDUCATION', 'COMMUNITY_PUBLICITY', 'MEDIA_PROGRAMME', 'OTHER')),
    title           varchar(100) not null,
    held_on         date not null,
    starts_at       time not null,
    region_code     varchar(12) not null,
    region_path     varchar(120) not null,
    place           varchar(200) not null,
    center_id       uuid,
    speakers        text[] not null default '{}',
    audience        varchar(200),
    attendance      int not null check (attendance between 0 and 100000),
    summary         varchar(500),
    created_by      varchar(50) not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

create index outreach_event_scope on outreach.outreach_event (region_path varchar_pattern_ops, held_on);
create index outreach_event_held_on on outreach.outreach_event (held_on, type);

-- Volunteer service projects (志愿服务项目) of a center, and the honours they won.
create table outreach.service_project (
    id              uuid primary key,
    version         bigint not null,
    name            varchar(100) not null,
    center_id       uuid not null,
    region_path     varchar(120) not null,
    started_on      date not null,
    ended_on        date,
    description     varchar(1000),
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint service_project_period check (ended_on is null or ended_on >= started_on)
);

create index service_project_scope on outreach.service_project (region_path varchar_pattern_ops);

create table outreach.project_honour (
    project_id      uuid not null references outreach.service_project (id) on delete cascade,
    sort_order      int not null,
    award           varchar(100) not null,
    level           varchar(12) not null check (level in ('COUNTY', 'CITY', 'PROVINCIAL', 'NATIONAL')),
    awarded_on      date not null,
    primary key (project_id, sort_order)
);
