-- Volunteers (巾帼志愿者). Identity numbers and phones are stored encrypted, found by keyed hash,
-- and kept masked for lists. search_keys holds every string a search box may hold that should find
-- the name (runs of its characters, prefixes of its pinyin and initials): a search is one exact
-- look-up in a GIN index. sort_key is the pinyin the list is ordered by.
create schema volunteer;

create table volunteer.speciality (
    code       varchar(40) primary key,
    name_zh    varchar(50) not null unique,
    name_en    varchar(80) not null,
    active     boolean not null default true,
    sort_order int not null default 100
);

insert into volunteer.speciality (code, name_zh, name_en, sort_order) values
    ('PROPERTY_DEBT', '财产与债务法律', 'Property and debt law', 10),
    ('CHILD_CUSTODY', '子女抚养', 'Child custody', 20),
    ('EMOTIONAL_CRISIS', '情绪危机干预', 'Emotional crisis', 30),
    ('PARENTING', '家庭教育', 'Parenting', 40),
    ('IN_LAW_RELATIONS', '婆媳关系', 'In-law relations', 50),
    ('DOMESTIC_VIOLENCE', '家暴受害人支持', 'Domestic violence support', 60),
    ('COUPLE_COMMUNICATION', '夫妻沟通', 'Couple communication', 70),
    ('PREMARITAL', '婚前辅导', 'Premarital guidance', 80);

create table volunteer.volunteer (
    id               uuid primary key,
    name             varchar(50) not null,
    sort_key         varchar(200) not null,
    search_keys      text[] not null,
    gender           varchar(6) not null check (gender in ('MALE', 'FEMALE')),
    birth_date       date not null,
    id_number_cipher bytea not null,
    id_number_hash   bytea not null,
    id_number_masked varchar(18) not null,
    phone_cipher     bytea not null,
    phone_masked     varchar(20) not null,
    background       varchar(30) not null check (background in ('FEDERATION_CADRE', 'LAWYER',
        'PSYCHOLOGICAL_COUNSELOR', 'SOCIAL_WORKER', 'FAMILY_INSTRUCTOR', 'CARING_CITIZEN')),
    specialities     text[] not null default '{}',
    dialects         text[] not null default '{}',
    availability     int not null default 0 check (availability between 0 and 16383),
    center_id        uuid not null,
    region_path      varchar(120) not null,
    status           varchar(10) not null check (status in ('ACTIVE', 'PAUSED', 'LEFT')),
    joined_on        date not null,
    user_id          uuid,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    constraint volunteer_id_number_unique unique (id_number_hash),
    constraint volunteer_user_unique unique (user_id)
);

create index volunteer_region_path on volunteer.volunteer (region_path varchar_pattern_ops);
create index volunteer_center on volunteer.volunteer (center_id);
create index volunteer_search_keys on volunteer.volunteer using gin (search_keys);
create index volunteer_specialities on volunteer.volunteer using gin (specialities);
create index volunteer_by_name on volunteer.volunteer (sort_key, id);
create index volunteer_by_joined on volunteer.volunteer (joined_on desc, id);

create table volunteer.qualification (
    id           uuid primary key,
    volunteer_id uuid not null references volunteer.volunteer (id) on delete cascade,
    type         varchar(60) not null,
    number       varchar(60) not null,
    issuer       varchar(100) not null,
    expires_on   date
);

create index qualification_volunteer on volunteer.qualification (volunteer_id);
create index qualification_expiry on volunteer.qualification (expires_on);

create table volunteer.hours (
    id           uuid primary key,
    volunteer_id uuid not null references volunteer.volunteer (id) on delete cascade,
    kind         varchar(10) not null check (kind in ('SERVICE', 'TRAINING')),
    worked_on    date not null,
    hours        numeric(5, 1) not null check (hours > 0 and hours <= 24),
    description  varchar(200) not null,
    created_by   varchar(64) not null,
    created_at   timestamptz not null
);

create index hours_volunteer on volunteer.hours (volunteer_id, kind);

-- An uploaded import file between its preview and its confirmation; shared by every instance.
create table volunteer.import_upload (
    id          uuid primary key,
    uploaded_by varchar(64) not null,
    uploaded_at timestamptz not null,
    content     bytea not null
);
