package org.frontdoor.channels.email;

import java.time.Clock;
import java.util.Properties;
import java.util.UUID;

import org.frontdoor.channels.core.DeadLetterSink;
import org.frontdoor.channels.core.InboundMessageStore;
import org.frontdoor.channels.core.MediaStore;
import org.frontdoor.channels.email.inbound.EmailIngestService;
import org.frontdoor.channels.email.inbound.EmailInboundListener;
import org.frontdoor.channels.email.inbound.ImapAcknowledger;
import org.frontdoor.channels.email.inbound.ImapIngestHandler;
import org.frontdoor.channels.email.inbound.ReconnectBackoff;
import org.frontdoor.channels.email.outbound.EmailSender;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.integration.annotation.ServiceActivator;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.leader.DefaultCandidate;
import org.springframework.integration.support.SmartLifecycleRoleController;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.support.locks.LockRegistry;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.messaging.MessageChannel;

/**
 * The email channel's beans, active when {@code frontdoor.channels.email.enabled=true}.
 * Registered as a Spring Boot auto-configuration (and importable with
 * {@code @Import(EmailConfiguration.class)}). It needs exactly three beans from the
 * application: {@link InboundMessageStore}, {@link MediaStore} and
 * {@link DeadLetterSink}.
 * <p>
 * Beans: {@code frontdoorEmailIngestService} ({@link EmailIngestService}),
 * {@value EmailMessageChannels#INBOUND} (the message channel),
 * {@code frontdoorEmailInboundHandler} ({@link ImapIngestHandler}, subscribed to it),
 * {@value EmailInboundListener#BEAN_NAME} ({@link EmailInboundListener}, role
 * {@value EmailInboundListener#ROLE}), {@code frontdoorEmailListenerLeader} (a
 * {@link LockRegistryLeaderInitiator}, only when the application has one
 * {@link LockRegistry}) and {@code frontdoorEmailSender} ({@link EmailSender}, an
 * {@code OutboundSender} for {@code EMAIL}).
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = EmailProperties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(EmailProperties.class)
public class EmailConfiguration {

	/**
	 * The ingest service: parse, classify, store or dead-letter.
	 * @param properties the configuration
	 * @param messageStore the gateway's inbound message store
	 * @param mediaStore the gateway's media store
	 * @param deadLetters the gateway's dead-letter sink
	 * @return the service
	 */
	@Bean
	public EmailIngestService frontdoorEmailIngestService(EmailProperties properties, InboundMessageStore messageStore,
			MediaStore mediaStore, DeadLetterSink deadLetters) {
		return EmailIngestService.create(properties, messageStore, mediaStore, deadLetters);
	}

	/**
	 * The message channel fetched mail travels on.
	 * @return a direct channel (same thread: acknowledged only after the handler ran)
	 */
	@Bean(EmailMessageChannels.INBOUND)
	public MessageChannel frontdoorEmailInbound() {
		return new DirectChannel();
	}

	/**
	 * The pause after failures to persist, shared by the handler and the receiver.
	 * @param properties the configuration
	 * @return the backoff
	 */
	@Bean
	public ReconnectBackoff frontdoorEmailStoreBackoff(EmailProperties properties) {
		return new ReconnectBackoff(properties.imap().reconnectInitialDelay(), properties.imap().reconnectMaxDelay(),
				Clock.systemUTC());
	}

	/**
	 * Ingests each fetched mail, then marks and moves it.
	 * @param properties the configuration
	 * @param ingest the ingest service
	 * @param storeBackoff the pause after failures to persist
	 * @return the handler
	 */
	@Bean
	@ServiceActivator(inputChannel = EmailMessageChannels.INBOUND)
	public ImapIngestHandler frontdoorEmailInboundHandler(EmailProperties properties, EmailIngestService ingest,
			@Qualifier("frontdoorEmailStoreBackoff") ReconnectBackoff storeBackoff) {
		return new ImapIngestHandler(ingest, new ImapAcknowledger(properties.imap()), storeBackoff,
				properties.maxMessageBytes().toBytes());
	}

	/**
	 * The IMAP listener, registered in its leader-election role.
	 * @param properties the configuration
	 * @param inbound the message channel
	 * @param handler the handler
	 * @param storeBackoff the pause after failures to persist
	 * @param beanFactory the bean factory
	 * @param roleController Spring Integration's role controller, when present
	 * @return the listener
	 */
	@Bean(EmailInboundListener.BEAN_NAME)
	public EmailInboundListener frontdoorEmailInboundListener(EmailProperties properties,
			@Qualifier(EmailMessageChannels.INBOUND) MessageChannel inbound, ImapIngestHandler handler,
			@Qualifier("frontdoorEmailStoreBackoff") ReconnectBackoff storeBackoff, BeanFactory beanFactory,
			ObjectProvider<SmartLifecycleRoleController> roleController) {
		ReconnectBackoff connectionBackoff = new ReconnectBackoff(properties.imap().reconnectInitialDelay(),
				properties.imap().reconnectMaxDelay(), Clock.systemUTC());
		EmailInboundListener listener = new EmailInboundListener(properties, inbound, handler, connectionBackoff,
				storeBackoff, beanFactory);
		roleController.ifAvailable((controller) -> controller.addLifecycleToRole(EmailInboundListener.ROLE, listener));
		return listener;
	}

	/**
	 * Leader election for the listener: only the instance holding the lock of role
	 * {@value EmailInboundListener#ROLE} in the application's {@link LockRegistry}
	 * listens.
	 * @param lockRegistry the application's lock registry (the gateway's JDBC one)
	 * @param listener the listener, which then no longer starts by itself
	 * @return the leader initiator (a {@code SmartLifecycle} that starts with the
	 * application)
	 */
	@Bean
	@ConditionalOnSingleCandidate(LockRegistry.class)
	@ConditionalOnProperty(prefix = EmailProperties.PREFIX + ".imap", name = "leader-election", havingValue = "true",
			matchIfMissing = true)
	public LockRegistryLeaderInitiator frontdoorEmailListenerLeader(LockRegistry<?> lockRegistry,
			@Qualifier(EmailInboundListener.BEAN_NAME) EmailInboundListener listener) {
		listener.startOnlyWhenLeader();
		return new LockRegistryLeaderInitiator(lockRegistry,
				new DefaultCandidate(UUID.randomUUID().toString(), EmailInboundListener.ROLE));
	}

	/**
	 * The SMTP sender.
	 * @param properties the configuration
	 * @return the sender
	 */
	@Bean
	public EmailSender frontdoorEmailSender(EmailProperties properties) {
		JavaMailSenderImpl mailSender = mailSender(properties.smtp());
		return new EmailSender(properties, mailSender, mailSender.getSession());
	}

	/**
	 * The SMTP client for the configured server.
	 * @param smtp the SMTP configuration
	 * @return the client
	 */
	public static JavaMailSenderImpl mailSender(EmailProperties.Smtp smtp) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		String protocol = smtp.ssl() ? "smtps" : "smtp";
		sender.setProtocol(protocol);
		sender.setHost(smtp.host());
		sender.setPort(smtp.port());
		if (smtp.username() != null && !smtp.username().isBlank()) {
			sender.setUsername(smtp.username());
			sender.setPassword(smtp.password());
		}
		sender.setDefaultEncoding("UTF-8");
		Properties properties = new Properties();
		String prefix = "mail." + protocol + ".";
		properties.setProperty(prefix + "auth",
				Boolean.toString(smtp.username() != null && !smtp.username().isBlank()));
		properties.setProperty(prefix + "connectiontimeout", Long.toString(smtp.connectionTimeout().toMillis()));
		properties.setProperty(prefix + "timeout", Long.toString(smtp.timeout().toMillis()));
		properties.setProperty(prefix + "writetimeout", Long.toString(smtp.timeout().toMillis()));
		properties.setProperty(prefix + "starttls.enable", Boolean.toString(smtp.starttls()));
		properties.setProperty(prefix + "starttls.required",
				Boolean.toString(smtp.starttls() && smtp.starttlsRequired()));
		if (smtp.ssl() || smtp.starttls()) {
			properties.setProperty(prefix + "ssl.checkserveridentity", "true");
		}
		if (smtp.sslTrust() != null && !smtp.sslTrust().isBlank()) {
			properties.setProperty(prefix + "ssl.trust", smtp.sslTrust());
		}
		// Deliver to the recipients that are accepted even if one is refused (RFC 5321).
		properties.setProperty(prefix + "sendpartial", "true");
		sender.setJavaMailProperties(properties);
		return sender;
	}

}
