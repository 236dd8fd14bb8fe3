package org.frontdoor.gateway.conversation;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.frontdoor.gateway.open311.AttributeValue;
import org.frontdoor.gateway.open311.ServiceAttribute;
import org.frontdoor.nlp.classify.Classification;
import org.frontdoor.nlp.classify.Decision;
import org.frontdoor.nlp.classify.RankedService;
import org.frontdoor.nlp.intent.Intent;
import org.frontdoor.templates.MenuOption;
import org.frontdoor.templates.TemplateKey;

/**
 * The intake dialog (blueprint §4) as a pure function: given what a conversation knows
 * and one message, what it knows next, what it asks, and whether to submit. No I/O: the
 * catalog and the duplicate check come through {@link Knowledge}, and the engine applies
 * the {@link Outcome} in one transaction.
 * <p>
 * The order of questions is: which service (a numbered menu of the likely services, "0"
 * for more), where (or "did you mean X?" for an uncertain place, or why the last place
 * could not be used), then a look for open requests of that service nearby (offer to
 * follow one: 1, or report a new one: 2), then one question per required attribute. When
 * nothing is missing it submits at once. Exactly one question is asked per message; a
 * resident may answer out of order (a location while asked for the service, a photo at
 * any time): whatever is usable is kept.
 */
public final class Dialog {

	/** The most list options on one page (SMS and WhatsApp show at most 9 lines). */
	static final int LIST_PAGE = 8;

	/** The "more choices" number of a paged list. */
	static final int MORE = 9;

	/** Menu number of "something else" in the service menu. */
	static final int SOMETHING_ELSE = 0;

	/** The longest answer to a {@code string} attribute. */
	static final int MAX_STRING = 200;

	/** The longest answer to a {@code text} attribute. */
	static final int MAX_TEXT = 2000;

	private final int menuSize;

	private final ZoneId zone;

	/**
	 * A dialog.
	 * @param menuSize how many services one menu page offers (1–8)
	 * @param zone the city's time zone (dates residents write)
	 */
	public Dialog(int menuSize, ZoneId zone) {
		this.menuSize = Math.max(1, Math.min(LIST_PAGE, menuSize));
		this.zone = zone;
	}

	/**
	 * Decide what one message changes.
	 * @param state the conversation so far (an empty state for a new one)
	 * @param turn the message
	 * @param knowledge the catalog and duplicate checks
	 * @return the decision
	 */
	public Outcome decide(ConversationState state, Turn turn, Knowledge knowledge) {
		Report report = state.report().withMedia(turn.mediaIds());
		Question pending = state.pending();
		List<Outcome.Action> said = new ArrayList<>();
		if (turn.mediaProblem() != null) {
			said.add(new Outcome.Reply(Turn.MEDIA_TOO_BIG.equals(turn.mediaProblem())
					? TemplateKey.MEDIA_REJECTED_TOO_BIG : TemplateKey.MEDIA_REJECTED_TYPE, Map.of()));
		}
		switch (turn.command()) {
			case CANCEL -> {
				Map<String, Object> model = new HashMap<>();
				serviceName(report, knowledge).ifPresent((name) -> model.put("serviceName", name));
				said.add(new Outcome.Reply(TemplateKey.CANCEL_CONFIRMATION, model));
				return new Outcome(new ConversationState(report, null), Phase.CANCELLED, said, "cancelled");
			}
			case THANKS -> {
				if (pending == null) {
					said.add(new Outcome.Reply(TemplateKey.THANKS_REPLY, Map.of()));
					return new Outcome(new ConversationState(report, null), Phase.OPEN, said, "thanked");
				}
				said.add(ask(pending, report, knowledge));
				return new Outcome(new ConversationState(report, pending), Phase.OPEN, said, "thanked; asked again");
			}
			case YES, NO, MENU -> {
				if (pending == null) {
					if (turn.command() == Intent.MENU) {
						said.add(new Outcome.Reply(TemplateKey.HELP, Map.of()));
					}
					return new Outcome(new ConversationState(report, null), Phase.OPEN, said,
							"an answer without a question");
				}
			}
			default -> {
			}
		}
		if (pending == null) {
			return next(absorb(report, turn, knowledge, true), said, knowledge);
		}
		return answer(pending, report, turn, knowledge, said);
	}

	/**
	 * The question a conversation is waiting for, asked again (after a language switch,
	 * or an unreadable answer).
	 * @param state the conversation
	 * @param knowledge the catalog
	 * @return the reply, or empty when nothing is pending
	 */
	public Optional<Outcome.Reply> reask(ConversationState state, Knowledge knowledge) {
		return Optional.ofNullable(state.pending()).map((q) -> ask(q, state.report(), knowledge));
	}

