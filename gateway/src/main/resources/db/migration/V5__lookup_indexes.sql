-- The duplicate check (org.frontdoor.gateway.conversation.DuplicateFinder) looks for requests FrontDoor filed
-- for a service in the last minutes near a point. Without an index that query scanned every submission ever
-- made (parsing each row's JSON) once per report: an index range on (service code, creation time) with the
-- latitude kept in the index, so rows outside the latitude band are skipped without reading the table.
create index submission_nearby_ix on submission (service_code, created_at, (cast(request ->> 'lat' as double precision)))
	where service_request_id is not null;

-- Each message sent looks for delivery reports that arrived before its provider id was stored (dead letters of
-- the delivery-report source still NEW, by key prefix): the prefix test cannot use dead_letter_uk, so that
-- lookup read every such dead letter ever recorded, replayed ones included. Only the NEW ones are indexed.
create index dead_letter_new_ix on dead_letter (source, created_at) where replay_state = 'NEW';
