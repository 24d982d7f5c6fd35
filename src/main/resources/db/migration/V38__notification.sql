-- Issue 15: notifications. An outbox row is written in the same transaction as the change that
-- causes it; a worker sends it (SMS, e-mail, the staff inbox), records every attempt and retries
-- with backoff. event_key is unique: one event is one row, never sent twice.
create schema notification;

create table notification.outbox (
    id              uuid         primary key,
    event_key       varchar(200) not null unique,
    channel         varchar(10)  not null check (channel in ('SMS', 'EMAIL', 'INBOX')),
    -- Phone or e-mail address, sealed with the data key; its keyed hash finds an opt-out.
    address_cipher  bytea,
    address_hash    bytea,
    user_id         uuid,
    message_key     varchar(100) not null,
    -- The message's arguments (a code, a date, a center's name), sealed: they may name a person.
    args_cipher     bytea        not null,
    link            varchar(300),
    urgent          boolean      not null default false,
    status          varchar(10)  not null default 'PENDING'
        check (status in ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    created_at      timestamptz  not null default now(),
    sent_at         timestamptz,
    check ((channel = 'INBOX') = (user_id is not null)),
    check ((channel = 'INBOX') = (address_cipher is null))
);

create index outbox_due on notification.outbox (next_attempt_at) where status = 'PENDING';

create table notification.attempt (
    id           bigint       generated always as identity primary key,
    outbox_id    uuid         not null references notification.outbox (id) on delete cascade,
    attempted_at timestamptz  not null default now(),
    instance     varchar(100) not null,
    outcome      varchar(10)  not null check (outcome in ('SENT', 'FAILED', 'HELD', 'SKIPPED')),
    -- What went wrong, as the channel names it (an exception's class, a provider's code): never a
    -- number, an address or the text.
    detail       varchar(200)
);

create index attempt_outbox on notification.attempt (outbox_id);

-- A staff user's inbox. The item's id is its outbox row's: a delivery repeated after a crash is
-- the same item. The text is rendered in the reader's language from the key and arguments.
create table notification.inbox_item (
    id          uuid         primary key references notification.outbox (id) on delete cascade,
    user_id     uuid         not null,
    message_key varchar(100) not null,
    args_cipher bytea        not null,
    link        varchar(300),
    created_at  timestamptz  not null default now(),
    read_at     timestamptz
);

create index inbox_item_user on notification.inbox_item (user_id, created_at desc);
create index inbox_item_unread on notification.inbox_item (user_id) where read_at is null;

-- A person (phone or e-mail address, by keyed hash) who asked for no more notices. What the person
-- asks for this minute (a one-time code) still reaches it.
create table notification.opt_out (
    address_hash bytea       primary key,
    created_at   timestamptz not null default now()
);

-- A staff user's own choices: an e-mail address for copies of its inbox, and whether to use it.
create table notification.user_setting (
    user_id       uuid        primary key,
    email_cipher  bytea,
    email_enabled boolean     not null default false,
    updated_at    timestamptz not null default now()
);
