-- The list of HIGH-risk cases (/cases?risk=HIGH, a manager's safety view) read every case in scope
-- twice on every page, to count them and to sort them: the statements are prepared once per
-- connection, and their generic plan cannot use the region path's prefix (LIKE $1) nor know the risk,
-- so both scanned the table (1.2 ms of the database per request at 2,000 cases, the slowest list with
-- wrk; bench/run-lists.sh -Dwrk=/usr/bin/wrk). The list names the risk as a literal; this index holds
-- the HIGH cases in the list's order with their region path, so a page reads its first rows and the
-- count this index only.
create index counseling_case_high_risk on casework.counseling_case
    ((status = 'CLOSED'), opened_on desc, id) include (region_path)
    where risk = 'HIGH';
