-- The sandbox Open311 backend (org.frontdoor.gateway.sandbox): a stand-in for a city's GeoReport v2 server.
-- These tables belong to the simulated backend, not to FrontDoor: FrontDoor itself only reaches them over HTTP.
-- Flyway creates them in every deployment (migrations do not depend on profiles); with the `sandbox` profile off
-- nothing reads or writes them.

-- Service request ids are readable sequence numbers ("#1042" works in an SMS).
create sequence sandbox_request_id_seq start with 1001;

create table sandbox_request (
	id                 bigint primary key default nextval('sandbox_request_id_seq'),
	service_code       varchar(255)  not null,
	status             varchar(16)   not null default 'open' check (status in ('open', 'closed')),
	status_notes       text,
	description        text,
	agency_responsible varchar(255),
	service_notice     text,
	address_string     text,
	address_id         varchar(255),
	lat                double precision check (lat between -90 and 90),
	lon                double precision check (lon between -180 and 180),
	media_url          text,
	-- the resident's contact details (PII: never returned by the GeoReport API, masked on the staff page)
	email              varchar(254),
	phone              varchar(64),
	first_name         varchar(255),
	last_name          varchar(255),
	device_id          varchar(255),
	account_id         varchar(255),
	-- the client's own id (attribute[external_id]); a second POST with the same value returns this request
	external_id        varchar(255),
	requested_at       timestamptz   not null,
	updated_at         timestamptz   not null,
	expected_at        timestamptz,
	-- when the request becomes visible through GET: at once for realtime services, after the token delay for
	-- batch services
	published_at       timestamptz   not null,
	constraint sandbox_request_external_id_uk unique (external_id),
	constraint sandbox_request_lat_long_ck check ((lat is null) = (lon is null))
);
create index sandbox_request_requested_ix on sandbox_request (requested_at);
create index sandbox_request_updated_ix on sandbox_request (updated_at, id);
create index sandbox_request_service_ix on sandbox_request (service_code, requested_at);

-- attribute[code]=value and attribute[code][]=value pairs, in the order received.
create table sandbox_request_attribute (
	request_id bigint       not null references sandbox_request (id) on delete cascade,
	code       varchar(255) not null,
	position   integer      not null,
	value      text         not null,
	primary key (request_id, code, position)
);

-- Photos uploaded as the multipart `media` part, metadata (EXIF, GPS) already stripped.
create table sandbox_media (
	id           uuid primary key,
	request_id   bigint       not null references sandbox_request (id) on delete cascade,
	content_type varchar(100) not null,
	size         bigint       not null,
	bytes        bytea        not null,
	created_at   timestamptz  not null default now()
);
create index sandbox_media_request_ix on sandbox_media (request_id);

-- Tokens of batch services: GET tokens/{token} answers the service_request_id once resolves_at has passed.
create table sandbox_token (
	token       varchar(64) primary key,
	request_id  bigint      not null unique references sandbox_request (id) on delete cascade,
	resolves_at timestamptz not null,
	created_at  timestamptz not null default now()
);

-- Every status the request went through, with the notes and who changed it.
create table sandbox_status_history (
	id           bigserial primary key,
	request_id   bigint       not null references sandbox_request (id) on delete cascade,
	status       varchar(16)  not null check (status in ('open', 'closed')),
	status_notes text,
	changed_by   varchar(255) not null,
	changed_at   timestamptz  not null
);
create index sandbox_status_history_request_ix on sandbox_status_history (request_id, changed_at);
