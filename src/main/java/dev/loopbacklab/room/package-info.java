/**
 * The workshop room: the teacher's lab keeps a room (learners, their check verdicts and a few
 * numbers from their own machines) in an embedded database file, durable before it acknowledges;
 * learners' own labs join it and send short summaries. No web types here: the web layer wires
 * {@link dev.loopbacklab.room.RoomStore} and {@link dev.loopbacklab.room.Membership} to routes.
 */
package dev.loopbacklab.room;
