/**
 * Lesson 10, whose 127.0.0.1: a network namespace (what a container gets) has a loopback of its
 * own. {@link dev.loopbacklab.experiments.containers.Namespace} makes one with {@code unshare -rn}
 * on Linux, {@link dev.loopbacklab.experiments.containers.Publish} publishes its service on a port
 * of this machine as Docker's {@code -p} does, and the check judges a published port from this side
 * only.
 */
package dev.loopbacklab.experiments.containers;
