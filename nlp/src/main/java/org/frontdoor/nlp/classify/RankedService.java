package org.frontdoor.nlp.classify;

/**
 * A candidate service with its calibrated confidence.
 *
 * @param service the catalog service
 * @param confidence probability (0..1) that this is the resident's service, calibrated on
 * real reports
 * @param score the raw matching score (for diagnostics)
 */
public record RankedService(CatalogService service, double confidence, double score) {

}
