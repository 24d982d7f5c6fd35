-- Every import now stages its upload, encrypted, in kernel.import_staging (V10). The two module
-- tables held uploads in plain text, identity numbers and phones included: drop them with whatever
-- unconfirmed uploads they still hold.
drop table volunteer.import_upload;
drop table registration.import_upload;
