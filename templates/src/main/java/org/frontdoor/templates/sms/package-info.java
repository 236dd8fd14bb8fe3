/**
 * SMS length arithmetic: GSM-7 versus UCS-2, septets, segments, and the optional GSM-7
 * transliteration.
 */
package org.frontdoor.templates.sms;
