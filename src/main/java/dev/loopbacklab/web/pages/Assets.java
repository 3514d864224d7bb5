package dev.loopbacklab.web.pages;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves {@code site/} under {@code /assets/}. Only known file types, only paths inside the folder;
 * files are cached in memory unless the lab reads from disk for development.
 */
final class Assets {
    private static final Map<String, String> TYPES =
            Map.of(
                    "css", "text/css; charset=utf-8",
                    "js", "text/javascript; charset=utf-8",
                    "svg", "image/svg+xml",
                    "png", "image/png",
                    "ico", "image/x-icon",
                    "json", "application/json",
                    "woff2", "font/woff2",
                    "txt", "text/plain; charset=utf-8");

    private final Path root;
    private final boolean reload;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    Assets(Path root, boolean reload) {
        this.root = root;
        this.reload = reload;
    }

    void serve(Context ctx, String path) throws IOException {
        if (!path.matches("[a-zA-Z0-9_-]+(/[a-zA-Z0-9_-]+)*\\.[a-z0-9]+")) {
            throw new NotFoundResponse();
        }
        String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new NotFoundResponse();
        }
        byte[] bytes = reload ? read(path) : cache.computeIfAbsent(path, this::readOrNull);
        if (bytes == null) {
            throw new NotFoundResponse();
        }
        ctx.contentType(type);
        ctx.header("Cache-Control", reload ? "no-cache" : "max-age=300");
        ctx.result(bytes);
    }

    private byte[] readOrNull(String path) {
        try {
            return read(path);
        } catch (IOException e) {
            return null;
        }
    }

    private byte[] read(String path) throws IOException {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file)) {
            return null;
        }
        return Files.readAllBytes(file);
    }
}
