package org.frontdoor.channels.chat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The edge of the chat channel, before Spring MVC: checks the page's {@code Origin}
 * against {@link ChatProperties#allowedOrigins()} (403 otherwise), answers CORS
 * preflights, refuses bodies whose declared length is over the configured limits (413),
 * and sets the security headers of the API ({@code /api/chat/**}), the widget's files
 * ({@code /chat/**}) and the demo page ({@code /chat-demo}).
 * <p>
 * Requests without an {@code Origin} header (curl, server-side clients) are not browser
 * cross-origin requests and pass; the session token is what authorizes them.
 */
public class ChatHttpFilter extends OncePerRequestFilter {

	/** Where the chat API lives. */
	public static final String API_PREFIX = "/api/chat/";

	/** The headers a browser client may send. */
	static final String ALLOWED_HEADERS = "Authorization, Content-Type, Last-Event-ID";

	/** The API's own policy: it serves data, never documents. */
	static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

	private final ChatProperties properties;

	private final JsonMapper json;

	public ChatHttpFilter(ChatProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith(API_PREFIX)) {
			assetHeaders(path, response);
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Content-Security-Policy", API_CSP);
		response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin != null) {
			if (!isAllowed(origin, request)) {
				write(response, new ChatProblem(ChatProblem.Kind.ORIGIN_NOT_ALLOWED, "pages from " + printable(origin)
						+ " may not use this chat; the city adds its site to frontdoor.channels.chat.allowed-origins"));
				return;
			}
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
			response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "Location, Retry-After");
			if (HttpMethod.OPTIONS.matches(request.getMethod())
					&& request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null) {
				response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST");
				response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
				response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
				response.setStatus(HttpServletResponse.SC_NO_CONTENT);
				return;
			}
		}
		long declared = request.getContentLengthLong();
		long limit = bodyLimit(request);
		if (declared > limit) {
			write(response, new ChatProblem(ChatProblem.Kind.TOO_LARGE,
					"the request body is " + declared + " bytes; the limit for this request is " + limit + " bytes"));
			return;
		}
		chain.doFilter(request, response);
	}

	private void assetHeaders(String path, HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", this.properties.contentSecurityPolicy());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
		if (path.startsWith("/chat/")) {
			// the widget is loaded by the city's pages, whatever their origin and COEP
			// policy
			response.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
			response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
		}
	}

	private long bodyLimit(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			return this.properties.maxPhotoSize().toBytes() + ChatProperties.MULTIPART_OVERHEAD;
		}
		return this.properties.maxJsonSize().toBytes();
	}

	/**
	 * Whether a page from this origin may call the API: the gateway's own origin, one
	 * configured, or any when {@code *} is configured.
	 * @param origin the {@code Origin} header
	 * @param request the request (for the gateway's own origin, proxy headers honoured
	 * when {@code server.forward-headers-strategy} is set)
	 * @return {@code true} if allowed
	 */
	boolean isAllowed(String origin, HttpServletRequest request) {
		List<String> allowed = this.properties.allowedOrigins();
		if (allowed.contains("*") || origin.equalsIgnoreCase(ownOrigin(request))) {
			return true;
		}
		String normalized = stripTrailingSlash(origin);
		return allowed.stream().map(ChatHttpFilter::stripTrailingSlash).anyMatch(normalized::equalsIgnoreCase);
	}

	static String ownOrigin(HttpServletRequest request) {
		String scheme = request.getScheme().toLowerCase(Locale.ROOT);
		int port = request.getServerPort();
		boolean defaultPort = (port == 80 && "http".equals(scheme)) || (port == 443 && "https".equals(scheme))
				|| port <= 0;
		return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
	}

	private static String stripTrailingSlash(String origin) {
		return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
	}

	private static String printable(String value) {
		String cleaned = value.replaceAll("[^\\x21-\\x7E]", "?");
		return (cleaned.length() > 100) ? cleaned.substring(0, 100) + "…" : cleaned;
	}

	private void write(HttpServletResponse response, ChatProblem problem) throws IOException {
		writeProblem(response, problem, this.json);
	}

	/**
	 * Write a problem as {@code application/problem+json} straight to the servlet
	 * response (used where Spring MVC's handlers do not run).
	 * @param response the response, not yet committed
	 * @param problem the problem
	 * @param json the JSON mapper
	 * @throws IOException when the client went away
	 */
	public static void writeProblem(HttpServletResponse response, ChatProblem problem, JsonMapper json)
			throws IOException {
		ProblemDetail detail = problem.toProblemDetail();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", String.valueOf(detail.getType()));
		body.put("title", detail.getTitle());
		body.put("status", detail.getStatus());
		body.put("detail", detail.getDetail());
		response.setStatus(detail.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		problem.headers().forEach(response::setHeader);
		json.writeValue(response.getOutputStream(), body);
	}

}
