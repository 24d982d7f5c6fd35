-- Issue 13: the marks of updates (V32, V34) are left by row triggers with a WHEN condition instead
-- of statement triggers joining their old and new transition tables. A transition table has no
-- index and no statistics, so the join of a large update (casework marking a day's thousands of
-- history applications case-opened in one statement) ran as a nested loop: the Binzhou history took
-- 45 s to load instead of 29 s. The WHEN condition is checked in the executor, row by row, and an
-- update of columns no figure reads (case_opened, notes) never calls the function at all. Inserts,
-- deletes and truncates keep their statement triggers (no join there).

drop trigger figure_days_update on registration.divorce_application;

create function registration.mark_figure_day_row() returns trigger language plpgsql as $$
begin
    insert into kernel.figure_change (received_on) values (new.received_on);
    if old.received_on is distinct from new.received_on then
        insert into kernel.figure_change (received_on) values (old.received_on);
    end if;
    return null;
end $$;

create trigger figure_days_update after update on registration.divorce_application
    for each row
    when ((old.region_path, old.received_on, old.outcome, old.outcome_on)
          is distinct from (new.region_path, new.received_on, new.outcome, new.outcome_on))
    execute function registration.mark_figure_day_row();

drop trigger figure_cases_update on casework.counseling_case;

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

create trigger figure_cases_update after update on casework.counseling_case
    for each row
    when ((old.application_id, old.risk, old.region_path, old.stage, old.opened_on, old.issue_categories)
          is distinct from
          (new.application_id, new.risk, new.region_path, new.stage, new.opened_on, new.issue_categories))
    execute function casework.mark_figure_case_row();

drop trigger figure_sessions_update on casework.session;
drop trigger figure_follow_ups_update on casework.follow_up;

-- A session or a follow-up: the applications of its case, before and after.
create function casework.mark_figure_case_child_row() returns trigger language plpgsql as $$
begin
    perform casework.mark_figure_case_ids(array[new.case_id, old.case_id]);
    return null;
end $$;

create trigger figure_sessions_update after update on casework.session
    for each row
    when ((old.case_id, old.status, old.scheduled_at)
          is distinct from (new.case_id, new.status, new.scheduled_at))
    execute function casework.mark_figure_case_child_row();

create trigger figure_follow_ups_update after update on casework.follow_up
    for each row
    when ((old.case_id, old.months, old.done_on, old.filed_again)
          is distinct from (new.case_id, new.months, new.done_on, new.filed_again))
    execute function casework.mark_figure_case_child_row();

drop trigger figure_referrals_update on casework.safety_referral;

create function casework.mark_figure_referral_row() returns trigger language plpgsql as $$
begin
    insert into kernel.figure_change (case_day) values (new.made_on);
    if old.made_on is distinct from new.made_on then
        insert into kernel.figure_change (case_day) values (old.made_on);
    end if;
    return null;
end $$;

create trigger figure_referrals_update after update on casework.safety_referral
    for each row
    when ((old.case_id, old.kind, old.made_on) is distinct from (new.case_id, new.kind, new.made_on))
    execute function casework.mark_figure_referral_row();
