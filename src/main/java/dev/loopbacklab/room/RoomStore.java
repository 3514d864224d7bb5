package dev.loopbacklab.room;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The room on the teacher's machine. One writer thread takes changes in groups, appends each group
 * to the room's journal ({@code room.journal}) and forces it to the disk, and only then answers and
 * tells the board. A second thread brings the H2 file ({@code room.mv.db}) up to date behind it
 * when the room is quiet; a restart applies whatever the journal holds that the file does not.
 *
 * <p>Why a journal: with H2 alone the commit had to be forced out per group ({@code WRITE_DELAY=0}
 * was not enough: a loaded benchmark lost 2 of 3,005 acknowledged verdicts to kill -9, because H2's
 * commit hands its write to a background thread), and the SQL work of each group sat between a
 * learner's verdict and the board. One write and one {@code fsync} of a few hundred bytes per
 * change is all that is left on that path (bench/README.md, "The room").
 */
public final class RoomStore implements AutoCloseable {
    /** Changes waiting to be written; beyond this the room answers "busy" rather than queueing. */
    static final int MAX_WAITING = 20_000;

    static final int MAX_GROUP = 512;

    /** The most learners a room seats, unless opened with another limit. */
    public static final int MAX_LEARNERS = 2_000;

    static final int MAX_NICKNAME = 24;

    /** The journal is emptied once it is this long and the H2 file has caught up with it. */
    static final long JOURNAL_RESET_BYTES = 1 << 20;

    /** The H2 file catches up once no change came for this long… */
    static final long QUIET_MILLIS = 500;

    /** …or once this many changes wait for it (the journal holds them meanwhile). */
    static final int MAX_LAG = 20_000;

    /** Changes applied to the H2 file per transaction. */
    static final int APPLY_SLICE = 2_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The two capabilities of a room: learners join with the code; the board needs the token. */
    public record Keys(String joinCode, String boardToken) {}

    /** A learner's seat: their number and the secret only their lab knows. */
    public record Seat(long learner, String secret) {
        /** The value of the {@code Authorization: Bearer} header the learner's lab sends. */
        public String bearer() {
            return learner + "." + secret;
        }
    }

