package org.frontdoor.gateway.conversation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.frontdoor.gateway.open311.AttributeValue;
import org.frontdoor.gateway.open311.ServiceAttribute;
import org.frontdoor.gateway.open311.ServiceAttribute.Datatype;
import org.frontdoor.nlp.classify.CatalogService;
import org.frontdoor.nlp.classify.Classification;
import org.frontdoor.nlp.classify.Decision;
import org.frontdoor.nlp.classify.RankedService;
import org.frontdoor.nlp.intent.Intent;
import org.frontdoor.templates.MenuOption;
import org.frontdoor.templates.TemplateKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dialog's decisions as a table: conversation state × message → the reply, the
 * question left pending, the phase, and what is submitted or followed.
 */
class DialogTest {

	static final Instant NOW = Instant.parse("2026-03-14T16:00:00Z");

	static final Place CENTRAL = new Place(42.3655, -71.1040, "Massachusetts Ave & Prospect St", LocationSource.TEXT);

	static final Place ELM = new Place(42.3675, -71.0984, "14 Elm St", LocationSource.TEXT);

	static final Dialog dialog = new Dialog(3, ZoneId.of("America/New_York"));

	// ---- the catalog --------------------------------------------------------------

	static final Map<String, String> SERVICES = new LinkedHashMap<>();

	static final Map<String, List<ServiceAttribute>> QUESTIONS = new LinkedHashMap<>();

	static {
		SERVICES.put("pothole", "Pothole");
		SERVICES.put("graffiti", "Graffiti");
		SERVICES.put("sign", "Damaged Sign");
		SERVICES.put("missed-pickup", "Missed Pickup");
		SERVICES.put("abandoned-vehicle", "Abandoned Vehicle");
		SERVICES.put("leaf-blower", "Leaf Blower");
		SERVICES.put("noise", "Noise");
		QUESTIONS.put("graffiti", List.of(list("surface", Datatype.SINGLEVALUELIST, "What is the graffiti on?",
				"public:Public property", "private:Private property", "utility:Utility box or pole")));
		QUESTIONS.put("missed-pickup", List.of(list("streams", Datatype.MULTIVALUELIST, "What was not picked up?",
				"trash:Trash", "recycling:Recycling", "compost:Compost", "yard:Yard waste")));
		QUESTIONS.put("abandoned-vehicle",
				List.of(attribute("vehicle", Datatype.TEXT, "What does the vehicle look like?"),
						attribute("days_parked", Datatype.NUMBER, "For about how many days has it not moved?")));
		QUESTIONS.put("leaf-blower", List.of(attribute("observed_at", Datatype.DATETIME, "When did you hear it?")));
		QUESTIONS.put("noise", List.of(attribute("source", Datatype.STRING, "What is making the noise?")));
	}

	static ServiceAttribute attribute(String code, Datatype type, String question) {
		return new ServiceAttribute(code, true, type, type.name().toLowerCase(Locale.ROOT), true, null, 1, question,
				List.of(), null);
	}

	static ServiceAttribute list(String code, Datatype type, String question, String... values) {
		List<AttributeValue> options = Stream.of(values)
			.map((v) -> new AttributeValue(v.substring(0, v.indexOf(':')), v.substring(v.indexOf(':') + 1)))
			.toList();
		return new ServiceAttribute(code, true, type, type.name().toLowerCase(Locale.ROOT), true, null, 1, question,
				options, null);
	}

	/**
	 * The catalog above, and a duplicate check that found nothing, one match, or was not
	 * made yet.
	 */
	record Catalog(DuplicateCheck check, boolean checkMade) implements Knowledge {

		static Catalog noDuplicates() {
			return new Catalog(null, true);
		}

		static Catalog unchecked() {
			return new Catalog(null, false);
		}

		static Catalog duplicate(String requestId) {
			return new Catalog(
					new DuplicateCheck("pothole", CENTRAL.lat(), CENTRAL.lon(), requestId, "790 Mass Ave", 40, null),
					true);
		}

		@Override
		public Optional<String> serviceName(String code) {
			return Optional.ofNullable(SERVICES.get(code));
		}

		@Override
		public List<String> serviceCodes() {
			return List.copyOf(SERVICES.keySet());
		}

		@Override
		public List<ServiceAttribute> questions(String code) {
			return QUESTIONS.getOrDefault(code, List.of());
		}

		@Override
		public Optional<ServiceAttribute> attribute(String serviceCode, String attributeCode) {
			return questions(serviceCode).stream().filter((a) -> a.code().equals(attributeCode)).findFirst();
		}

