package org.frontdoor.templates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model a template sees: the caller's values checked against the key's declared
 * variables, cleaned, cut to their limits, plus globals and derived values. Values the
 * renderer may shorten to fit the SMS budget are tracked as {@link Slot}s.
 */
final class RenderModel {

	/** Variables whose text may keep line breaks on email and chat. */
	private static final Set<TemplateVariable> MULTI_LINE = Set.of(TemplateVariable.NOTES, TemplateVariable.DESCRIPTION,
			TemplateVariable.QUESTION);

	private final Map<String, Object> values = new HashMap<>();

	private final List<Slot> slots = new ArrayList<>();

	private final TemplateChannel channel;

	private final String ellipsis;

	private boolean cut;

	private RenderModel(TemplateChannel channel) {
		this.channel = channel;
		this.ellipsis = channel.shortForm() ? Texts.SHORT_ELLIPSIS : Texts.LONG_ELLIPSIS;
	}

	/**
	 * Builds the model.
	 * @throws IllegalArgumentException for an unknown or derived variable name, a value
	 * of the wrong kind, or a missing required variable
	 */
	static RenderModel build(TemplateKey key, TemplateChannel channel, Map<String, ?> input,
			Map<TemplateVariable, String> globals, String lang) {
		RenderModel model = new RenderModel(channel);
		Set<TemplateVariable> available = key.available();
		Map<TemplateVariable, Object> given = new HashMap<>(globals);
		if (input != null) {
			for (Map.Entry<String, ?> entry : input.entrySet()) {
				TemplateVariable variable = TemplateVariable.fromId(entry.getKey())
					.orElseThrow(() -> new IllegalArgumentException(
							"Unknown template variable '" + entry.getKey() + "' (key " + key.id() + ")"));
				if (variable.derived()) {
					throw new IllegalArgumentException("Template variable '" + variable.id()
							+ "' is computed by the renderer and cannot be passed (key " + key.id() + ")");
				}
				if (entry.getValue() != null && available.contains(variable)) {
					given.put(variable, entry.getValue());
				}
			}
		}
		for (TemplateVariable variable : TemplateVariable.values()) {
			model.put(key, variable, given.get(variable));
		}
		for (TemplateVariable variable : key.required()) {
			Object value = model.values.get(variable.id());
			if ((value instanceof String s && s.isEmpty()) || (value instanceof List<?> l && l.isEmpty())) {
				throw new IllegalArgumentException(
						"Template variable '" + variable.id() + "' is required by key " + key.id());
			}
		}
		model.values.put(TemplateVariable.STATUS_IS.id(), statusFlags((String) model.values.get("status")));
		model.values.put(TemplateVariable.LANG.id(), lang);
		return model;
	}

	/** The values, as the template engine sees them. */
	Map<String, Object> values() {
		return this.values;
	}

	/** Whether any value was cut so far. */
	boolean cut() {
		return this.cut;
	}

	/** The longest original length among shrinkable values, 0 when there is none. */
	int longestSlot() {
		return this.slots.stream().mapToInt((s) -> s.original.length()).max().orElse(0);
	}

	/**
	 * Cuts every shrinkable value to {@code cap} characters (never below its floor);
	 * {@code Integer.MAX_VALUE} restores them.
	 */
	void capSlots(int cap) {
		for (Slot slot : this.slots) {
			int limit = Math.max(slot.floor, cap);
			String value = Texts.truncate(slot.original, limit, this.ellipsis);
			if (!value.equals(slot.original)) {
				this.cut = true;
			}
			slot.target.put(slot.field, value);
		}
	}

	private void put(TemplateKey key, TemplateVariable variable, Object value) {
		String id = variable.id();
		switch (variable.kind()) {
			case TEXT -> this.values.put(id, text(variable, value, this.values, id, variable.floor()));
			case ID -> this.values.put(id, (value != null) ? Texts.cleanValue(value.toString(), false) : "");
			case NUMBER -> this.values.put(id, number(key, variable, value));
			case OPTIONS -> this.values.put(id, options(key, variable, value));
			case REQUESTS -> requests(key, variable, value);
			case DERIVED -> this.values.putIfAbsent(id, "");
		}
	}

