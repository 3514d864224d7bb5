package dev.loopbacklab.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One recorded piece of evidence from {@code src/test/resources/platform/}: its text without the
 * {@code #> } header, and the header's source lines (every fixture must name one).
 */
public record PlatformFixture(String body, List<String> sources, boolean reconstructed) {

    /** Loads {@code platform/<path>} from the test resources; it must name its source. */
    public static PlatformFixture load(String path) {
        String text;
        try (InputStream in = PlatformFixture.class.getResourceAsStream("/platform/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture platform/" + path);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> sources = new ArrayList<>();
        boolean reconstructed = false;
        List<String> body = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("#> ")) {
                if (line.startsWith("#> source: ")) {
                    sources.add(line.substring("#> source: ".length()));
                }
                reconstructed |= line.startsWith("#> reconstructed: ");
            } else {
                body.add(line);
            }
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException("platform/" + path + " names no source");
        }
        return new PlatformFixture(String.join("\n", body), sources, reconstructed);
    }

    /** The body with Windows line endings, as netsh and netstat really print it. */
    public String crlf() {
        return body.replace("\n", "\r\n");
    }

    /** Tab-separated rows of the body, blank lines left out. */
    List<String[]> rows() {
        return body.lines()
                .filter(line -> !line.isBlank())
                .map(line -> line.split("\t"))
                .collect(Collectors.toList());
    }
}
