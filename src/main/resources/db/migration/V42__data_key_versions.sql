-- Data-key rotation (issue 16): the key has versions. Each row is one version the stored data may
-- be sealed with, named by its fingerprint (never the key). The start refuses a configured key whose
-- fingerprint differs from its row, and a version that is not retired but has no key configured.
--
-- lookup_key_sealed: the lookup key of the keyed hashes (derived from the first version's key and
-- never rotated) sealed under this version, so that the first version's key can be retired and the
-- hashes and the audit chain still work. resealed_at: when the rotation job last moved a value away
-- from this version; a version is retired only a quiet while after that, so that a save that had
-- read the old value just before cannot bring it back unseen.
create table kernel.data_key_version (
    version           int         primary key check (version between 1 and 255),
    fingerprint       varchar(64) not null,
    created_at        timestamptz not null default now(),
    lookup_key_sealed bytea,
    resealed_at       timestamptz,
    retired_at        timestamptz,
    retired_by        varchar(64)
);

comment on table kernel.data_key_version is
    'Versions of the data key (fingerprints only, never the key); see shared/person/DataKeyConfiguration.';

-- The one key there was is version 1: everything sealed so far is in its format.
insert into kernel.data_key_version (version, fingerprint, created_at)
select 1, fingerprint, created_at from kernel.data_key;

drop table kernel.data_key;
