package org.frontdoor.gateway.reply;

import java.nio.file.Path;
import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The city FrontDoor answers for ({@code frontdoor.city.*}): its name and contacts (said
 * in messages), its time zone (quiet hours, dates residents write), its boundary (where
 * reports are accepted) and the language residents get before FrontDoor knows theirs. The
 * defaults describe the built-in Cambridge, MA gazetteer of the embedded run.
 *
 * @param name the city's name as residents know it, 1–30 characters (in every SMS that
 * needs it)
 * @param programName the sender name residents see in SMS (carrier rules want one), 1–30
 * characters; empty means "{@code name} 311"
 * @param helpContact how to reach a person, 1–60 characters of contact details only (a
 * phone number and/or web address: it appears in every language)
 * @param emergencyNumber the emergency number said in help and error messages
 * @param timeZone the city's time zone (quiet hours, dates and times residents write)
 * @param boundary a GeoJSON file with the city's boundary, replacing the geocoder index's
 * own; empty uses the index's boundary
 * @param defaultLanguage the language of residents whose language is not known yet
 * ({@code en} or {@code es})
 */
@Validated
@ConfigurationProperties("frontdoor.city")
public record CityProperties(@NotBlank @Size(max = 30) @DefaultValue("Cambridge") String name,
		@Size(max = 30) String programName,
		@NotBlank @Size(max = 60) @DefaultValue("617-349-4800, cambridgema.gov/311") String helpContact,
		@NotBlank @Size(max = 10) @DefaultValue("911") String emergencyNumber,
		@NotNull @DefaultValue("America/New_York") ZoneId timeZone, Path boundary,
		@NotBlank @Pattern(regexp = "en|es", message = "must be en or es") @DefaultValue("en") String defaultLanguage) {

}