	private Outcome answer(Question pending, Report report, Turn turn, Knowledge knowledge, List<Outcome.Action> said) {
		return switch (pending.kind()) {
			case SERVICE -> answerService(pending, report, turn, knowledge, said);
			case LOCATION -> answerLocation(pending, report, turn, knowledge, said);
			case CONFIRM_LOCATION -> {
				Place proposed = report.proposed();
				if (turn.command() == Intent.YES && proposed != null) {
					yield next(report.withPlace(proposed), said, knowledge);
				}
				if (turn.command() == Intent.NO) {
					Report withoutProposal = report.withProposed(null);
					said.add(ask(Question.of(Question.Kind.LOCATION), withoutProposal, knowledge));
					yield new Outcome(new ConversationState(withoutProposal, Question.of(Question.Kind.LOCATION)),
							Phase.OPEN, said, "location not confirmed");
				}
				yield answerLocation(pending, report, turn, knowledge, said);
			}
			case ATTRIBUTE -> answerAttribute(pending, report, turn, knowledge, said);
			case DUPLICATE -> {
				int n = turn.menuNumber();
				if (n == 1 || turn.command() == Intent.YES) {
					Report followed = report.withFollowed(pending.requestId());
					Map<String, Object> model = new HashMap<>();
					model.put("requestId", pending.requestId());
					serviceName(report, knowledge).ifPresent((name) -> model.put("serviceName", name));
					said.add(new Outcome.Follow(pending.requestId(), report.serviceCode()));
					said.add(new Outcome.Reply(TemplateKey.DUPLICATE_FOLLOWED, model));
					yield new Outcome(new ConversationState(followed, null), Phase.FOLLOWING, said,
							"follows #" + pending.requestId());
				}
				if (n == 2 || turn.command() == Intent.NO) {
					yield next(report, said, knowledge);
				}
				yield again(pending, absorb(report, turn, knowledge, false), knowledge, said, "not 1 or 2");
			}
		};
	}

	private Outcome answerService(Question pending, Report report, Turn turn, Knowledge knowledge,
			List<Outcome.Action> said) {
		int n = turn.menuNumber();
		List<String> page = page(pending.options(), pending.page(), this.menuSize);
		if (n == SOMETHING_ELSE) {
			int pages = Math.max(1, (pending.options().size() + this.menuSize - 1) / this.menuSize);
			Question next = pending.onPage((pending.page() + 1) % pages);
			said.add(ask(next, report, knowledge));
			return new Outcome(new ConversationState(report, next), Phase.OPEN, said, "asked for more services");
		}
		if (n >= 1 && n <= page.size()) {
			return next(report.withService(page.get(n - 1)), said, knowledge);
		}
		if (n < 0 && !turn.text().isEmpty()) {
			List<Answers.Option> shown = new ArrayList<>();
			page.forEach((code) -> shown.add(new Answers.Option(code, knowledge.serviceName(code).orElse(code))));
			Optional<String> named = Answers.choice(turn.text(), List.of(), shown);
			if (named.isPresent()) {
				return next(report.withService(named.get()), said, knowledge);
			}
		}
		Report absorbed = absorb(report, turn, knowledge, n < 0);
		if (absorbed.serviceCode() != null) {
			return next(absorbed, said, knowledge);
		}
		if (!absorbed.candidates().equals(report.candidates())) {
			return next(absorbed, said, knowledge);
		}
		return again(pending, absorbed, knowledge, said, "not a menu choice");
	}

	private Outcome answerLocation(Question pending, Report report, Turn turn, Knowledge knowledge,
			List<Outcome.Action> said) {
		LocationFinding finding = turn.location();
		if (finding == null) {
			return again(pending, report, knowledge, said, "no location in the answer");
		}
		return next(withLocation(report.withProposed(null), finding), said, knowledge);
	}

