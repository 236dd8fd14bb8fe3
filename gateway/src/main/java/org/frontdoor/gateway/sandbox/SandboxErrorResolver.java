package org.frontdoor.gateway.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns every failure under {@code /sandbox/open311/} (and the staff API under
 * {@code /sandbox/admin/}) into a GeoReport v2 error list, in the format the URL asks for
 * ({@code [{"code":404,"description":"…"}]} or {@code <errors><error>…}): validation
 * errors, unknown resources and formats, wrong methods and content types, oversized
 * uploads (also those refused before any controller is chosen), and faults. A database
 * fault answers {@code 503} so clients retry; anything unexpected answers {@code 500} and
 * is logged. A browser on the staff pages gets a small HTML page instead.
 */
@Component
@Profile(SandboxProperties.PROFILE)
class SandboxErrorResolver implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(SandboxErrorResolver.class);

	/** Descriptions for Spring MVC's own refusals, by exception type. */
	private static final Map<Class<? extends Exception>, String> DESCRIPTIONS = Map.of(NoResourceFoundException.class,
			"path: no such resource (the API is at " + GeoReportController.BASE
					+ "/, e.g. services.json; every resource ends in .json or .xml)",
			HttpRequestMethodNotSupportedException.class, "method: not supported on this resource",
			HttpMediaTypeNotSupportedException.class,
			"Content-Type: POST requests must be application/x-www-form-urlencoded or multipart/form-data",
			MaxUploadSizeExceededException.class, "media: the upload is larger than this server accepts");

	@Override
	public int getOrder() {
		// before Spring MVC's own resolvers (order 0), after Boot's
		// DefaultErrorAttributes
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean api = path.startsWith("/sandbox/open311/");
		boolean staff = path.startsWith("/sandbox/admin");
		if (!api && !staff) {
			return null;
		}
		GeoReportException error = translate(ex);
		try {
			String accept = request.getHeader("Accept");
			if (staff && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
				writeHtml(response, error);
			}
			else {
				GeoReportFormat format = GeoReportFormat.ofPath(path);
				response.setStatus(error.status().value());
				response.setContentType(format.mediaType().toString());
				response.getOutputStream()
					.write(format.write(GeoReportViews.errors(error.status(), error.descriptions())));
			}
		}
		catch (IOException io) {
			log.debug("Could not write the error answer (client gone?)", io);
		}
		return new ModelAndView();
	}

	private static GeoReportException translate(Exception ex) {
		if (ex instanceof GeoReportException known) {
			return known;
		}
		String description = DESCRIPTIONS.get(ex.getClass());
		if (ex instanceof ErrorResponse spring) {
			HttpStatus status = status(spring.getStatusCode());
			String detail = spring.getBody().getDetail();
			return new GeoReportException(status,
					(description != null) ? description : (detail != null) ? detail : status.getReasonPhrase());
		}
		if (ex instanceof HttpMessageNotReadableException || ex instanceof TypeMismatchException) {
			return new GeoReportException(HttpStatus.BAD_REQUEST,
					"body: unreadable request (" + ex.getClass().getSimpleName() + ")");
		}
		if (ex instanceof MultipartException) {
			return new GeoReportException(HttpStatus.BAD_REQUEST,
					(description != null) ? description : "media: unreadable multipart body");
		}
		if (ex instanceof DataAccessException) {
			log.warn("Sandbox database fault: {}", ex.toString());
			return new GeoReportException(HttpStatus.SERVICE_UNAVAILABLE,
					"server: the sandbox database is unavailable, retry later");
		}
		log.error("Sandbox request failed", ex);
		return new GeoReportException(HttpStatus.INTERNAL_SERVER_ERROR, "server: unexpected error");
	}

	private static HttpStatus status(HttpStatusCode code) {
		HttpStatus status = HttpStatus.resolve(code.value());
		return (status != null) ? status : HttpStatus.BAD_REQUEST;
	}

	private static void writeHtml(HttpServletResponse response, GeoReportException error) throws IOException {
		StringBuilder items = new StringBuilder();
		for (String description : error.descriptions()) {
			items.append("<li>").append(HtmlUtils.htmlEscape(description, "UTF-8")).append("</li>");
		}
		String html = """
				<!doctype html>
				<html lang="en"><head><meta charset="utf-8"><title>%d %s — FrontDoor sandbox</title></head>
				<body><main><h1>%d %s</h1><ul>%s</ul><p><a href="/sandbox/admin">Back to the requests</a></p></main>
				</body></html>
				""".formatted(error.status().value(), error.status().getReasonPhrase(), error.status().value(),
				error.status().getReasonPhrase(), items);
		response.setStatus(error.status().value());
		response.setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8).toString());
		response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
	}

}
