/**
 * JShell cells on the lesson pages: the capability (a secret printed at start, then an HttpOnly
 * cookie) and the routes under {@code /api/jshell/} that open a page's session, run its cells and
 * stream what they show. Off in room mode.
 */
package dev.loopbacklab.web.notebook;
