-- FrontDoor foundation schema (PostgreSQL). Owned by the foundation; later features add V2+.
-- Durable queues (inbound_message, submission, outbound_message) share the same queue columns:
--   state, attempts, next_attempt_at, lease_until, claimed_by, last_error, created_at, updated_at
-- and are claimed with FOR UPDATE SKIP LOCKED (see org.frontdoor.gateway.outbox.QueueTable).

-- Inbound messages, stored before the provider is acknowledged (blueprint §3.1).
create table inbound_message (
	id                  uuid primary key,
	channel             varchar(16)  not null,
	provider            varchar(32)  not null,
	provider_message_id varchar(998) not null,
	sender              varchar(512) not null,
	recipient           varchar(512),
	thread_key          varchar(998),
	payload             jsonb        not null,
	received_at         timestamptz  not null,
	state               varchar(16)  not null default 'PENDING'
		check (state in ('PENDING', 'IN_FLIGHT', 'DONE', 'DEAD')),
	attempts            integer      not null default 0,
	next_attempt_at     timestamptz  not null default now(),
	lease_until         timestamptz,
	claimed_by          varchar(100),
	last_error          text,
	created_at          timestamptz  not null default now(),
	updated_at          timestamptz  not null default now(),
	constraint inbound_message_provider_uk unique (channel, provider_message_id)
);
create index inbound_message_due_ix on inbound_message (next_attempt_at) where state in ('PENDING', 'IN_FLIGHT');
create index inbound_message_sender_ix on inbound_message (channel, sender, received_at);

-- Residents' media, EXIF already stripped, served at /media/{id}.
create table media (
	id           varchar(64)  primary key,
	content_type varchar(255) not null,
	size         bigint       not null,
	filename     varchar(500),
	bytes        bytea        not null,
	created_at   timestamptz  not null default now()
);

-- The Open311 outbox: one row per report trying to become a service request.
create table submission (
	id                 uuid primary key,
	service_code       varchar(255) not null,
	request            jsonb        not null,
	conversation_id    uuid,
	phase              varchar(16)  not null default 'POST' check (phase in ('POST', 'RESOLVE_TOKEN')),
	ambiguous          boolean      not null default false,
	token              varchar(255),
	service_request_id varchar(255),
	field_errors       jsonb,
	first_attempt_at   timestamptz,
	resolved_at        timestamptz,
	state              varchar(16)  not null default 'PENDING'
		check (state in ('PENDING', 'IN_FLIGHT', 'DONE', 'DEAD')),
	attempts           integer      not null default 0,
	next_attempt_at    timestamptz  not null default now(),
	lease_until        timestamptz,
	claimed_by         varchar(100),
	last_error         text,
	created_at         timestamptz  not null default now(),
	updated_at         timestamptz  not null default now()
);
create index submission_due_ix on submission (next_attempt_at) where state in ('PENDING', 'IN_FLIGHT');
create index submission_conversation_ix on submission (conversation_id);

-- Service requests FrontDoor created or subscribes residents to: our id <-> token <-> service_request_id.
create table service_request_link (
	id                 uuid primary key,
	submission_id      uuid unique references submission (id),
	token              varchar(255),
	service_request_id varchar(255) unique,
	service_code       varchar(255),
	status             varchar(16),
	raw_status         varchar(255),
	status_notes       text,
	backend_updated_at timestamptz,
	last_polled_at     timestamptz,
	next_poll_at       timestamptz,
	created_at         timestamptz  not null default now(),
	updated_at         timestamptz  not null default now()
);
create index service_request_link_poll_ix on service_request_link (next_poll_at) where next_poll_at is not null;

-- Every real status change the poller detected, for the relay to consume exactly once.
create table status_change (
	id                 bigint generated always as identity primary key,
	link_id            uuid         not null references service_request_link (id),
	service_request_id varchar(255) not null,
	old_status         varchar(16),
	new_status         varchar(16)  not null,
	raw_status         varchar(255),
	status_notes       text,
	backend_updated_at timestamptz,
	changes            varchar(64)  not null,
	detected_at        timestamptz  not null default now(),
	relayed_at         timestamptz
);
create index status_change_unrelayed_ix on status_change (id) where relayed_at is null;
create index status_change_link_ix on status_change (link_id, id);

