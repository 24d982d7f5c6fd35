-- Counseling centers (辅导中心) and rooms (辅导室). region_path is the data scope.
create schema center;

create table center.center (
    id              uuid primary key,
    kind            varchar(10) not null check (kind in ('CENTER', 'ROOM')),
    name            varchar(100) not null,
    region_code     varchar(12) not null,
    region_path     varchar(120) not null,
    address         varchar(200) not null,
    phone           varchar(30),
    opening_hours   varchar(200),
    capacity        int not null check (capacity between 0 and 1000),
    manager_user_id uuid,
    status          varchar(10) not null check (status in ('OPEN', 'SUSPENDED', 'CLOSED')),
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint center_name_unique_in_region unique (region_code, name)
);

create index center_region_path on center.center (region_path varchar_pattern_ops);
create index center_manager on center.center (manager_user_id);
