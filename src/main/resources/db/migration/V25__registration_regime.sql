-- The years before the cooling-off period (Civil Code, in force 2021-01-01). An application received
-- before then was registered (准予登记) or cancelled or postponed (取消或暂缓) on the spot: it has no
-- deadlines, and its outcome, on a date, is one of those two. The regime follows from the received
-- date alone (Regime.of); the database holds every row to it.
alter table registration.divorce_application add column regime varchar(16);

update registration.divorce_application
set regime = case when received_on < date '2021-01-01' then 'PRE_CIVIL_CODE' else 'COOLING_OFF' end;

alter table registration.divorce_application
    alter column regime set not null,
    alter column outcome type varchar(30),
    alter column withdrawal_deadline drop not null,
    alter column certificate_from drop not null,
    alter column certificate_deadline drop not null,
    alter column deemed_withdrawn_on drop not null,
    drop constraint divorce_application_outcome_check,
    add constraint application_outcome check (outcome in
        ('PENDING', 'WITHDRAWN', 'DEEMED_WITHDRAWN', 'DIVORCED', 'REGISTERED', 'CANCELLED_OR_POSTPONED')),
    add constraint application_regime_by_received check (
        (regime = 'PRE_CIVIL_CODE' and received_on < date '2021-01-01')
        or (regime = 'COOLING_OFF' and received_on >= date '2021-01-01')),
    -- Before 2021: no deadlines, decided on the spot on a date not before receipt.
    add constraint application_pre_civil_code check (regime <> 'PRE_CIVIL_CODE' or (
        withdrawal_deadline is null and certificate_from is null and certificate_deadline is null
        and deemed_withdrawn_on is null and not withdrawal_provisional and not certificate_provisional
        and outcome in ('REGISTERED', 'CANCELLED_OR_POSTPONED')
        and outcome_on is not null and outcome_on >= received_on and withdrawn_by is null)),
    -- From 2021: every deadline, and only the cooling-off period's outcomes.
    add constraint application_cooling_off check (regime <> 'COOLING_OFF' or (
        withdrawal_deadline is not null and certificate_from is not null
        and certificate_deadline is not null and deemed_withdrawn_on is not null
        and outcome in ('PENDING', 'WITHDRAWN', 'DEEMED_WITHDRAWN', 'DIVORCED')));

-- A history import asks "is this couple's application of that day recorded?" for many couples at
-- once: one look-up by pair and day.
create index application_pair_received on registration.divorce_application (pair_hash, received_on);
