package org.frontdoor.channels.chat;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers multipart failures of the chat API as {@code application/problem+json}. The
 * servlet container parses a multipart body before any controller is chosen, so its
 * refusals (a photo over {@code spring.servlet.multipart.max-file-size}, a body over
 * {@code max-request-size} sent without a {@code Content-Length} the
 * {@link ChatHttpFilter} could check, a broken body) never reach
 * {@link ChatProblemHandler}: without this they would get Spring Boot's generic error
 * page. Paths outside {@code /api/chat/} are left to others.
 */
public class ChatUploadErrorResolver implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(ChatUploadErrorResolver.class);

	private final ChatProperties properties;

	private final JsonMapper json;

	public ChatUploadErrorResolver(ChatProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
	}

	@Override
	public int getOrder() {
		// before Spring MVC's own resolvers, like the sandbox's resolver for its paths
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith(ChatHttpFilter.API_PREFIX) || !(ex instanceof MultipartException)) {
			return null;
		}
		ChatProblem problem = (ex instanceof MaxUploadSizeExceededException)
				? new ChatProblem(ChatProblem.Kind.TOO_LARGE,
						"the upload is over the limit: photos up to " + this.properties.maxPhotoSize().toBytes()
								+ " bytes, with at most " + ChatProperties.MULTIPART_OVERHEAD
								+ " bytes of message fields")
				: new ChatProblem(ChatProblem.Kind.BAD_REQUEST, "the multipart body could not be read: send "
						+ "multipart/form-data with a 'photo' file part and the message fields");
		if (response.isCommitted()) {
			return new ModelAndView();
		}
		try {
			response.resetBuffer();
			ChatHttpFilter.writeProblem(response, problem, this.json);
		}
		catch (IOException io) {
			log.debug("Could not answer a refused chat upload (client gone?)", io);
		}
		return new ModelAndView();
	}

}
