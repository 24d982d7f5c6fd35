-- The audit trail is append-only: the database itself refuses to change or delete a row.
create schema audit;

create table audit.audit_event (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null,
    username       varchar(64) not null,
    role           varchar(20),
    region_code    varchar(12),
    action         varchar(60) not null,
    entity_type    varchar(40),
    entity_id      varchar(64),
    outcome        varchar(10) not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    client_address varchar(64)
);

create index audit_event_time on audit.audit_event (occurred_at desc, id desc);
create index audit_event_user_time on audit.audit_event (username, occurred_at desc);
create index audit_event_entity on audit.audit_event (entity_type, entity_id);

create function audit.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit.audit_event is append-only';
end;
$$;

-- Statement-level, so that even a change that matches no row is refused.
create trigger audit_event_append_only
    before update or delete or truncate on audit.audit_event
    for each statement execute function audit.refuse_change();
