package dev.loopbacklab.web.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.LabCommand;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.Wait;
import dev.loopbacklab.web.view.JoinPage;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarHandoutTest {
    @TempDir Path dir;

    @Test
    void theDigestIsReadyOnceTheRoomOpensWithoutAnyRequest() throws Exception {
        byte[] bytes = new byte[3 << 20];
        Arrays.fill(bytes, (byte) 7);
        Path jar = Files.write(dir.resolve("loopback-lab.jar"), bytes);
        JarHandout handout = new JarHandout(jar);
        assertFalse(handout.ready(), "nothing is hashed before the room opens");

        handout.prepare();
        Wait.until("the jar's digest", handout::ready);

        JoinPage.Handout ready = handout.handout();
        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(new JoinPage.Handout(JarHandout.PATH, expected, bytes.length), ready);
        handout.prepare();
        assertSame(ready, handout.handout(), "hashed once, however often it is asked");
    }

    @Test
    void aJarReplacedWhileTheRoomIsOpenIsHashedAgain() throws Exception {
        Path jar = Files.write(dir.resolve("loopback-lab.jar"), new byte[] {1, 2, 3});
        FileTime opened = Files.getLastModifiedTime(jar);
        JarHandout handout = new JarHandout(jar);
        handout.prepare();
        assertEquals(sha256(new byte[] {1, 2, 3}), handout.handout().sha256());

        // A rebuild of another size.
        Files.write(jar, new byte[] {4, 5, 6, 7});
        JoinPage.Handout rebuilt = handout.handout();
        assertEquals(sha256(new byte[] {4, 5, 6, 7}), rebuilt.sha256());
        assertEquals(4, rebuilt.bytes());
        assertSame(rebuilt, handout.handout(), "hashed again once, not on every request");

        // The same size, a new time: the size alone would not tell.
        Files.write(jar, new byte[] {8, 9, 10, 11});
        Files.setLastModifiedTime(jar, FileTime.fromMillis(opened.toMillis() + 60_000));
        assertEquals(sha256(new byte[] {8, 9, 10, 11}), handout.handout().sha256());

        // Gone: nothing to hand out, rather than a digest of a file that is not there.
        Files.delete(jar);
        assertNull(handout.handout());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aLabRunningFromClassesHasNoJarToHandOut() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes.jar"));
        Path notAJar = Files.writeString(dir.resolve("lab.zip"), "not a jar");
        for (Path self : new Path[] {classes, notAJar, dir.resolve("missing.jar"), null}) {
            JarHandout handout = new JarHandout(self);
            handout.prepare();
            Wait.until("an answer for " + self, handout::ready);
            assertNull(handout.handout(), String.valueOf(self));
        }
        // As in these tests: the lab's own classes come from a folder, not a jar.
        JarHandout own = new JarHandout();
        assertNull(own.handout());
        assertTrue(own.ready());
    }

    @Test
    void theDownloadSaysTheJarIsGoneWhenItWasDeletedWhileTheRoomIsOpen() throws Exception {
        Path jar = Files.write(dir.resolve("loopback-lab.jar"), new byte[] {1, 2, 3});
        JarHandout handout = new JarHandout(jar);
        JarHandout classes = new JarHandout(Files.createDirectories(dir.resolve("classes")));
        Javalin app =
                Javalin.create(
                                cfg -> {
                                    cfg.startup.showJavalinBanner = false;
                                    cfg.routes.get(JarHandout.PATH, handout::serve);
                                    cfg.routes.get("/classes", classes::serve);
                                })
                        .start("127.0.0.1", 0);
        try {
            String host = "127.0.0.1:" + app.port();
            RawHttp.Response served = RawHttp.get(app.port(), JarHandout.PATH, host);
            assertEquals(200, served.status());
            assertEquals(sha256(new byte[] {1, 2, 3}), served.header("X-Content-SHA256"));
            // saved under the name the room's printed handout tells learners to run
            assertEquals(
                    "attachment; filename=\"" + LabCommand.HANDED_OUT_JAR + "\"",
                    served.header("Content-Disposition"));

            Files.delete(jar);
            RawHttp.Response gone = RawHttp.get(app.port(), JarHandout.PATH, host);
            assertEquals(404, gone.status());
            assertTrue(gone.body().contains("The jar this lab started from is gone"), gone.body());
            assertTrue(gone.body().contains("restart the lab from a jar"), gone.body());
            assertFalse(gone.body().contains("classes"), gone.body());
            assertFalse(gone.body().contains(dir.toString()), "no path: " + gone.body());

            // A lab that never had a jar still says how to build one.
            RawHttp.Response none = RawHttp.get(app.port(), "/classes", host);
            assertEquals(404, none.status());
            assertTrue(none.body().contains("runs from its classes"), none.body());
        } finally {
            app.stop();
        }
    }
}
