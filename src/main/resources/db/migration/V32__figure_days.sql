-- Issue 13: the couples' figures (applications, counseled, reconciled, HIGH risk, follow-ups) kept
-- per region path and received day, so that a city's six years at ten times Binzhou, or a
-- province's, are a sum of a few thousand rows instead of a pass over every application.
--
-- Exactness: reporting.couple_day is only a cache. Every statement that changes what the figures
-- are made of (an application's region, received day or outcome; a case's application or risk; a
-- session's status or time; a follow-up) leaves a mark in kernel.figure_change from a trigger on
-- its own module's table, in the same transaction, whichever path wrote it (a form, an import, a
-- JDBC batch, psql). Reporting recomputes the marked days, by the same Java rules as before, before
-- it sums (reporting/internal/FigureDays). A TRUNCATE marks everything.
--
-- V31 is left unused: the unmerged branch scale-gen has a V31 of its own.

create table kernel.figure_change (
    application_id  uuid,
    received_on     date,
    everything      boolean not null default false
);

comment on table kernel.figure_change is
    'Marks left by triggers: an application (casework) or a received day (registration) whose figures changed; drained by reporting.';

-- registration: the days an application was and is received on, when anything the figures read
-- changed (region, received day, outcome, outcome day), and on insert and delete.
create function registration.mark_figure_days() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into kernel.figure_change (received_on) select distinct received_on from changed_new;
    elsif tg_op = 'DELETE' then
        insert into kernel.figure_change (received_on) select distinct received_on from changed_old;
    elsif tg_op = 'UPDATE' then
        insert into kernel.figure_change (received_on)
        select distinct d
          from changed_new n
          join changed_old o on o.id = n.id
         cross join lateral (values (n.received_on), (o.received_on)) as days(d)
         where (n.region_path, n.received_on, n.outcome, n.outcome_on)
               is distinct from (o.region_path, o.received_on, o.outcome, o.outcome_on);
    else
        insert into kernel.figure_change (everything) values (true);
    end if;
    return null;
end $$;

create trigger figure_days_insert after insert on registration.divorce_application
    referencing new table as changed_new for each statement execute function registration.mark_figure_days();
create trigger figure_days_update after update on registration.divorce_application
    referencing new table as changed_new old table as changed_old
    for each statement execute function registration.mark_figure_days();
create trigger figure_days_delete after delete on registration.divorce_application
    referencing old table as changed_old for each statement execute function registration.mark_figure_days();
create trigger figure_days_truncate after truncate on registration.divorce_application
    for each statement execute function registration.mark_figure_days();

-- casework: the applications of cases whose application or risk changed, and of cases whose
-- sessions (status, time) or follow-ups (done, filed again) changed; a session's notes change no
-- figure and leave no mark.
create function casework.mark_figure_cases() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into kernel.figure_change (application_id)
        select distinct application_id from changed_new where application_id is not null;
    elsif tg_op = 'DELETE' then
        insert into kernel.figure_change (application_id)
        select distinct application_id from changed_old where application_id is not null;
    elsif tg_op = 'UPDATE' then
        insert into kernel.figure_change (application_id)
        select distinct a
          from changed_new n
          join changed_old o on o.id = n.id
         cross join lateral (values (n.application_id), (o.application_id)) as apps(a)
         where a is not null
           and (n.application_id, n.risk) is distinct from (o.application_id, o.risk);
    else
        insert into kernel.figure_change (everything) values (true);
    end if;
    return null;
end $$;

create trigger figure_cases_insert after insert on casework.counseling_case
    referencing new table as changed_new for each statement execute function casework.mark_figure_cases();
create trigger figure_cases_update after update on casework.counseling_case
    referencing new table as changed_new old table as changed_old
    for each statement execute function casework.mark_figure_cases();
create trigger figure_cases_delete after delete on casework.counseling_case
    referencing old table as changed_old for each statement execute function casework.mark_figure_cases();
