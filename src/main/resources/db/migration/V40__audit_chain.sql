-- Issue 16: the audit trail as a chain that cannot be rewritten quietly. The application seals the
-- entries in turn: each gets the next number of the chain and a keyed hash (HMAC-SHA-256 with a key
-- derived from the data key, which the database never holds) over its content and the previous
-- entry's hash. Changing, removing or inserting an entry afterwards breaks the chain at that point,
-- and without the key nobody can compute a new one that holds.
alter table audit.audit_event
    add column chain_seq  bigint,
    add column chain_hash bytea,
    add constraint audit_event_sealed_whole check ((chain_seq is null) = (chain_hash is null));

create unique index audit_event_chain on audit.audit_event (chain_seq);
create index audit_event_unsealed on audit.audit_event (id) where chain_seq is null;

-- The end of the chain: the last number and hash sealed (0 and an empty hash before the first).
create table audit.chain_head (
    id        int         primary key check (id = 1),
    seq       bigint      not null,
    hash      bytea       not null,
    sealed_at timestamptz
);
insert into audit.chain_head (id, seq, hash) values (1, 0, '\x'::bytea);

-- The last verification's finding, for the administrator's page.
create table audit.chain_check (
    id            bigint      generated always as identity primary key,
    checked_at    timestamptz not null,
    checked_by    varchar(64) not null,
    entries       bigint      not null,
    intact        boolean     not null,
    broken_seq    bigint,
    broken_id     bigint,
    reason        varchar(40)
);

-- Still append-only, now row by row: an entry's content never changes and its seal is written once.
drop trigger audit_event_append_only on audit.audit_event;

create function audit.refuse_change_but_seal() returns trigger language plpgsql as $$
begin
    if old.chain_seq is null and new.chain_seq is not null
       and (old.id, old.occurred_at, old.username, old.role, old.region_code, old.action,
            old.entity_type, old.entity_id, old.outcome, old.client_address)
           is not distinct from
           (new.id, new.occurred_at, new.username, new.role, new.region_code, new.action,
            new.entity_type, new.entity_id, new.outcome, new.client_address) then
        return new;
    end if;
    raise exception 'audit.audit_event is append-only';
end;
$$;

create trigger audit_event_append_only
    before update on audit.audit_event
    for each row execute function audit.refuse_change_but_seal();

-- Statement-level, so that even a removal that matches no row is refused.
create trigger audit_event_no_removal
    before delete or truncate on audit.audit_event
    for each statement execute function audit.refuse_change();
