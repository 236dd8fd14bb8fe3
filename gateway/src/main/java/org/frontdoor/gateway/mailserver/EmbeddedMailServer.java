package org.frontdoor.gateway.mailserver;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A running GreenMail server on the loopback interface with the city's mailbox. Mail to
 * any other address is kept in a mailbox created on delivery, whose login and password
 * are the address itself (GreenMail's behaviour), so a resident's answers can be read
 * over IMAP. Mail lives in memory and is gone when the server stops.
 */
public final class EmbeddedMailServer implements AutoCloseable {

	/** The only interface the server listens on. */
	public static final String LOOPBACK = "127.0.0.1";

	private static final long STARTUP_TIMEOUT_MILLIS = 30_000;

	private final GreenMail greenMail;

	private final String address;

	private EmbeddedMailServer(GreenMail greenMail, String address) {
		this.greenMail = greenMail;
		this.address = address;
	}

	/**
	 * Start the server and create the city's mailbox.
	 * @param properties the ports and the city's address
	 * @param password the city mailbox's password
	 * @return the running server
	 * @throws IllegalStateException when a port is taken or the server does not start
	 */
	public static EmbeddedMailServer start(EmbeddedMailServerProperties properties, String password) {
		ServerSetup smtp = new ServerSetup(properties.smtpPort(), LOOPBACK, ServerSetup.PROTOCOL_SMTP);
		ServerSetup imap = new ServerSetup(properties.imapPort(), LOOPBACK, ServerSetup.PROTOCOL_IMAP);
		smtp.setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
		imap.setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
		GreenMail greenMail = new GreenMail(new ServerSetup[] { smtp, imap });
		try {
			greenMail.start();
		}
		catch (RuntimeException ex) {
			greenMail.stop();
			throw new IllegalStateException("Could not start the embedded mail server on " + LOOPBACK + " (SMTP "
					+ properties.smtpPort() + ", IMAP " + properties.imapPort() + "); is a port taken? Change "
					+ "frontdoor.email.embedded-server.smtp-port / imap-port, or turn it off with "
					+ "frontdoor.email.embedded-server.enabled=false", ex);
		}
		greenMail.setUser(properties.address(), properties.address(), password);
		return new EmbeddedMailServer(greenMail, properties.address());
	}

	/**
	 * The city's address (the login of its mailbox).
	 * @return the address
	 */
	public String address() {
		return this.address;
	}

	/**
	 * The SMTP port the server listens on.
	 * @return the port
	 */
	public int smtpPort() {
		return this.greenMail.getSmtp().getPort();
	}

	/**
	 * The IMAP port the server listens on.
	 * @return the port
	 */
	public int imapPort() {
		return this.greenMail.getImap().getPort();
	}

	/** Stop the server (its mail is gone). */
	@Override
	public void close() {
		this.greenMail.stop();
	}

}
