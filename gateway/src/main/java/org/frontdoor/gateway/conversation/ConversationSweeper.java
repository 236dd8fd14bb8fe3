package org.frontdoor.gateway.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.frontdoor.gateway.open311.Open311Catalog;
import org.frontdoor.gateway.open311.Service;
import org.frontdoor.gateway.reply.Audience;
import org.frontdoor.gateway.reply.CityProperties;
import org.frontdoor.gateway.reply.Messenger;
import org.frontdoor.gateway.reply.ReplyComposer;
import org.frontdoor.gateway.reply.Resident;
import org.frontdoor.gateway.reply.Residents;
import org.frontdoor.gateway.reply.Timing;
import org.frontdoor.gateway.reply.Transcript;
import org.frontdoor.templates.TemplateKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dialog's clock: closes conversations nobody answered within
 * {@code frontdoor.conversation.expiry} (keeping what was collected, telling the resident
 * once), tells residents whose report is still waiting for the backend after
 * {@code acknowledge-after} that it was received, and forgets old rate-limit windows.
 * Safe on several instances: each conversation is handled under its resident's row lock
 * and re-checked there, and every notice has a dedupe key.
 */
@Component
public class ConversationSweeper {

	private static final Logger log = LoggerFactory.getLogger(ConversationSweeper.class);

	private static final int BATCH = 200;

	private final Conversations conversations;

	private final Residents residents;

	private final Messenger messenger;

	private final Transcript transcript;

	private final Timing timing;

	private final RateLimiter rateLimiter;

	private final Open311Catalog catalog;

	private final ConversationProperties properties;

	private final CityProperties city;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final Clock clock;

	public ConversationSweeper(Conversations conversations, Residents residents, Messenger messenger,
			Transcript transcript, Timing timing, RateLimiter rateLimiter, Open311Catalog catalog,
			ConversationProperties properties, CityProperties city, TransactionTemplate transactions, JdbcClient jdbc,
			Clock clock) {
		this.conversations = conversations;
		this.residents = residents;
		this.messenger = messenger;
		this.transcript = transcript;
		this.timing = timing;
		this.rateLimiter = rateLimiter;
		this.catalog = catalog;
		this.properties = properties;
		this.city = city;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** One sweep (scheduled every {@code frontdoor.conversation.sweep-interval}). */
	@Scheduled(fixedDelayString = "${frontdoor.conversation.sweep-interval:1m}", initialDelayString = "5s")
	public void scheduled() {
		try {
			sweep();
		}
		catch (RuntimeException ex) {
			log.warn("Conversation sweep failed: {}", ex.toString());
		}
	}

	/**
	 * Expire idle conversations and acknowledge slow submissions now.
	 * @return how many conversations were expired
	 */
	public int sweep() {
		Instant now = this.clock.instant();
		int expired = 0;
		for (UUID id : this.conversations.idle(now.minus(this.properties.expiry()), BATCH)) {
			if (Boolean.TRUE.equals(this.transactions.execute((status) -> expire(id, now)))) {
				expired++;
			}
		}
		List<UUID> slow = this.jdbc.sql("""
				select c.id from conversation c
				where c.phase = 'SUBMITTING' and c.last_activity_at < :before
				  and not exists (select 1 from outbound_message o where o.dedupe_key = 'ack:' || c.id)
				order by c.last_activity_at limit :limit
				""")
			.param("before", org.frontdoor.gateway.persistence.Sql.ts(now.minus(this.properties.acknowledgeAfter())))
			.param("limit", BATCH)
			.query(UUID.class)
			.list();
		for (UUID id : slow) {
			this.transactions.executeWithoutResult((status) -> acknowledge(id, now));
		}
		this.rateLimiter.purge(now);
		if (expired > 0) {
			log.info("Expired {} idle conversations", expired);
		}
		return expired;
	}

	private boolean expire(UUID id, Instant now) {
		Optional<Resident> resident = this.residents.lockOfConversation(id);
		Optional<ConversationRecord> current = this.conversations.find(id);
		if (resident.isEmpty() || current.isEmpty() || current.get().phase() != Phase.OPEN
				|| !current.get().lastActivityAt().isBefore(now.minus(this.properties.expiry()))) {
			return false;
		}
		ConversationRecord conversation = current.get();
		this.conversations.save(conversation.moved(conversation.state(), Phase.EXPIRED, now));
		if (!conversation.state().report().hasContent()) {
			return true;
		}
		Instant notBefore = this.timing.notBefore(conversation.channel(), now);
		if (this.timing.outsideWhatsappWindow(conversation.channel(), resident.get().lastInboundAt(),
				(notBefore != null) ? notBefore : now)) {
			this.transcript.recordOut(resident.get().id(), conversation.id(), null,
					TemplateKey.CONVERSATION_EXPIRED.id(), null, "not sent: outside the WhatsApp 24-hour window");
			return true;
		}
		Map<String, Object> model = new HashMap<>();
		model.put("expiryHours", Math.max(1, this.properties.expiry().toHours()));
		serviceName(conversation).ifPresent((name) -> model.put("serviceName", name));
		this.messenger.send(audience(resident.get(), conversation), TemplateKey.CONVERSATION_EXPIRED, model,
				new Messenger.Send("expired:" + conversation.id(), notBefore, false, ReplyComposer.Extras.REPLY));
		return true;
	}

	private void acknowledge(UUID id, Instant now) {
		Optional<Resident> resident = this.residents.lockOfConversation(id);
		Optional<ConversationRecord> current = this.conversations.find(id);
		if (resident.isEmpty() || current.isEmpty() || current.get().phase() != Phase.SUBMITTING) {
			return;
		}
		ConversationRecord conversation = current.get();
		Instant notBefore = this.timing.notBefore(conversation.channel(), resident.get().lastInboundAt(), now);
		this.messenger.send(audience(resident.get(), conversation), TemplateKey.ACKNOWLEDGEMENT, Map.of(),
				new Messenger.Send("ack:" + conversation.id(), notBefore, false, ReplyComposer.Extras.REPLY));
	}

	private Audience audience(Resident resident, ConversationRecord conversation) {
		return new Audience(resident.id(), conversation.id(), conversation.channel(), conversation.address(),
				conversation.cityAddress(), resident.localeOr(this.city.defaultLanguage()),
				this.transcript.latestMeta(conversation.id(), conversation.channel()), resident.lastInboundAt());
	}

	private Optional<String> serviceName(ConversationRecord conversation) {
		String code = conversation.state().report().serviceCode();
		return (code != null) ? this.catalog.service(code).map(Service::name) : Optional.empty();
	}

}
