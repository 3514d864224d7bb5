/**
 * Lesson 09, monitoring: a small HTTP server instrumented with Micrometer that exposes its own
 * request counter and latency histogram at {@code /metrics} in Prometheus text format, scraped by
 * the lab itself ({@code metrics-scrape}) and by the learner's own curl ({@code metrics-yours}).
 */
package dev.loopbacklab.experiments.metrics;
