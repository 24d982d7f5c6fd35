-- Issue 16: a volunteer who has left may be erased on its request (PIPL art. 47). Its row stays
-- for the counts (background, center, status, dates, hours) without its identity number and
-- phone; anonymised_on says when, and an anonymised volunteer is never edited again.
alter table volunteer.volunteer
    alter column id_number_cipher drop not null,
    alter column id_number_hash drop not null,
    alter column id_number_masked drop not null,
    alter column phone_cipher drop not null,
    alter column phone_masked drop not null,
    add column anonymised_on date;
