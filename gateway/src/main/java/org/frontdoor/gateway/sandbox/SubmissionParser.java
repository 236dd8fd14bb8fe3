package org.frontdoor.gateway.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;

/**
 * Reads and validates the form parameters of {@code POST requests} the way the GeoReport
 * v2 spec describes them, collecting every problem so a client can fix them all at once.
 * <p>
 * Checks, in order (the first two stop at once): {@code api_key} ({@code 403}), then
 * {@code jurisdiction_id} and {@code service_code} ({@code 400} when missing, {@code 404}
 * when unknown), then everything else ({@code 400}, all problems in one answer): a
 * location ({@code lat}+{@code long}, {@code address_string} or {@code address_id}),
 * coordinates that are numbers on the globe, the service's required attributes, each
 * attribute value against its datatype (list keys, numbers, ISO 8601 date/times, no line
 * breaks in a {@code string}), no attribute the service does not define, and length
 * limits ({@code description} 4,000 characters).
 * <p>
 * Empty parameters count as absent (the spec's "optional argument" rule).
 */
final class SubmissionParser {

	private static final Pattern ATTRIBUTE = Pattern.compile("^attribute\\[([^\\[\\]]+)\\](\\[\\])?$");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern WEB_URL = Pattern.compile("^https?://[^\\s/?#]+[^\\s]*$", Pattern.CASE_INSENSITIVE);

	/** Longest value per parameter (besides {@code description}, which is configured). */
	private static final Map<String, Integer> MAX_LENGTH = Map.of("address_string", 1000, "address_id", 255, "email",
			254, "device_id", 255, "account_id", 255, "first_name", 255, "last_name", 255, "phone", 64, "media_url",
			2000);

	/**
	 * Longest attribute value per attribute code (others: {@link #MAX_ATTRIBUTE_LENGTH}).
	 */
	private static final Map<String, Integer> MAX_ATTRIBUTE_LENGTHS = Map.of(SandboxCatalog.EXTERNAL_ID, 255);

	private static final int MAX_ATTRIBUTE_LENGTH = 4000;

	/** Single-valued parameters a client must not repeat. */
	private static final List<String> SINGLE = List.of("api_key", "jurisdiction_id", "service_code", "lat", "long",
			"address_string", "address_id", "email", "device_id", "account_id", "first_name", "last_name", "phone",
			"description", "media_url");

	private final SandboxCatalog catalog;

	private final SandboxProperties properties;

	SubmissionParser(SandboxCatalog catalog, SandboxProperties properties) {
		this.catalog = catalog;
		this.properties = properties;
	}

	/**
	 * Validate a submission.
	 * @param params the form (or multipart text) parameters, query parameters included
	 * @return the submission, or the refusal with its status and every problem found
	 */
	Result parse(MultiValueMap<String, String> params) {
		Form form = new Form(params);
		Optional<Result> refused = checkApiKey(form.get("api_key")).or(() -> checkJurisdiction(form))
			.or(() -> checkServiceCode(form.get("service_code")));
		if (refused.isPresent()) {
			return refused.get();
		}
		SandboxService service = this.catalog.service(form.get("service_code")).orElseThrow();
		List<String> problems = new ArrayList<>();
		for (String name : SINGLE) {
			if (form.count(name) > 1) {
				problems.add(name + ": sent more than once");
			}
		}
		Double lat = coordinate(form, "lat", 90, problems);
		Double lon = coordinate(form, "long", 180, problems);
		boolean hasLat = form.get("lat") != null;
		boolean hasLong = form.get("long") != null;
		if (hasLat != hasLong) {
			problems.add((hasLat ? "long" : "lat") + ": lat and long must be sent together");
		}
		if (!hasLat && !hasLong && form.get("address_string") == null && form.get("address_id") == null) {
			problems.add("location: send lat and long, address_string or address_id");
		}
		MAX_LENGTH.forEach((name, max) -> checkLength(name, form.get(name), max, problems));
		checkLength("description", form.get("description"), this.properties.maxDescriptionLength(), problems);
		if (form.get("email") != null && !EMAIL.matcher(form.get("email")).matches()) {
			problems.add("email: not an email address");
		}
		if (form.get("media_url") != null && !WEB_URL.matcher(form.get("media_url")).matches()) {
			problems.add("media_url: not an http(s) URL");
		}
		Map<String, List<String>> attributes = attributes(service, form, problems);
		if (!problems.isEmpty()) {
			return new Invalid(HttpStatus.BAD_REQUEST, problems);
		}
		return new Valid(new Submission(service, lat, lon, form.get("address_string"), form.get("address_id"),
				form.get("email"), form.get("device_id"), form.get("account_id"), form.get("first_name"),
				form.get("last_name"), form.get("phone"), form.get("description"), form.get("media_url"), attributes));
	}

	private Optional<Result> checkApiKey(String apiKey) {
		if (apiKey == null) {
			return Optional.of(new Invalid(HttpStatus.FORBIDDEN,
					List.of("api_key: missing -- POST requests needs the sandbox api_key")));
		}
		byte[] given = apiKey.getBytes(StandardCharsets.UTF_8);
		boolean known = false;
		for (String key : this.properties.apiKeys()) {
			known |= MessageDigest.isEqual(given, key.getBytes(StandardCharsets.UTF_8));
		}
		return known ? Optional.empty() : Optional.of(new Invalid(HttpStatus.FORBIDDEN,
				List.of("api_key: invalid api_key received -- can't proceed with create_request")));
	}

