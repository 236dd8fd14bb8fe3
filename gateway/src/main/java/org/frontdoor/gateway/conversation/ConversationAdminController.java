package org.frontdoor.gateway.conversation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.gateway.admin.Masking;
import org.frontdoor.gateway.reply.Transcript;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Conversations for admins (role {@code ADMIN}, under {@code /admin}): the latest ones,
 * and one with everything it collected (also after it expired) and its transcript — what
 * the resident wrote and what FrontDoor answered, with template keys and delivery state.
 * Residents' addresses, phone numbers and email addresses are masked.
 */
@RestController
@RequestMapping("/admin/conversations")
public class ConversationAdminController {

	private static final int MAX_LIMIT = 500;

	private final Conversations conversations;

	private final Transcript transcript;

	public ConversationAdminController(Conversations conversations, Transcript transcript) {
		this.conversations = conversations;
		this.transcript = transcript;
	}

	@GetMapping
	List<Map<String, Object>> list(@RequestParam(required = false) String phase,
			@RequestParam(required = false) String channel, @RequestParam(defaultValue = "50") int limit) {
		Phase wantedPhase = parse(Phase.class, phase, "phase");
		Channel wantedChannel = parse(Channel.class, channel, "channel");
		List<Map<String, Object>> out = new ArrayList<>();
		for (ConversationRecord conversation : this.conversations.latest(wantedPhase, wantedChannel,
				Math.max(1, Math.min(MAX_LIMIT, limit)))) {
			out.add(summary(conversation));
		}
		return out;
	}

	@GetMapping("/{id}")
	Map<String, Object> show(@PathVariable UUID id) {
		ConversationRecord conversation = this.conversations.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no conversation " + id));
		Map<String, Object> out = summary(conversation);
		Report report = conversation.state().report();
		Map<String, Object> collected = new LinkedHashMap<>();
		collected.put("serviceCode", report.serviceCode());
		collected.put("candidates", report.candidates());
		collected.put("place", report.place());
		collected.put("proposedPlace", report.proposed());
		collected.put("description", Masking.mask(report.description()));
		collected.put("mediaIds", report.mediaIds());
		collected.put("attributes", report.attributes());
		collected.put("duplicateChecked", report.duplicateChecked());
		collected.put("followedRequestId", report.followedRequestId());
		out.put("report", collected);
		out.put("pendingQuestion", conversation.state().pending());
		List<Map<String, Object>> messages = new ArrayList<>();
		for (Transcript.Entry entry : this.transcript.forConversation(id)) {
			Map<String, Object> message = new LinkedHashMap<>();
			message.put("at", entry.at());
			message.put("direction", entry.direction());
			message.put("templateKey", entry.templateKey());
			message.put("text", Masking.mask(entry.text()));
			message.put("note", entry.note());
			message.put("inboundId", entry.inboundId());
			message.put("outboundId", entry.outboundId());
			message.put("outboundState", entry.outboundState());
			message.put("deliveryStatus", entry.deliveryStatus());
			messages.add(message);
		}
		out.put("transcript", messages);
		return out;
	}

	private static Map<String, Object> summary(ConversationRecord conversation) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", conversation.id());
		out.put("channel", conversation.channel());
		out.put("resident", maskAddress(conversation.address()));
		out.put("phase", conversation.phase());
		out.put("locale", conversation.locale());
		out.put("serviceCode", conversation.state().report().serviceCode());
		out.put("pending", (conversation.state().pending() != null) ? conversation.state().pending().kind() : null);
		out.put("submissionId", conversation.submissionId());
		out.put("serviceRequestId", conversation.serviceRequestId());
		out.put("createdAt", conversation.createdAt());
		out.put("lastActivityAt", conversation.lastActivityAt());
		out.put("closedAt", conversation.closedAt());
		return out;
	}

	/**
	 * A resident address with the identifying part masked: phone numbers keep their last
	 * two digits, email addresses their first character and domain, chat sessions their
	 * first four characters.
	 * @param address the address
	 * @return the masked address
	 */
	static String maskAddress(String address) {
		if (address == null) {
			return null;
		}
		int colon = address.indexOf(':');
		String scheme = (colon >= 0) ? address.substring(0, colon + 1) : "";
		String rest = address.substring(colon + 1);
		if ("chat:".equals(scheme)) {
			return scheme + rest.substring(0, Math.min(4, rest.length())) + "…";
		}
		return scheme + Masking.mask(rest);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String name) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown " + name + " '" + value + "'");
		}
	}

}
