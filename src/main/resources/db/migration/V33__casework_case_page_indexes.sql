-- The case page reads every consent and every team member of its case, withdrawn and removed ones
-- included (the timeline tells when each was given, withdrawn, assigned): the only indexes on those
-- tables were partial ones (consents in force, current members), so each case page read every
-- consent and team member of every case (about 230,000 and 40,000 rows a page with the Binzhou
-- history, p50 36 ms; bench/run-pages.sh). By case, all rows.
create index consent_case on casework.consent (case_id);
create index team_member_case on casework.team_member (case_id, assigned_at);
