package org.frontdoor.gateway.open311;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The city's GeoReport v2 backend ({@code frontdoor.open311.*}).
 *
 * @param baseUrl the backend's base URL, e.g. {@code https://city.example/open311/v2};
 * empty means the built-in sandbox of this process
 * ({@code http://localhost:<server port>/sandbox/open311/v2})
 * @param apiKey the API key sent with {@code POST requests} (from the environment:
 * {@code FRONTDOOR_OPEN311_APIKEY})
 * @param jurisdictionId the {@code jurisdiction_id} sent with every call, or empty when
 * the backend serves one jurisdiction
 * @param format wire format: {@code json}, {@code xml}, or {@code auto} (JSON unless the
 * backend turns out to speak only XML)
 * @param connectTimeout how long to wait for a TCP connection
 * @param readTimeout how long to wait for a response
 * @param catalogRefresh how often the service catalog (services and definitions) is
 * reloaded
 * @param catalogRetry how soon a failed catalog load is retried (the backend may be
 * starting, or be this very process)
 * @param extensions whether to ask for {@code extensions=true} (detailed status, notes)
 * on request queries
 * @param mediaUpload whether to upload photos as a multipart {@code media} part with
 * {@code POST requests} (otherwise only {@code media_url} is sent)
 * @param externalIdAttribute the attribute code that carries FrontDoor's own submission
 * id when a service defines it (idempotent POSTs)
 * @param timeZone the zone of backend timestamps written without an offset
 * @param statusMap extra raw status → {@code open}/{@code closed} mappings, added to the
 * built-in table (keys are matched case-insensitively)
 */
@Validated
@ConfigurationProperties("frontdoor.open311")
public record Open311Properties(String baseUrl, String apiKey, String jurisdictionId,
		@NotNull @DefaultValue("auto") WireFormat format, @NotNull @DefaultValue("5s") Duration connectTimeout,
		@NotNull @DefaultValue("15s") Duration readTimeout, @NotNull @DefaultValue("1h") Duration catalogRefresh,
		@NotNull @DefaultValue("30s") Duration catalogRetry, @DefaultValue("false") boolean extensions,
		@DefaultValue("false") boolean mediaUpload, @NotBlank @DefaultValue("external_id") String externalIdAttribute,
		@NotNull @DefaultValue("UTC") ZoneId timeZone, @NotNull @DefaultValue Map<String, String> statusMap) {

	/** The wire format to ask for. */
	public enum WireFormat {

		/** JSON ({@code .json}) unless the backend only speaks XML. */
		AUTO,

		/** Always {@code .json}. */
		JSON,

		/** Always {@code .xml}. */
		XML

	}

}
