package org.frontdoor.gateway.sandbox;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * The sandbox's objects in the shapes of the GeoReport v2 spec, field by field and in the
 * spec's order. Fields the spec lists for a response are always present ({@code null}
 * when unknown); fields the spec says must not be returned together
 * ({@code service_request_id} / {@code token}) are left out.
 */
final class GeoReportViews {

	private GeoReportViews() {
	}

	static GeoReportBody discovery(SandboxCatalog.Discovery discovery, String endpointUrl) {
		Map<String, Object> endpoint = new LinkedHashMap<>();
		endpoint.put("specification", discovery.specification());
		endpoint.put("url", endpointUrl);
		endpoint.put("changeset", discovery.endpointChangeset());
		endpoint.put("type", discovery.type());
		endpoint.put("formats", new GeoReportBody.Repeated("format", discovery.formats()));
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("changeset", discovery.changeset());
		fields.put("contact", discovery.contact());
		fields.put("key_service", discovery.keyService());
		fields.put("endpoints", new GeoReportBody.Repeated("endpoint", List.of(endpoint)));
		return new GeoReportBody.ObjectBody("discovery", fields);
	}

	static GeoReportBody services(List<SandboxService> services) {
		return new GeoReportBody.ListBody("services", "service", services.stream().map((service) -> {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("service_code", service.code());
			fields.put("service_name", service.name());
			fields.put("description", service.description());
			fields.put("metadata", service.metadata());
			fields.put("type", service.type().wireValue());
			fields.put("keywords", service.keywords());
			fields.put("group", service.group());
			return fields;
		}).toList());
	}

	static GeoReportBody definition(String code, List<AttributeDefinition> attributes) {
		List<Map<String, Object>> entries = attributes.stream().map((attribute) -> {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("variable", attribute.variable());
			fields.put("code", attribute.code());
			fields.put("datatype", attribute.datatype().wireValue());
			fields.put("required", attribute.required());
			fields.put("datatype_description", attribute.datatypeDescription());
			fields.put("order", attribute.order());
			fields.put("description", attribute.description());
			if (attribute.datatype().isList()) {
				fields.put("values", new GeoReportBody.Repeated("value", attribute.values().stream().map((value) -> {
					Map<String, Object> option = new LinkedHashMap<>();
					option.put("key", value.key());
					option.put("name", value.name());
					return option;
				}).toList()));
			}
			return fields;
		}).toList();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("service_code", code);
		fields.put("attributes", new GeoReportBody.Repeated("attribute", entries));
		return new GeoReportBody.ObjectBody("service_definition", fields);
	}

	static GeoReportBody filed(SandboxBackend.Filed filed) {
		Map<String, Object> fields = new LinkedHashMap<>();
		switch (filed.type()) {
			case REALTIME -> fields.put("service_request_id", String.valueOf(filed.request().id()));
			case BATCH -> fields.put("token", filed.token());
			case BLACKBOX -> {
				// neither an id nor a token
			}
		}
		fields.put("service_notice", filed.request().serviceNotice());
		fields.put("account_id", filed.request().contact().accountId());
		return new GeoReportBody.ListBody("service_requests", "request", List.of(fields));
	}

	static GeoReportBody token(SandboxBackend.TokenState token) {
		Map<String, Object> fields = new LinkedHashMap<>();
		if (token.serviceRequestId() != null) {
			fields.put("service_request_id", String.valueOf(token.serviceRequestId()));
		}
		fields.put("token", token.token());
		return new GeoReportBody.ListBody("service_requests", "request", List.of(fields));
	}

	static GeoReportBody requests(List<StoredRequest> requests, SandboxCatalog catalog, ZoneId zone,
			String applicationUrl) {
		return new GeoReportBody.ListBody("service_requests", "request",
				requests.stream().map((request) -> request(request, catalog, zone, applicationUrl)).toList());
	}

	private static Map<String, Object> request(StoredRequest request, SandboxCatalog catalog, ZoneId zone,
			String applicationUrl) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("service_request_id", String.valueOf(request.id()));
		fields.put("status", request.status());
		fields.put("status_notes", request.statusNotes());
		fields.put("service_name",
				catalog.service(request.serviceCode()).map(SandboxService::name).orElse(request.serviceCode()));
		fields.put("service_code", request.serviceCode());
		fields.put("description", request.description());
		fields.put("agency_responsible", request.agencyResponsible());
		fields.put("service_notice", request.serviceNotice());
		fields.put("requested_datetime", W3cDateTime.format(request.requestedAt(), zone));
		fields.put("updated_datetime", W3cDateTime.format(request.updatedAt(), zone));
		fields.put("expected_datetime", W3cDateTime.format(request.expectedAt(), zone));
		fields.put("address", request.addressString());
		fields.put("address_id", request.addressId());
		fields.put("zipcode", null);
		fields.put("lat", request.lat());
		fields.put("long", request.lon());
		fields.put("media_url", SandboxUrls.mediaUrl(request, applicationUrl));
		return fields;
	}

	static GeoReportBody errors(HttpStatus status, List<String> descriptions) {
		return new GeoReportBody.ListBody("errors", "error", descriptions.stream().map((description) -> {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("code", status.value());
			fields.put("description", description);
			return fields;
		}).toList());
	}

}
