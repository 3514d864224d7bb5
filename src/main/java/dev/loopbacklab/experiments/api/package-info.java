/**
 * Lesson 07, api-on-localhost: a small JSON API on an ephemeral port, called by the JDK's
 * HttpClient (one kept-alive connection) and by the learner's own curl, seen live with its source
 * port.
 */
package dev.loopbacklab.experiments.api;
