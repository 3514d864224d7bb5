/**
 * What stands between a request and the lab: the Host allow-list (DNS rebinding), the same-origin
 * check on requests that start work (CSRF), room mode's access token, the security headers on every
 * answer, Jetty's own error answers kept short. {@link dev.loopbacklab.web.security.Guards}
 * registers them before every other route.
 */
package dev.loopbacklab.web.security;