		@Override
		public DuplicateCheck duplicates(String code, Place place) {
			if (!this.checkMade) {
				return null;
			}
			return (this.check != null && this.check.isFor(code, place)) ? this.check
					: DuplicateCheck.none(code, place, null);
		}

	}

	// ---- messages -------------------------------------------------------------------

	static Turn report(String text, Classification classification, LocationFinding location) {
		return new Turn(Intent.REPORT, null, text, classification, location, List.of(), null, Locale.ENGLISH, NOW);
	}

	static Turn command(Intent intent, String argument, String text) {
		return new Turn(intent, argument, text, null, null, List.of(), null, Locale.ENGLISH, NOW);
	}

	static Turn menu(int n) {
		return command(Intent.MENU, String.valueOf(n), String.valueOf(n));
	}

	static Turn answer(String text) {
		return report(text, Classification.unknown("no service matched"), null);
	}

	static Classification auto(String code) {
		return new Classification(Decision.AUTO, List.of(ranked(code, 0.97)), null);
	}

	static Classification ask(String... codes) {
		return new Classification(Decision.ASK, Stream.of(codes).map((c) -> ranked(c, 0.4)).toList(), "close call");
	}

	static RankedService ranked(String code, double confidence) {
		return new RankedService(CatalogService.of(code, SERVICES.getOrDefault(code, code)), confidence, confidence);
	}

	static LocationFinding usable(Place place) {
		return LocationFinding.usable(place);
	}

	// ---- states ---------------------------------------------------------------------

	static ConversationState state(Report report, Question pending) {
		return new ConversationState(report, pending);
	}

	static Report reportOf(String service, Place place) {
		Report report = Report.empty();
		report = (service != null) ? report.withService(service) : report;
		return (place != null) ? report.withPlace(place) : report;
	}

	static Question attributeQuestion(String code) {
		return new Question(Question.Kind.ATTRIBUTE, code, List.of(), 0, null);
	}

	static Question serviceMenu() {
		return new Question(Question.Kind.SERVICE, null,
				List.of("graffiti", "sign", "pothole", "missed-pickup", "abandoned-vehicle", "leaf-blower", "noise"), 0,
				null);
	}

	// ---- the table --------------------------------------------------------------------

	record Expect(TemplateKey reply, Question.Kind pending, Phase phase, Consumer<Outcome> more) {

	}

	static Expect expect(TemplateKey reply, Question.Kind pending, Phase phase) {
		return new Expect(reply, pending, phase, (outcome) -> {
		});
	}

	static Expect expect(TemplateKey reply, Question.Kind pending, Phase phase, Consumer<Outcome> more) {
		return new Expect(reply, pending, phase, more);
	}

	static Consumer<Outcome> submits(Consumer<Report> check) {
		return (outcome) -> assertThat(outcome.actions()).filteredOn(Outcome.Submit.class::isInstance)
			.singleElement()
			.satisfies((action) -> check.accept(((Outcome.Submit) action).report()));
	}

	static Consumer<Outcome> model(String variable, Object value) {
		return (outcome) -> assertThat(outcome.replies().get(0).model()).containsEntry(variable, value);
	}

