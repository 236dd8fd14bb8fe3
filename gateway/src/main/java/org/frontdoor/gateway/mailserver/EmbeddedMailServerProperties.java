package org.frontdoor.gateway.mailserver;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded mail server of the default run
 * ({@code frontdoor.email.embedded-server.*}): GreenMail on
 * {@value EmbeddedMailServer#LOOPBACK} only, with the city's mailbox. Any other address
 * that receives mail through it gets a mailbox on the spot, whose login and password are
 * that address (so a resident's answers can be read with any IMAP client). Never for
 * production: it keeps mail in memory and speaks neither TLS nor anything but loopback.
 *
 * @param enabled whether to start it (the {@code simulator} profile turns it on; it still
 * stays off when the email channel is configured for another server)
 * @param smtpPort the SMTP port on {@value EmbeddedMailServer#LOOPBACK} (residents send
 * here, and FrontDoor sends its answers here)
 * @param imapPort the IMAP port on {@value EmbeddedMailServer#LOOPBACK} (FrontDoor reads
 * the city's mailbox here, residents read the answers here)
 * @param address the city's address and the login of its mailbox
 * @param password the password of the city's mailbox; from
 * {@code FRONTDOOR_EMAIL_EMBEDDEDSERVER_PASSWORD}, or generated and logged once at
 * start-up when unset
 */
@Validated
@ConfigurationProperties(EmbeddedMailServerProperties.PREFIX)
public record EmbeddedMailServerProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("3025") @Min(1) @Max(65535) int smtpPort, @DefaultValue("3143") @Min(1) @Max(65535) int imapPort,
		@DefaultValue("311@frontdoor.localhost") @NotBlank @Email String address, String password) {

	/** The configuration prefix. */
	public static final String PREFIX = "frontdoor.email.embedded-server";

	@Override
	public String toString() {
		return "EmbeddedMailServerProperties[enabled=" + this.enabled + ", smtpPort=" + this.smtpPort + ", imapPort="
				+ this.imapPort + ", address=" + this.address + ", password=" + ((this.password != null) ? "***" : null)
				+ "]";
	}

}
