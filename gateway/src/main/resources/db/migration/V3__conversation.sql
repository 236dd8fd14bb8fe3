-- The intake dialog (org.frontdoor.gateway.conversation), the reply side (org.frontdoor.gateway.reply) and the
-- texting simulator (org.frontdoor.gateway.simulator).

-- One row per resident address on a channel (tel:+1…, whatsapp:+1…, mailto:…, chat:<session>). Its row lock
-- serializes everything FrontDoor decides for that resident (messages, submission outcomes, expiry).
create table resident (
	id              uuid primary key,
	channel         varchar(16)  not null,
	address         varchar(512) not null,
	-- the same person across channels, for rate limits (tel:+1… for both SMS and WhatsApp)
	identity        varchar(512) not null,
	locale          varchar(16),
	-- how the locale was chosen: detected (from a message), chosen (LANG, chat toggle), default
	locale_source   varchar(16),
	last_inbound_at timestamptz,
	created_at      timestamptz  not null default now(),
	updated_at      timestamptz  not null default now(),
	constraint resident_uk unique (channel, address)
);
create index resident_identity_ix on resident (identity);

-- One intake: what was understood so far (state: report + the pending question, JSON) and where it stands.
create table conversation (
	id                 uuid primary key,
	resident_id        uuid         not null references resident (id),
	channel            varchar(16)  not null,
	address            varchar(512) not null,
	-- the city's address the resident wrote to (replies go out from it)
	city_address       varchar(512),
	-- email thread root / chat session, when the channel has threads
	thread_key         varchar(998),
	phase              varchar(16)  not null
		check (phase in ('OPEN', 'SUBMITTING', 'SUBMITTED', 'FOLLOWING', 'CANCELLED', 'EXPIRED', 'FAILED')),
	state              jsonb        not null,
	locale             varchar(16),
	service_code       varchar(255),
	submission_id      uuid,
	service_request_id varchar(255),
	last_activity_at   timestamptz  not null,
	closed_at          timestamptz,
	created_at         timestamptz  not null default now(),
	updated_at         timestamptz  not null default now()
);
create index conversation_resident_ix on conversation (resident_id, created_at desc);
create index conversation_open_ix on conversation (last_activity_at) where phase = 'OPEN';
create index conversation_thread_ix on conversation (resident_id, thread_key) where thread_key is not null;
create index conversation_submission_ix on conversation (submission_id) where submission_id is not null;
create index conversation_created_ix on conversation (created_at desc);

-- The transcript: every message in (the inbound id, exactly once: the idempotency mark of a decision) and out
-- (the outbound id and the template key).
create table conversation_message (
	id              bigint generated always as identity primary key,
	resident_id     uuid         not null references resident (id),
	conversation_id uuid references conversation (id),
	direction       varchar(3)   not null check (direction in ('IN', 'OUT')),
	inbound_id      uuid,
	outbound_id     uuid,
	template_key    varchar(64),
	text            text,
	-- what happened beyond the text (no PII): "rate limited", "suppressed: opted out", a geocoder reason…
	note            varchar(500),
	-- channel details worth keeping for replies (email Message-ID and References)
	meta            jsonb,
	created_at      timestamptz  not null default now()
);
create unique index conversation_message_inbound_uk on conversation_message (inbound_id) where direction = 'IN';
create index conversation_message_conversation_ix on conversation_message (conversation_id, id);
create index conversation_message_resident_ix on conversation_message (resident_id, id);

-- Media of inbound messages fetched from a provider (Twilio MMS/WhatsApp), so a retried message is not
-- downloaded again; a permanent refusal is kept too.
create table fetched_media (
	inbound_id   uuid         not null,
	position     integer      not null,
	media_id     varchar(64),
	content_type varchar(255),
	exif_lat     double precision,
	exif_lon     double precision,
	failure      varchar(32),
	detail       varchar(500),
	created_at   timestamptz  not null default now(),
	primary key (inbound_id, position)
);

-- Per-resident message counts in fixed windows (rate limit across channels, shared by every instance).
create table rate_limit (
	identity     varchar(512) not null,
	window_start timestamptz  not null,
	messages     integer      not null,
	primary key (identity, window_start)
);

-- The texting simulator (embedded default run only): messages between the page and FrontDoor, as a local
-- Twilio-compatible API saw them.
create table simulator_message (
	id              bigint generated always as identity primary key,
	sid             varchar(64)  not null unique,
	direction       varchar(3)   not null check (direction in ('IN', 'OUT')),
	channel         varchar(16)  not null,
	phone           varchar(64)  not null,
	body            text,
	media           jsonb,
	status          varchar(32)  not null,
	callback_url    varchar(1000),
	callback_due_at timestamptz,
	created_at      timestamptz  not null default now()
);
create index simulator_message_phone_ix on simulator_message (phone, id);
create index simulator_message_callback_ix on simulator_message (callback_due_at) where callback_due_at is not null;

create table simulator_media (
	id           varchar(64)  primary key,
	content_type varchar(255) not null,
	bytes        bytea        not null,
	created_at   timestamptz  not null default now()
);
