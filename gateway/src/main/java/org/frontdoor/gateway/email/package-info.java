/**
 * The gateway's side of the email channel ({@code org.frontdoor.channels.email}): what
 * needs the gateway's persistence, such as replaying mail from the dead letters.
 */
package org.frontdoor.gateway.email;
