-- Training courses are for staff too (city and county federation and civil-affairs staff): a
-- participant is either a volunteer or a staff user, never both. Staff get attendance, completion,
-- a certificate and feedback like volunteers; hours go on a record only for volunteers.
alter table training.participant
    alter column volunteer_id drop not null,
    add column user_id    uuid,
    add column staff_role varchar(20),
    add constraint participant_volunteer_or_staff
        check ((volunteer_id is null) <> (user_id is null)
               and (user_id is null) = (staff_role is null)),
    add constraint participant_user_once unique (course_id, user_id);

create index participant_user on training.participant (user_id);