create trigger figure_cases_truncate after truncate on casework.counseling_case
    for each statement execute function casework.mark_figure_cases();

-- The applications of the given cases (those linked to one).
create function casework.mark_figure_case_ids(case_ids uuid[]) returns void language sql as $$
    insert into kernel.figure_change (application_id)
    select distinct c.application_id
      from casework.counseling_case c
     where c.id = any(case_ids) and c.application_id is not null;
$$;

create function casework.mark_figure_sessions() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform casework.mark_figure_case_ids(array(select distinct case_id from changed_new));
    elsif tg_op = 'DELETE' then
        perform casework.mark_figure_case_ids(array(select distinct case_id from changed_old));
    elsif tg_op = 'UPDATE' then
        perform casework.mark_figure_case_ids(array(
            select distinct c
              from changed_new n
              join changed_old o on o.id = n.id
             cross join lateral (values (n.case_id), (o.case_id)) as cases(c)
             where (n.case_id, n.status, n.scheduled_at) is distinct from (o.case_id, o.status, o.scheduled_at)));
    else
        insert into kernel.figure_change (everything) values (true);
    end if;
    return null;
end $$;

create trigger figure_sessions_insert after insert on casework.session
    referencing new table as changed_new for each statement execute function casework.mark_figure_sessions();
create trigger figure_sessions_update after update on casework.session
    referencing new table as changed_new old table as changed_old
    for each statement execute function casework.mark_figure_sessions();
create trigger figure_sessions_delete after delete on casework.session
    referencing old table as changed_old for each statement execute function casework.mark_figure_sessions();
create trigger figure_sessions_truncate after truncate on casework.session
    for each statement execute function casework.mark_figure_sessions();

create function casework.mark_figure_follow_ups() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform casework.mark_figure_case_ids(array(select distinct case_id from changed_new));
    elsif tg_op = 'DELETE' then
        perform casework.mark_figure_case_ids(array(select distinct case_id from changed_old));
    elsif tg_op = 'UPDATE' then
        perform casework.mark_figure_case_ids(array(
            select distinct c
              from changed_new n
              join changed_old o on o.id = n.id
             cross join lateral (values (n.case_id), (o.case_id)) as cases(c)
             where (n.case_id, n.months, n.done_on, n.filed_again)
                   is distinct from (o.case_id, o.months, o.done_on, o.filed_again)));
    else
        insert into kernel.figure_change (everything) values (true);
    end if;
    return null;
end $$;

create trigger figure_follow_ups_insert after insert on casework.follow_up
    referencing new table as changed_new for each statement execute function casework.mark_figure_follow_ups();
create trigger figure_follow_ups_update after update on casework.follow_up
    referencing new table as changed_new old table as changed_old
    for each statement execute function casework.mark_figure_follow_ups();
create trigger figure_follow_ups_delete after delete on casework.follow_up
    referencing old table as changed_old for each statement execute function casework.mark_figure_follow_ups();
create trigger figure_follow_ups_truncate after truncate on casework.follow_up
    for each statement execute function casework.mark_figure_follow_ups();

-- reporting: the cache. Rows of a day are replaced whole; built_at null means "build it all".
create schema reporting;

create table reporting.couple_day (
    received_on       date not null,
    region_path       varchar(120) not null,
    applications      integer not null,
    counseled         integer not null,
    reconciled        integer not null,
    high_risk         integer not null,
    counseled_targets integer not null,
    followed6         integer not null,
    durable6          integer not null,
    followed12        integer not null,
    durable12         integer not null,
    primary key (received_on, region_path)
);

create index couple_day_region on reporting.couple_day (region_path varchar_pattern_ops, received_on);

create table reporting.couple_day_build (
    id        boolean primary key default true check (id),
    built_at  timestamptz
);

insert into reporting.couple_day_build (id, built_at) values (true, null);