	private Optional<Result> checkJurisdiction(Form form) {
		return jurisdictionProblem(form.get("jurisdiction_id"), this.properties)
			.map((problem) -> new Invalid(HttpStatus.NOT_FOUND, List.of(problem)));
	}

	/**
	 * Whether a {@code jurisdiction_id} is one this server answers to.
	 * @param jurisdictionId what the client sent, or {@code null}
	 * @param properties the sandbox configuration
	 * @return the problem ({@code 404}), or empty when acceptable
	 */
	static Optional<String> jurisdictionProblem(String jurisdictionId, SandboxProperties properties) {
		String configured = properties.jurisdictionId();
		if (!StringUtils.hasText(jurisdictionId) || !StringUtils.hasText(configured)
				|| configured.equalsIgnoreCase(jurisdictionId.trim())) {
			return Optional.empty();
		}
		return Optional.of("jurisdiction_id: " + Problems.quote(jurisdictionId) + " not found (this server is "
				+ configured + ")");
	}

	private Optional<Result> checkServiceCode(String code) {
		if (code == null) {
			return Optional.of(new Invalid(HttpStatus.BAD_REQUEST, List.of("service_code: required")));
		}
		if (this.catalog.service(code).isEmpty()) {
			return Optional.of(new Invalid(HttpStatus.NOT_FOUND,
					List.of("service_code: " + Problems.quote(code) + " not found (see services.json)")));
		}
		return Optional.empty();
	}

	private static Double coordinate(Form form, String name, double bound, List<String> problems) {
		String text = form.get(name);
		if (text == null) {
			return null;
		}
		double value;
		try {
			value = Double.parseDouble(text.trim());
		}
		catch (NumberFormatException ex) {
			problems.add(name + ": " + Problems.quote(text) + " is not a number");
			return null;
		}
		if (!Double.isFinite(value) || value < -bound || value > bound) {
			problems.add(name + ": must be between -" + (int) bound + " and " + (int) bound + " (WGS84 degrees)");
			return null;
		}
		return value;
	}

	private static void checkLength(String name, String value, int max, List<String> problems) {
		if (value != null && value.codePointCount(0, value.length()) > max) {
			problems.add(name + ": " + String.format("%,d", max) + " characters at most (got "
					+ String.format("%,d", value.codePointCount(0, value.length())) + ")");
		}
	}

	private Map<String, List<String>> attributes(SandboxService service, Form form, List<String> problems) {
		Map<String, List<String>> submitted = new LinkedHashMap<>();
		for (Map.Entry<String, List<String>> param : form.params().entrySet()) {
			Matcher matcher = ATTRIBUTE.matcher(param.getKey());
			if (matcher.matches()) {
				List<String> values = submitted.computeIfAbsent(matcher.group(1), (code) -> new ArrayList<>());
				param.getValue().stream().filter(StringUtils::hasText).forEach(values::add);
			}
		}
		List<AttributeDefinition> definitions = this.catalog.attributes(service.code());
		for (String code : submitted.keySet()) {
			if (definitions.stream().noneMatch((definition) -> definition.code().equals(code))) {
				problems.add("attribute[" + code + "]: not an attribute of service " + service.code()
						+ " (see services/" + service.code() + ".json)");
			}
		}
		Map<String, List<String>> accepted = new LinkedHashMap<>();
		for (AttributeDefinition definition : definitions) {
			List<String> values = submitted.getOrDefault(definition.code(), List.of());
			if (values.isEmpty()) {
				if (definition.required()) {
					problems.add(definition.parameter() + ": required (" + definition.description() + ")");
				}
				continue;
			}
			if (values.size() > 1 && !definition.datatype().isMultiValued()) {
				problems.add(
						definition.parameter() + ": only one value allowed for a " + definition.datatype().wireValue());
				continue;
			}
			int max = MAX_ATTRIBUTE_LENGTHS.getOrDefault(definition.code(), MAX_ATTRIBUTE_LENGTH);
			int before = problems.size();
			for (String value : values) {
				checkLength(definition.parameter(), value, max, problems);
				definition.datatype()
					.problem(value, definition)
					.ifPresent((problem) -> problems.add(definition.parameter() + ": " + problem));
			}
			if (problems.size() == before) {
				accepted.put(definition.code(), values);
			}
		}
		return accepted;
	}

	/** What {@link #parse} made of a submission. */
	sealed interface Result permits Valid, Invalid {

	}

	/**
	 * A submission to store.
	 *
	 * @param submission it
	 */
	record Valid(Submission submission) implements Result {

	}

	/**
	 * A refused submission.
	 *
	 * @param status {@code 400}, {@code 403} or {@code 404}
	 * @param problems every problem found, each starting with its parameter
	 */
	record Invalid(HttpStatus status, List<String> problems) implements Result {

		Invalid {
			problems = List.copyOf(problems);
		}

		/**
		 * The refusal as an error answer.
		 * @return the exception the controller turns into a GeoReport error list
		 */
		GeoReportException toException() {
			return new GeoReportException(this.status, this.problems);
		}

	}

	/** The parameters, blank values dropped. */
	private record Form(MultiValueMap<String, String> params) {

		String get(String name) {
			List<String> values = this.params.get(name);
			if (values == null) {
				return null;
			}
			return values.stream().filter(StringUtils::hasText).findFirst().orElse(null);
		}

		int count(String name) {
			List<String> values = this.params.get(name);
			return (values == null) ? 0 : (int) values.stream().filter(StringUtils::hasText).count();
		}

	}

}
