-- Users, and the Spring Session JDBC tables (sessions shared by every instance).
create schema identity;

create table identity.app_user (
    id                  uuid primary key,
    username            varchar(64) not null,
    display_name        varchar(50) not null,
    password_hash       varchar(200) not null,
    role                varchar(20) not null
        check (role in ('CITY_ADMIN', 'COUNTY_ADMIN', 'CENTER_MANAGER', 'COUNSELOR', 'REGISTRAR', 'ANALYST')),
    region_code         varchar(12) not null,
    region_path         varchar(120) not null,
    enabled             boolean not null default true,
    created_at          timestamptz not null default now(),
    created_by          varchar(64),
    password_changed_at timestamptz
);

create unique index app_user_username_unique on identity.app_user (lower(username));
create index app_user_region_path on identity.app_user (region_path varchar_pattern_ops);

create table identity.spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on identity.spring_session (session_id);
create index spring_session_ix2 on identity.spring_session (expiry_time);
create index spring_session_ix3 on identity.spring_session (principal_name);

create table identity.spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references identity.spring_session (primary_id) on delete cascade
);
