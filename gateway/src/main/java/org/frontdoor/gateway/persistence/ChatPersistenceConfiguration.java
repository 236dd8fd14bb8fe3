package org.frontdoor.gateway.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.frontdoor.channels.chat.ChatProperties;
import org.frontdoor.gateway.config.PublicEndpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The gateway side of the chat channel: opens the widget's files and the demo page
 * without authentication, and purges old chat data every hour (rate-limit windows older
 * than a day, sessions expired for longer than 30 days, with their events). Every
 * instance runs the purge; the deletes are idempotent.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ChatPersistenceConfiguration {

	/** How long an expired session's history is kept before it is deleted. */
	static final Duration EXPIRED_RETENTION = Duration.ofDays(30);

	private static final Logger log = LoggerFactory.getLogger(ChatPersistenceConfiguration.class);

	private final ChatSessionRepository sessions;

	private final ChatRateLimitRepository rateLimits;

	private final ChatProperties properties;

	public ChatPersistenceConfiguration(ChatSessionRepository sessions, ChatRateLimitRepository rateLimits,
			ChatProperties properties) {
		this.sessions = sessions;
		this.rateLimits = rateLimits;
		this.properties = properties;
	}

	@Bean
	PublicEndpoints chatPublicEndpoints() {
		return () -> List.of("/chat/**", "/chat-demo");
	}

	/** Delete what no one can use any more. */
	@Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
	public void purge() {
		Instant now = Instant.now();
		ChatProperties.RateLimits limits = this.properties.rateLimits();
		Duration longest = List
			.of(limits.sessionsPerIp(), limits.messagesPerIp(), limits.messagesPerSession(), limits.streamsPerIp())
			.stream()
			.map(ChatProperties.Limit::window)
			.max(Duration::compareTo)
			.orElseThrow();
		int windows = this.rateLimits.purgeWindowsBefore(now.minus(longest.plusDays(1)));
		int expired = this.sessions.purgeExpiredBefore(now.minus(EXPIRED_RETENTION));
		if (windows + expired > 0) {
			log.info("Chat purge: {} rate-limit windows, {} sessions expired for over {} days", windows, expired,
					EXPIRED_RETENTION.toDays());
		}
	}

}
