-- Registrars find an application by a party's name (characters, pinyin, initials), identity number
-- or phone. search_keys holds every key of both names (as volunteer.search_keys does): one GIN
-- look-up. Numbers are found by keyed hash, never stored in the clear. Rows written before this
-- migration are filled at start by ApplicationSearchKeys (the hashes need the data key).
alter table registration.divorce_application
    add column search_keys  text[] not null default '{}',
    add column a_id_hash    bytea,
    add column b_id_hash    bytea,
    add column a_phone_hash bytea,
    add column b_phone_hash bytea;

create index application_search_keys on registration.divorce_application using gin (search_keys);
create index application_a_id_hash on registration.divorce_application (a_id_hash);
create index application_b_id_hash on registration.divorce_application (b_id_hash);
create index application_a_phone_hash on registration.divorce_application (a_phone_hash);
create index application_b_phone_hash on registration.divorce_application (b_phone_hash);
