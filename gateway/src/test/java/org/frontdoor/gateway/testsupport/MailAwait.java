package org.frontdoor.gateway.testsupport;

import org.awaitility.core.ConditionFactory;

import static org.awaitility.Awaitility.await;

/**
 * Waiting in tests that run against a GreenMail server.
 */
public final class MailAwait {

	private MailAwait() {
	}

	/**
	 * Awaitility without its default of rethrowing every thread's uncaught exceptions:
	 * GreenMail's connection threads throw one ("Can not handle IMAP connection", broken
	 * pipe) when a client goes away under them (a gateway stopping, a bare socket probe).
	 * That is the test mail server's complaint, not FrontDoor's; FrontDoor's own failures
	 * show in what the tests assert.
	 * @return the condition factory
	 */
	public static ConditionFactory awaitIgnoringServerThreads() {
		return await().dontCatchUncaughtExceptions();
	}

}
