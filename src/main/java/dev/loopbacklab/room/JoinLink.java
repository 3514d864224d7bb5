package dev.loopbacklab.room;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A room's join link as the teacher shows it, {@code http://host:port/join?code=…}, read strictly:
 * plain HTTP (a room is on a trusted local network), a host, a port, and a well-formed code. The
 * learner's lab will send to that host and port and nowhere else.
 *
 * @param room {@code http://host:port}, the only address the learner's lab sends to
 * @param code the room's join code
 */
public record JoinLink(URI room, String code) {

    /** Reads {@code text}; throws {@link IllegalArgumentException} saying what is wrong. */
    public static JoinLink parse(String text) {
        URI uri;
        try {
            uri = new URI(text == null ? "" : text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("that is not a link: " + e.getReason());
        }
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException(
                    "a room's link starts with http:// (copy it from the teacher's screen)");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the link has no host, or has a user name in it");
        }
        if (!"/join".equals(uri.getPath())) {
            throw new IllegalArgumentException("a room's link ends in /join?code=…");
        }
        String code = null;
        for (String part :
                uri.getRawQuery() == null ? new String[0] : uri.getRawQuery().split("&")) {
            if (part.startsWith("code=")) {
                code = part.substring(5);
            }
        }
        if (!Secrets.wellFormed(code)) {
            throw new IllegalArgumentException(
                    "the link's code is missing or cut short: it is 24 letters, digits, - or _");
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        return new JoinLink(
                URI.create(
                        "http://" + uri.getRawAuthority().replaceFirst(":\\d+$", "") + ":" + port),
                code);
    }

    /** The link again, as shown. */
    public String text() {
        return room + "/join?code=" + code;
    }
}
