/**
 * Loopback Lab: lessons about how programs talk to themselves over 127.0.0.1, with live results
 * from the learner's own machine. {@code net} is the toolkit, {@code lesson} the model, {@code
 * experiments} the runnable lesson modules, {@code web} the site and {@code cli} the command line.
 */
package dev.loopbacklab;
