-- Issue 14, safe retries: the first answer to a request sent with an Idempotency-Key (the API) or a
-- form's one-time submission token (the pages), kept so that a repeat returns it instead of writing
-- again. The row is inserted in the same transaction as the request's own writes: a request that
-- dies before its commit leaves neither, and a repeat sent meanwhile waits on the row's key.
create table kernel.idempotent_request (
    user_key     text        not null,
    request_key  text        not null,
    fingerprint  bytea       not null,
    status       int         not null,
    headers      text,
    body_cipher  bytea,
    created_at   timestamptz not null default now(),
    primary key (user_key, request_key)
);

create index idempotent_request_created_idx on kernel.idempotent_request (created_at);

comment on table kernel.idempotent_request is
    'First answers of requests sent with an Idempotency-Key or a form token, kept 24 hours; the body sealed with the data key.';
