package org.frontdoor.channels.email;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.frontdoor.channels.core.media.ImageFormat;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The email channel ({@code frontdoor.channels.email.*}): the city's mailbox read over
 * IMAP, replies sent over SMTP. Passwords come from the environment only
 * ({@code FRONTDOOR_CHANNELS_EMAIL_IMAP_PASSWORD},
 * {@code FRONTDOOR_CHANNELS_EMAIL_SMTP_PASSWORD}); never put them in a file in the
 * repository.
 *
 * @param enabled whether the email channel runs (IMAP listener and SMTP sender beans)
 * @param address the city's address residents write to and replies come from, e.g.
 * {@code 311@city.example}
 * @param displayName the name shown as the sender of FrontDoor's mail
 * @param aliases other addresses delivered to the same mailbox (mail from them is never
 * answered)
 * @param defaultSubject the subject of FrontDoor's mail when the resident's had none
 * @param messageIdDomain the domain of the Message-IDs FrontDoor generates; defaults to
 * the domain of {@code address}
 * @param maxMessageBytes mail larger than this is not downloaded: it is moved to the
 * rejected folder and dead-lettered with its headers
 * @param maxAttachmentBytes the largest photo kept (larger images are skipped with a
 * note)
 * @param maxPhotos the most photos kept per mail
 * @param minInlinePhotoBytes the smallest image shown inline in the HTML that still
 * counts as a photo (smaller ones are signature logos)
 * @param minInlinePhotoPixels the smallest shorter side, in pixels, of an inline image
 * that still counts as a photo
 * @param photoFormats the photo formats accepted (sniffed from the bytes)
 * @param requireAuthenticatedSenderForUpdates when true, status updates are withheld
 * ({@code email.status-updates=withhold}) from senders whose mail failed SPF/DKIM/DMARC
 * @param unknownAuthenticationCountsAsFailed when true, mail without a usable
 * {@code Authentication-Results} verdict is treated as failed too (strict mode)
 * @param trustedAuthservIds authserv-ids of the city's own receiving servers whose
 * {@code Authentication-Results} are trusted (empty: the topmost header is used)
 * @param imap the mailbox FrontDoor reads
 * @param smtp the server FrontDoor sends through
 */
