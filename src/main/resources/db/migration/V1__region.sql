-- The region tree (SPEC §3). path is the data-scope path: '/371600/371623/'.
create schema region;

create table region.region (
    code        varchar(12) primary key check (code ~ '^[0-9]{6}([0-9]{3}){0,2}$'),
    parent_code varchar(12) references region.region (code),
    name        varchar(50) not null check (length(btrim(name)) > 0),
    level       varchar(10) not null check (level in ('CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    path        varchar(120) not null unique,
    created_at  timestamptz not null default now(),
    constraint region_sibling_name_unique unique (parent_code, name)
);

create index region_path_prefix on region.region (path varchar_pattern_ops);

insert into region.region (code, parent_code, name, level, path) values
    ('371600', null, '滨州市', 'CITY', '/371600/'),
    ('371602', '371600', '滨城区', 'COUNTY', '/371600/371602/'),
    ('371603', '371600', '沾化区', 'COUNTY', '/371600/371603/'),
    ('371621', '371600', '惠民县', 'COUNTY', '/371600/371621/'),
    ('371622', '371600', '阳信县', 'COUNTY', '/371600/371622/'),
    ('371623', '371600', '无棣县', 'COUNTY', '/371600/371623/'),
    ('371625', '371600', '博兴县', 'COUNTY', '/371600/371625/'),
    ('371681', '371600', '邹平市', 'COUNTY', '/371600/371681/');
