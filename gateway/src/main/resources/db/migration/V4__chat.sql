-- The web chat channel (channels.chat): sessions, their event logs, and shared rate-limit counters.

-- One row per chat session. The token is never stored, only its SHA-256 (token_hash).
-- last_event_seq is the per-session event counter, incremented under this row's lock.
create table chat_session (
	id             uuid primary key,
	token_hash     bytea        not null,
	locale         varchar(16)  not null,
	origin         varchar(255),
	last_event_seq bigint       not null default 0,
	created_at     timestamptz  not null,
	last_seen_at   timestamptz  not null,
	expires_at     timestamptz  not null
);
create index chat_session_expires_ix on chat_session (expires_at);

-- Everything the widget shows, per session: the resident's messages (echoed), replies, status updates.
-- seq grows by one per session; it is the server-sent event id clients resume from (Last-Event-ID).
-- dedupe_key makes appends idempotent: in:<client message id>, out:<outbound message id>.
create table chat_event (
	session_id uuid         not null references chat_session (id) on delete cascade,
	seq        bigint       not null,
	kind       varchar(16)  not null check (kind in ('RESIDENT', 'REPLY', 'STATUS')),
	dedupe_key varchar(200) not null,
	data       jsonb        not null,
	created_at timestamptz  not null default now(),
	primary key (session_id, seq),
	constraint chat_event_dedupe_uk unique (session_id, dedupe_key)
);

-- Fixed-window request counters shared by every instance (bucket: <kind>:session:<id> or <kind>:ip:<hash>).
create table chat_rate_limit (
	bucket       varchar(200) not null,
	window_start timestamptz  not null,
	hits         integer      not null,
	primary key (bucket, window_start)
);
create index chat_rate_limit_window_ix on chat_rate_limit (window_start);
