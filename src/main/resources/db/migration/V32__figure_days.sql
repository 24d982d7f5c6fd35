-- Issue 13: the figures kept per region path and day, and rolled up by month, so that a city's six
-- years at ten times Binzhou, or a province's, are a sum of a few thousand rows instead of a pass
-- over every application and case:
--   reporting.couple_day  the couples (applications, counseled, reconciled, HIGH risk, follow-ups)
--                         per region and received day;
--   reporting.case_day    casework's counts (cases by stage with HIGH risk, by issue category, by
--                         the day opened; safety referrals by kind, by the day made);
--   reporting.*_month     the same summed by month; a period sums its whole months and the days at
--                         its two ends.
--
-- Exactness: the reporting tables are only a cache. Every statement that changes what the figures
-- are made of leaves a mark in kernel.figure_change from a trigger on its own module's table, in
-- the same transaction, whichever path wrote it (a form, an import, a JDBC batch, psql). Reporting
-- recomputes the marked days, by the same Java rules as the plain count, before it sums
-- (reporting/internal/FigureDays). A TRUNCATE marks everything.
--
-- Inserts and deletes mark through statement triggers (one per multi-row insert). Updates mark
-- through row triggers whose WHEN condition names the columns the figures read: an update of any
-- other column (case_opened, a session's notes) never calls a function, and no update joins its old
-- and new transition tables, which have no index (a day's thousands of history applications marked
-- case-opened in one statement made that join a nested loop: the history loaded in 45 s, not 29 s).
--
-- V31 is left unused: the unmerged branch scale-gen has a V31 of its own.

create table kernel.figure_change (
    application_id  uuid,
    received_on     date,
    case_day        date,
    everything      boolean not null default false
);

comment on table kernel.figure_change is
    'Marks left by triggers: an application, a received day or a day of casework counts whose figures changed; drained by reporting.';

-- registration: the days an application was and is received on.
create function registration.mark_figure_days() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into kernel.figure_change (received_on) select distinct received_on from changed_new;
    elsif tg_op = 'DELETE' then
        insert into kernel.figure_change (received_on) select distinct received_on from changed_old;
    else
        insert into kernel.figure_change (everything) values (true);
    end if;
    return null;
end $$;

create function registration.mark_figure_day_row() returns trigger language plpgsql as $$
begin
    insert into kernel.figure_change (received_on) values (new.received_on);
    if old.received_on is distinct from new.received_on then
        insert into kernel.figure_change (received_on) values (old.received_on);
    end if;
    return null;
end $$;

create trigger figure_days_insert after insert on registration.divorce_application
    referencing new table as changed_new for each statement execute function registration.mark_figure_days();
create trigger figure_days_delete after delete on registration.divorce_application
    referencing old table as changed_old for each statement execute function registration.mark_figure_days();
create trigger figure_days_truncate after truncate on registration.divorce_application
    for each statement execute function registration.mark_figure_days();
create trigger figure_days_update after update on registration.divorce_application
    for each row
    when ((old.region_path, old.received_on, old.outcome, old.outcome_on)
          is distinct from (new.region_path, new.received_on, new.outcome, new.outcome_on))
    execute function registration.mark_figure_day_row();

-- casework: a case's application (for the couples) and its opened day (for the case counts).
create function casework.mark_figure_cases() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into kernel.figure_change (application_id)
        select distinct application_id from changed_new where application_id is not null;
        insert into kernel.figure_change (case_day) select distinct opened_on from changed_new;
    elsif tg_op = 'DELETE' then
        insert into kernel.figure_change (application_id)
        select distinct application_id from changed_old where application_id is not null;
        insert into kernel.figure_change (case_day) select distinct opened_on from changed_old;
    else
        insert into kernel.figure_change (everything) values (true);
    end if;
    return null;
end $$;

-- An updated case: its application when the application or the risk changed; its opened day when
-- anything the case counts read changed; a case moved to another region moves its referrals too.
create function casework.mark_figure_case_row() returns trigger language plpgsql as $$
begin
    if (new.application_id, new.risk) is distinct from (old.application_id, old.risk) then
        insert into kernel.figure_change (application_id)
        select a from (values (new.application_id), (old.application_id)) as apps(a)
         where a is not null;
    end if;
    if (new.region_path, new.stage, new.risk, new.opened_on, new.issue_categories)
       is distinct from (old.region_path, old.stage, old.risk, old.opened_on, old.issue_categories) then
        insert into kernel.figure_change (case_day) values (new.opened_on);
        if old.opened_on is distinct from new.opened_on then
            insert into kernel.figure_change (case_day) values (old.opened_on);
        end if;
    end if;
    if new.region_path is distinct from old.region_path then
        insert into kernel.figure_change (case_day)
        select distinct made_on from casework.safety_referral where case_id = new.id;
    end if;
    return null;
end $$;

create trigger figure_cases_insert after insert on casework.counseling_case
    referencing new table as changed_new for each statement execute function casework.mark_figure_cases();
create trigger figure_cases_delete after delete on casework.counseling_case
    referencing old table as changed_old for each statement execute function casework.mark_figure_cases();
create trigger figure_cases_truncate after truncate on casework.counseling_case
    for each statement execute function casework.mark_figure_cases();
create trigger figure_cases_update after update on casework.counseling_case
    for each row
    when ((old.application_id, old.risk, old.region_path, old.stage, old.opened_on, old.issue_categories)
          is distinct from
          (new.application_id, new.risk, new.region_path, new.stage, new.opened_on, new.issue_categories))
    execute function casework.mark_figure_case_row();

-- Sessions and follow-ups: the applications of their cases (those linked to one).
create function casework.mark_figure_case_ids(case_ids uuid[]) returns void language sql as $$
    insert into kernel.figure_change (application_id)
    select distinct c.application_id
      from casework.counseling_case c
     where c.id = any(case_ids) and c.application_id is not null;
$$;

create function casework.mark_figure_case_children() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform casework.mark_figure_case_ids(array(select distinct case_id from changed_new));
    elsif tg_op = 'DELETE' then
        perform casework.mark_figure_case_ids(array(select distinct case_id from changed_old));
    else
        insert into kernel.figure_change (everything) values (true);
    end if;
    return null;
end $$;

create function casework.mark_figure_case_child_row() returns trigger language plpgsql as $$
begin
    perform casework.mark_figure_case_ids(array[new.case_id, old.case_id]);
    return null;
end $$;

create trigger figure_sessions_insert after insert on casework.session
    referencing new table as changed_new for each statement execute function casework.mark_figure_case_children();
create trigger figure_sessions_delete after delete on casework.session
    referencing old table as changed_old for each statement execute function casework.mark_figure_case_children();
create trigger figure_sessions_truncate after truncate on casework.session
    for each statement execute function casework.mark_figure_case_children();
create trigger figure_sessions_update after update on casework.session
    for each row
    when ((old.case_id, old.status, old.scheduled_at)
          is distinct from (new.case_id, new.status, new.scheduled_at))
    execute function casework.mark_figure_case_child_row();

create trigger figure_follow_ups_insert after insert on casework.follow_up
    referencing new table as changed_new for each statement execute function casework.mark_figure_case_children();
create trigger figure_follow_ups_delete after delete on casework.follow_up
    referencing old table as changed_old for each statement execute function casework.mark_figure_case_children();
create trigger figure_follow_ups_truncate after truncate on casework.follow_up
    for each statement execute function casework.mark_figure_case_children();
create trigger figure_follow_ups_update after update on casework.follow_up
    for each row
    when ((old.case_id, old.months, old.done_on, old.filed_again)
          is distinct from (new.case_id, new.months, new.done_on, new.filed_again))
    execute function casework.mark_figure_case_child_row();

-- Safety referrals: the days they were made on.
create function casework.mark_figure_referrals() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into kernel.figure_change (case_day) select distinct made_on from changed_new;
    elsif tg_op = 'DELETE' then
        insert into kernel.figure_change (case_day) select distinct made_on from changed_old;
    else
        insert into kernel.figure_change (everything) values (true);
    end if;
    return null;
end $$;

create function casework.mark_figure_referral_row() returns trigger language plpgsql as $$
begin
    insert into kernel.figure_change (case_day) values (new.made_on);
    if old.made_on is distinct from new.made_on then
        insert into kernel.figure_change (case_day) values (old.made_on);
    end if;
    return null;
end $$;

create trigger figure_referrals_insert after insert on casework.safety_referral
    referencing new table as changed_new for each statement execute function casework.mark_figure_referrals();
create trigger figure_referrals_delete after delete on casework.safety_referral
    referencing old table as changed_old for each statement execute function casework.mark_figure_referrals();
create trigger figure_referrals_truncate after truncate on casework.safety_referral
    for each statement execute function casework.mark_figure_referrals();
create trigger figure_referrals_update after update on casework.safety_referral
    for each row
    when ((old.case_id, old.kind, old.made_on) is distinct from (new.case_id, new.kind, new.made_on))
    execute function casework.mark_figure_referral_row();

-- reporting: the caches. Rows of a day are replaced whole, a month's rows are made from its days.
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

create table reporting.couple_month (like reporting.couple_day);
alter table reporting.couple_month rename column received_on to month;
alter table reporting.couple_month add primary key (month, region_path);
create index couple_month_region on reporting.couple_month (region_path varchar_pattern_ops, month);

-- measure STAGE: item a stage, cases and their HIGH risk; CATEGORY: an issue category; REFERRAL: a
-- referral kind.
create table reporting.case_day (
    day          date not null,
    region_path  varchar(120) not null,
    measure      varchar(10) not null check (measure in ('STAGE', 'CATEGORY', 'REFERRAL')),
    item         text not null,
    cases        integer not null,
    high_risk    integer not null default 0,
    primary key (day, region_path, measure, item)
);

create index case_day_region on reporting.case_day (region_path varchar_pattern_ops, day);

create table reporting.case_month (like reporting.case_day including defaults including constraints);
alter table reporting.case_month rename column day to month;
alter table reporting.case_month add primary key (month, region_path, measure, item);
create index case_month_region on reporting.case_month (region_path varchar_pattern_ops, month);

-- Whether each cache was built whole (null: the next refresh builds it from every row).
create table reporting.cache_build (
    id              boolean primary key default true check (id),
    couples_built_at timestamptz,
    cases_built_at  timestamptz
);

insert into reporting.cache_build (id) values (true);
