package org.frontdoor.channels.email.inbound;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

import org.frontdoor.channels.email.EmailProperties;
import org.frontdoor.channels.email.inbound.EmailDecision.Action;

/**
 * Acknowledges a mail in the mailbox once its outcome is durable: sets {@code \Seen} and
 * moves it to the folder for its outcome (processed, ignored or rejected), creating the
 * folder on first use. Uses IMAP {@code MOVE} (RFC 6851) when the server has it, else
 * {@code COPY} + {@code \Deleted} + {@code UID EXPUNGE} (RFC 4315) or {@code EXPUNGE}.
 * Folder names use {@code /} in the configuration and the server's own hierarchy
 * separator on the wire.
 */
public final class ImapAcknowledger {

	private final Map<Action, String> folders;

	private final Map<String, Boolean> existing = new ConcurrentHashMap<>();

	/**
	 * Create an acknowledger.
	 * @param imap the folder configuration
	 */
	public ImapAcknowledger(EmailProperties.Imap imap) {
		this.folders = Map.of(Action.PROCESS, imap.processedFolder(), Action.IGNORE, imap.ignoredFolder(),
				Action.REJECT, imap.rejectedFolder());
	}

	/**
	 * Mark a mail seen and move it to the folder for its outcome.
	 * @param message the live IMAP message (its folder open read-write)
	 * @param action the outcome
	 * @return the folder it was moved to
	 * @throws MessagingException when the server refuses or the connection is lost (the
	 * mail is then fetched again and its outcome, being idempotent, repeated)
	 */
	public String acknowledge(Message message, Action action) throws MessagingException {
		Folder source = message.getFolder();
		if (source == null) {
			throw new MessagingException("message has no folder");
		}
		message.setFlag(Flags.Flag.SEEN, true);
		Folder target = target(source.getStore(), this.folders.get(action));
		Message[] messages = { message };
		if (source instanceof IMAPFolder imapFolder && hasCapability(source.getStore(), "MOVE")) {
			imapFolder.moveMessages(messages, target);
		}
		else {
			source.copyMessages(messages, target);
			message.setFlag(Flags.Flag.DELETED, true);
			if (source instanceof IMAPFolder imapFolder && hasCapability(source.getStore(), "UIDPLUS")) {
				imapFolder.expunge(messages);
			}
			else {
				source.expunge();
			}
		}
		return target.getFullName();
	}

	private Folder target(Store store, String configuredName) throws MessagingException {
		char separator = store.getDefaultFolder().getSeparator();
		String name = (separator == '/' || separator == 0) ? configuredName : configuredName.replace('/', separator);
		Folder folder = store.getFolder(name);
		if (!this.existing.containsKey(name)) {
			if (!folder.exists() && !folder.create(Folder.HOLDS_MESSAGES)) {
				throw new MessagingException("cannot create folder " + name);
			}
			this.existing.put(name, Boolean.TRUE);
		}
		return folder;
	}

	private static boolean hasCapability(Store store, String capability) throws MessagingException {
		return store instanceof IMAPStore imapStore && imapStore.hasCapability(capability);
	}

	/** Forget which folders exist (after a reconnection to possibly another server). */
	void forgetFolders() {
		this.existing.clear();
	}

}
