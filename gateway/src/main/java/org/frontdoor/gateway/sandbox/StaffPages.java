package org.frontdoor.gateway.sandbox;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

/**
 * The sandbox's staff pages as plain server-rendered HTML: no script, no framework, every
 * value escaped, form controls labelled, tables with captions and header scopes. Contact
 * details are masked ({@link PiiMask}); staff never need them to change a status.
 */
final class StaffPages {

	/** The staff pages' root. */
	static final String ROOT = "/sandbox/admin";

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final int SHORT_DESCRIPTION = 140;

	private static final String STYLE = """
			body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}
			header,main{max-width:80rem;margin:0 auto;padding:0 1rem}
			header p{margin:1rem 0 0;color:#444}
			table{border-collapse:collapse;width:100%}
			caption{text-align:left;font-weight:600;padding:.5rem 0}
			th,td{border-bottom:1px solid #ccc;padding:.5rem;text-align:left;vertical-align:top}
			label{display:block;font-size:.875rem;margin-top:.25rem}
			textarea{width:100%;min-width:12rem}
			button{margin-top:.5rem;padding:.25rem .75rem}
			.notice{background:#e6f4ea;border:1px solid #1e7e34;padding:.5rem 1rem}
			dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
			dt{font-weight:600}
			code{background:#f3f3f3;padding:0 .25rem}
			""";

	private final SandboxCatalog catalog;

	private final ZoneId zone;

	private final int maxNotes;

	StaffPages(SandboxCatalog catalog, ZoneId zone, int maxNotes) {
		this.catalog = catalog;
		this.zone = zone;
		this.maxNotes = maxNotes;
	}

	/**
	 * The list of recent requests, each with a status form.
	 * @param requests newest first
	 * @param changedId the request just changed (for a confirmation), or {@code null}
	 * @param pageSize the page size (a full page links to older requests)
	 * @return the page
	 */
	String list(List<StoredRequest> requests, Long changedId, int pageSize) {
		StringBuilder html = new StringBuilder();
		html.append("<h1>Service requests</h1>\n");
		html.append("<p>The sandbox city's back office. Change a request's status or notes here: the change gets a ")
			.append("new <code>updated_datetime</code> in the Open311 API, FrontDoor's status poller picks it up and ")
			.append("tells the resident. Contact details are masked.</p>\n");
		if (changedId != null) {
			html.append("<p role=\"status\" class=\"notice\">Request #").append(changedId).append(" saved.</p>\n");
		}
		if (requests.isEmpty()) {
			html.append("<p>No service requests yet. Text FrontDoor, or create one with <code>POST ")
				.append(GeoReportController.BASE)
				.append("/requests.json</code> (see the README).</p>\n");
			return page("Service requests", html.toString());
		}
		html.append("<table>\n<caption>Most recent requests, newest first</caption>\n<thead><tr>")
			.append("<th scope=\"col\">Request</th><th scope=\"col\">Service</th><th scope=\"col\">Location</th>")
			.append("<th scope=\"col\">Description</th><th scope=\"col\">Reported by</th>")
			.append("<th scope=\"col\">Requested</th><th scope=\"col\">Status</th>")
			.append("<th scope=\"col\">Change status</th></tr></thead>\n<tbody>\n");
		for (StoredRequest request : requests) {
			html.append("<tr id=\"r").append(request.id()).append("\">");
			html.append("<th scope=\"row\"><a href=\"")
				.append(ROOT)
				.append("/requests/")
				.append(request.id())
				.append("\">#")
				.append(request.id())
				.append("</a>");
			if (request.publishedAt().isAfter(OffsetDateTime.now())) {
				html.append("<br><small>token pending</small>");
			}
			html.append("</th>");
			html.append(cell(serviceName(request)));
			html.append(cell(location(request)));
			html.append(cell(shorten(request.description())));
			html.append("<td>").append(reporter(request.contact())).append("</td>");
			html.append("<td>").append(time(request.requestedAt())).append("</td>");
			html.append("<td>").append(esc(request.status()));
			if (request.statusNotes() != null) {
				html.append("<br><small>").append(esc(shorten(request.statusNotes()))).append("</small>");
			}
			html.append("<br><small>updated ").append(time(request.updatedAt())).append("</small></td>");
			html.append("<td>").append(form(request)).append("</td></tr>\n");
		}
		html.append("</tbody>\n</table>\n");
		if (requests.size() >= pageSize) {
			html.append("<nav aria-label=\"More requests\"><p><a href=\"")
				.append(ROOT)
				.append("?before=")
				.append(requests.getLast().id())
				.append("\">Older requests</a></p></nav>\n");
		}
		return page("Service requests", html.toString());
	}

