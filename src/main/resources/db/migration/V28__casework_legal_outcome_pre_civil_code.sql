-- A case's legal outcome is the application's outcome as registration names it (Outcome.name()):
-- before 2021 that is REGISTERED or CANCELLED_OR_POSTPONED, which V18's check (written 'CANCELLED')
-- and width (20) did not admit. Cases opened for the applications of those years carry it.
alter table casework.counseling_case drop constraint counseling_case_legal_outcome_check;
alter table casework.counseling_case alter column legal_outcome type varchar(24);
alter table casework.counseling_case add constraint counseling_case_legal_outcome_check
    check (legal_outcome in ('WITHDRAWN', 'DEEMED_WITHDRAWN', 'DIVORCED', 'REGISTERED', 'CANCELLED_OR_POSTPONED'));
