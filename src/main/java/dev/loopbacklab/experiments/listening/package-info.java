/**
 * Lesson 06, who-is-listening: every listening socket of this machine with its owner, read from
 * Linux's {@code /proc/net/tcp*} and {@code /proc/<pid>/fd}; one {@code /proc} line decoded field
 * by field; the equivalent {@code ss}, {@code lsof} and {@code netstat} commands per OS; and a
 * check that finds the learner's own server and names its owner.
 */
package dev.loopbacklab.experiments.listening;
