/**
 * Every word FrontDoor says to a resident, per channel and locale.
 */
package org.frontdoor.templates;
