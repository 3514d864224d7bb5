/**
 * The Javalin site: routes, the guards every request passes (Host, Origin, token), the run registry
 * with its caps, time limits and cancellation, and the Server-Sent Events stream of live results.
 */
package dev.loopbacklab.web;
