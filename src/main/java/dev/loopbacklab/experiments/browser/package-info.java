/**
 * Lesson 11, your browser and localhost: the lab's second origin and an unguarded toy server, both
 * on 127.0.0.1 and alive for one run only, which the lesson page's script ({@code
 * site/browser-lab.js}) talks to from the learner's browser; and the check of a learner's own CORS
 * headers.
 */
package dev.loopbacklab.experiments.browser;
