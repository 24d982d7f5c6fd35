-- The divorce application is saved whole as an aggregate: its version makes a save over a row that
-- changed since it was read change nothing (a second, concurrent move loses like a late one).
alter table registration.divorce_application add column version bigint not null default 0;
