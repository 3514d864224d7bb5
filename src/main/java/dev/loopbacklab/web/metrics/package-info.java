/**
 * The lab's own {@code GET /metrics}: requests by route family and status class, counted once per
 * answer, and the runs going now, in the Prometheus text format.
 */
package dev.loopbacklab.web.metrics;
