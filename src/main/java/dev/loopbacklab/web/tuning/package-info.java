/**
 * The speed tweaks, each in one named place, so the main code paths read plainly and an upgrade of
 * Javalin or Jetty is checked here. Each one is measured in {@code bench/README.md}:
 *
 * <ul>
 *   <li>{@link dev.loopbacklab.web.tuning.JettyTuning}: Jetty's own memory-probe property (no JMX
 *       at start), a deeper accept queue, and loading Javalin's and Jetty's classes ahead of the
 *       start (figures {@code startup}, {@code concurrent-runs});
 *   <li>{@link dev.loopbacklab.web.tuning.RawPage}: a page's bytes (and the room's JSON answers)
 *       written straight to Jetty, past Javalin's result stream ({@code page-throughput}, {@code
 *       room-board-p99});
 *   <li>{@link dev.loopbacklab.web.tuning.PageWarmUp}: pages rendered before they are asked for,
 *       lesson pages only after the first page went out ({@code startup});
 *   <li>{@link dev.loopbacklab.web.tuning.RecentCache} and {@link
 *       dev.loopbacklab.web.tuning.Refreshed}: the live connection block and the OS's ephemeral
 *       range, kept instead of recomputed on every request ({@code page-throughput});
 *   <li>{@link dev.loopbacklab.web.tuning.FirstRunWarmUp}: a run's cold paths walked in the
 *       background, the shared one after the first page and a lesson's experiments' own after that
 *       lesson's page ({@code first-event}).
 * </ul>
 */
package dev.loopbacklab.web.tuning;