	private Outcome answerAttribute(Question pending, Report report, Turn turn, Knowledge knowledge,
			List<Outcome.Action> said) {
		Optional<ServiceAttribute> found = (report.serviceCode() != null)
				? knowledge.attribute(report.serviceCode(), pending.attribute()) : Optional.empty();
		if (found.isEmpty()) {
			return next(report, said, knowledge);
		}
		ServiceAttribute attribute = found.get();
		if (turn.text().isEmpty()) {
			return again(pending, report, knowledge, said, "no words in the answer");
		}
		List<Answers.Option> all = options(attribute);
		String text = turn.text();
		switch (attribute.datatype()) {
			case SINGLEVALUELIST -> {
				boolean paged = all.size() > MORE;
				List<Answers.Option> shown = paged ? pageOf(all, pending.page(), LIST_PAGE) : all;
				if (paged && turn.menuNumber() == MORE) {
					int pages = (all.size() + LIST_PAGE - 1) / LIST_PAGE;
					Question next = pending.onPage((pending.page() + 1) % pages);
					said.add(ask(next, report, knowledge));
					return new Outcome(new ConversationState(report, next), Phase.OPEN, said, "more choices");
				}
				Optional<String> key = Answers.choice(text, shown, all);
				if (key.isEmpty()) {
					return invalid(pending, report, attribute, knowledge, said);
				}
				return next(report.withAttribute(attribute.code(), List.of(key.get())), said, knowledge);
			}
			case MULTIVALUELIST -> {
				Optional<List<String>> keys = Answers.choices(text, all.subList(0, Math.min(MORE, all.size())));
				if (keys.isEmpty()) {
					return invalid(pending, report, attribute, knowledge, said);
				}
				return next(report.withAttribute(attribute.code(), keys.get()), said, knowledge);
			}
			case NUMBER -> {
				Optional<String> number = Answers.number(text);
				if (number.isEmpty()) {
					return invalid(pending, report, attribute, knowledge, said);
				}
				return next(report.withAttribute(attribute.code(), List.of(number.get())), said, knowledge);
			}
			case DATETIME -> {
				Optional<String> when = Answers.dateTime(text, this.zone, turn.locale(), turn.at());
				if (when.isEmpty()) {
					return invalid(pending, report, attribute, knowledge, said);
				}
				return next(report.withAttribute(attribute.code(), List.of(when.get())), said, knowledge);
			}
			default -> {
				int max = maxLength(attribute);
				String value = (attribute.datatype() == ServiceAttribute.Datatype.TEXT) ? text
						: text.replaceAll("\\s+", " ");
				if (value.length() > max) {
					return invalid(pending, report, attribute, knowledge, said);
				}
				return next(report.withAttribute(attribute.code(), List.of(value)), said, knowledge);
			}
		}
	}

	/**
	 * Keep what a message offers beyond the question asked: a service when none is known
	 * yet, a location when none is known yet, and (for a report) its words.
	 */
	private Report absorb(Report report, Turn turn, Knowledge knowledge, boolean describes) {
		Report r = report;
		Classification classification = turn.classification();
		if (r.serviceCode() == null && classification != null) {
			List<String> ranked = classification.ranked()
				.stream()
				.map(RankedService::service)
				.map((service) -> service.code())
				.filter((code) -> knowledge.serviceName(code).isPresent())
				.toList();
			if (classification.decision() == Decision.AUTO && !ranked.isEmpty()) {
				r = r.withService(ranked.get(0));
			}
			else if (!ranked.isEmpty()) {
				r = r.withCandidates(ranked);
			}
		}
		if (r.place() == null && turn.location() != null) {
			r = withLocation(r, turn.location());
		}
		if (describes && turn.command() == Intent.REPORT) {
			r = r.withMoreDescription(turn.text());
		}
		return r;
	}

	private static Report withLocation(Report report, LocationFinding finding) {
		return switch (finding.verdict()) {
			case USABLE -> report.withPlace(finding.place());
			case PLAUSIBLE -> report.withProposed(finding.place());
			case OUTSIDE ->
				report.withLocationProblem(new Report.LocationProblem(true, finding.written(), finding.reason()));
			case NOT_FOUND ->
				report.withLocationProblem(new Report.LocationProblem(false, finding.written(), finding.reason()));
		};
	}