	static Stream<Arguments> cases() {
		ConversationState empty = ConversationState.empty();
		Report graffitiHere = reportOf("graffiti", CENTRAL).withDuplicateChecked();
		Report vehicleHere = reportOf("abandoned-vehicle", CENTRAL).withDuplicateChecked();
		Report pickupHere = reportOf("missed-pickup", CENTRAL).withDuplicateChecked();
		Report blowerHere = reportOf("leaf-blower", CENTRAL).withDuplicateChecked();
		return Stream.of(
				Arguments.of("a complete report is submitted at once", empty,
						report("huge pothole at mass ave", auto("pothole"), usable(CENTRAL)), Catalog.noDuplicates(),
						expect(null, null, Phase.SUBMITTING, submits((r) -> assertThat(r.place()).isEqualTo(CENTRAL)))),
				Arguments.of("a sure service without a place asks where", empty,
						report("huge pothole", auto("pothole"), null), Catalog.noDuplicates(),
						expect(TemplateKey.ASK_LOCATION, Question.Kind.LOCATION, Phase.OPEN,
								model("serviceName", "Pothole"))),
				Arguments.of("an unsure service asks the menu, best candidates first, and keeps the place", empty,
						report("paint on a sign", ask("graffiti", "sign"), usable(CENTRAL)), Catalog.noDuplicates(),
						expect(TemplateKey.ASK_SERVICE, Question.Kind.SERVICE, Phase.OPEN, (o) -> {
							assertThat(o.replies().get(0).model()).containsEntry("options",
									List.of(new MenuOption(1, "Graffiti"), new MenuOption(2, "Damaged Sign"),
											new MenuOption(3, "Pothole")));
							assertThat(o.state().report().place()).isEqualTo(CENTRAL);
						})),
				Arguments.of("nothing understood asks the menu in catalog order", empty,
						report("hello", Classification.unknown("no service matched"), null), Catalog.noDuplicates(),
						expect(TemplateKey.ASK_SERVICE, Question.Kind.SERVICE, Phase.OPEN,
								model("options",
										List.of(new MenuOption(1, "Pothole"), new MenuOption(2, "Graffiti"),
												new MenuOption(3, "Damaged Sign"))))),
				Arguments.of("a menu answer with a known place waits for the duplicate check",
						state(reportOf(null, CENTRAL), serviceMenu()), menu(3), Catalog.unchecked(),
						expect(null, null, Phase.OPEN,
								(o) -> assertThat(o.pendingCheck())
									.isEqualTo(new Outcome.CheckDuplicates("pothole", CENTRAL)))),
				Arguments.of("a menu answer leads to the service's first question",
						state(reportOf(null, CENTRAL), serviceMenu()), menu(1), Catalog.noDuplicates(),
						expect(TemplateKey.ASK_ATTRIBUTE_SINGLE, Question.Kind.ATTRIBUTE, Phase.OPEN,
								model("question", "What is the graffiti on?"))),
				Arguments.of("0 shows the next page of services", state(Report.empty(), serviceMenu()), menu(0),
						Catalog.noDuplicates(),
						expect(TemplateKey.ASK_SERVICE, Question.Kind.SERVICE, Phase.OPEN,
								model("options", List.of(new MenuOption(1, "Missed Pickup"),
										new MenuOption(2, "Abandoned Vehicle"), new MenuOption(3, "Leaf Blower"))))),
				Arguments.of("a number off the menu asks again", state(Report.empty(), serviceMenu()), menu(7),
						Catalog.noDuplicates(), expect(TemplateKey.ASK_SERVICE, Question.Kind.SERVICE, Phase.OPEN)),
				Arguments.of("the service's name answers the menu", state(Report.empty(), serviceMenu()),
						answer("sign"), Catalog.noDuplicates(),
						expect(TemplateKey.ASK_LOCATION, Question.Kind.LOCATION, Phase.OPEN,
								model("serviceName", "Damaged Sign"))),
				Arguments.of("a place sent while asked for the service is kept", state(Report.empty(), serviceMenu()),
						report("at mass ave and prospect", Classification.unknown("no service"), usable(CENTRAL)),
						Catalog.noDuplicates(),
						expect(TemplateKey.ASK_SERVICE, Question.Kind.SERVICE, Phase.OPEN,
								(o) -> assertThat(o.state().report().place()).isEqualTo(CENTRAL))),
				Arguments.of("an uncertain place is confirmed first",
						state(reportOf("pothole", null), Question.of(Question.Kind.LOCATION)),
						report("10 elm st", null,
								new LocationFinding(LocationFinding.Verdict.PLAUSIBLE, ELM, "10 elm st", "near 14")),
						Catalog.noDuplicates(),
						expect(TemplateKey.CONFIRM_LOCATION, Question.Kind.CONFIRM_LOCATION, Phase.OPEN,
								model("place", "14 Elm St"))),
				Arguments.of("YES confirms the place and submits",
						state(reportOf("pothole", null).withProposed(ELM), Question.of(Question.Kind.CONFIRM_LOCATION)),
						command(Intent.YES, null, "yes"), Catalog.noDuplicates(),
						expect(null, null, Phase.SUBMITTING, submits((r) -> assertThat(r.place()).isEqualTo(ELM)))),
				Arguments.of("NO asks where instead",
						state(reportOf("pothole", null).withProposed(ELM), Question.of(Question.Kind.CONFIRM_LOCATION)),
						command(Intent.NO, null, "no"), Catalog.noDuplicates(),
						expect(TemplateKey.ASK_LOCATION, Question.Kind.LOCATION, Phase.OPEN)),
				Arguments
					.of("a place outside the city is refused with what was written",
							state(reportOf("pothole", null), Question.of(Question.Kind.LOCATION)),
							report("12 prospect st boston", null,
									new LocationFinding(LocationFinding.Verdict.OUTSIDE, null, "12 prospect st boston",
											"that looks like it is in Boston, outside Cambridge")),
							Catalog.noDuplicates(),
							expect(TemplateKey.LOCATION_OUTSIDE_CITY, Question.Kind.LOCATION, Phase.OPEN,
									model("place", "12 prospect st boston"))),
				Arguments.of("a place not found says so",
						state(reportOf("pothole", null), Question.of(Question.Kind.LOCATION)),
						report("nowhere st", null,
								new LocationFinding(LocationFinding.Verdict.NOT_FOUND, null, "nowhere st",
										"no street")),
						Catalog.noDuplicates(),
						expect(TemplateKey.LOCATION_NOT_FOUND, Question.Kind.LOCATION, Phase.OPEN)),
				Arguments.of("an answer without a place asks where again",
						state(reportOf("pothole", null), Question.of(Question.Kind.LOCATION)), answer("I don't know"),
						Catalog.noDuplicates(), expect(TemplateKey.ASK_LOCATION, Question.Kind.LOCATION, Phase.OPEN)),
				Arguments.of("an open request nearby is offered",
						state(reportOf("pothole", null), Question.of(Question.Kind.LOCATION)),
						report("mass ave", null, usable(CENTRAL)), Catalog.duplicate("1042"),
						expect(TemplateKey.DUPLICATE_OFFER, Question.Kind.DUPLICATE, Phase.OPEN,
								model("requestId", "1042"))),
				Arguments.of("1 follows the open request",
						state(reportOf("pothole", CENTRAL).withDuplicateChecked(),
								new Question(Question.Kind.DUPLICATE, null, List.of(), 0, "1042")),
						menu(1), Catalog.duplicate("1042"),
						expect(TemplateKey.DUPLICATE_FOLLOWED, null, Phase.FOLLOWING,
								(o) -> assertThat(o.actions()).contains(new Outcome.Follow("1042", "pothole")))),
				Arguments.of("2 reports a new one",
						state(reportOf("pothole", CENTRAL).withDuplicateChecked(),
								new Question(Question.Kind.DUPLICATE, null, List.of(), 0, "1042")),
						menu(2), Catalog.duplicate("1042"), expect(null, null, Phase.SUBMITTING, submits((r) -> {
						}))),
				Arguments.of("a list answer by number", state(graffitiHere, attributeQuestion("surface")), menu(2),
						Catalog.noDuplicates(),
						expect(null, null, Phase.SUBMITTING, submits(
								(r) -> assertThat(r.attributes()).containsEntry("surface", List.of("private"))))),
				Arguments.of("a list answer by the option's words", state(graffitiHere, attributeQuestion("surface")),
						answer("it's on a utility box or pole"), Catalog.noDuplicates(),
						expect(null, null, Phase.SUBMITTING, submits(
								(r) -> assertThat(r.attributes()).containsEntry("surface", List.of("utility"))))),
				Arguments.of("a list answer off the list asks again with the options",
						state(graffitiHere, attributeQuestion("surface")), menu(5), Catalog.noDuplicates(),
						expect(TemplateKey.INVALID_ANSWER_SINGLE, Question.Kind.ATTRIBUTE, Phase.OPEN)),
				Arguments.of("several choices", state(pickupHere, attributeQuestion("streams")), answer("1 and 3"),
						Catalog.noDuplicates(),
						expect(null, null, Phase.SUBMITTING,
								submits((r) -> assertThat(r.attributes()).containsEntry("streams",
										List.of("trash", "compost"))))),
				Arguments.of("a choice that is not offered", state(pickupHere, attributeQuestion("streams")),
						answer("1 5"), Catalog.noDuplicates(),
						expect(TemplateKey.INVALID_ANSWER_MULTI, Question.Kind.ATTRIBUTE, Phase.OPEN)),
				Arguments.of("text, then the next question", state(vehicleHere, attributeQuestion("vehicle")),
						answer("a blue honda with a flat tire"), Catalog.noDuplicates(),
						expect(TemplateKey.ASK_ATTRIBUTE_NUMBER, Question.Kind.ATTRIBUTE, Phase.OPEN)),
				Arguments.of("a number in words",
						state(vehicleHere.withAttribute("vehicle",
								List.of("blue honda")), attributeQuestion("days_parked")),
						answer("about three weeks"), Catalog.noDuplicates(),
						expect(null, null, Phase.SUBMITTING, submits(
								(r) -> assertThat(r.attributes()).containsEntry("days_parked", List.of("21"))))),
				Arguments.of("not a number asks again",
						state(vehicleHere.withAttribute("vehicle", List.of("blue honda")),
								attributeQuestion("days_parked")),
						answer("a while"), Catalog.noDuplicates(),
						expect(TemplateKey.INVALID_ANSWER_NUMBER, Question.Kind.ATTRIBUTE, Phase.OPEN)),
				Arguments.of("a date and time in the city's zone", state(blowerHere, attributeQuestion("observed_at")),
						answer("yesterday 7:30am"), Catalog.noDuplicates(),
						expect(null, null, Phase.SUBMITTING,
								submits((r) -> assertThat(r.attributes()).containsEntry("observed_at",
										List.of("2026-03-13T07:30:00-04:00"))))),
				Arguments.of("not a date asks again with an example",
						state(blowerHere, attributeQuestion("observed_at")), answer("dunno"), Catalog.noDuplicates(),
						expect(TemplateKey.INVALID_ANSWER_DATETIME, Question.Kind.ATTRIBUTE, Phase.OPEN)),
				Arguments.of("a string answer too long is refused",
						state(reportOf("noise", CENTRAL).withDuplicateChecked(), attributeQuestion("source")),
						answer("x".repeat(201)), Catalog.noDuplicates(),
						expect(TemplateKey.INVALID_ANSWER_TEXT, Question.Kind.ATTRIBUTE, Phase.OPEN,
								model("maxLength", 200))),
				Arguments.of("CANCEL drops the report",
						state(reportOf("pothole", null), Question.of(Question.Kind.LOCATION)),
						command(Intent.CANCEL, null, "cancelar"), Catalog.noDuplicates(),
						expect(TemplateKey.CANCEL_CONFIRMATION, null, Phase.CANCELLED,
								model("serviceName", "Pothole"))),
				Arguments.of("thanks while a question waits asks it again",
						state(reportOf("pothole", null), Question.of(Question.Kind.LOCATION)),
						command(Intent.THANKS, null, "thanks"), Catalog.noDuplicates(),
						expect(TemplateKey.ASK_LOCATION, Question.Kind.LOCATION, Phase.OPEN)),
				Arguments.of("YES without a question says nothing", empty, command(Intent.YES, null, "ok"),
						Catalog.noDuplicates(),
						expect(null, null, Phase.OPEN, (o) -> assertThat(o.actions()).isEmpty())),
				Arguments.of("a number without a question gets help", empty, menu(3), Catalog.noDuplicates(),
						expect(TemplateKey.HELP, null, Phase.OPEN)),
				Arguments.of("a refused photo is explained before the question", empty, new Turn(Intent.REPORT, null,
						"", Classification.unknown("empty"), null, List.of(), Turn.MEDIA_TOO_BIG, Locale.ENGLISH, NOW),
						Catalog.noDuplicates(),
						expect(TemplateKey.MEDIA_REJECTED_TOO_BIG, Question.Kind.SERVICE, Phase.OPEN,
								(o) -> assertThat(o.replies()).extracting(Outcome.Reply::key)
									.containsExactly(TemplateKey.MEDIA_REJECTED_TOO_BIG, TemplateKey.ASK_SERVICE))),
				Arguments.of("photos are kept for the report",
						state(reportOf("pothole", null), Question.of(Question.Kind.LOCATION)),
						new Turn(Intent.REPORT, null, "", null, usable(CENTRAL), List.of("photo-1"), null,
								Locale.ENGLISH, NOW),
						Catalog.noDuplicates(), expect(null, null, Phase.SUBMITTING,
								submits((r) -> assertThat(r.mediaIds()).containsExactly("photo-1")))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void decides(String name, ConversationState given, Turn turn, Knowledge knowledge, Expect expected) {
		Outcome outcome = dialog.decide(given, turn, knowledge);
		if (expected.reply() != null) {
			assertThat(outcome.replies()).isNotEmpty();
			assertThat(outcome.replies().get(0).key()).isEqualTo(expected.reply());
		}
		else {
			assertThat(outcome.replies()).isEmpty();
		}
		assertThat((outcome.state().pending() != null) ? outcome.state().pending().kind() : null)
			.isEqualTo(expected.pending());
		assertThat(outcome.phase()).isEqualTo(expected.phase());
		expected.more().accept(outcome);
	}

}
