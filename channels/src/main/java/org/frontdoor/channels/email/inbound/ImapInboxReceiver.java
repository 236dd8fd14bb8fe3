package org.frontdoor.channels.email.inbound;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Authenticator;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.NotTerm;
import jakarta.mail.search.SearchTerm;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

import org.frontdoor.channels.email.EmailProperties;
import org.springframework.integration.mail.inbound.ImapMailReceiver;

/**
 * Spring Integration's {@link ImapMailReceiver}, configured for persist-then-acknowledge:
 * <ul>
 * <li>nothing is marked on fetch ({@code \Seen} is set by the acknowledger only after the
 * mail was stored; {@code mail.imap.peek} keeps the server from setting it);</li>
 * <li>the search is {@code NOT \Seen NOT \Deleted}, never {@code \Recent} or a user flag,
 * so a mail fetched before a crash is fetched again after it;</li>
 * <li>the folder stays open after a fetch so the acknowledger can flag and move the
 * message;</li>
 * <li>only flags, UID, size and internal date are prefetched, never the
 * {@code BODYSTRUCTURE}: a hostile MIME tree (thousands of nested parts) is then only
 * ever parsed by FrontDoor's bounded parser, never by the IMAP client;</li>
 * <li>{@link #waitForNewMessages()} uses IMAP IDLE when enabled and advertised by the
 * server, and otherwise waits the poll interval; it also honours the pause the ingest
 * handler requests after a failure to persist.</li>
 * </ul>
 */
public class ImapInboxReceiver extends ImapMailReceiver {

	/**
	 * The keyword Spring Integration sets on fetched mail when the server has no
	 * {@code \Recent}; informational only (the search ignores it).
	 */
	static final String FETCHED_KEYWORD = "FrontDoorFetched";

	private static final Log logger = LogFactory.getLog(ImapInboxReceiver.class);

	private final boolean idle;

	private final Duration pollInterval;

	private final ReconnectBackoff connectionBackoff;

	private final ReconnectBackoff storeBackoff;

	private volatile boolean connected;

	private volatile boolean lastRoundFull;

	private final int maxFetchSize;

	/**
	 * Create a receiver for the configured mailbox.
	 * @param imap the IMAP configuration
	 * @param connectionBackoff reset whenever the folder opens
	 * @param storeBackoff the pause requested after failures to persist
	 */
	public ImapInboxReceiver(EmailProperties.Imap imap, ReconnectBackoff connectionBackoff,
			ReconnectBackoff storeBackoff) {
		super(url(imap));
		this.idle = imap.idle();
		this.pollInterval = imap.pollInterval();
		this.connectionBackoff = connectionBackoff;
		this.storeBackoff = storeBackoff;
		this.maxFetchSize = imap.maxFetchSize();
		setJavaMailProperties(javaMailProperties(imap));
		if (imap.username() != null && !imap.username().isBlank()) {
			String username = imap.username();
			String password = (imap.password() != null) ? imap.password() : "";
			setJavaMailAuthenticator(new Authenticator() {
				@Override
				protected PasswordAuthentication getPasswordAuthentication() {
					return new PasswordAuthentication(username, password);
				}
			});
		}
		setShouldMarkMessagesAsRead(false);
		setShouldDeleteMessages(false);
		setAutoCloseFolder(false);
		setFlaggedAsFallback(false);
		setUserFlag(FETCHED_KEYWORD);
		setMaxFetchSize(imap.maxFetchSize());
		setSearchTermStrategy(ImapInboxReceiver::unseenAndNotDeleted);
	}

	static String url(EmailProperties.Imap imap) {
		String protocol = imap.ssl() ? "imaps" : "imap";
		return protocol + "://" + imap.host() + ":" + imap.port() + "/" + imap.folder();
	}

