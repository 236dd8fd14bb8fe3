package org.frontdoor.gateway.sandbox;

/**
 * How the simulated city handles one service: who is responsible, what a resident is
 * told, and how long it usually takes.
 *
 * @param agencyResponsible the {@code agency_responsible} of its requests
 * @param serviceNotice the {@code service_notice} of its requests
 * @param expectedDays calendar days from {@code requested_datetime} to
 * {@code expected_datetime}
 */
public record ServiceLevel(String agencyResponsible, String serviceNotice, int expectedDays) {

}
