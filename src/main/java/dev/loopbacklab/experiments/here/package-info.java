/**
 * Lesson 00, you-are-here: the 4-tuple of a TCP connection, seen from both ends. One experiment
 * opens a handful of loopback connections and compares what client and server each report; one
 * check waits for the learner to connect twice (two curls, two browser tabs) and shows that the
 * server's end stays put while the source port changes.
 */
package dev.loopbacklab.experiments.here;
