/**
 * The photo sanitizer shared by every channel: sniff the format from magic bytes, apply
 * size and type limits, read the EXIF GPS position, strip identifying metadata without
 * re-encoding. Entry point: {@link org.frontdoor.channels.core.media.MediaSanitizer}.
 */
package org.frontdoor.channels.core.media;