	/** Ask the next missing thing, or submit. */
	private Outcome next(Report report, List<Outcome.Action> said, Knowledge knowledge) {
		if (report.serviceCode() == null) {
			Question menu = new Question(Question.Kind.SERVICE, null, menuOptions(report, knowledge), 0, null);
			said.add(ask(menu, report, knowledge));
			return new Outcome(new ConversationState(report, menu), Phase.OPEN, said, "asked which service");
		}
		if (report.place() == null) {
			Question question = Question
				.of((report.proposed() != null) ? Question.Kind.CONFIRM_LOCATION : Question.Kind.LOCATION);
			said.add(ask(question, report, knowledge));
			Report asked = (report.locationProblem() != null) ? report.withLocationProblem(null) : report;
			String note = (report.locationProblem() != null) ? (report.locationProblem().outside()
					? "location outside the city" : "location not found")
					+ ((report.locationProblem().reason() != null) ? ": " + report.locationProblem().reason() : "")
					: "asked where";
			return new Outcome(new ConversationState(asked, question), Phase.OPEN, said, note);
		}
		if (!report.duplicateChecked()) {
			DuplicateCheck check = knowledge.duplicates(report.serviceCode(), report.place());
			if (check == null) {
				return new Outcome(new ConversationState(report, null), Phase.OPEN,
						List.of(new Outcome.CheckDuplicates(report.serviceCode(), report.place())),
						"needs a duplicate check");
			}
			Report checked = report.withDuplicateChecked();
			if (check.requestId() != null) {
				Question offer = new Question(Question.Kind.DUPLICATE, null, List.of(), 0, check.requestId());
				Map<String, Object> model = new HashMap<>();
				model.put("requestId", check.requestId());
				serviceName(report, knowledge).ifPresent((name) -> model.put("serviceName", name));
				String near = (check.address() != null) ? check.address() : report.place().address();
				if (near != null) {
					model.put("place", near);
				}
				said.add(new Outcome.Reply(TemplateKey.DUPLICATE_OFFER, model));
				return new Outcome(new ConversationState(checked, offer), Phase.OPEN, said,
						"offered to follow #" + check.requestId() + " (" + Math.round(check.distanceMeters()) + " m)");
			}
			report = checked;
		}
		for (ServiceAttribute attribute : knowledge.questions(report.serviceCode())) {
			if (!report.attributes().containsKey(attribute.code())) {
				Question question = new Question(Question.Kind.ATTRIBUTE, attribute.code(), List.of(), 0, null);
				said.add(ask(question, report, knowledge));
				return new Outcome(new ConversationState(report, question), Phase.OPEN, said,
						"asked " + attribute.code());
			}
		}
		said.add(new Outcome.Submit(report));
		return new Outcome(new ConversationState(report, null), Phase.SUBMITTING, said, "submitted");
	}

	private Outcome again(Question pending, Report report, Knowledge knowledge, List<Outcome.Action> said, String why) {
		said.add(ask(pending, report, knowledge));
		return new Outcome(new ConversationState(report, pending), Phase.OPEN, said, "asked again: " + why);
	}

	private Outcome invalid(Question pending, Report report, ServiceAttribute attribute, Knowledge knowledge,
			List<Outcome.Action> said) {
		Map<String, Object> model = new HashMap<>();
		TemplateKey key = switch (attribute.datatype()) {
			case SINGLEVALUELIST -> {
				listModel(model, options(attribute), pending.page());
				yield TemplateKey.INVALID_ANSWER_SINGLE;
			}
			case MULTIVALUELIST -> {
				model.put("options", numbered(options(attribute), 0, MORE));
				yield TemplateKey.INVALID_ANSWER_MULTI;
			}
			case NUMBER -> TemplateKey.INVALID_ANSWER_NUMBER;
			case DATETIME -> TemplateKey.INVALID_ANSWER_DATETIME;
			default -> {
				model.put("maxLength", maxLength(attribute));
				yield TemplateKey.INVALID_ANSWER_TEXT;
			}
		};
		said.add(new Outcome.Reply(key, model));
		return new Outcome(new ConversationState(report, pending), Phase.OPEN, said,
				"invalid answer to " + attribute.code());
	}

	/** The reply that asks a question. */
	private Outcome.Reply ask(Question question, Report report, Knowledge knowledge) {
		Map<String, Object> model = new HashMap<>();
		Optional<String> serviceName = serviceName(report, knowledge);
		return switch (question.kind()) {
			case SERVICE -> {
				List<String> page = page(question.options(), question.page(), this.menuSize);
				List<MenuOption> options = new ArrayList<>();
				for (int i = 0; i < page.size(); i++) {
					options.add(new MenuOption(i + 1, knowledge.serviceName(page.get(i)).orElse(page.get(i))));
				}
				model.put("options", options);
				yield new Outcome.Reply(TemplateKey.ASK_SERVICE, model);
			}
			case LOCATION -> {
				Report.LocationProblem problem = report.locationProblem();
				if (problem != null) {
					if (problem.written() != null) {
						model.put("place", problem.written());
					}
					yield new Outcome.Reply(
							problem.outside() ? TemplateKey.LOCATION_OUTSIDE_CITY : TemplateKey.LOCATION_NOT_FOUND,
							model);
				}
				serviceName.ifPresent((name) -> model.put("serviceName", name));
				yield new Outcome.Reply(TemplateKey.ASK_LOCATION, model);
			}
			case CONFIRM_LOCATION -> {
				Place proposed = report.proposed();
				if (proposed == null) {
					yield ask(Question.of(Question.Kind.LOCATION), report, knowledge);
				}
				model.put("place", (proposed.address() != null) ? proposed.address()
						: String.format(java.util.Locale.ROOT, "%.5f, %.5f", proposed.lat(), proposed.lon()));
				yield new Outcome.Reply(TemplateKey.CONFIRM_LOCATION, model);
			}
			case DUPLICATE -> {
				model.put("requestId", question.requestId());
				serviceName.ifPresent((name) -> model.put("serviceName", name));
				if (report.place() != null && report.place().address() != null) {
					model.put("place", report.place().address());
				}
				yield new Outcome.Reply(TemplateKey.DUPLICATE_OFFER, model);
			}
			case ATTRIBUTE -> askAttribute(question, report, knowledge, model, serviceName);
		};
	}

