/**
 * Lesson 02, port binding: classifying port numbers, bind conflicts, privileged ports, TIME_WAIT
 * and SO_REUSEADDR, and the "make a port busy" check. Every experiment binds loopback addresses
 * only (plus one short-lived wildcard attempt in {@code port-conflict}) and closes every socket it
 * opened before it returns.
 */
package dev.loopbacklab.experiments.port;
