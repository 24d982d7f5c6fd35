-- Lists read their first page from an index in the list's own order instead of sorting every row
-- of the scope (issue 13, "ahead of the peer"); the scope filter (region_path like :scope) keeps its
-- varchar_pattern_ops indexes.

-- Users: by region path (in byte order, which the list asks for explicitly), role, username.
create index app_user_list_order on identity.app_user (region_path collate "C", role, username);

-- Applications: latest received first.
create index application_list_order on registration.divorce_application (received_on desc, id);

-- Cases: open and active before closed, newest opened first.
create index counseling_case_list_order
    on casework.counseling_case ((status = 'CLOSED'), opened_on desc, id);

-- Events: latest held first, then the latest start.
create index outreach_event_list_order
    on outreach.outreach_event (held_on desc, starts_at desc, id);

-- User search by a piece of the username or display name, without reading every user: text of
-- three characters or more through trigram indexes (ilike), one or two characters (a surname, a
-- given name) through the names' one- and two-character pieces. pg_trgm is a trusted extension.
create extension if not exists pg_trgm;

create index app_user_username_trgm on identity.app_user using gin (username gin_trgm_ops);
create index app_user_display_name_trgm on identity.app_user using gin (display_name gin_trgm_ops);

create function identity.name_grams(username text, display_name text) returns text[]
    language sql immutable parallel safe
as $$
    select coalesce(array_agg(distinct substr(t, i, n)), '{}')
    from unnest(array[lower(username), lower(display_name)]) t,
         generate_series(1, 2) n,
         generate_series(1, length(t) - n + 1) i
$$;

create index app_user_name_grams on identity.app_user using gin (identity.name_grams(username, display_name));
