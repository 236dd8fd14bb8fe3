package org.frontdoor.gateway.admin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.frontdoor.gateway.persistence.DeadLetter;
import org.frontdoor.gateway.persistence.DeadLetterRepository;
import org.frontdoor.gateway.persistence.DeadLetterService;
import org.frontdoor.gateway.persistence.DurableQueue;
import org.frontdoor.gateway.persistence.QueueControl;
import org.frontdoor.gateway.persistence.QueueStats;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API (role {@code ADMIN}): dead letters (listed and shown with personal data
 * masked, replayed through their source's handler), queue depth and oldest pending item
 * for every durable queue, and halted queues (resumable).
 */
@RestController
@RequestMapping("/admin")
public class AdminController {

	private static final int PREVIEW = 4000;

	private final DeadLetterRepository deadLetters;

	private final DeadLetterService replays;

	private final QueueControl control;

	private final List<DurableQueue> queues;

	private final Clock clock;

	public AdminController(DeadLetterRepository deadLetters, DeadLetterService replays, QueueControl control,
			AdminQueues queues, Clock clock) {
		this.deadLetters = deadLetters;
		this.replays = replays;
		this.control = control;
		this.queues = queues.all();
		this.clock = clock;
	}

	@GetMapping("/dead-letters")
	List<Map<String, Object>> deadLetters(@RequestParam(required = false) String source,
			@RequestParam(required = false) String state, @RequestParam(defaultValue = "100") int limit) {
		return this.deadLetters.list(source, state, Math.max(1, Math.min(limit, 1000)))
			.stream()
			.map((letter) -> summary(letter))
			.toList();
	}

	@GetMapping("/dead-letters/{id}")
	ResponseEntity<?> deadLetter(@PathVariable UUID id) {
		return this.deadLetters.find(id).<ResponseEntity<?>>map((letter) -> {
			Map<String, Object> body = summary(letter);
			body.put("payload", preview(letter));
			return ResponseEntity.ok(body);
		}).orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No dead letter " + id));
	}

	@PostMapping("/dead-letters/{id}/replay")
	ResponseEntity<?> replay(@PathVariable UUID id) {
		DeadLetterService.ReplayOutcome outcome = this.replays.replay(id);
		return switch (outcome) {
			case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "No dead letter " + id);
			case NO_HANDLER -> problem(HttpStatus.CONFLICT, "Nothing can replay dead letters of this source");
			case FAILED, REPLAYED -> {
				Map<String, Object> body = summary(this.deadLetters.find(id).orElseThrow());
				body.put("outcome", outcome.name());
				yield ResponseEntity
					.status((outcome == DeadLetterService.ReplayOutcome.REPLAYED) ? HttpStatus.OK
							: HttpStatus.UNPROCESSABLE_CONTENT)
					.body(body);
			}
		};
	}

	@GetMapping("/queues")
	Map<String, Object> queues() {
		Instant now = this.clock.instant();
		List<Map<String, Object>> list = new ArrayList<>();
		Map<String, QueueControl.State> halts = new LinkedHashMap<>();
		this.control.states().forEach((state) -> halts.put(state.queue(), state));
		for (DurableQueue queue : this.queues) {
			QueueStats stats = queue.stats();
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("name", queue.name());
			entry.put("depth", stats.pending() + stats.inFlight());
			entry.put("pending", stats.pending());
			entry.put("inFlight", stats.inFlight());
			entry.put("dead", stats.dead());
			entry.put("oldestPendingAgeSeconds", DurableQueue.oldestAge(stats, now).toSeconds());
			if (stats.oldest() != null) {
				Map<String, Object> oldest = new LinkedHashMap<>();
				oldest.put("id", stats.oldest().id());
				oldest.put("createdAt", stats.oldest().createdAt());
				oldest.put("attempts", stats.oldest().attempts());
				oldest.put("nextAttemptAt", stats.oldest().nextAttemptAt());
				oldest.put("lastError", Masking.mask(stats.oldest().lastError()));
				entry.put("oldestPending", oldest);
			}
			QueueControl.State halt = halts.get(queue.name());
			entry.put("halted", halt != null && halt.halted());
			if (halt != null && halt.halted()) {
				entry.put("haltedReason", halt.reason());
				entry.put("haltedAt", halt.haltedAt());
			}
			list.add(entry);
		}
		List<QueueControl.State> otherHalts = halts.values()
			.stream()
			.filter((state) -> state.halted()
					&& this.queues.stream().noneMatch((queue) -> queue.name().equals(state.queue())))
			.toList();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("queues", list);
		body.put("haltedChannels", otherHalts);
		return body;
	}

	@PostMapping("/queues/{name}/resume")
	ResponseEntity<?> resume(@PathVariable String name) {
		if (this.control.resume(name)) {
			return ResponseEntity.ok(Map.of("name", name, "halted", false));
		}
		return problem(HttpStatus.CONFLICT, "Queue " + name + " is not halted");
	}

	private static Map<String, Object> summary(DeadLetter letter) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", letter.id());
		body.put("source", letter.source());
		body.put("key", Masking.mask(letter.key()));
		body.put("contentType", letter.contentType());
		body.put("size", letter.size());
		body.put("reason", Masking.mask(letter.reason()));
		body.put("failures", letter.failures());
		body.put("createdAt", letter.createdAt());
		body.put("updatedAt", letter.updatedAt());
		body.put("replayState", letter.replayState());
		body.put("replayCount", letter.replayCount());
		body.put("replayedAt", letter.replayedAt());
		body.put("replayError", letter.replayError());
		return body;
	}

	private static String preview(DeadLetter letter) {
		if (letter.payload() == null) {
			return null;
		}
		String type = (letter.contentType() != null) ? letter.contentType() : "";
		boolean text = type.startsWith("text/") || type.contains("json") || type.contains("xml")
				|| type.startsWith("message/") || type.contains("form-urlencoded");
		if (!text) {
			return "(" + letter.payload().length + " bytes of " + type + ")";
		}
		String body = new String(letter.payload(), StandardCharsets.UTF_8);
		String masked = Masking.mask(body);
		return (masked.length() > PREVIEW) ? masked.substring(0, PREVIEW) + "…" : masked;
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
	}

}
