/**
 * JShell notebooks: the lessons' JShell blocks run as cells of one session per page, each session a
 * child JVM driven through JShell's remote execution engine. No web types: {@code web.notebook}
 * puts these on the site, and {@code cli.JShellCommand} shares the toolkit set-up ({@link
 * dev.loopbacklab.notebook.Toolkit}).
 */
package dev.loopbacklab.notebook;
