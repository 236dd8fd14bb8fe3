package org.frontdoor.channels.chat;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns errors of the chat controllers into {@code application/problem+json}. Chat
 * controllers parse their own requests, so every client mistake arrives here as a
 * {@link ChatProblem}; anything else is a server fault and answers 503 without internals.
 */
@RestControllerAdvice(basePackageClasses = ChatProblemHandler.class)
public class ChatProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ChatProblemHandler.class);

	@ExceptionHandler(ChatProblem.class)
	ResponseEntity<ProblemDetail> problem(ChatProblem problem) {
		return response(problem);
	}

	@ExceptionHandler(ChatEventLog.UnknownChatSessionException.class)
	ResponseEntity<ProblemDetail> unknownSession(ChatEventLog.UnknownChatSessionException ex) {
		return response(new ChatProblem(ChatProblem.Kind.SESSION_NOT_FOUND, ex.getMessage()));
	}

	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<ProblemDetail> unexpected(RuntimeException ex) {
		log.error("Chat request failed", ex);
		return response(new ChatProblem(ChatProblem.Kind.UNAVAILABLE,
				"the chat could not handle the request just now; nothing was stored, please try again",
				Duration.ofSeconds(5)));
	}

	static ResponseEntity<ProblemDetail> response(ChatProblem problem) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.kind().status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		problem.headers().forEach(builder::header);
		return builder.body(problem.toProblemDetail());
	}

}
