-- Teaching cases (教学案例): anonymised copies of closed counseling cases, drafted by the system,
-- edited and approved by a manager, a high-risk one approved a second time by the county.
-- The source case is referred to by id only, and never shown to readers.
create schema teaching;

create table teaching.teaching_case (
    id                  uuid primary key,
    version             bigint not null,
    source_case_id      uuid not null unique,
    center_id           uuid not null,
    region_path         varchar(120) not null,
    high_risk           boolean not null,
    status              varchar(16) not null
        check (status in ('DRAFT', 'AWAITING_COUNTY', 'PUBLISHED')),
    stage               varchar(24) not null,
    issue_categories    text[] not null default '{}',
    title               varchar(100) not null,
    background          varchar(4000),
    belief_system       varchar(8000),
    thinking_angle      varchar(8000),
    emotional_feelings  varchar(8000),
    behaviour           varchar(8000),
    result              varchar(8000),
    conclusion          varchar(8000),
    method              varchar(8000),
    lessons             varchar(4000),
    drafted_by          varchar(64) not null,
    approved_by         varchar(64),
    approved_at         timestamptz,
    county_approved_by  varchar(64),
    county_approved_at  timestamptz,
    published_at        timestamptz,
    updated_by          varchar(64),
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    -- CJK bigrams and whole Latin words, computed by the application (see Bigrams.java).
    search              tsvector not null default ''::tsvector,
    constraint teaching_case_published check ((status = 'PUBLISHED') = (published_at is not null)),
    constraint teaching_case_county check (not high_risk or status <> 'PUBLISHED' or county_approved_by is not null)
);

create index teaching_case_scope on teaching.teaching_case (region_path varchar_pattern_ops, status);
create index teaching_case_categories on teaching.teaching_case using gin (issue_categories);
create index teaching_case_search on teaching.teaching_case using gin (search);

-- A published teaching case used as material of a training module.
create table teaching.module_material (
    teaching_case_id uuid not null references teaching.teaching_case (id),
    module_id        uuid not null,
    course_id        uuid not null,
    label            varchar(250) not null,
    attached_by      varchar(64) not null,
    attached_at      timestamptz not null,
    primary key (teaching_case_id, module_id)
);

create index module_material_module on teaching.module_material (module_id);
