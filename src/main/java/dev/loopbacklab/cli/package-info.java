/**
 * The command line (picocli): {@code serve}, {@code list}, {@code run}, {@code check} and {@code
 * jshell}, and the terminal rendering of report events.
 */
package dev.loopbacklab.cli;
