package org.frontdoor.templates;

import java.time.Duration;

import org.frontdoor.templates.sms.SmsTransliteration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class TemplatesConfigTest {

	@Test
	void defaults() {
		TemplatesConfig config = TemplatesConfig.of(" Cambridge ", "617-349-4800");
		assertThat(config.cityName()).isEqualTo("Cambridge");
		assertThat(config.programName()).isEqualTo("Cambridge 311");
		assertThat(config.emergencyNumber()).isEqualTo("911");
		assertThat(config.maxSegments()).isEqualTo(3);
		assertThat(config.checkInterval()).isEqualTo(Duration.ofSeconds(5));
		assertThat(config.smsTransliteration()).isEqualTo(SmsTransliteration.NEVER);
		assertThat(config.overrideDir()).isNull();
	}

	@Test
	void globalsMustFitTheSmsBudget() {
		assertThatIllegalArgumentException().isThrownBy(() -> TemplatesConfig.of("C".repeat(31), "311"))
			.withMessageStartingWith("cityName must be 1 to 30 characters");
		assertThatIllegalArgumentException().isThrownBy(() -> TemplatesConfig.of("Cambridge", " "))
			.withMessageStartingWith("helpContact must be 1 to 60 characters");
		assertThatNullPointerException().isThrownBy(() -> TemplatesConfig.of("Cambridge", null))
			.withMessage("helpContact must be set");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TemplatesConfig.of("Cambridge", "311").withProgramName("P".repeat(31)))
			.withMessageStartingWith("programName must be 1 to 30 characters");
	}

	@Test
	void limitsOnTheKnobs() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new TemplatesConfig(null, Duration.ofSeconds(-1), null, 0, "Cambridge", null, "311", null))
			.withMessageContaining("checkInterval");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TemplatesConfig(null, null, null, 11, "Cambridge", null, "311", null))
			.withMessageContaining("maxSegments");
		assertThat(new TemplatesConfig(null, Duration.ZERO, SmsTransliteration.ALWAYS, 1, "Cambridge", "Cambridge 311",
				"311", "112"))
			.extracting(TemplatesConfig::maxSegments, TemplatesConfig::emergencyNumber)
			.containsExactly(1, "112");
	}

	@Test
	void aOneSegmentBudgetShortensMoreAggressively() {
		Templates oneSegment = new Templates(
				new TemplatesConfig(null, null, null, 1, "Cambridge", null, Fixtures.CONTACT, null));
		RenderedMessage message = oneSegment.render(TemplateKey.STATUS_UPDATE_CLOSED, TemplateChannel.SMS,
				java.util.Locale.ENGLISH,
				java.util.Map.of("requestId", "1234567890", "serviceName",
						"Sign Repair Request - Residential Permit Parking", "notes",
						"Crew replaced the sign post. ".repeat(8)));
		assertThat(message.smsLength().segments()).isEqualTo(1);
		assertThat(message.text()).contains("#1234567890").contains("City note: Crew");
	}

}