	private Outcome.Reply askAttribute(Question question, Report report, Knowledge knowledge, Map<String, Object> model,
			Optional<String> serviceName) {
		Optional<ServiceAttribute> found = knowledge.attribute(report.serviceCode(), question.attribute());
		if (found.isEmpty()) {
			return new Outcome.Reply(TemplateKey.HELP, Map.of());
		}
		ServiceAttribute attribute = found.get();
		serviceName.ifPresent((name) -> model.put("serviceName", name));
		model.put("question", questionText(attribute));
		TemplateKey key = switch (attribute.datatype()) {
			case SINGLEVALUELIST -> {
				listModel(model, options(attribute), question.page());
				yield TemplateKey.ASK_ATTRIBUTE_SINGLE;
			}
			case MULTIVALUELIST -> {
				model.put("options", numbered(options(attribute), 0, MORE));
				yield TemplateKey.ASK_ATTRIBUTE_MULTI;
			}
			case NUMBER -> TemplateKey.ASK_ATTRIBUTE_NUMBER;
			case DATETIME -> TemplateKey.ASK_ATTRIBUTE_DATETIME;
			default -> {
				model.put("maxLength", maxLength(attribute));
				yield TemplateKey.ASK_ATTRIBUTE_TEXT;
			}
		};
		return new Outcome.Reply(key, model);
	}

	private static void listModel(Map<String, Object> model, List<Answers.Option> all, int page) {
		if (all.size() > MORE) {
			model.put("options", numbered(pageOf(all, page, LIST_PAGE), 0, LIST_PAGE));
			model.put("moreNumber", MORE);
		}
		else {
			model.put("options", numbered(all, 0, MORE));
		}
	}

	private static List<MenuOption> numbered(List<Answers.Option> options, int from, int max) {
		List<MenuOption> numbered = new ArrayList<>();
		for (int i = from; i < options.size() && numbered.size() < max; i++) {
			numbered.add(new MenuOption(numbered.size() + 1, options.get(i).name()));
		}
		return numbered;
	}

	private static String questionText(ServiceAttribute attribute) {
		if (attribute.description() != null && !attribute.description().isBlank()) {
			return attribute.description();
		}
		if (attribute.datatypeDescription() != null && !attribute.datatypeDescription().isBlank()) {
			return attribute.datatypeDescription();
		}
		return attribute.code().replace('_', ' ');
	}

	private static int maxLength(ServiceAttribute attribute) {
		return (attribute.datatype() == ServiceAttribute.Datatype.TEXT) ? MAX_TEXT : MAX_STRING;
	}

	private static List<Answers.Option> options(ServiceAttribute attribute) {
		List<Answers.Option> options = new ArrayList<>();
		for (AttributeValue value : attribute.values()) {
			options.add(new Answers.Option(value.key(), (value.name() != null) ? value.name() : value.key()));
		}
		return options;
	}

	/** The menu: the classifier's candidates first, then the rest of the catalog. */
	private static List<String> menuOptions(Report report, Knowledge knowledge) {
		Set<String> codes = new LinkedHashSet<>(report.candidates());
		codes.addAll(knowledge.serviceCodes());
		return List.copyOf(codes);
	}

	private static <T> List<T> page(List<T> all, int page, int size) {
		return pageOf(all, page, size);
	}

	private static <T> List<T> pageOf(List<T> all, int page, int size) {
		int from = Math.min(all.size(), page * size);
		return all.subList(from, Math.min(all.size(), from + size));
	}

	private static Optional<String> serviceName(Report report, Knowledge knowledge) {
		return (report.serviceCode() != null) ? knowledge.serviceName(report.serviceCode()) : Optional.empty();
	}

}
