-- Messages to one address leave in the order they were written (org.frontdoor.gateway.outbox.OutboundWorker).
-- Two replies written in one transaction share created_at and next_attempt_at (now() is the transaction's start),
-- so the queue needs its own insertion order: seq. A claim skips a message while an earlier message to the same
-- address is being sent or is due, so extra outbound workers (or a second instance) never overtake it.
alter table outbound_message add column seq bigint generated always as identity;
create index outbound_message_address_ix on outbound_message (channel, recipient, seq)
	where state in ('PENDING', 'IN_FLIGHT');
