package org.frontdoor.channels.email.inbound;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.frontdoor.channels.email.EmailProperties;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.mail.inbound.ImapIdleChannelAdapter;
import org.springframework.messaging.MessageChannel;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The IMAP listener: one Spring Integration {@link ImapIdleChannelAdapter} reading the
 * city's mailbox (IMAP IDLE when the server supports it, polling otherwise, see
 * {@link ImapInboxReceiver}) and sending each mail to the
 * {@link org.frontdoor.channels.email.EmailMessageChannels#INBOUND} message channel.
 * <p>
 * <b>Only one gateway instance may listen at a time.</b> This bean is a
 * {@link SmartLifecycle} registered in Spring Integration's
 * {@code SmartLifecycleRoleController} under the role {@link #ROLE}. When the application
 * has a {@code LockRegistry} (the gateway's JDBC lock registry), the email
 * auto-configuration adds a {@code LockRegistryLeaderInitiator} for that role and the
 * listener does not start with the application: the role controller starts it when this
 * instance is granted the lock and stops it when the lock is revoked. Without a lock
 * registry it starts with the application ({@code imap.auto-startup}).
 * <p>
 * <b>Reconnection.</b> When the connection fails, the adapter waits and reconnects; the
 * wait doubles from {@code reconnect-initial-delay} up to {@code reconnect-max-delay} and
 * resets once the mailbox opens again.
 * <p>
 * <b>Stopping</b> closes the folder and the connection. A mail being stored when the
 * listener stops is finished first (up to {@code imap.shutdown-timeout}); a mail fetched
 * but not yet stored stays unseen in the mailbox and is fetched again by whichever
 * instance listens next.
 */
public final class EmailInboundListener implements SmartLifecycle, DisposableBean {

	/** The leader-election role of the listener. */
	public static final String ROLE = "frontdoor-email-inbound";

	/** The bean name of the listener. */
	public static final String BEAN_NAME = "frontdoorEmailInboundListener";

	private static final Log logger = LogFactory.getLog(EmailInboundListener.class);

	private final ImapInboxReceiver receiver;

	private final ImapIdleChannelAdapter adapter;

	private final ImapIngestHandler handler;

	private final ReconnectBackoff connectionBackoff;

	private final ThreadPoolTaskScheduler scheduler;

	private volatile boolean autoStartup;

	private final AtomicReference<Thread> loop = new AtomicReference<>();

	private final Object lifecycleMonitor = new Object();

	private volatile boolean running;

	private final Duration shutdownTimeout;

	/**
	 * Create the listener.
	 * @param properties the channel configuration
	 * @param output the message channel fetched mail goes to
	 * @param handler the handler subscribed to that message channel (to wait for a mail
	 * in flight when stopping)
	 * @param connectionBackoff the reconnection backoff
	 * @param storeBackoff the pause requested by the handler after a failure to persist
	 * @param beanFactory the bean factory, for Spring Integration's infrastructure
	 */
	public EmailInboundListener(EmailProperties properties, MessageChannel output, ImapIngestHandler handler,
			ReconnectBackoff connectionBackoff, ReconnectBackoff storeBackoff, BeanFactory beanFactory) {
		EmailProperties.Imap imap = properties.imap();
		this.handler = handler;
		this.connectionBackoff = connectionBackoff;
		this.autoStartup = imap.autoStartup();
		this.shutdownTimeout = imap.shutdownTimeout();
		this.scheduler = new ThreadPoolTaskScheduler();
		this.scheduler.setPoolSize(1);
		this.scheduler.setThreadNamePrefix("frontdoor-email-idle-");
		this.scheduler.setDaemon(true);
		this.scheduler.initialize();
		this.receiver = new ImapInboxReceiver(imap, connectionBackoff, storeBackoff);
		this.receiver.setTaskScheduler(this.scheduler);
		this.receiver.setBeanFactory(beanFactory);
		this.receiver.setCancelIdleInterval(Math.max(10, Math.min(imap.pollInterval().toSeconds(), 25 * 60)));
		this.receiver.afterPropertiesSet();
		this.adapter = new ImapIdleChannelAdapter(this.receiver);
		this.adapter.setBeanName(BEAN_NAME + ".adapter");
		this.adapter.setBeanFactory(beanFactory);
		this.adapter.setOutputChannel(output);
		this.adapter.setAutoStartup(false);
		this.adapter.setShouldReconnectAutomatically(true);
		this.adapter.setReconnectDelay(imap.reconnectInitialDelay().toMillis());
		this.adapter.setTaskExecutor(new LoopExecutor());
		this.adapter.setApplicationEventPublisher(this::onAdapterEvent);
		this.adapter.afterPropertiesSet();
	}

	/**
	 * The adapter publishes an event before each reconnection wait: set the next delay.
	 */
	private void onAdapterEvent(Object event) {
		if (event instanceof ImapIdleChannelAdapter.ImapIdleExceptionEvent) {
			Duration delay = this.connectionBackoff.failure();
			this.adapter.setReconnectDelay(delay.toMillis());
			this.receiver.markDisconnected();
			Throwable cause = ((ImapIdleChannelAdapter.ImapIdleExceptionEvent) event).getCause();
			logger.warn("IMAP connection failed (" + describe(cause) + "); reconnecting in " + delay.toMillis()
					+ " ms (attempt " + this.connectionBackoff.failures() + ")");
		}
	}

	private static String describe(Throwable cause) {
		Throwable root = cause;
		while (root != null && root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root != null) ? root.getClass().getSimpleName() : "unknown";
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running) {
				return;
			}
			awaitLoopEnd(this.shutdownTimeout);
			this.running = true;
			this.adapter.start();
			logger.info("Email listener started (role " + ROLE + ")");
		}
	}

	@Override
	public void stop() {
		synchronized (this.lifecycleMonitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			this.adapter.stop();
			awaitLoopEnd(this.shutdownTimeout);
			this.receiver.destroy();
			this.receiver.markDisconnected();
			logger.info("Email listener stopped");
		}
	}

	/**
	 * Wait for the adapter's loop thread to end: it ends by itself after the current
	 * round; a thread waiting (IDLE, poll interval, reconnection delay) is interrupted, a
	 * thread storing a mail is given the time to finish.
	 */
	private void awaitLoopEnd(Duration timeout) {
		Thread thread = this.loop.get();
		if (thread == null) {
			return;
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		while (thread.isAlive() && System.nanoTime() < deadline) {
			if (!this.handler.isBusy()) {
				thread.interrupt();
			}
			try {
				thread.join(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		if (thread.isAlive()) {
			logger.warn("Email listener thread did not stop within " + timeout.toSeconds() + " s");
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	/**
	 * Leave starting to a leader initiator: called by the email auto-configuration when
	 * it creates one, before the application starts.
	 */
	public void startOnlyWhenLeader() {
		this.autoStartup = false;
	}

	@Override
	public int getPhase() {
		// after the message channels and their consumers, before the web server
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

	/**
	 * Whether the mailbox is currently connected (for health checks).
	 * @return {@code true} when the last attempt to open the mailbox succeeded
	 */
	public boolean isConnected() {
		return this.running && this.receiver.isConnected();
	}

	@Override
	public void destroy() {
		stop();
		this.adapter.destroy();
		this.scheduler.shutdown();
	}

	/** Runs the adapter's loop on a named thread the listener can interrupt and join. */
	private final class LoopExecutor implements Executor {

		@Override
		public void execute(Runnable command) {
			Thread thread = new Thread(() -> {
				// The adapter's loop only ends by itself on an error it does not retry:
				// run it again (with backoff) for as long as the listener should run.
				while (EmailInboundListener.this.running && !Thread.currentThread().isInterrupted()) {
					try {
						command.run();
					}
					catch (RuntimeException ex) {
						logger.debug("Email listener loop failed", ex);
					}
					if (!EmailInboundListener.this.running || Thread.currentThread().isInterrupted()) {
						break;
					}
					Duration delay = EmailInboundListener.this.connectionBackoff.failure();
					logger.error("Email listener loop ended unexpectedly; restarting in " + delay.toMillis() + " ms");
					try {
						Thread.sleep(delay.toMillis());
					}
					catch (InterruptedException ex) {
						break;
					}
				}
			}, "frontdoor-email-imap");
			thread.setDaemon(true);
			EmailInboundListener.this.loop.set(thread);
			thread.start();
		}

	}

}