	private String text(TemplateVariable variable, Object value, Map<String, Object> target, String field, int floor) {
		if (value == null) {
			return "";
		}
		boolean multiLine = !this.channel.shortForm() && MULTI_LINE.contains(variable);
		String cleaned = Texts.cleanValue(value.toString(), multiLine);
		String limited = Texts.truncate(cleaned, variable.limit(this.channel), this.ellipsis);
		if (!limited.equals(cleaned)) {
			this.cut = true;
		}
		if (floor >= 0 && !limited.isEmpty()) {
			this.slots.add(new Slot(target, field, limited, floor));
		}
		return limited;
	}

	private static String number(TemplateKey key, TemplateVariable variable, Object value) {
		if (value == null) {
			return "";
		}
		try {
			BigDecimal number = (value instanceof BigDecimal d) ? d : new BigDecimal(value.toString().strip());
			return number.stripTrailingZeros().toPlainString();
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"Template variable '" + variable.id() + "' must be a number (key " + key.id() + ")", ex);
		}
	}

	private List<Map<String, Object>> options(TemplateKey key, TemplateVariable variable, Object value) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (Object element : iterable(key, variable, value)) {
			Object number;
			Object label;
			if (element instanceof MenuOption option) {
				number = option.number();
				label = option.label();
			}
			else if (element instanceof Map<?, ?> map && map.get("number") != null && map.get("label") != null) {
				number = map.get("number");
				label = map.get("label");
			}
			else {
				throw new IllegalArgumentException("Template variable '" + variable.id()
						+ "' must hold MenuOption values or maps with number and label (key " + key.id() + ")");
			}
			Map<String, Object> item = new HashMap<>();
			item.put("number", Texts.cleanValue(number.toString(), false));
			item.put("label", text(variable, label, item, "label", variable.floor()));
			items.add(item);
		}
		return items;
	}

	private void requests(TemplateKey key, TemplateVariable variable, Object value) {
		List<Map<String, Object>> items = new ArrayList<>();
		int total = 0;
		int shown = this.channel.shortForm() ? TemplateVariable.SHORT_LIST_ITEMS : TemplateVariable.LONG_LIST_ITEMS;
		for (Object element : iterable(key, variable, value)) {
			Object requestId;
			Object serviceName;
			Object status;
			if (element instanceof RequestSummary summary) {
				requestId = summary.requestId();
				serviceName = summary.serviceName();
				status = summary.status();
			}
			else if (element instanceof Map<?, ?> map && map.get("requestId") != null) {
				requestId = map.get("requestId");
				serviceName = map.get("serviceName");
				status = map.get("status");
			}
			else {
				throw new IllegalArgumentException("Template variable '" + variable.id()
						+ "' must hold RequestSummary values or maps with requestId (key " + key.id() + ")");
			}
			total++;
			if (items.size() < shown) {
				Map<String, Object> item = new HashMap<>();
				item.put("requestId", Texts.cleanValue(requestId.toString(), false));
				item.put("serviceName", text(variable, serviceName, item, "serviceName", variable.floor()));
				String statusText = (status != null) ? Texts.cleanValue(status.toString(), false) : "";
				item.put("status",
						Texts.truncate(statusText, TemplateVariable.STATUS.limit(this.channel), this.ellipsis));
				item.put("statusIs", statusFlags(statusText));
				items.add(item);
			}
		}
		this.values.put(variable.id(), items);
		this.values.put(TemplateVariable.MORE_COUNT.id(),
				(total > items.size()) ? Integer.toString(total - items.size()) : "");
	}

	private static Iterable<?> iterable(TemplateKey key, TemplateVariable variable, Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof Iterable<?> iterable) {
			return iterable;
		}
		if (value instanceof Object[] array) {
			return List.of(array);
		}
		throw new IllegalArgumentException(
				"Template variable '" + variable.id() + "' must be a list (key " + key.id() + ")");
	}

	private static Map<String, Object> statusFlags(String status) {
		if (status == null || status.isEmpty()) {
			return Map.of();
		}
		return Map.of(StatusCategory.of(status).flag(), Boolean.TRUE);
	}

	/** A value the renderer may shorten, and where it lives in the model. */
	private record Slot(Map<String, Object> target, String field, String original, int floor) {

	}

}
