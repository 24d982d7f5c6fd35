-- The second wall (issue 16): row-level security on every table with a region path, so that a
-- query that forgets its own "region_path like :scope" still returns nothing outside the caller's
-- scope.
--
-- The application's pool works as the role huhang_app: no superuser, no BYPASSRLS, not the owner
-- of any table, so the policies hold it. Every connection it hands out carries the setting
-- huhang.scope (shared/database/ScopedDataSource): the staff user's region path during a staff
-- request, '/' (every row) for work without a user: scheduled jobs, start-up, the families' token
-- pages. A connection without the setting (a person at psql as huhang_app) sees no such row.
-- Migrations run as the owner, whom the policies do not hold.

do $$
begin
  if not exists (select from pg_roles where rolname = 'huhang_app') then
    create role huhang_app nologin;
  end if;
end $$;

-- The owner switches to it on each of the pool's connections (set role huhang_app) when the pool
-- logs in as the owner.
grant huhang_app to current_user;

-- Its rights: read and write the tables and use the sequences, in every schema; the same for what
-- later migrations (run by this owner) create.
do $$
declare
  s text;
begin
  for s in
    select nspname from pg_namespace
     where nspname not like 'pg\_%' and nspname <> 'information_schema'
  loop
    execute format('grant usage on schema %I to huhang_app', s);
    execute format('grant select, insert, update, delete on all tables in schema %I to huhang_app', s);
    execute format('grant usage, select, update on all sequences in schema %I to huhang_app', s);
  end loop;
end $$;
alter default privileges grant usage on schemas to huhang_app;
alter default privileges grant select, insert, update, delete on tables to huhang_app;
alter default privileges grant usage, select, update on sequences to huhang_app;

-- Not the migrations' own history, and the audit trail is never deleted by the application.
do $$
begin
  if to_regclass('public.flyway_schema_history') is not null then
    revoke all on public.flyway_schema_history from huhang_app;
  end if;
end $$;
revoke delete on audit.audit_event from huhang_app;

-- Whether the current connection's scope covers a row's region path: the row lies in the scope.
-- Inlined into each policy. No setting: nothing; '/': everything.
create function kernel.in_row_scope(path varchar) returns boolean
    language sql stable parallel safe
as $$
  select case coalesce(current_setting('huhang.scope', true), '')
           when '' then false
           when '/' then true
           else starts_with(path, current_setting('huhang.scope', true))
         end
$$;

-- The same, or the row belongs to a region above the scope: what the city (or province) sets up
-- for its counties to use (its centers, courses, events, projects; its staff and volunteers, who
-- appear on a county's pages), never a sibling county's.
create function kernel.in_row_scope_or_above(path varchar) returns boolean
    language sql stable parallel safe
as $$
  select case coalesce(current_setting('huhang.scope', true), '')
           when '' then false
           when '/' then true
           else starts_with(path, current_setting('huhang.scope', true))
                or starts_with(current_setting('huhang.scope', true), path)
         end
$$;

-- Every table with a region path, now. The families' records (applications, cases, referrals,
-- bookings and their answers) and the figures' caches: the scope only. The shared resources
-- listed: the scope and the regions above it. Published teaching cases are the whole city's
-- material (anonymised): those too. A later table gets its policy in its own migration
-- (RowLevelSecurityIntegrationTest fails for one that has none).
do $$
declare
  t record;
  test text;
begin
  for t in
    select n.nspname as schema, c.relname as name
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'region_path' and not a.attisdropped
     where c.relkind in ('r', 'p')
       and n.nspname not like 'pg\_%' and n.nspname <> 'information_schema'
  loop
    test := case
      when t.schema || '.' || t.name in ('center.center', 'identity.app_user',
                                          'outreach.outreach_event', 'outreach.service_project',
                                          'training.course', 'training.participant',
                                          'volunteer.volunteer')
        then 'kernel.in_row_scope_or_above(region_path)'
      when t.schema || '.' || t.name = 'teaching.teaching_case'
        then 'kernel.in_row_scope_or_above(region_path) or status = ''PUBLISHED'''
      else 'kernel.in_row_scope(region_path)'
    end;
    execute format('alter table %I.%I enable row level security', t.schema, t.name);
    execute format('create policy in_scope on %I.%I using (%s)', t.schema, t.name, test);
  end loop;
end $$;
