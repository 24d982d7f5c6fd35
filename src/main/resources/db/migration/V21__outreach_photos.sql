-- Photos of an outreach event, stored with the event: the original as re-encoded on upload (no
-- EXIF, so no GPS location of the families photographed) and a small JPEG thumbnail for galleries.
create table outreach.event_photo (
    id              uuid primary key,
    event_id        uuid not null references outreach.outreach_event (id) on delete cascade,
    content_type    varchar(20) not null check (content_type in ('image/jpeg', 'image/png')),
    width           int not null check (width > 0),
    height          int not null check (height > 0),
    size_bytes      int not null check (size_bytes > 0),
    caption         varchar(100),
    original        bytea not null,
    thumbnail       bytea not null,
    uploaded_by     varchar(50) not null,
    uploaded_at     timestamptz not null
);

create index event_photo_event on outreach.event_photo (event_id, uploaded_at);
