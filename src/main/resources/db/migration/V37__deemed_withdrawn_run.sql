-- Issue 14: the daily deemed-withdrawn job runs once per day, whichever instance gets there first.
-- Each instance tries it just after midnight and at start-up; the first claims the day in the same
-- transaction as its marks (a run that dies leaves no claim), the others find the day claimed.
create table registration.deemed_withdrawn_run (
    day      date        primary key,
    ran_at   timestamptz not null default now(),
    marked   int         not null,
    instance text        not null
);
