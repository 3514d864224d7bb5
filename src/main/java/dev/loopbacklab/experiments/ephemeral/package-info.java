/**
 * Lesson 03, ephemeral ports: where this machine's OS really draws the ports it picks on its own
 * (bind to port 0, a client's source port), measured against IANA's suggested 49152–65535. {@link
 * dev.loopbacklab.experiments.ephemeral.EphemeralTopic} lists the experiments and the check.
 */
package dev.loopbacklab.experiments.ephemeral;
