-- Volunteers who spoke at an outreach event, and the volunteers who serve in a service project.
-- The volunteer is referred to by id only (the volunteer module owns it); the typed speaker names
-- of outreach_event.speakers stay for speakers who are not volunteers.
create table outreach.event_speaker (
    event_id        uuid not null references outreach.outreach_event (id) on delete cascade,
    volunteer_id    uuid not null,
    added_at        timestamptz not null,
    primary key (event_id, volunteer_id)
);

create index event_speaker_volunteer on outreach.event_speaker (volunteer_id);

create table outreach.project_member (
    project_id      uuid not null references outreach.service_project (id) on delete cascade,
    volunteer_id    uuid not null,
    added_at        timestamptz not null,
    primary key (project_id, volunteer_id)
);

create index project_member_volunteer on outreach.project_member (volunteer_id);