    /** Thrown when the room cannot take more changes now. */
    public static final class BusyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BusyException() {
            super("The room is busy; the learner's lab tries again.");
        }
    }

    /** Thrown when a join's code is not the room's when the join is written: a clear came first. */
    public static final class WrongCodeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WrongCodeException() {
            super("This join code is not the room's (it was cleared): copy the link again.");
        }
    }

    /** Thrown when a join would seat more learners than the room takes. */
    public static final class FullException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int seats;

        FullException(int seats) {
            super("The room is full (" + seats + " learners).");
            this.seats = seats;
        }

        /** The room's limit. */
        public int seats() {
            return seats;
        }
    }

    /**
     * A change, made into a journal entry on the writer thread with the next lsn; an entry with lsn
     * 0 answers without being written (a request seen before).
     */
    private interface Change {
        JournalEntry make(long lsn);
    }

    private record Pending(Change change, CompletableFuture<BoardEvent> done) {}

    // Put last in a queue by close(): the thread finishes what came before and stops. (An
    // interrupt instead could land inside an H2 file write, which closes the file channel.)
    private static final Pending STOP = new Pending(lsn -> null, new CompletableFuture<>());
    private static final List<JournalEntry> STOP_BEHIND = new ArrayList<>();

    private final Path folder;
    private final int maxLearners;
    private final RoomDatabase database;
    private final RoomJournal journal;
    private final BlockingQueue<Pending> waiting = new ArrayBlockingQueue<>(MAX_WAITING);
    private final BlockingQueue<List<JournalEntry>> behind = new ArrayBlockingQueue<>(MAX_WAITING);
    private final List<Consumer<BoardEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, byte[]> secrets = new ConcurrentHashMap<>();
    private final Map<Long, String> nicknames = new ConcurrentHashMap<>();
    private final BoardState board = new BoardState();
    private final Thread writer;
    private final Thread filer;
    private volatile Keys keys;
    private volatile boolean closed;

    // The writer thread's own: the counters and each learner's latest request ids.
    private final RecentRequests requests = new RecentRequests();
    private long lsn;
    private long lastSeq;
    private long lastLearner;
    private IOException broken;

    /**
     * The keys as of the changes made so far: a clear made before a join in the same group counts,
     * though {@link #keys} changes only once the group is written.
     */
    private Keys keysMade;

    /** Learners seated as of the changes made so far, counted like {@link #keysMade}. */
    private int seatsMade;

    /** The last lsn the H2 file holds and has forced to the disk. */
    private volatile long durableLsn;

    private RoomStore(Path folder, int maxLearners, RoomDatabase database, RoomJournal journal) {
        this.folder = folder;
        this.maxLearners = maxLearners;
        this.database = database;
        this.journal = journal;
        this.writer = new Thread(this::writeLoop, "lab-room-writer");
        this.filer = new Thread(this::fileLoop, "lab-room-database");
        writer.setDaemon(true);
        filer.setDaemon(true);
    }

    /**
     * Opens (or creates) the room kept in {@code folder}: {@code room.mv.db} and {@code
     * room.journal} there. A room opened again after a crash has every change it acknowledged.
     */
    public static RoomStore open(Path folder) throws IOException, SQLException {
        return open(folder, MAX_LEARNERS);
    }

    /**
     * Opens (or creates) the room kept in {@code folder}, seating at most {@code maxLearners}
     * learners between two clears (a learner who left keeps their row, and their seat).
     */
    public static RoomStore open(Path folder, int maxLearners) throws IOException, SQLException {
        if (maxLearners < 1) {
            throw new IllegalArgumentException("a room seats at least one learner");
        }
        Files.createDirectories(folder);
        RoomDatabase database = RoomDatabase.open(folder);
        RoomJournal journal = null;
        try {
            journal = RoomJournal.open(folder.resolve("room.journal"));
            RoomDatabase.Loaded loaded =
                    database.load(new Keys(Secrets.create(), Secrets.create()));
            List<byte[]> records = journal.records();
            if (!records.isEmpty()) {
                List<JournalEntry> entries = new ArrayList<>(records.size());
                for (byte[] record : records) {
                    entries.add(JSON.readValue(record, JournalEntry.class));
                }
                database.apply(entries, loaded.appliedLsn());
                database.sync();
                journal.reset();
                loaded = database.load(loaded.keys());
            }
            RoomStore store = new RoomStore(folder, maxLearners, database, journal);
            store.load(loaded);
            store.writer.start();
            store.filer.start();
            return store;
        } catch (IOException | SQLException | RuntimeException e) {
            if (journal != null) {
                journal.close();
            }
            database.close();
            throw e;
        }
    }

    /** The folder the room's files are in (for the README's "where is it"). */
    public Path folder() {
        return folder;
    }

    private void load(RoomDatabase.Loaded loaded) {
        keys = loaded.keys();
        keysMade = keys;
        lsn = loaded.appliedLsn();
        durableLsn = lsn;
        lastSeq = loaded.lastSeq();
        lastLearner = loaded.lastLearner();
        secrets.putAll(loaded.secrets());
        for (BoardEvent event : loaded.history()) {
            if (event.type().equals("join")) {
                nicknames.put(event.learner(), event.nickname());
            } else if (event.requestId() != null) {
                requests.remember(event.learner(), event.requestId(), event.seq());
            }
            board.apply(event);
        }
        seatsMade = board.size();
    }

    /** The room's join code and board token (the same after a restart). */
    public Keys keys() {
        return keys;
    }

    /** Seats a learner without asking for a code; the answer comes once the seat is on the disk. */
    public CompletableFuture<Seat> join(String nickname, String os) {
        return join(null, nickname, os);
    }

    /**
     * Seats a learner who gave {@code code}, if it is the room's join code when the seat is written
     * (a clear queued before the join makes it stale: {@link WrongCodeException}) and the room has
     * a seat left then ({@link FullException}); the answer comes once the seat is on the disk.
     * Checking both here, on the writer, and not only when the request came in, keeps a join from
     * landing in a room cleared after its code was checked, and joins arriving together from
     * seating more learners than {@link #maxLearners}.
     *
     * @param code the join code the learner gave, or null to seat without one
     */
    public CompletableFuture<Seat> join(String code, String nickname, String os) {
        String name = nickname(nickname);
        String family = new Summary("x", "x", null, os, Map.of(), 0).os();
        String secret = Secrets.create();
        byte[] digest = Secrets.digest(secret);
        long now = System.currentTimeMillis();
        return submit(
                        lsn -> {
                            if (code != null
                                    && !Secrets.matches(
                                            code, Secrets.digest(keysMade.joinCode()))) {
                                throw new WrongCodeException();
                            }
                            if (seatsMade >= maxLearners) {
                                throw new FullException(maxLearners);
                            }
                            seatsMade++;
                            long id = ++lastLearner;
                            nicknames.put(id, name);
                            return new JournalEntry(
                                    lsn,
                                    new BoardEvent(
                                            "join",
                                            0,
                                            id,
                                            name,
                                            family,
                                            null,
                                            null,
                                            Flag.NONE.key(),
                                            Map.of(),
                                            now,
                                            0,
                                            null),
                                    digest,
                                    null);
                        })
                .thenApply(event -> new Seat(event.learner(), secret));
    }

    /**
     * The learner a {@code Bearer} value belongs to ({@code <number>.<secret>}), if the secret
     * matches; compared in constant time.
     */
    public Optional<Long> learner(String bearer) {
        if (bearer == null) {
            return Optional.empty();
        }
        int dot = bearer.indexOf('.');
        if (dot < 1 || dot > 12) {
            return Optional.empty();
        }
        for (int i = 0; i < dot; i++) {
            if (bearer.charAt(i) < '0' || bearer.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        long id = Long.parseLong(bearer.substring(0, dot));
        byte[] digest = secrets.get(id);
        String secret = bearer.substring(dot + 1);
        return digest != null && Secrets.wellFormed(secret) && Secrets.matches(secret, digest)
                ? Optional.of(id)
                : Optional.empty();
    }

    /**
     * Stores a learner's summary. A request id among the learner's latest ({@link RecentRequests})
     * is stored once: the answer is a {@code repeat} with the first copy's number.
     */
    public CompletableFuture<BoardEvent> record(long learner, Summary summary) {
        long now = System.currentTimeMillis();
        return submit(
                lsn -> {
                    Long earlier = requests.seqOf(learner, summary.requestId());
                    boolean repeat = earlier != null;
                    long seq = repeat ? earlier : ++lastSeq;
                    requests.remember(learner, summary.requestId(), seq);
                    return new JournalEntry(
                            repeat ? 0 : lsn,
                            new BoardEvent(
                                    repeat ? "repeat" : "verdict",
                                    seq,
                                    learner,
                                    nicknameOf(learner),
                                    summary.os(),
                                    summary.experiment(),
                                    summary.passed(),
                                    null,
                                    summary.numbers(),
                                    now,
                                    summary.sentAtMicros(),
                                    summary.requestId()),
                            null,
                            null);
                });
    }

    /** Puts up or takes down a learner's flag. */
    public CompletableFuture<BoardEvent> flag(long learner, Flag flag) {
        return change(learner, "flag", flag.key());
    }

    /** A learner leaves: their row stays on the board, marked, and their secret stops working. */
    public CompletableFuture<BoardEvent> leave(long learner) {
        return change(learner, "leave", null);
    }

    private CompletableFuture<BoardEvent> change(long learner, String type, String flag) {
        long now = System.currentTimeMillis();
        return submit(
                lsn ->
                        new JournalEntry(
                                lsn,
                                new BoardEvent(
                                        type,
                                        ++lastSeq,
                                        learner,
                                        nicknameOf(learner),
                                        null,
                                        null,
                                        null,
                                        flag,
                                        Map.of(),
                                        now,
                                        0,
                                        null),
                                null,
                                null));
    }

    /**
     * Empties the room for the next workshop: every learner and verdict goes, and a new join code
     * and board token replace the old ones, so no old seat can write again.
     */
    public CompletableFuture<Keys> clear() {
        Keys fresh = new Keys(Secrets.create(), Secrets.create());
        return submit(
                        lsn -> {
                            requests.clear();
                            nicknames.clear();
                            keysMade = fresh;
                            seatsMade = 0;
                            return new JournalEntry(
                                    lsn,
                                    BoardEvent.cleared(System.currentTimeMillis()),
                                    null,
                                    fresh);
                        })
                .thenApply(event -> fresh);
    }

    /** How many changes wait for the writer now (each answered once it is on the disk). */
    public int waiting() {
        return waiting.size();
    }

    /** The most learners this room seats between two clears. */
    public int maxLearners() {
        return maxLearners;
    }

    /** How many learners the room has seated (without copying the board). */
    public int learnerCount() {
        synchronized (board) {
            return board.size();
        }
    }

    /** A copy of the board as it is now. */
    public BoardState board() {
        synchronized (board) {
            return board.copy();
        }
    }

    /**
     * Calls {@code listener} with every durable change from now on, on the writer thread: keep it
     * quick (hand the event on). Returns what to call to stop.
     */
    public Runnable subscribe(Consumer<BoardEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private String nicknameOf(long learner) {
        return nicknames.getOrDefault(learner, "?");
    }

    static String nickname(String given) {
        String name = given == null ? "" : given.strip();
        if (name.isEmpty()) {
            throw new RoomInputException("pick a nickname (1 to " + MAX_NICKNAME + " characters)");
        }
        if (name.codePointCount(0, name.length()) > MAX_NICKNAME) {
            throw new RoomInputException("a nickname is at most " + MAX_NICKNAME + " characters");
        }
        if (name.codePoints()
                .anyMatch(
                        c ->
                                Character.isISOControl(c)
                                        || Character.getType(c) == Character.FORMAT)) {
            throw new RoomInputException("a nickname cannot hold control characters");
        }
        return name;
    }

    private CompletableFuture<BoardEvent> submit(Change change) {
        CompletableFuture<BoardEvent> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new IllegalStateException("the room is closed"));
        } else if (!waiting.offer(new Pending(change, done))) {
            done.completeExceptionally(new BusyException());
        }
        return done;
    }

    private void writeLoop() {
        List<Pending> group = new ArrayList<>(MAX_GROUP);
        while (true) {
            try {
                Pending first = waiting.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    emptyJournalIfCaughtUp();
                    continue;
                }
                group.add(first);
            } catch (InterruptedException e) {
                return;
            }
            waiting.drainTo(group, MAX_GROUP - 1);
            int stop = group.indexOf(STOP);
            if (stop >= 0) {
                writeGroup(new ArrayList<>(group.subList(0, stop)));
                for (Pending late : group.subList(stop + 1, group.size())) {
                    late.done()
                            .completeExceptionally(new IllegalStateException("the room is closed"));
                }
                try {
                    behind.put(STOP_BEHIND);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            writeGroup(group);
            group.clear();
            emptyJournalIfCaughtUp();
        }
    }

    /**
     * Makes each change of a group into a journal entry, writes the entries in one append and one
     * {@code fsync}, and only then answers, tells the board and hands the entries to the H2 file.
     */
    private void writeGroup(List<Pending> group) {
        List<JournalEntry> made = new ArrayList<>(group.size());
        List<byte[]> records = new ArrayList<>(group.size());
        for (Pending pending : group) {
            JournalEntry entry = null;
            if (broken == null) {
                try {
                    entry = pending.change().make(lsn + 1);
                    if (entry.lsn() != 0) {
                        records.add(ChangeJson.entry(entry));
                        lsn = entry.lsn();
                    }
                } catch (RuntimeException e) {
                    pending.done().completeExceptionally(e);
                    entry = null;
                }
            }
            made.add(entry);
        }
        if (broken == null && !records.isEmpty()) {
            try {
                journal.append(records);
            } catch (IOException e) {
                // Nothing of this group is on the disk, yet the counters moved on: the room takes
                // no
                // more changes until the lab starts again (and reads what is on the disk).
                broken = e;
            }
        }
        List<JournalEntry> written = new ArrayList<>(records.size());
        for (int i = 0; i < group.size(); i++) {
            CompletableFuture<BoardEvent> done = group.get(i).done();
            JournalEntry entry = made.get(i);
            if (broken != null) {
                done.completeExceptionally(
                        new UncheckedIOException("the room's journal cannot be written", broken));
            } else if (entry != null) {
                if (entry.lsn() != 0) {
                    applied(entry);
                    written.add(entry);
                }
                done.complete(entry.event());
            }
        }
        if (!written.isEmpty()) {
            try {
                behind.put(written);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What a durable change does besides the board: seats and keys. */
    private void applied(JournalEntry entry) {
        BoardEvent event = entry.event();
        switch (event.type()) {
            case "join" -> secrets.put(event.learner(), entry.secretHash());
            case "leave" -> secrets.remove(event.learner());
            case "clear" -> {
                secrets.clear();
                keys = entry.keys();
            }
            default -> {
                // verdicts and flags change only the board
            }
        }
        synchronized (board) {
            board.apply(event);
        }
        for (Consumer<BoardEvent> listener : listeners) {
            listener.accept(event);
        }
    }

    private void emptyJournalIfCaughtUp() {
        try {
            if (broken == null && durableLsn == lsn && journal.size() >= JOURNAL_RESET_BYTES) {
                journal.reset();
            }
        } catch (IOException e) {
            broken = e;
        }
    }

    /**
     * Brings the H2 file up to date behind the journal once the room is quiet (no change for {@link
     * #QUIET_MILLIS}), or once {@link #MAX_LAG} changes wait, in transactions of at most {@link
     * #APPLY_SLICE} changes, and then forces it to the disk, so the writer can empty the journal.
     *
     * <p>Why wait: during a burst, H2's SQL and the JIT compiling H2's code took a quarter of the
     * teacher's lab's CPU (bench/README.md, "Session 5"), on the two cores that also answer the
     * learners. The journal holds every change meanwhile, and a start applies what the file lacks.
     */
    private void fileLoop() {
        long applied = durableLsn;
        boolean failed = false;
        List<List<JournalEntry>> batches = new ArrayList<>();
        while (true) {
            boolean stop;
            try {
                batches.add(behind.take());
                int lag = batches.get(0).size();
                while (lag < MAX_LAG && batches.get(batches.size() - 1) != STOP_BEHIND) {
                    List<JournalEntry> next = behind.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
                    if (next == null) {
                        break;
                    }
                    batches.add(next);
                    lag += next.size();
                }
            } catch (InterruptedException e) {
                return;
            }
            stop = batches.removeIf(batch -> batch == STOP_BEHIND);
            List<JournalEntry> entries = new ArrayList<>();
            batches.forEach(entries::addAll);
            batches.clear();
            for (int from = 0; !failed && from < entries.size(); from += APPLY_SLICE) {
                List<JournalEntry> slice =
                        entries.subList(from, Math.min(entries.size(), from + APPLY_SLICE));
                try {
                    database.apply(slice, applied);
                    applied = slice.get(slice.size() - 1).lsn();
                } catch (SQLException | RuntimeException e) {
                    // Every change is safe in the journal; the next start applies it again. The
                    // journal is kept until then (the H2 file never catches up).
                    failed = true;
                }
            }
            if (!failed && applied > durableLsn) {
                try {
                    database.sync();
                    durableLsn = applied;
                } catch (SQLException e) {
                    failed = true;
                }
            }
            if (stop) {
                return;
            }
        }
    }

    /** Stops the writer after what is queued, brings the H2 file up to date, and closes both. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            waiting.put(STOP);
            writer.join(5_000);
            filer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Pending pending; (pending = waiting.poll()) != null; ) {
            pending.done().completeExceptionally(new IllegalStateException("the room is closed"));
        }
        try {
            if (!writer.isAlive() && !filer.isAlive() && broken == null && durableLsn == lsn) {
                journal.reset();
            }
            journal.close();
        } catch (IOException ignored) {
            // the journal is replayed at the next start
        }
        database.close();
    }
}