	/**
	 * One request in full, with its attributes, history and a status form.
	 * @param request the request
	 * @param attributes its attribute values
	 * @param history its status history, oldest first
	 * @param mediaUrl the URL of its photo, or {@code null}
	 * @return the page
	 */
	String detail(StoredRequest request, Map<String, List<String>> attributes,
			List<SandboxRequestStore.HistoryEntry> history, String mediaUrl) {
		String title = "Request #" + request.id() + " — " + serviceName(request);
		StringBuilder html = new StringBuilder();
		html.append("<p><a href=\"").append(ROOT).append("\">All requests</a></p>\n");
		html.append("<h1>").append(esc(title)).append("</h1>\n<dl>\n");
		definition(html, "Status", esc(request.status()));
		definition(html, "Status notes", esc(request.statusNotes()));
		definition(html, "Service code", "<code>" + esc(request.serviceCode()) + "</code>");
		definition(html, "Agency", esc(request.agencyResponsible()));
		definition(html, "Requested", time(request.requestedAt()));
		definition(html, "Updated", time(request.updatedAt()));
		definition(html, "Expected", time(request.expectedAt()));
		definition(html, "Location", esc(location(request)));
		definition(html, "Description", esc(request.description()));
		definition(html, "Photo", (mediaUrl != null) ? "<a href=\"" + esc(mediaUrl) + "\">photo</a>" : "");
		definition(html, "Reported by", reporter(request.contact()));
		definition(html, "External id", esc(request.externalId()));
		List<AttributeDefinition> definitions = this.catalog.attributes(request.serviceCode());
		attributes.forEach((code, values) -> {
			if (!code.equals(SandboxCatalog.EXTERNAL_ID)) {
				Optional<AttributeDefinition> definition = definitions.stream()
					.filter((candidate) -> candidate.code().equals(code))
					.findFirst();
				String label = definition.map(AttributeDefinition::description).orElse(code);
				String shown = values.stream()
					.map((value) -> definition
						.flatMap((d) -> d.values()
							.stream()
							.filter((option) -> option.key().equals(value))
							.map(ListValue::name)
							.findFirst())
						.orElse(value))
					.collect(Collectors.joining(", "));
				definition(html, label, esc(shown));
			}
		});
		html.append("</dl>\n<h2>Change status</h2>\n").append(form(request)).append('\n');
		html.append("<table>\n<caption>Status history, oldest first</caption>\n<thead><tr>")
			.append("<th scope=\"col\">When</th><th scope=\"col\">Status</th><th scope=\"col\">Notes</th>")
			.append("<th scope=\"col\">By</th></tr></thead>\n<tbody>\n");
		for (SandboxRequestStore.HistoryEntry entry : history) {
			html.append("<tr><td>")
				.append(time(entry.changedAt()))
				.append("</td>")
				.append(cell(entry.status()))
				.append(cell(entry.statusNotes()))
				.append(cell(entry.changedBy()))
				.append("</tr>\n");
		}
		html.append("</tbody>\n</table>\n");
		return page(title, html.toString());
	}

	private String form(StoredRequest request) {
		long id = request.id();
		StringBuilder form = new StringBuilder();
		form.append("<form method=\"post\" action=\"").append(ROOT).append("/requests/").append(id).append("\">");
		form.append("<label for=\"status-").append(id).append("\">Status</label>");
		form.append("<select id=\"status-").append(id).append("\" name=\"status\">");
		for (String status : List.of("open", "closed")) {
			form.append("<option value=\"").append(status).append('"');
			if (status.equals(request.status())) {
				form.append(" selected");
			}
			form.append('>').append(status).append("</option>");
		}
		form.append("</select>");
		form.append("<label for=\"notes-").append(id).append("\">Status notes</label>");
		form.append("<textarea id=\"notes-")
			.append(id)
			.append("\" name=\"status_notes\" rows=\"2\" maxlength=\"")
			.append(this.maxNotes)
			.append("\">")
			.append(esc(request.statusNotes()))
			.append("</textarea>");
		form.append("<button type=\"submit\">Save #").append(id).append("</button></form>");
		return form.toString();
	}

	private String serviceName(StoredRequest request) {
		return this.catalog.service(request.serviceCode()).map(SandboxService::name).orElse(request.serviceCode());
	}

	private static String location(StoredRequest request) {
		if (request.addressString() != null) {
			return request.addressString();
		}
		if (request.lat() != null) {
			return request.lat() + ", " + request.lon();
		}
		return (request.addressId() != null) ? "address id " + request.addressId() : "";
	}

	private static String reporter(StoredRequest.Contact contact) {
		StringBuilder shown = new StringBuilder();
		for (String part : new String[] { PiiMask.initials(contact.firstName(), contact.lastName()),
				PiiMask.email(contact.email()), PiiMask.phone(contact.phone()) }) {
			if (part != null) {
				if (!shown.isEmpty()) {
					shown.append("<br>");
				}
				shown.append(esc(part));
			}
		}
		return shown.isEmpty() ? "<small>anonymous</small>" : shown.toString();
	}

	private String time(OffsetDateTime value) {
		if (value == null) {
			return "";
		}
		return "<time datetime=\"" + esc(W3cDateTime.format(value, this.zone)) + "\">"
				+ SHOWN.format(value.atZoneSameInstant(this.zone)) + "</time>";
	}

	private static String shorten(String text) {
		if (text == null || text.length() <= SHORT_DESCRIPTION) {
			return text;
		}
		return text.substring(0, SHORT_DESCRIPTION) + "…";
	}

	private static void definition(StringBuilder html, String term, String escapedValue) {
		html.append("<dt>").append(esc(term)).append("</dt><dd>").append(escapedValue).append("</dd>\n");
	}

	private static String cell(String text) {
		return "<td>" + esc(text) + "</td>";
	}

	private static String esc(String text) {
		return (text == null) ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private static String page(String title, String body) {
		return """
				<!doctype html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s — FrontDoor sandbox</title>
				<style>%s</style>
				</head>
				<body>
				<header><p>FrontDoor sandbox Open311 backend · staff</p></header>
				<main>
				%s</main>
				</body>
				</html>
				""".formatted(esc(title), STYLE, body);
	}

}
