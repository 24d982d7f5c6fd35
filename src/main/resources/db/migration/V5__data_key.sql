-- The fingerprint of the key that personal data is encrypted with: a start with another key, or
-- with the key file lost, is refused instead of writing data nobody can read together.
create schema kernel;

create table kernel.data_key (
    id          int primary key check (id = 1),
    fingerprint varchar(64) not null,
    created_at  timestamptz not null default now()
);
