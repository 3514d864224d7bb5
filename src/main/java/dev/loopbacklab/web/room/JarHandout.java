package dev.loopbacklab.web.room;

import dev.loopbacklab.LabCommand;
import dev.loopbacklab.web.view.JoinPage;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The teacher's lab hands out its own jar, so a room with no internet can still get started: the
 * very file this lab runs from, with its SHA-256 for learners to compare. When the lab runs from
 * classes (Maven, an IDE) there is no jar to hand out and the download says how to build one; when
 * the jar it started from is gone, it says to restart the lab from a jar.
 *
 * <p>Hashing the jar (~15 MB) is started when the room opens ({@link #prepare}), on a thread of its
 * own, so the first learner to open the join page does not wait for it. A jar replaced while the
 * room is open (a rebuild during the workshop) is hashed again: every request compares the file's
 * size and modification time with those it was hashed at, a stat, not a read.
 */
final class JarHandout {
    static final String PATH = "/room/loopback-lab.jar";

    /** The file as it was when hashed: its size and modification time, or none when absent. */
    private record Stamp(long size, FileTime modified) {
        static final Stamp NONE = new Stamp(-1, null);

        static Stamp of(Path self) {
            try {
                BasicFileAttributes file = Files.readAttributes(self, BasicFileAttributes.class);
                return new Stamp(file.size(), file.lastModifiedTime());
            } catch (IOException | RuntimeException e) {
                return NONE;
            }
        }
    }

    /** A digest and the file it is of; {@code handout} is null when there is no jar. */
    private record Hashed(Stamp stamp, JoinPage.Handout handout) {}

    private final Path self;
    private final CompletableFuture<Hashed> first = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile Hashed latest;

    /** The file this lab's classes were loaded from. */
    JarHandout() {
        this(LabCommand.runsFrom());
    }

    /**
     * Hands out {@code self} if it is a jar file.
     *
     * @param self where the lab runs from, a jar or a folder of classes; null if unknown
     */
    JarHandout(Path self) {
        this.self = self;
    }

    /** Starts hashing the jar on its own thread, once; later calls do nothing. */
    void prepare() {
        if (started.compareAndSet(false, true)) {
            Thread digest = new Thread(() -> first.complete(hash(self)), "lab-jar-digest");
            digest.setDaemon(true);
            digest.start();
        }
    }

    /** Whether the digest is known (or known not to exist), so {@link #handout} will not wait. */
    boolean ready() {
        return first.isDone();
    }

    /**
     * The jar's link, size and digest, or null when the lab is not running from a jar. Waits for
     * the digest if {@link #prepare} started it a moment ago (and starts it if nothing did), and
     * hashes the jar again if it changed since.
     */
    JoinPage.Handout handout() {
        prepare();
        Hashed hashed = latest != null ? latest : first.join();
        if (!hashed.stamp().equals(Stamp.of(self))) {
            hashed = rehash(hashed);
        }
        return hashed.handout();
    }

    private synchronized Hashed rehash(Hashed stale) {
        Hashed now = latest != null ? latest : first.join();
        if (now == stale) { // no other request hashed it again meanwhile
            now = hash(self);
            latest = now;
        }
        return now;
    }

    /** The digest of {@code self} as it is now; the stamp is taken first, so a change is seen. */
    private static Hashed hash(Path self) {
        if (self == null) {
            return new Hashed(Stamp.NONE, null);
        }
        Stamp stamp = Stamp.of(self);
        return new Hashed(stamp, find(self));
    }

    private static JoinPage.Handout find(Path self) {
        try {
            if (!Files.isRegularFile(self) || !self.toString().endsWith(".jar")) {
                return null;
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(self), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return new JoinPage.Handout(
                    PATH, HexFormat.of().formatHex(sha.digest()), Files.size(self));
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Why there is no jar to hand out: the lab runs from a folder of classes, or the jar it started
     * from is gone (deleted, moved, or being rebuilt). Never names the path: learners read this.
     */
    String noJar() {
        boolean startedFromJar =
                self != null
                        && self.getFileName() != null
                        && self.getFileName().toString().endsWith(".jar")
                        && !Files.isDirectory(self);
        return startedFromJar
                ? "The jar this lab started from is gone (deleted or moved since): restart the lab"
                        + " from a jar, with the command it was started with, to hand it out.\n"
                : "This lab runs from its classes, not a jar: build one with ./mvnw -q package"
                        + " (target/loopback-lab.jar).\n";
    }

    void serve(Context ctx) throws IOException {
        JoinPage.Handout jar = handout();
        InputStream bytes;
        try {
            bytes = jar == null ? null : Files.newInputStream(self);
        } catch (NoSuchFileException goneSinceHashed) {
            bytes = null;
        }
        if (bytes == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result(noJar());
            return;
        }
        ctx.header(
                "Content-Disposition",
                "attachment; filename=\"" + LabCommand.HANDED_OUT_JAR + "\"");
        ctx.header("X-Content-SHA256", jar.sha256());
        ctx.contentType("application/java-archive");
        ctx.result(bytes);
    }
}
