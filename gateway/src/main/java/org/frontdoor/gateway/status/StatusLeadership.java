package org.frontdoor.gateway.status;

import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.leader.Context;
import org.springframework.integration.leader.DefaultCandidate;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;

/**
 * Leader election for singletons across gateway instances on one PostgreSQL: a Spring
 * Integration {@link JdbcLockRegistry} on {@code INT_LOCK} (created by Flyway) and a
 * {@link LockRegistryLeaderInitiator} for the role {@value #STATUS_POLLER_ROLE}. Other
 * singletons (the IMAP listener) can use the same {@link JdbcLockRegistry} bean with
 * their own role.
 */
@Configuration(proxyBeanMethods = false)
public class StatusLeadership {

	/** The leader role of the status poller. */
	public static final String STATUS_POLLER_ROLE = "frontdoor.status-poller";

	private static final Logger log = LoggerFactory.getLogger(StatusLeadership.class);

	@Bean
	DefaultLockRepository frontDoorLockRepository(DataSource dataSource) {
		DefaultLockRepository repository = new DefaultLockRepository(dataSource, UUID.randomUUID().toString());
		repository.setPrefix("INT_");
		repository.setRegion("frontdoor");
		repository.setTimeToLive(10_000);
		return repository;
	}

	@Bean
	JdbcLockRegistry frontDoorLockRegistry(DefaultLockRepository repository) {
		return new JdbcLockRegistry(repository);
	}

	@Bean
	LockRegistryLeaderInitiator statusPollerLeader(JdbcLockRegistry registry, StatusProperties properties) {
		DefaultCandidate candidate = new DefaultCandidate(UUID.randomUUID().toString(), STATUS_POLLER_ROLE) {
			@Override
			public void onGranted(Context context) {
				log.info("This instance now leads status polling");
			}

			@Override
			public void onRevoked(Context context) {
				log.info("This instance no longer leads status polling");
			}
		};
		LockRegistryLeaderInitiator initiator = new LockRegistryLeaderInitiator(registry, candidate);
		initiator.setHeartBeatMillis(properties.leaderHeartbeat().toMillis());
		initiator.setBusyWaitMillis(Math.max(50, properties.leaderHeartbeat().toMillis() / 2));
		initiator.setAutoStartup(properties.enabled());
		return initiator;
	}

}