	static Properties javaMailProperties(EmailProperties.Imap imap) {
		Properties properties = new Properties();
		for (String protocol : new String[] { "imap", "imaps" }) {
			String prefix = "mail." + protocol + ".";
			properties.setProperty(prefix + "connectiontimeout", Long.toString(imap.connectionTimeout().toMillis()));
			properties.setProperty(prefix + "timeout", Long.toString(imap.timeout().toMillis()));
			properties.setProperty(prefix + "writetimeout", Long.toString(imap.timeout().toMillis()));
			properties.setProperty(prefix + "peek", "true");
			if (imap.username() != null && !imap.username().isBlank()) {
				properties.setProperty(prefix + "user", imap.username());
			}
			if (imap.starttls()) {
				properties.setProperty(prefix + "starttls.enable", "true");
				properties.setProperty(prefix + "starttls.required", "true");
			}
			if (imap.ssl() || imap.starttls()) {
				properties.setProperty(prefix + "ssl.checkserveridentity", "true");
			}
			if (imap.sslTrust() != null && !imap.sslTrust().isBlank()) {
				properties.setProperty(prefix + "ssl.trust", imap.sslTrust());
			}
		}
		return properties;
	}

	private static SearchTerm unseenAndNotDeleted(Flags supportedFlags, Folder folder) {
		return new AndTerm(new NotTerm(new FlagTerm(new Flags(Flags.Flag.SEEN), true)),
				new NotTerm(new FlagTerm(new Flags(Flags.Flag.DELETED), true)));
	}

	@Override
	protected void openFolder() throws MessagingException {
		try {
			super.openFolder();
		}
		catch (IllegalStateException ex) {
			// "no such folder": retried with backoff like a connection failure
			this.connected = false;
			throw new MessagingException(ex.getMessage(), ex);
		}
		catch (MessagingException ex) {
			this.connected = false;
			throw ex;
		}
		if (!this.connected) {
			logger.info("IMAP mailbox connected");
		}
		this.connected = true;
		this.connectionBackoff.success();
	}

	/**
	 * Wait until there may be mail to fetch: return at once while unseen mail is waiting
	 * (left over from a full round, a failed store, or delivered while the last round was
	 * being handled, which IDLE does not report again), else IDLE or sleep the poll
	 * interval.
	 */
	@Override
	public void waitForNewMessages() throws MessagingException {
		sleep(this.storeBackoff.remainingPause());
		openFolder();
		if (this.lastRoundFull || searchForNewMessages().length > 0) {
			return;
		}
		if (this.idle && supportsIdle()) {
			super.waitForNewMessages();
		}
		else {
			sleep(this.pollInterval);
		}
	}

	@Override
	public Object[] receive() throws MessagingException {
		long start = System.nanoTime();
		Object[] messages = super.receive();
		this.lastRoundFull = messages.length >= this.maxFetchSize;
		if (logger.isDebugEnabled()) {
			logger.debug(
					"Fetched " + messages.length + " message(s) in " + (System.nanoTime() - start) / 1_000_000 + " ms");
		}
		return messages;
	}

	@Override
	protected void fetchMessages(Message[] messages) throws MessagingException {
		FetchProfile profile = new FetchProfile();
		profile.add(FetchProfile.Item.FLAGS);
		profile.add(FetchProfile.Item.SIZE);
		profile.add(UIDFolder.FetchProfileItem.UID);
		profile.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
		Folder folder = getFolder();
		if (folder != null) {
			folder.fetch(messages, profile);
		}
	}

	private boolean supportsIdle() throws MessagingException {
		Folder folder = getFolder();
		if (folder == null) {
			return false;
		}
		Store store = folder.getStore();
		return store instanceof IMAPStore imapStore && imapStore.hasCapability("IDLE");
	}

	private static void sleep(Duration duration) throws MessagingException {
		if (duration.isZero() || duration.isNegative()) {
			return;
		}
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MessagingException("interrupted while waiting", ex);
		}
	}

	/**
	 * Whether the last attempt to open the mailbox succeeded.
	 * @return {@code true} when connected
	 */
	public boolean isConnected() {
		return this.connected;
	}

	/** Forget the connection state (the listener closes the connection). */
	void markDisconnected() {
		this.connected = false;
	}

}
