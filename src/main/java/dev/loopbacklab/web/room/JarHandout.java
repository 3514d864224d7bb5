package dev.loopbacklab.web.room;

import dev.loopbacklab.web.view.JoinPage;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The teacher's lab hands out its own jar, so a room with no internet can still get started: the
 * very file this lab runs from, with its SHA-256 for learners to compare. When the lab runs from
 * classes (Maven, an IDE) there is no jar to hand out and the pages say how to build one.
 */
final class JarHandout {
    static final String PATH = "/room/loopback-lab.jar";

    private volatile JoinPage.Handout handout;
    private volatile Path jar;
    private volatile boolean looked;

    /** The jar's link, size and digest, or null when the lab is not running from a jar. */
    JoinPage.Handout handout() {
        if (!looked) {
            synchronized (this) {
                if (!looked) {
                    find();
                    looked = true;
                }
            }
        }
        return handout;
    }

    private void find() {
        try {
            Path self =
                    Path.of(
                            JarHandout.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
            if (!Files.isRegularFile(self) || !self.toString().endsWith(".jar")) {
                return;
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(self), sha)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            jar = self;
            handout =
                    new JoinPage.Handout(
                            PATH, HexFormat.of().formatHex(sha.digest()), Files.size(self));
        } catch (IOException
                | URISyntaxException
                | NoSuchAlgorithmException
                | SecurityException e) {
            handout = null;
        }
    }

    void serve(Context ctx) throws IOException {
        if (handout() == null) {
            ctx.status(404)
                    .contentType("text/plain; charset=utf-8")
                    .result(
                            "This lab runs from its classes, not a jar: build one with ./mvnw -q package"
                                    + " (target/loopback-lab.jar).\n");
            return;
        }
        ctx.header("Content-Disposition", "attachment; filename=\"loopback-lab.jar\"");
        ctx.header("X-Content-SHA256", handout.sha256());
        ctx.contentType("application/java-archive");
        ctx.result(Files.newInputStream(jar));
    }
}
