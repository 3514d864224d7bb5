package dev.loopbacklab.room;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The room's H2 file, {@code room.mv.db}: what a restart reads the board back from. It is written
 * behind the {@link RoomJournal} by one thread at a time, a batch of journal entries per
 * transaction, and remembers the last entry it holds so that none is applied twice.
 */
final class RoomDatabase implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a restart reads: the keys, the counters and the room's history in order. */
    record Loaded(
            RoomStore.Keys keys,
            long appliedLsn,
            long lastSeq,
            long lastLearner,
            Map<Long, byte[]> secrets,
            List<BoardEvent> history) {}

    private final Connection db;

    // Prepared once: the file catches up thousands of changes at a time.
    private PreparedStatement insertChange;
    private PreparedStatement insertLearner;
    private PreparedStatement putKey;

    private RoomDatabase(Connection db) {
        this.db = db;
    }

    private PreparedStatement prepared(PreparedStatement statement, String sql)
            throws SQLException {
        return statement != null ? statement : db.prepareStatement(sql);
    }

    static RoomDatabase open(Path folder) throws SQLException {
        // H2's own write delay is fine here: the journal is the durability point, and the journal
        // is only emptied after sync() has forced this file to the disk.
        String url =
                "jdbc:h2:file:"
                        + folder.toAbsolutePath().resolve("room")
                        + ";DB_CLOSE_ON_EXIT=FALSE";
        Connection db = DriverManager.getConnection(url, "room", "");
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.execute(
                    "create table if not exists room_key(name varchar(20) primary key, "
                            + "val varchar(40) not null)");
            s.execute(
                    "create table if not exists learner(id bigint auto_increment primary key, "
                            + "nickname varchar(40) not null, secret_hash binary(32) not null, "
                            + "os varchar(10) not null, joined_at bigint not null)");
            s.execute(
                    "create table if not exists change_log(seq bigint auto_increment primary key, "
                            + "learner bigint not null, kind varchar(10) not null, "
                            + "request_id varchar(40), experiment varchar(60), passed boolean, "
                            + "flag varchar(8), numbers varchar(2000), sent_at bigint not null, "
                            + "stored_at bigint not null)");
            // No unique (learner, request id) index: the store remembers only each learner's
            // latest ids (RecentRequests), so an old id sent again is a new verdict, acknowledged;
            // the index refused its row, and with it the rest of the journal, at every start.
            s.execute("drop index if exists one_request");
        }
        db.commit();
        return new RoomDatabase(db);
    }

    /** Reads the room back; a room without keys yet gets {@code fresh} and keeps them. */
    Loaded load(RoomStore.Keys fresh) throws SQLException {
        Map<String, String> named = new HashMap<>();
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("select name, val from room_key")) {
            while (r.next()) {
                named.put(r.getString(1), r.getString(2));
            }
        }
        RoomStore.Keys keys;
        if (named.containsKey("join") && named.containsKey("board")) {
            keys = new RoomStore.Keys(named.get("join"), named.get("board"));
        } else {
            keys = fresh;
            writeKeys(keys);
            db.commit();
        }
        Map<Long, byte[]> secrets = new HashMap<>();
        Map<Long, String[]> people = new HashMap<>();
        List<BoardEvent> history = new ArrayList<>();
        long lastLearner = number(named.get("last-learner"));
        long lastSeq = number(named.get("last-seq"));
        try (Statement s = db.createStatement();
                ResultSet r =
                        s.executeQuery(
                                "select id, nickname, secret_hash, os, joined_at from learner order by id")) {
            while (r.next()) {
                long id = r.getLong(1);
                lastLearner = Math.max(lastLearner, id);
                secrets.put(id, r.getBytes(3));
                people.put(id, new String[] {r.getString(2), r.getString(4)});
                history.add(
                        new BoardEvent(
                                "join",
                                0,
                                id,
                                r.getString(2),
                                r.getString(4),
                                null,
                                null,
                                Flag.NONE.key(),
                                Map.of(),
                                r.getLong(5),
                                0,
                                null));
            }
        }
        try (Statement s = db.createStatement();
                ResultSet r =
                        s.executeQuery(
                                "select seq, learner, kind, request_id, experiment, passed, flag, "
                                        + "numbers, sent_at, stored_at from change_log order by seq")) {
            while (r.next()) {
                lastSeq = Math.max(lastSeq, r.getLong(1));
                String[] who = people.getOrDefault(r.getLong(2), new String[] {"?", "other"});
                Boolean passed = r.getBoolean(6);
                if (r.wasNull()) {
                    passed = null;
                }
                history.add(
                        new BoardEvent(
                                r.getString(3),
                                r.getLong(1),
                                r.getLong(2),
                                who[0],
                                who[1],
                                r.getString(5),
                                passed,
                                r.getString(7),
                                numbers(r.getString(8)),
                                r.getLong(10),
                                r.getLong(9),
                                r.getString(4)));
            }
        }
        return new Loaded(
                keys, number(named.get("journal")), lastSeq, lastLearner, secrets, history);
    }

    /**
     * Applies journal entries in one transaction, skipping any the file already holds (a restart
     * replays the journal from its start).
     */
    void apply(List<JournalEntry> entries, long appliedLsn) throws SQLException {
        long lsn = appliedLsn;
        long lastSeq = 0;
        long lastLearner = 0;
        try {
            for (JournalEntry entry : entries) {
                if (entry.lsn() <= lsn) {
                    continue;
                }
                BoardEvent e = entry.event();
                switch (e.type()) {
                    case "join" -> {
                        insertLearner(e, entry.secretHash());
                        lastLearner = Math.max(lastLearner, e.learner());
                    }
                    case "clear" -> {
                        try (Statement s = db.createStatement()) {
                            s.execute("delete from change_log");
                            s.execute("delete from learner");
                        }
                        writeKeys(entry.keys());
                    }
                    default -> {
                        insertChange(e);
                        lastSeq = Math.max(lastSeq, e.seq());
                    }
                }
                lsn = entry.lsn();
            }
            // The counters survive a clear, so no seat number or change number is handed out twice.
            put("journal", lsn);
            if (lastSeq > 0) {
                put("last-seq", lastSeq);
            }
            if (lastLearner > 0) {
                put("last-learner", lastLearner);
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        }
    }

    /** Forces everything committed so far to the disk (H2's {@code CHECKPOINT SYNC}). */
    void sync() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing a file database that is already gone
        }
    }

    private void insertLearner(BoardEvent e, byte[] secretHash) throws SQLException {
        insertLearner =
                prepared(
                        insertLearner,
                        "insert into learner(id, nickname, secret_hash, os, joined_at)"
                                + " values(?, ?, ?, ?, ?)");
        PreparedStatement p = insertLearner;
        p.setLong(1, e.learner());
        p.setString(2, e.nickname());
        p.setBytes(3, secretHash);
        p.setString(4, e.os());
        p.setLong(5, e.atMillis());
        p.executeUpdate();
    }

    private void insertChange(BoardEvent e) throws SQLException {
        insertChange =
                prepared(
                        insertChange,
                        "insert into change_log(seq, learner, kind, request_id, experiment, passed,"
                                + " flag, numbers, sent_at, stored_at)"
                                + " values(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement p = insertChange;
        p.setLong(1, e.seq());
        p.setLong(2, e.learner());
        p.setString(3, e.type());
        p.setString(4, e.requestId());
        p.setString(5, e.experiment());
        p.setObject(6, e.passed());
        p.setString(7, e.type().equals("flag") ? e.flag() : null);
        p.setString(8, e.type().equals("verdict") ? ChangeJson.numbers(e.numbers()) : null);
        p.setLong(9, e.sentAtMicros());
        p.setLong(10, e.atMillis());
        p.executeUpdate();
    }

    private void writeKeys(RoomStore.Keys keys) throws SQLException {
        put("join", keys.joinCode());
        put("board", keys.boardToken());
    }

    private void put(String name, Object value) throws SQLException {
        putKey = prepared(putKey, "merge into room_key key(name) values(?, ?)");
        putKey.setString(1, name);
        putKey.setString(2, String.valueOf(value));
        putKey.executeUpdate();
    }

    private static long number(String text) {
        return text == null ? 0 : Long.parseLong(text);
    }

    private static Map<String, String> numbers(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
