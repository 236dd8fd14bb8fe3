package org.frontdoor.gateway.chat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.frontdoor.channels.core.InboundMessage;
import org.frontdoor.channels.core.InboundMessageStore;
import org.frontdoor.channels.core.MediaStore;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real JDBC implementations of {@link InboundMessageStore} and {@link MediaStore} on the
 * foundation's tables ({@code inbound_message}, {@code media}, migration V1), registered
 * only when the application does not define its own: the foundation's stores are being
 * built on another branch. Once they are merged this registers nothing, and the chat
 * tests run against the production stores unchanged.
 */
public class ChatTestStores implements BeanDefinitionRegistryPostProcessor {

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		DefaultListableBeanFactory factory = (DefaultListableBeanFactory) registry;
		if (factory.getBeanNamesForType(InboundMessageStore.class, true, false).length == 0) {
			registry.registerBeanDefinition("chatTestInboundMessageStore", new RootBeanDefinition(JdbcInbound.class));
		}
		if (factory.getBeanNamesForType(MediaStore.class, true, false).length == 0) {
			registry.registerBeanDefinition("chatTestMediaStore", new RootBeanDefinition(JdbcMedia.class));
		}
	}

	/**
	 * Inbound messages in {@code inbound_message}, deduplicated on channel and provider
	 * id.
	 */
	static class JdbcInbound implements InboundMessageStore {

		private final JdbcClient jdbc;

		private final JsonMapper json;

		JdbcInbound(JdbcClient jdbc, JsonMapper json) {
			this.jdbc = jdbc;
			this.json = json;
		}

		@Override
		public StoreOutcome store(InboundMessage message) {
			int inserted = this.jdbc.sql("""
					insert into inbound_message (id, channel, provider, provider_message_id, sender, recipient,
						thread_key, payload, received_at)
					values (:id, :channel, :provider, :providerMessageId, :sender, :recipient, :threadKey,
						cast(:payload as jsonb), now())
					on conflict (channel, provider_message_id) do nothing
					""")
				.param("id", message.id())
				.param("channel", message.channel().name())
				.param("provider", message.provider())
				.param("providerMessageId", message.providerMessageId())
				.param("sender", message.from())
				.param("recipient", message.to())
				.param("threadKey", message.threadKey())
				.param("payload", this.json.writeValueAsString(message))
				.update();
			return (inserted == 1) ? StoreOutcome.ACCEPTED : StoreOutcome.DUPLICATE;
		}

	}

	/** Media in {@code media}, under a random 128-bit id. */
	static class JdbcMedia implements MediaStore {

		private static final SecureRandom random = new SecureRandom();

		private final JdbcClient jdbc;

		JdbcMedia(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public StoredMedia save(byte[] bytes, String contentType, String filename) {
			byte[] id = new byte[16];
			random.nextBytes(id);
			String key = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
			this.jdbc
				.sql("insert into media (id, content_type, size, filename, bytes) "
						+ "values (:id, :contentType, :size, :filename, :bytes)")
				.param("id", key)
				.param("contentType", contentType)
				.param("size", bytes.length)
				.param("filename", filename)
				.param("bytes", bytes)
				.update();
			return new StoredMedia(key, contentType, bytes.length, null);
		}

		@Override
		public Optional<StoredMedia> find(String id) {
			return this.jdbc.sql("select id, content_type, size, bytes from media where id = :id")
				.param("id", id)
				.query((rs, row) -> new StoredMedia(rs.getString("id"), rs.getString("content_type"),
						rs.getLong("size"), rs.getBytes("bytes")))
				.optional();
		}

	}

}
