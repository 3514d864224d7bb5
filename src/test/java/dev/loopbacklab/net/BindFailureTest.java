package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BindFailureTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "linux/jdk-exceptions.txt",
                "macos/jdk-exceptions.txt",
                "windows/jdk-exceptions.txt"
            })
    void readsEveryRecordedMessageByKind(String path) {
        PlatformFixture fixture = PlatformFixture.load(path);
        assertTrue(fixture.rows().size() >= 3, path);
        for (String[] row : fixture.rows()) {
            String message = row[1].substring(row[1].indexOf(": ") + 2);
            assertEquals(BindFailure.valueOf(row[0]), BindFailure.ofMessage(message), row[1]);
        }
    }

    @Test
    void readsNothingIntoAMissingMessage() {
        assertEquals(BindFailure.OTHER, BindFailure.of(null));
        assertEquals(BindFailure.OTHER, BindFailure.of(new BindException()));
        assertEquals(BindFailure.OTHER, BindFailure.ofMessage("Connection refused"));
    }

    @Test
    void readsThisMachinesOwnInUseFailure() throws IOException {
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (ServerSocket second = new ServerSocket()) {
                second.setReuseAddress(false);
                IOException failure =
                        org.junit.jupiter.api.Assertions.assertThrows(
                                IOException.class,
                                () ->
                                        second.bind(
                                                new InetSocketAddress(
                                                        InetAddress.getLoopbackAddress(),
                                                        holder.getLocalPort())));
                assertEquals(BindFailure.IN_USE, BindFailure.of(failure), failure.toString());
            }
        }
    }
}
