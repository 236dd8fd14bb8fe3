/**
 * The sandbox Open311 backend: a real GeoReport v2 server under
 * {@code /sandbox/open311/v2/} with a Cambridge-like catalog, stored in the gateway's
 * PostgreSQL, and staff pages under {@code /sandbox/admin} to change a request's status.
 * It lets anyone try FrontDoor end to end without a city's backend; FrontDoor's own
 * Open311 client talks to it over HTTP exactly as to any other server.
 * <p>
 * Everything here is active only in the {@value SandboxProperties#PROFILE} Spring profile
 * (the default of the embedded run); production runs without it.
 */
package org.frontdoor.gateway.sandbox;
