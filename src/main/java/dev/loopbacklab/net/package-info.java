/**
 * The networking toolkit: JDK only, no web types; the API a learner calls from JShell and that
 * experiments are built from.
 *
 * <p>Start with {@link dev.loopbacklab.net.Ports#classify(int)}, {@link
 * dev.loopbacklab.net.LoopbackTarget#parse(String)} and {@link
 * dev.loopbacklab.net.EphemeralRange#detect()}.
 */
package dev.loopbacklab.net;
