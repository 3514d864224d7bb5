/**
 * Lesson 08, database-on-localhost: a real database server (H2 in TCP mode) on loopback, reached
 * through JDBC; where it really listens, what its {@code -tcpAllowOthers} switch changes, and a
 * check that the learner's own H2 server answers.
 */
package dev.loopbacklab.experiments.db;
