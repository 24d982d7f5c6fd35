-- A volunteer counts a project's honour only if it served in the project when the honour was
-- awarded: membership gets the day it began. Members recorded so far are taken to have served
-- from the project's start (they were recorded to say so).
alter table outreach.project_member add column joined_on date;

update outreach.project_member m
   set joined_on = p.started_on
  from outreach.service_project p
 where p.id = m.project_id;

alter table outreach.project_member alter column joined_on set not null;
