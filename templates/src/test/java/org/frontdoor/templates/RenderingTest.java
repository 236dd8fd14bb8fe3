package org.frontdoor.templates;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.frontdoor.templates.sms.SmsEncoding;
import org.frontdoor.templates.sms.SmsTransliteration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RenderingTest {

	private static final Locale ES = Locale.forLanguageTag("es");

	private static final String HOSTILE = "<script>alert('x')</script> & \"Main\" St";

	private final Templates templates = new Templates(Fixtures.config());

	@Test
	void htmlPartsEscapeEveryValueAndTextPartsNone() {
		RenderedMessage email = this.templates.render(TemplateKey.SUBMITTED, TemplateChannel.EMAIL, Locale.ENGLISH,
				Map.of("requestId", "101", "serviceName", HOSTILE, "place", HOSTILE, "description", HOSTILE));
		assertThat(email.html()).doesNotContain("<script>")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Main&quot; St")
			.contains("<title>Your report #101: &lt;script&gt;");
		assertThat(email.text()).contains("Service: " + HOSTILE).contains("What you told us: " + HOSTILE);
		assertThat(email.subject()).isEqualTo("Your report #101: " + HOSTILE);

		RenderedMessage sms = this.templates.render(TemplateKey.CONFIRM_LOCATION, TemplateChannel.SMS, Locale.ENGLISH,
				Map.of("place", "Mass Ave & Prospect St <2>"));
		assertThat(sms.text())
			.isEqualTo("Did you mean Mass Ave & Prospect St <2>? Reply YES, or send a better location.");

		RenderedMessage chat = this.templates.render(TemplateKey.ASK_SERVICE, TemplateChannel.CHAT, Locale.ENGLISH,
				Map.of("options", List.of(new MenuOption(1, "Trash & <Recycling>"))));
		assertThat(chat.quickReplies()).containsExactly(new QuickReply("Trash & <Recycling>", "1"),
				new QuickReply("Something else", "0"));
	}

	@Test
	void subjectIsOneLineSoNoHeaderCanBeInjected() {
		RenderedMessage email = this.templates.render(TemplateKey.SUBMITTED, TemplateChannel.EMAIL, Locale.ENGLISH,
				Map.of("requestId", "101", "serviceName", "Pothole\r\nBcc: victim@example.org"));
		assertThat(email.subject()).isEqualTo("Your report #101: Pothole Bcc: victim@example.org");
	}

	@Test
	void valuesLoseControlAndBidiCharacters() {
		RenderedMessage sms = this.templates.render(TemplateKey.CONFIRM_LOCATION, TemplateChannel.SMS, Locale.ENGLISH,
				Map.of("place", "Elm\u0000 St\u202E\u0007 \t\n  #5"));
		assertThat(sms.text()).startsWith("Did you mean Elm St #5?");
	}

	@Test
	void notesAreCutToTheirLimitPerChannel() {
		String notes = "Crew visited the site and found the pothole larger than reported. ".repeat(60);
		Map<String, Object> model = Map.of("requestId", "101", "notes", notes);
		RenderedMessage sms = this.templates.render(TemplateKey.STATUS_UPDATE_CLOSED, TemplateChannel.SMS,
				Locale.ENGLISH, model);
		assertThat(sms.shortened()).isTrue();
		assertThat(sms.text()).contains("City note: Crew visited").contains("... If the problem");
		String smsNote = sms.text().substring(sms.text().indexOf("City note: ") + 11, sms.text().indexOf(" If the"));
		assertThat(smsNote).hasSizeLessThanOrEqualTo(TemplateVariable.NOTES.limit(TemplateChannel.SMS)).endsWith("...");

		RenderedMessage email = this.templates.render(TemplateKey.STATUS_UPDATE_CLOSED, TemplateChannel.EMAIL,
				Locale.ENGLISH, model);
		assertThat(email.text()).contains("…");
		int start = email.text().indexOf("Crew visited");
		int end = email.text().indexOf("…") + 1;
		assertThat(end - start).isBetween(1900, TemplateVariable.NOTES.limit(TemplateChannel.EMAIL));
	}

	@Test
	void notesKeepTheirLinesOnEmailAndChatButNotOnSms() {
		Map<String, Object> model = Map.of("requestId", "101", "notes", "Crew assigned.\r\n\r\n\r\nFix on Tuesday.");
		assertThat(this.templates.render(TemplateKey.STATUS_UPDATE_OPEN, TemplateChannel.CHAT, Locale.ENGLISH, model)
			.text()).endsWith("Note from the city: Crew assigned.\n\nFix on Tuesday.");
		assertThat(this.templates.render(TemplateKey.STATUS_UPDATE_OPEN, TemplateChannel.SMS, Locale.ENGLISH, model)
			.text()).endsWith("City note: Crew assigned. Fix on Tuesday.");
	}

	@ParameterizedTest
	@CsvSource({ "open, en, open", "In Progress, en, in progress", "acknowledged, en, accepted by the city",
			"closed, es, cerrado", "in_process, es, en proceso", "PUBLIC_WORKS_NEW, es, PUBLIC_WORKS_NEW" })
	void statusReplySaysTheStatusInTheResidentsLanguage(String status, String lang, String said) {
		RenderedMessage sms = this.templates.render(TemplateKey.STATUS_REPLY, TemplateChannel.SMS,
				Locale.forLanguageTag(lang), Map.of("requestId", "101", "status", status));
		assertThat(sms.text()).endsWith("#101: " + said + ".");
	}

	@ParameterizedTest
	@CsvSource({ "in_progress, WHATSAPP, es, en proceso", "closed, SMS, en, closed",
			"acknowledged, CHAT, es, aceptado por la ciudad", "PUBLIC_WORKS_NEW, WHATSAPP, es, PUBLIC_WORKS_NEW",
			"open, EMAIL, es-MX, abierto", "'', SMS, en, ''" })
	void statusLabelsForUseOutsideTemplates(String status, TemplateChannel channel, String lang, String label) {
		assertThat(this.templates.statusLabel(status, channel, Locale.forLanguageTag(lang))).isEqualTo(label);
	}

	@Test
	void requestListShowsThreeOnSmsAndCountsTheRest() {
		List<RequestSummary> requests = List.of(new RequestSummary("1", "Pothole", "open"),
				new RequestSummary("2", null, "closed"), new RequestSummary("3", "Graffiti", "in_progress"),
				new RequestSummary("4", "Litter", "open"), new RequestSummary("5", "Noise", "open"));
		RenderedMessage sms = this.templates.render(TemplateKey.STATUS_REPLY_LIST, TemplateChannel.SMS, Locale.ENGLISH,
				Map.of("requests", requests));
		assertThat(sms.text()).isEqualTo("""
				Your open reports:
				#1 Pothole: open
				#2: closed
				#3 Graffiti: in progress
				(and 2 more)
				For details, reply STATUS and the report number.""");
		RenderedMessage chat = this.templates.render(TemplateKey.STATUS_REPLY_LIST, TemplateChannel.CHAT, ES,
				Map.of("requests", requests));
		assertThat(chat.quickReplies()).hasSize(5).first().isEqualTo(new QuickReply("#1", "ESTADO 1"));
	}

	@Test
	void requiredVariablesMustBePresent() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.templates.render(TemplateKey.SUBMITTED, TemplateChannel.SMS, Locale.ENGLISH,
					Map.of("serviceName", "Pothole")))
			.withMessage("Template variable 'requestId' is required by key submitted");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.templates.render(TemplateKey.ASK_SERVICE, TemplateChannel.SMS, Locale.ENGLISH,
					Map.of("options", List.of())))
			.withMessageContaining("'options' is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.templates.render(TemplateKey.CONFIRM_LOCATION, TemplateChannel.SMS, Locale.ENGLISH,
					Map.of("place", "  ")))
			.withMessageContaining("'place' is required");
	}

	@Test
	void unknownDerivedOrMistypedVariablesAreCallerErrors() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.templates.render(TemplateKey.SUBMITTED, TemplateChannel.SMS, Locale.ENGLISH,
					Map.of("requestID", "1")))
			.withMessage("Unknown template variable 'requestID' (key submitted)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.templates.render(TemplateKey.STATUS_REPLY_NONE, TemplateChannel.SMS, Locale.ENGLISH,
					Map.of("statusIs", Map.of())))
			.withMessageContaining("computed by the renderer");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.templates.render(TemplateKey.ASK_SERVICE, TemplateChannel.SMS, Locale.ENGLISH,
					Map.of("options", "1 Pothole")))
			.withMessageContaining("must be a list");
		assertThatIllegalArgumentException().isThrownBy(() -> this.templates.render(TemplateKey.ASK_SERVICE,
				TemplateChannel.SMS, Locale.ENGLISH, Map.of("options", List.of("Pothole"))))
			.withMessageContaining("MenuOption");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.templates.render(TemplateKey.RATE_LIMITED, TemplateChannel.SMS, Locale.ENGLISH,
					Map.of("retryMinutes", "soon")))
			.withMessageContaining("must be a number");
	}

	@Test
	void variablesAKeyDoesNotDeclareAreIgnored() {
		RenderedMessage sms = this.templates.render(TemplateKey.STATUS_REPLY_NONE, TemplateChannel.SMS, Locale.ENGLISH,
				Map.of("requestId", "SECRET-123", "notes", "SECRET"));
		assertThat(sms.text()).doesNotContain("SECRET");
	}

	@Test
	void mapsWorkAsWellAsRecords() {
		Map<String, Object> option = new HashMap<>();
		option.put("number", 3);
		option.put("label", "Graffiti");
		RenderedMessage sms = this.templates.render(TemplateKey.ASK_ATTRIBUTE_SINGLE, TemplateChannel.SMS,
				Locale.ENGLISH, Map.of("question", "What is it?", "options", List.of(option), "moreNumber", 9.0));
		assertThat(sms.text()).isEqualTo("What is it?\nReply with a number:\n3) Graffiti\n9) More choices");
	}

	@Test
	void globalsComeFromConfigurationAndCanBeOverriddenPerMessage() {
		Templates city = new Templates(
				TemplatesConfig.of("Somerville", "311, somervillema.gov").withProgramName("SomerViva 311"));
		assertThat(city.render(TemplateKey.STOP_CONFIRMATION, TemplateChannel.SMS, Locale.ENGLISH, null).text())
			.startsWith("SomerViva 311: you're unsubscribed");
		assertThat(city.render(TemplateKey.HELP, TemplateChannel.SMS, Locale.ENGLISH, Map.of()).text())
			.contains("Help: 311, somervillema.gov.")
			.endsWith("Msg&data rates may apply. Reply STOP to opt out.");
		assertThat(city
			.render(TemplateKey.STOP_CONFIRMATION, TemplateChannel.SMS, Locale.ENGLISH,
					Map.of("programName", "Cambridge 311"))
			.text()).startsWith("Cambridge 311:");
	}

	@ParameterizedTest
	@CsvSource({ "es-MX, es", "es, es", "en-US, en", "fr, en", "'', en" })
	void localesFallBackToTheirLanguageThenEnglish(String tag, String used) {
		Locale locale = tag.isEmpty() ? null : Locale.forLanguageTag(tag);
		RenderedMessage message = this.templates.render(TemplateKey.THANKS_REPLY, TemplateChannel.SMS, locale,
				Map.of());
		assertThat(message.locale()).isEqualTo(Locale.forLanguageTag(used));
	}

	@Test
	void whatsappUsesItsOwnFilesThenTheSmsWording() {
		RenderedMessage pin = this.templates.render(TemplateKey.ASK_LOCATION, "WHATSAPP", Locale.ENGLISH, Map.of());
		assertThat(pin.sources()).containsExactly("builtin:whatsapp/en/ask-location.txt.mustache");
		assertThat(pin.text()).contains("Share a location pin");
		RenderedMessage shared = this.templates.render(TemplateKey.THANKS_REPLY, "whatsapp", ES, Map.of());
		assertThat(shared.sources()).containsExactly("builtin:sms/es/thanks-reply.txt.mustache");
	}

	@Test
	void channelNamesAreCaseInsensitiveAndUnknownOnesRejected() {
		assertThat(TemplateChannel.of("Email")).isEqualTo(TemplateChannel.EMAIL);
		assertThatIllegalArgumentException().isThrownBy(() -> TemplateChannel.of("fax"))
			.withMessageContaining("Unknown channel 'fax'");
	}

	@Test
	void emailTextKeepsTheSignatureDelimiter() {
		RenderedMessage email = this.templates.render(TemplateKey.THANKS_REPLY, TemplateChannel.EMAIL, ES, Map.of());
		assertThat(email.text()).isEqualTo(
				"""
						¡Con gusto! Escríbanos cuando vea un problema.

						--\s
						Cambridge 311
						Esta es una respuesta automática. Responda a este correo para continuar, o escriba ESTADO para ver sus reportes.
						Para hablar con una persona: 617-349-4800, cambridgema.gov/311. Para emergencias, llame al 911.""");
	}

	@Test
	void spanishSmsCanBeTransliteratedWhenThatSavesSegments() {
		Map<String, Object> model = Map.of("options", List.of(new MenuOption(1, "Pothole"),
				new MenuOption(2, "Streetlight out"), new MenuOption(3, "Graffiti")));
		RenderedMessage kept = this.templates.render(TemplateKey.ASK_SERVICE, TemplateChannel.SMS, ES, model);
		assertThat(kept.text()).contains("número");
		assertThat(kept.smsLength().encoding()).isEqualTo(SmsEncoding.UCS_2);
		assertThat(kept.smsLength().segments()).isEqualTo(2);

		Templates cheap = new Templates(Fixtures.config().withSmsTransliteration(SmsTransliteration.WHEN_SHORTER));
		RenderedMessage plain = cheap.render(TemplateKey.ASK_SERVICE, TemplateChannel.SMS, ES, model);
		assertThat(plain.text()).startsWith("¿Qué tipo de problema es? Responda con un numero:");
		assertThat(plain.smsLength()).extracting((l) -> l.encoding(), (l) -> l.segments())
			.containsExactly(SmsEncoding.GSM_7, 1);

		RenderedMessage whatsapp = cheap.render(TemplateKey.ASK_SERVICE, TemplateChannel.WHATSAPP, ES, model);
		assertThat(whatsapp.text()).as("WhatsApp is never transliterated").contains("número");
	}

	@Test
	void aModelBeyondTheContractIsShortenedToFitOrSentOverBudget() {
		java.util.ArrayList<MenuOption> nine = new java.util.ArrayList<>();
		for (int i = 1; i <= 9; i++) {
			nine.add(new MenuOption(i, "Sign - Loading or Standing Zone (New Installation, Amendment, Removal)"));
		}
		RenderedMessage fitted = this.templates.render(TemplateKey.ASK_SERVICE, TemplateChannel.SMS, ES,
				Map.of("options", nine));
		assertThat(fitted.smsLength().segments()).isEqualTo(3);
		assertThat(fitted.shortened()).isTrue();
		assertThat(fitted.text()).contains("\n9) Sign").contains("...\n0) Otra cosa");

		java.util.ArrayList<MenuOption> forty = new java.util.ArrayList<>();
		for (int i = 1; i <= 40; i++) {
			forty.add(new MenuOption(i, "Option number " + i));
		}
		RenderedMessage over = this.templates.render(TemplateKey.ASK_SERVICE, TemplateChannel.SMS, Locale.ENGLISH,
				Map.of("options", forty));
		assertThat(over.smsLength().segments()).isGreaterThan(3);
		assertThat(over.text()).contains("\n40) Opt...");
	}

}