@Validated
@ConfigurationProperties(prefix = EmailProperties.PREFIX)
public record EmailProperties(@DefaultValue("false") boolean enabled, @NotBlank @Email String address,
		@DefaultValue("City 311") @NotBlank String displayName, @DefaultValue List<@Email String> aliases,
		@DefaultValue("Your report to the city") @NotBlank String defaultSubject, String messageIdDomain,
		@DefaultValue("25MB") @NotNull DataSize maxMessageBytes,
		@DefaultValue("10MB") @NotNull DataSize maxAttachmentBytes, @DefaultValue("5") @Min(1) @Max(50) int maxPhotos,
		@DefaultValue("20KB") @NotNull DataSize minInlinePhotoBytes,
		@DefaultValue("200") @Min(0) int minInlinePhotoPixels, @DefaultValue( {
				"JPEG", "PNG", "HEIC", "HEIF", "WEBP" }) @NotEmpty Set<ImageFormat> photoFormats,
		@DefaultValue("true") boolean requireAuthenticatedSenderForUpdates,
		@DefaultValue("false") boolean unknownAuthenticationCountsAsFailed,
		@DefaultValue List<String> trustedAuthservIds, @Valid @NotNull @DefaultValue Imap imap,
		@Valid @NotNull @DefaultValue Smtp smtp){

	/** The configuration prefix. */
	public static final String PREFIX = "frontdoor.channels.email";

	/**
	 * The domain used in generated Message-IDs.
	 * @return {@link #messageIdDomain()} or the domain of {@link #address()}
	 */
	public String effectiveMessageIdDomain() {
		if (this.messageIdDomain != null && !this.messageIdDomain.isBlank()) {
			return this.messageIdDomain.trim().toLowerCase(Locale.ROOT);
		}
		return this.address.substring(this.address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
	}

	/**
	 * Trusted authserv-ids in lower case.
	 * @return the ids
	 */
	public Set<String> trustedAuthservIdSet() {
		return this.trustedAuthservIds.stream()
			.map((id) -> id.trim().toLowerCase(Locale.ROOT))
			.filter((id) -> !id.isEmpty())
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

	/**
	 * The IMAP mailbox.
	 *
	 * @param host the IMAP server host
	 * @param port the IMAP port (993 for implicit TLS, 143 for plain or STARTTLS)
	 * @param username the login, often the city's address
	 * @param password the password or app password; from
	 * {@code FRONTDOOR_CHANNELS_EMAIL_IMAP_PASSWORD} only
	 * @param ssl whether to connect with implicit TLS ({@code imaps})
	 * @param starttls whether to upgrade a plain connection with STARTTLS (required when
	 * true)
	 * @param sslTrust hosts whose certificate is trusted without validation, space
	 * separated, {@code *} for all (only for test servers with self-signed certificates)
	 * @param folder the folder residents' mail arrives in
	 * @param processedFolder where processed mail is moved once stored (created when
	 * missing)
	 * @param ignoredFolder where automatic mail (bounces, auto-replies, lists) is moved
	 * @param rejectedFolder where mail that could not be used is moved (it is also
	 * dead-lettered)
	 * @param idle whether to wait for mail with IMAP IDLE (RFC 2177) when the server
	 * supports it; otherwise, or when false, the folder is polled
	 * @param pollInterval how often to poll without IDLE, and how often an idle
	 * connection is refreshed at most
	 * @param autoStartup whether the listener starts with the application (ignored when
	 * {@code leader-election} applies: the leader starts it)
	 * @param leaderElection whether, when the application has a Spring Integration
	 * {@code LockRegistry} (the gateway's JDBC lock registry), only the instance holding
	 * the lock of role {@code frontdoor-email-inbound} listens
	 * @param maxFetchSize the most messages fetched per round
	 * @param connectionTimeout the TCP connect timeout
	 * @param timeout the socket read timeout (longer than the IDLE refresh)
	 * @param reconnectInitialDelay the first wait after a connection failure; doubled on
	 * each further failure
	 * @param reconnectMaxDelay the longest wait between reconnection attempts
	 * @param shutdownTimeout how long stopping the listener waits for a mail being stored
	 * before interrupting it (the mail then stays unseen and is fetched again)
	 */
	public record Imap(@NotBlank String host, @DefaultValue("993") @Min(1) @Max(65535) int port, String username,
			String password, @DefaultValue("true") boolean ssl, @DefaultValue("false") boolean starttls,
			String sslTrust, @DefaultValue("INBOX") @NotBlank String folder,
			@DefaultValue("FrontDoor/Processed") @NotBlank String processedFolder,
			@DefaultValue("FrontDoor/Ignored") @NotBlank String ignoredFolder,
			@DefaultValue("FrontDoor/Rejected") @NotBlank String rejectedFolder, @DefaultValue("true") boolean idle,
			@DefaultValue("60s") @NotNull Duration pollInterval, @DefaultValue("true") boolean autoStartup,
			@DefaultValue("true") boolean leaderElection, @DefaultValue("20") @Min(1) @Max(500) int maxFetchSize,
			@DefaultValue("30s") @NotNull Duration connectionTimeout, @DefaultValue("5m") @NotNull Duration timeout,
			@DefaultValue("2s") @NotNull Duration reconnectInitialDelay,
			@DefaultValue("5m") @NotNull Duration reconnectMaxDelay,
			@DefaultValue("30s") @NotNull Duration shutdownTimeout) {

		@Override
		public String toString() {
			return "Imap[host=" + this.host + ", port=" + this.port + ", ssl=" + this.ssl + ", starttls="
					+ this.starttls + ", folder=" + this.folder + ", password="
					+ ((this.password != null) ? "***" : null) + "]";
		}

	}

	/**
	 * The SMTP server.
	 *
	 * @param host the SMTP server host
	 * @param port the SMTP port (587 submission with STARTTLS, 465 implicit TLS, 25)
	 * @param username the login, or empty for an unauthenticated relay
	 * @param password the password; from {@code FRONTDOOR_CHANNELS_EMAIL_SMTP_PASSWORD}
	 * only
	 * @param ssl whether to connect with implicit TLS ({@code smtps}, port 465)
	 * @param starttls whether to upgrade with STARTTLS
	 * @param starttlsRequired whether to refuse to send when STARTTLS is not offered
	 * @param sslTrust hosts whose certificate is trusted without validation (test servers
	 * only)
	 * @param connectionTimeout the TCP connect timeout
	 * @param timeout the socket read and write timeout
	 */
	public record Smtp(@NotBlank String host, @DefaultValue("587") @Min(1) @Max(65535) int port, String username,
			String password, @DefaultValue("false") boolean ssl, @DefaultValue("true") boolean starttls,
			@DefaultValue("true") boolean starttlsRequired, String sslTrust,
			@DefaultValue("30s") @NotNull Duration connectionTimeout, @DefaultValue("60s") @NotNull Duration timeout) {

		@Override
		public String toString() {
			return "Smtp[host=" + this.host + ", port=" + this.port + ", ssl=" + this.ssl + ", starttls="
					+ this.starttls + ", password=" + ((this.password != null) ? "***" : null) + "]";
		}

	}

}