-- Residents who want updates on a service request.
create table subscription (
	id              uuid primary key,
	link_id         uuid         not null references service_request_link (id),
	channel         varchar(16)  not null,
	address         varchar(512) not null,
	locale          varchar(16),
	conversation_id uuid,
	active          boolean      not null default true,
	created_at      timestamptz  not null default now(),
	constraint subscription_uk unique (link_id, channel, address)
);

-- The outbound outbox: replies and status updates on their way to residents.
create table outbound_message (
	id                  uuid primary key,
	channel             varchar(16)  not null,
	recipient           varchar(512) not null,
	message             jsonb        not null,
	dedupe_key          varchar(500) unique,
	ignore_opt_out      boolean      not null default false,
	provider_message_id varchar(500),
	delivery_status     varchar(32),
	delivery_error_code varchar(64),
	delivery_updated_at timestamptz,
	sent_at             timestamptz,
	state               varchar(16)  not null default 'PENDING'
		check (state in ('PENDING', 'IN_FLIGHT', 'DONE', 'DEAD')),
	attempts            integer      not null default 0,
	next_attempt_at     timestamptz  not null default now(),
	lease_until         timestamptz,
	claimed_by          varchar(100),
	last_error          text,
	created_at          timestamptz  not null default now(),
	updated_at          timestamptz  not null default now(),
	constraint outbound_message_provider_uk unique (channel, provider_message_id)
);
create index outbound_message_due_ix on outbound_message (next_attempt_at) where state in ('PENDING', 'IN_FLIGHT');

-- What could not be processed, with the reason; replayable from the admin API.
create table dead_letter (
	id           uuid primary key,
	source       varchar(100) not null,
	dedupe_key   varchar(500) not null,
	payload      bytea,
	content_type varchar(255),
	reason       text         not null,
	failures     integer      not null default 1,
	created_at   timestamptz  not null default now(),
	updated_at   timestamptz  not null default now(),
	replay_state varchar(16)  not null default 'NEW' check (replay_state in ('NEW', 'REPLAYED', 'FAILED', 'DISCARDED')),
	replay_count integer      not null default 0,
	replayed_at  timestamptz,
	replay_error text,
	constraint dead_letter_uk unique (source, dedupe_key)
);
create index dead_letter_created_ix on dead_letter (created_at desc);

-- Residents who opted out of all messages on an address (STOP, carrier opt-out).
create table opt_out (
	channel    varchar(16)  not null,
	address    varchar(512) not null,
	source     varchar(64)  not null,
	reason     varchar(500),
	created_at timestamptz  not null default now(),
	primary key (channel, address)
);

-- Queues an admin must look at: halted on bad credentials, resumed through the admin API.
create table queue_control (
	queue_name varchar(64) primary key,
	halted     boolean      not null default false,
	reason     text,
	halted_at  timestamptz,
	updated_at timestamptz  not null default now()
);
insert into queue_control (queue_name) values ('inbound'), ('submission'), ('outbound');

-- Poller bookkeeping (change-feed watermark, probe results), one row per key.
create table poller_state (
	name       varchar(100) primary key,
	value      text,
	updated_at timestamptz not null default now()
);

-- Spring Integration JDBC lock registry (leader election of singletons: status poller, IMAP listener).
create table int_lock (
	lock_key      char(36)     not null,
	region        varchar(100) not null,
	client_id     char(36),
	created_date  timestamp    not null,
	expired_after timestamp    not null,
	constraint int_lock_pk primary key (lock_key, region)
);

-- Spring Integration JDBC metadata store (idempotent receivers, e.g. mail adapters).
create table int_metadata_store (
	metadata_key   varchar(255)  not null,
	metadata_value varchar(4000),
	region         varchar(100)  not null,
	constraint int_metadata_store_pk primary key (metadata_key, region)
);
