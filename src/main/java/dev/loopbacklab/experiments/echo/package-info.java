/**
 * Lesson 01, loopback-echo: an echo server on loopback, its connection's 4-tuple, round-trip times
 * over TCP, UDP, a Unix domain socket and an in-process hand-off, and a check that the learner's
 * own echo server answers.
 */
package dev.loopbacklab.experiments.echo;
