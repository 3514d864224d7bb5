package dev.loopbacklab.room;

/**
 * One change of the room as the journal keeps it, and as the database gets it behind the journal.
 *
 * @param lsn the change's place in the room's history (1, 2, 3…; never reused, not even after a
 *     clear), so a change the database already has is not applied twice
 * @param event the change as the board shows it
 * @param secretHash a joining learner's secret, hashed; else null
 * @param keys the room's new join code and board token when the change clears the room; else null
 */
record JournalEntry(long lsn, BoardEvent event, byte[] secretHash, RoomStore.Keys keys) {}
