-- Issue 13: casework's counts in the figures (cases by stage with HIGH risk, by issue category, by
-- opened day; safety referrals by kind, by the day made) kept per region path and day beside the
-- couples' (V32), marked and recomputed the same way: at ten times Binzhou, counting 300,000 cases
-- and unnesting their categories took most of a city summary's second.

alter table kernel.figure_change add column case_day date;

comment on column kernel.figure_change.case_day is
    'A day whose casework counts changed: a case opened on it, or a safety referral made on it.';

-- Cases: the applications (V32, for the couples) and now the opened days, when anything either
-- count reads changed; a case moved to another region also moves its referrals' counts.
create or replace function casework.mark_figure_cases() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into kernel.figure_change (application_id)
        select distinct application_id from changed_new where application_id is not null;
        insert into kernel.figure_change (case_day) select distinct opened_on from changed_new;
    elsif tg_op = 'DELETE' then
        insert into kernel.figure_change (application_id)
        select distinct application_id from changed_old where application_id is not null;
        insert into kernel.figure_change (case_day) select distinct opened_on from changed_old;
    elsif tg_op = 'UPDATE' then
        insert into kernel.figure_change (application_id)
        select distinct a
          from changed_new n
          join changed_old o on o.id = n.id
         cross join lateral (values (n.application_id), (o.application_id)) as apps(a)
         where a is not null
           and (n.application_id, n.risk) is distinct from (o.application_id, o.risk);
        insert into kernel.figure_change (case_day)
        select distinct d
          from changed_new n
          join changed_old o on o.id = n.id
         cross join lateral (values (n.opened_on), (o.opened_on)) as days(d)
         where (n.region_path, n.stage, n.risk, n.opened_on, n.issue_categories)
               is distinct from (o.region_path, o.stage, o.risk, o.opened_on, o.issue_categories);
        insert into kernel.figure_change (case_day)
        select distinct r.made_on
          from changed_new n
          join changed_old o on o.id = n.id
          join casework.safety_referral r on r.case_id = n.id
         where n.region_path is distinct from o.region_path;
    else
        insert into kernel.figure_change (everything) values (true);
    end if;
    return null;
end $$;

-- Safety referrals: the days they were made on, when made, deleted, moved or changed in kind.
create function casework.mark_figure_referrals() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into kernel.figure_change (case_day) select distinct made_on from changed_new;
    elsif tg_op = 'DELETE' then
        insert into kernel.figure_change (case_day) select distinct made_on from changed_old;
    elsif tg_op = 'UPDATE' then
        insert into kernel.figure_change (case_day)
        select distinct d
          from changed_new n
          join changed_old o on o.id = n.id
         cross join lateral (values (n.made_on), (o.made_on)) as days(d)
         where (n.case_id, n.kind, n.made_on) is distinct from (o.case_id, o.kind, o.made_on);
    else
        insert into kernel.figure_change (everything) values (true);
    end if;
    return null;
end $$;

create trigger figure_referrals_insert after insert on casework.safety_referral
    referencing new table as changed_new for each statement execute function casework.mark_figure_referrals();
create trigger figure_referrals_update after update on casework.safety_referral
    referencing new table as changed_new old table as changed_old
    for each statement execute function casework.mark_figure_referrals();
create trigger figure_referrals_delete after delete on casework.safety_referral
    referencing old table as changed_old for each statement execute function casework.mark_figure_referrals();
create trigger figure_referrals_truncate after truncate on casework.safety_referral
    for each statement execute function casework.mark_figure_referrals();

-- The cache: per day (a case's opened day, a referral's day made) and region path, one row per
-- measure and item: STAGE (item a stage; cases and their HIGH risk), CATEGORY (an issue category),
-- REFERRAL (a referral kind).
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

-- Built whole the first time, as the couples' cache.
alter table reporting.couple_day_build add column cases_built_at timestamptz;
