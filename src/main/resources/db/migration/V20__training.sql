-- Training courses for volunteers (培训班): modules, enrollment with a waiting list, attendance,
-- completion and feedback. region_path is the data scope: a city course is seen by every county.
create schema training;

create table training.course (
    id             uuid primary key,
    title          varchar(100) not null,
    starts_on      date not null,
    ends_on        date not null,
    place          varchar(200) not null,
    organiser      varchar(100) not null,
    audience       varchar(500),
    capacity       int not null check (capacity between 1 and 1000),
    required_hours numeric(4, 1) not null check (required_hours > 0),
    region_code    varchar(12) not null,
    region_path    varchar(120) not null,
    created_by     varchar(64) not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    check (ends_on >= starts_on)
);

create index course_region_path on training.course (region_path varchar_pattern_ops);
create index course_starts on training.course (starts_on desc);

create table training.module (
    id          uuid primary key,
    course_id   uuid not null references training.course (id) on delete cascade,
    kind        varchar(20) not null
                check (kind in ('FIELD_VISIT', 'EXPERT_LECTURE', 'EXPERIENCE_EXCHANGE')),
    day         date not null,
    starts_at   time not null,
    ends_at     time not null,
    hours       numeric(3, 1) not null check (hours > 0 and hours <= 12),
    title       varchar(100) not null,
    host_center varchar(100),
    trainer     varchar(100),
    topic       varchar(200),
    groups      varchar(300),
    check (ends_at > starts_at)
);

create index module_course on training.module (course_id, day, starts_at);

-- seq orders the waiting list: the earliest waiting moves up first.
create table training.participant (
    id            uuid primary key,
    course_id     uuid not null references training.course (id) on delete cascade,
    volunteer_id  uuid not null,
    name          varchar(50) not null,
    region_path   varchar(120) not null,
    status        varchar(10) not null
                  check (status in ('ENROLLED', 'WAITING', 'CANCELLED', 'COMPLETED')),
    seq           bigserial not null,
    enrolled_at   timestamptz not null,
    completed_on  date,
    hours_credited boolean not null default false,
    constraint participant_once unique (course_id, volunteer_id)
);

create index participant_course on training.participant (course_id, status, seq);
create index participant_volunteer on training.participant (volunteer_id);

create table training.attendance (
    participant_id uuid not null references training.participant (id) on delete cascade,
    module_id      uuid not null references training.module (id) on delete cascade,
    recorded_by    varchar(64) not null,
    recorded_at    timestamptz not null,
    primary key (participant_id, module_id)
);

create index attendance_module on training.attendance (module_id);

create table training.feedback (
    participant_id uuid primary key references training.participant (id) on delete cascade,
    rating         int not null check (rating between 1 and 5),
    comments       varchar(1000),
    given_at       timestamptz not null
);
