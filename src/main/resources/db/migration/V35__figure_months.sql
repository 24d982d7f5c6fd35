-- Issue 13: the caches of days (V32, V34) rolled up by month, so that a period of years is a sum of
-- its whole months plus the days at its two ends. At ten times Binzhou, casework's cache holds about
-- 200,000 rows of days (a region, a day, a stage or category or kind) for the city's six years, and
-- summing them was most of a 150 ms summary; the months hold a thirtieth of that. Kept by the same
-- refresh as the days, from the days, in the same transaction.

create table reporting.couple_month (
    month             date not null,
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
    primary key (month, region_path)
);

create index couple_month_region on reporting.couple_month (region_path varchar_pattern_ops, month);

create table reporting.case_month (
    month        date not null,
    region_path  varchar(120) not null,
    measure      varchar(10) not null check (measure in ('STAGE', 'CATEGORY', 'REFERRAL')),
    item         text not null,
    cases        integer not null,
    high_risk    integer not null default 0,
    primary key (month, region_path, measure, item)
);

create index case_month_region on reporting.case_month (region_path varchar_pattern_ops, month);

-- Built whole at the next refresh, months with the days.
update reporting.couple_day_build set built_at = null, cases_built_at = null;
