/**
 * The embedded mail server of the default run: GreenMail (SMTP and IMAP on the loopback
 * interface only) holding the city's mailbox, so a newcomer can email FrontDoor a photo
 * with any mail client or {@code swaks} and read the threaded answers, with no mail
 * server to install. The email channel ({@code org.frontdoor.channels.email}) reads and
 * sends through it exactly as through any other IMAP/SMTP server.
 * <p>
 * On in the {@code simulator} profile (the default of the embedded run,
 * {@code application-simulator.yml}); off in production, and off whenever the email
 * channel is configured for another server.
 */
package org.frontdoor.gateway.mailserver;
