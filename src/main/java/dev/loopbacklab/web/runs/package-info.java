/**
 * Runs in the browser: {@code POST /api/runs} starts one, its events stream as Server-Sent Events,
 * {@code POST /api/runs/<id>/cancel} stops it. The registry caps runs at once and per client, and
 * stops each one at its time limit or when its page goes away.
 */
package dev.loopbacklab.web.runs;
