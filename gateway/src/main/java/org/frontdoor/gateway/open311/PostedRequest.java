package org.frontdoor.gateway.open311;

/**
 * The backend's answer to {@code POST requests}: an id, or a token to resolve later.
 *
 * @param serviceRequestId the new request's id, or {@code null} (batch services)
 * @param token the token, or {@code null}
 * @param serviceNotice what the backend says about it, or {@code null}
 * @param accountId the account id, or {@code null}
 */
public record PostedRequest(String serviceRequestId, String token, String serviceNotice, String accountId) {

}
