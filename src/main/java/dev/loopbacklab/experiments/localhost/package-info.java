/**
 * Lesson 05, localhost-names: what {@code localhost} resolves to on this machine and in which
 * order, the {@code /etc/hosts} lines behind it, the IPv6-first client that meets an IPv4-only
 * server ("Connection refused"), and a check that the learner's server answers on both loopback
 * addresses.
 *
 * <p>The lab never resolves a name a learner types. This package resolves exactly one name, the
 * literal {@code localhost}, in one place ({@link
 * dev.loopbacklab.experiments.localhost.LocalhostLookup}); everything that connects goes to the
 * literals 127.0.0.1 or ::1.
 */
package dev.loopbacklab.experiments.localhost;
