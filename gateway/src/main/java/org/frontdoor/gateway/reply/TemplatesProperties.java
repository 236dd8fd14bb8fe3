package org.frontdoor.gateway.reply;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.frontdoor.templates.sms.SmsTransliteration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the messages residents read are rendered ({@code frontdoor.templates.*}; the words
 * themselves are files in the {@code templates} module, see the README's "Templates").
 *
 * @param overrideDir the city's directory of template overrides (same layout as the
 * built-in {@code templates/} folder); it may start empty or not exist yet; empty means
 * none
 * @param checkInterval how often, at most, the override directory is checked for changed
 * files
 * @param smsTransliteration whether SMS text is rewritten to GSM-7 look-alikes to save
 * segments: {@code NEVER}, {@code WHEN_SHORTER} or {@code ALWAYS}
 * @param maxSegments the most SMS segments one message may take (values are shortened to
 * fit)
 */
@Validated
@ConfigurationProperties("frontdoor.templates")
public record TemplatesProperties(Path overrideDir, @NotNull @DefaultValue("5s") Duration checkInterval,
		@NotNull @DefaultValue("NEVER") SmsTransliteration smsTransliteration,
		@Min(1) @Max(10) @DefaultValue("3") int maxSegments) {

}
