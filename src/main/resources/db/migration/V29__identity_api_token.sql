-- Personal API tokens (issue 13): only the SHA-256 of a token is stored, looked up by it. The
-- token itself is shown once, at creation, and never written anywhere.
create table identity.api_token (
    id             uuid primary key,
    user_id        uuid not null references identity.app_user (id),
    name           varchar(50) not null,
    token_hash     bytea not null check (octet_length(token_hash) = 32),
    created_at     timestamptz not null,
    expires_on     date not null,
    revoked_at     timestamptz,
    revoked_by     varchar(64),
    last_used_at   timestamptz,
    last_used_from varchar(64)
);

create unique index api_token_hash_unique on identity.api_token (token_hash);
create index api_token_user on identity.api_token (user_id, created_at desc);
