package org.frontdoor.gateway.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.frontdoor.channels.core.InboundMedia;
import org.frontdoor.channels.core.InboundMessage;
import org.frontdoor.channels.core.SharedLocation;
import org.frontdoor.channels.sms.twilio.inbound.TwilioInboundNormalizer;
import org.frontdoor.channels.sms.twilio.inbound.TwilioMediaFetchException;
import org.frontdoor.channels.sms.twilio.inbound.TwilioMediaFetcher;
import org.frontdoor.gateway.persistence.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Brings the photos of an inbound message into FrontDoor, off the webhook thread and
 * outside any transaction: media still at the provider (Twilio MMS and WhatsApp) are
 * downloaded with {@link TwilioMediaFetcher}, sanitized (EXIF read, then stripped) and
 * stored. What was fetched is remembered per message ({@code fetched_media}), so a
 * retried message is not downloaded again. Transient failures throw (the message is
 * retried, then dead-lettered); a photo refused for good (too big, not an image, gone) is
 * reported so the resident hears why, and the rest of the message is still used.
 */
@Component
public class ProviderMedia {

	private static final Logger log = LoggerFactory.getLogger(ProviderMedia.class);

	private final ObjectProvider<TwilioMediaFetcher> twilio;

	private final JdbcClient jdbc;

	public ProviderMedia(ObjectProvider<TwilioMediaFetcher> twilio, JdbcClient jdbc) {
		this.twilio = twilio;
		this.jdbc = jdbc;
	}

	/**
	 * The message's media, stored.
	 * @param message the message
	 * @return the media (stored ones have {@link InboundMedia#storedMediaId()}) and why
	 * one was refused, if one was
	 * @throws TwilioMediaFetchException when a download failed in a way a retry may fix,
	 * or Twilio refused our credentials (fix them, then replay the dead letter)
	 */
	public Fetched fetch(InboundMessage message) throws TwilioMediaFetchException {
		List<InboundMedia> media = new ArrayList<>();
		String problem = null;
		for (int i = 0; i < message.media().size(); i++) {
			InboundMedia medium = message.media().get(i);
			if (medium.storedMediaId() != null || medium.sourceUrl() == null
					|| !TwilioInboundNormalizer.PROVIDER.equals(message.provider())) {
				media.add(medium);
				continue;
			}
			Optional<Row> known = find(message, i);
			if (known.isEmpty()) {
				known = Optional.of(download(message, i, medium));
			}
			Row row = known.get();
			if (row.mediaId() != null) {
				SharedLocation exif = (row.exifLat() != null && row.exifLon() != null)
						? new SharedLocation(row.exifLat(), row.exifLon(), null) : null;
				media.add(new InboundMedia(medium.sourceUrl(), row.contentType(), row.mediaId(), medium.filename(),
						exif));
			}
			else if (problem == null || Turn.MEDIA_TOO_BIG.equals(row.failure())) {
				problem = row.failure();
			}
		}
		return new Fetched(media, problem);
	}

	private Row download(InboundMessage message, int position, InboundMedia medium) throws TwilioMediaFetchException {
		TwilioMediaFetcher fetcher = this.twilio.getIfAvailable();
		if (fetcher == null) {
			throw new TwilioMediaFetchException(TwilioMediaFetchException.Reason.UNAUTHORIZED,
					"a Twilio message has media but the Twilio channel is not configured", null);
		}
		Row row;
		try {
			TwilioMediaFetcher.FetchedMedia fetched = fetcher.fetch(medium);
			SharedLocation exif = fetched.exifLocation();
			row = new Row(fetched.storedMediaId(), fetched.contentType(), (exif != null) ? exif.latitude() : null,
					(exif != null) ? exif.longitude() : null, null, null);
		}
		catch (TwilioMediaFetchException ex) {
			if (ex.retryable() || ex.reason() == TwilioMediaFetchException.Reason.UNAUTHORIZED) {
				throw ex;
			}
			log.info("Medium {} of inbound {} refused: {} ({})", position, message.id(), ex.reason(), ex.getMessage());
			String failure = (ex.reason() == TwilioMediaFetchException.Reason.TOO_LARGE) ? Turn.MEDIA_TOO_BIG
					: Turn.MEDIA_TYPE;
			row = new Row(null, null, null, null, failure, ex.reason() + ": " + ex.getMessage());
		}
		this.jdbc.sql("""
				insert into fetched_media (inbound_id, position, media_id, content_type, exif_lat, exif_lon, failure,
					detail)
				values (:inbound, :position, :media, :type, :lat, :lon, :failure, :detail)
				on conflict (inbound_id, position) do nothing
				""")
			.param("inbound", message.id())
			.param("position", position)
			.param("media", row.mediaId())
			.param("type", row.contentType())
			.param("lat", row.exifLat())
			.param("lon", row.exifLon())
			.param("failure", row.failure())
			.param("detail", Sql.cut(row.detail(), 500))
			.update();
		return find(message, position).orElse(row);
	}

	private Optional<Row> find(InboundMessage message, int position) {
		return this.jdbc.sql("""
				select media_id, content_type, exif_lat, exif_lon, failure, detail from fetched_media
				where inbound_id = :inbound and position = :position
				""")
			.param("inbound", message.id())
			.param("position", position)
			.query((rs, n) -> new Row(rs.getString("media_id"), rs.getString("content_type"),
					(Double) rs.getObject("exif_lat"), (Double) rs.getObject("exif_lon"), rs.getString("failure"),
					rs.getString("detail")))
			.optional();
	}

	/**
	 * A message's media after fetching.
	 *
	 * @param media every medium, stored ones with their id and EXIF location
	 * @param problem why a medium was refused ({@link Turn#MEDIA_TOO_BIG},
	 * {@link Turn#MEDIA_TYPE}), or {@code null}
	 */
	public record Fetched(List<InboundMedia> media, String problem) {

	}

	private record Row(String mediaId, String contentType, Double exifLat, Double exifLon, String failure,
			String detail) {

	}

}
