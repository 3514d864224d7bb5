/**
 * Lesson 04, exposure: the same server is private or public depending on the address it binds.
 * Listeners on 127.0.0.1, 0.0.0.0, ::1 and :: are probed through other loopback addresses, the
 * tutorial-style {@code new ServerSocket(port)} is shown listening everywhere, and the lab's own
 * Host and Origin guards are tried with hand-written requests.
 *
 * <p>Everything that sends traffic goes to loopback; only the learner's opt-in {@code lan} switch
 * adds this machine's own interface addresses, which {@link
 * dev.loopbacklab.experiments.exposure.Machine} lets tests replace with loopback aliases.
 */
package dev.loopbacklab.experiments.exposure;
