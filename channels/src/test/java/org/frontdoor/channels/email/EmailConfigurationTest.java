package org.frontdoor.channels.email;

import java.time.Duration;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;

import org.frontdoor.channels.core.OutboundSender;
import org.frontdoor.channels.email.inbound.EmailInboundListener;
import org.frontdoor.channels.email.support.InMemoryDeadLetterSink;
import org.frontdoor.channels.email.support.InMemoryInboundMessageStore;
import org.frontdoor.channels.core.InMemoryMediaStore;
import org.frontdoor.channels.email.support.MailFixtures;
import org.frontdoor.channels.email.support.TestEmailProperties;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.integration.autoconfigure.IntegrationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.integration.support.SmartLifecycleRoleController;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.support.locks.DefaultLockRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The auto-configuration: conditions, validation, lifecycle and the polling mode. */
class EmailConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(IntegrationAutoConfiguration.class, EmailConfiguration.class))
		.withBean(InMemoryInboundMessageStore.class)
		.withBean(InMemoryMediaStore.class)
		.withBean(InMemoryDeadLetterSink.class);

	@Test
	void disabledByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(EmailInboundListener.class);
			assertThat(context).doesNotHaveBean(OutboundSender.class);
		});
	}

	@Test
	void missingRequiredPropertiesFailWithTheirNames() {
		this.runner.withPropertyValues("frontdoor.channels.email.enabled=true").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("frontdoor.channels.email")
				.satisfies((cause) -> assertThat(cause.getMessage()).contains("address"));
		});
		this.runner
			.withPropertyValues("frontdoor.channels.email.enabled=true",
					"frontdoor.channels.email.address=not-an-address", "frontdoor.channels.email.imap.host=localhost",
					"frontdoor.channels.email.smtp.host=localhost")
			.run((context) -> assertThat(context).hasFailed());
		this.runner
			.withPropertyValues("frontdoor.channels.email.enabled=true",
					"frontdoor.channels.email.address=311@city.example", "frontdoor.channels.email.imap.host=localhost",
					"frontdoor.channels.email.smtp.host=localhost", "frontdoor.channels.email.max-photos=0")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void theStoresAreTheOnlyBeansRequiredFromTheApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(IntegrationAutoConfiguration.class, EmailConfiguration.class))
			.withPropertyValues(enabled("auto-startup=false"))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("InboundMessageStore"));
	}

	@Test
	void withAutoStartupOffTheListenerWaitsForItsRole() {
		this.runner.withPropertyValues(enabled("imap.auto-startup=false")).run((context) -> {
			assertThat(context).hasNotFailed();
			EmailInboundListener listener = context.getBean(EmailInboundListener.BEAN_NAME, EmailInboundListener.class);
			assertThat(listener.isRunning()).isFalse();
			assertThat(listener.isAutoStartup()).isFalse();
			SmartLifecycleRoleController roles = context.getBean(SmartLifecycleRoleController.class);
			assertThat(roles.getRoles()).contains(EmailInboundListener.ROLE);
			assertThat(context.getBeansOfType(OutboundSender.class)).hasSize(1);
		});
	}

	@Test
	void withALockRegistryOnlyTheLeaderListens() {
		this.runner.withBean(DefaultLockRegistry.class)
			.withPropertyValues(enabled("imap.reconnect-initial-delay=5s"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				EmailInboundListener listener = context.getBean(EmailInboundListener.class);
				assertThat(listener.isAutoStartup()).isFalse();
				LockRegistryLeaderInitiator leader = context.getBean("frontdoorEmailListenerLeader",
						LockRegistryLeaderInitiator.class);
				await().atMost(Duration.ofSeconds(30)).until(() -> leader.getContext().isLeader());
				assertThat(leader.getContext().getRole()).isEqualTo(EmailInboundListener.ROLE);
				await().atMost(Duration.ofSeconds(30)).until(listener::isRunning);
				leader.stop();
				await().atMost(Duration.ofSeconds(30)).until(() -> !listener.isRunning());
				assertThat(leader.getContext().isLeader()).isFalse();
			});
		this.runner.withBean(DefaultLockRegistry.class)
			.withPropertyValues(enabled("imap.leader-election=false"))
			.withPropertyValues(prefix("imap.auto-startup=false"))
			.run((context) -> assertThat(context).doesNotHaveBean("frontdoorEmailListenerLeader"));
	}

	@Test
	void pollsWhenIdleIsOff() throws Exception {
		GreenMail greenMail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
		greenMail.start();
		try {
			greenMail.setUser(TestEmailProperties.CITY, TestEmailProperties.CITY, "pw");
			greenMail.getUserManager()
				.getUser(TestEmailProperties.CITY)
				.deliver(MailFixtures.residentMail("resident@example.org", "<poll-1@example.org>", "Pothole",
						"pothole at 5 Main St", null, null, null));
			this.runner.withPropertyValues(enabled("imap.idle=false"))
				.withPropertyValues(prefix("imap.poll-interval=500ms"),
						prefix("imap.port=" + greenMail.getImap().getPort()), prefix("imap.ssl=false"),
						prefix("imap.username=" + TestEmailProperties.CITY), prefix("imap.password=pw"))
				.run((context) -> {
					InMemoryInboundMessageStore store = context.getBean(InMemoryInboundMessageStore.class);
					await().atMost(Duration.ofSeconds(60)).until(() -> store.accepted().size() == 1);
					assertThat(store.accepted().get(0).text()).isEqualTo("pothole at 5 Main St");
					greenMail.getUserManager()
						.getUser(TestEmailProperties.CITY)
						.deliver(MailFixtures.residentMail("resident@example.org", "<poll-2@example.org>", "Pothole",
								"another pothole at 9 Main St", null, null, null));
					await().atMost(Duration.ofSeconds(60)).until(() -> store.accepted().size() == 2);
				});
		}
		finally {
			greenMail.stop();
		}
	}

	private static String[] enabled(String extra) {
		return new String[] { prefix("enabled=true"), prefix("address=" + TestEmailProperties.CITY),
				prefix("imap.host=localhost"), prefix("smtp.host=localhost"), prefix(extra) };
	}

	private static String prefix(String property) {
		return EmailProperties.PREFIX + "." + property;
	}

}
