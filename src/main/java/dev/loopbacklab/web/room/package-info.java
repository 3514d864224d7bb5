/**
 * The workshop room on the web: the teacher's side (learner labs join and report, the board, its
 * event stream, CSV, the jar handed out) and the learner's side (their own browser asks their own
 * lab to join, flag and leave). The room itself is {@link dev.loopbacklab.room}.
 */
package dev.loopbacklab.web.room;
