/**
 * The Javalin site. {@link dev.loopbacklab.web.LabServer} assembles it from feature packages, each
 * registering its own routes: {@code security} (Host, Origin, token, headers), {@code metrics},
 * {@code runs} (the run registry and the event stream), {@code pages} (index, lessons, assets,
 * error pages); {@code view} holds the j2html pages, {@code tuning} every speed tweak.
 */
package dev.loopbacklab.web;
