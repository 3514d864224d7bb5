package dev.loopbacklab.experiments.browser;

import dev.loopbacklab.lesson.AbstractCheck;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.net.UntrustedText;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The challenge of lesson 11: a server of the learner's own, on 127.0.0.1, that the lab's page (a
 * different origin) may read, and no other origin may. The check sends two GETs, one with the
 * page's Origin and one with another loopback origin, and judges the answers as a browser's CORS
 * check would: exactly one Access-Control-Allow-Origin naming the page's origin; never {@code *}
 * with credentials; nothing for the other origin.
 */
public final class CorsYoursCheck extends AbstractCheck {
    /** The port the lesson suggests. */
    public static final int SUGGESTED_PORT = 7011;

    private static final Pattern ORIGIN =
            Pattern.compile("http://(localhost|127\\.0\\.0\\.1|\\[::1\\]):[0-9]{1,5}");

    public CorsYoursCheck() {
        super(
                "browser-cors-yours",
                "A server this page may read, and no other",
                "Start a server on 127.0.0.1 that grants CORS to this page's origin only, then"
                        + " check: the lab asks it as this page and as another origin would.",
                ParamSpec.yourServerPort(SUGGESTED_PORT),
                ParamSpec.text(
                        "origin",
                        "http://127.0.0.1:62893",
                        40,
                        "this page's origin, as your browser sends it (filled in by the page)"));
    }

    @Override
    public void run(Params params, Report report) {
        int port = params.port("port");
        String origin = params.text("origin");
        if (!ORIGIN.matcher(origin).matches()) {
            report.verdict(
                    false,
                    "\""
                            + origin
                            + "\" is not a loopback origin: write it as http://127.0.0.1:PORT,"
                            + " http://localhost:PORT or http://[::1]:PORT, the way the address bar"
                            + " shows this page.");
            return;
        }
        String other =
                origin.startsWith("http://localhost:")
                        ? "http://127.0.0.1:1"
                        : "http://localhost:1";
        List<String> details = new ArrayList<>();
        CorsHeaders mine;
        CorsHeaders theirs;
        try {
            mine = CorsHeaders.fetch(port, origin, report.deadline());
            theirs = CorsHeaders.fetch(port, other, report.deadline());
        } catch (SocketTimeoutException e) {
            report.verdict(
                    false,
                    "Your server on 127.0.0.1:"
                            + port
                            + " did not answer in time ("
                            + UntrustedText.visible(e.getMessage(), 200)
                            + ").",
                    "Something accepted the connection but did not finish its HTTP headers: does"
                            + " it answer every GET, and end its headers with an empty line?");
            return;
        } catch (IOException e) {
            report.verdict(
                    false,
                    "Could not get an HTTP answer from 127.0.0.1:"
                            + port
                            + " ("
                            + UntrustedText.visible(String.valueOf(e.getMessage()), 200)
                            + "). Start your server there first.");
            return;
        }
        details.add(
                "as "
                        + origin
                        + ": HTTP "
                        + mine.status()
                        + ", Access-Control-Allow-Origin "
                        + shown(mine.allowOrigin())
                        + ", Access-Control-Allow-Credentials "
                        + (mine.allowCredentials().isEmpty() ? "(none)" : mine.allowCredentials()));
        details.add("as " + other + ": Access-Control-Allow-Origin " + shown(theirs.allowOrigin()));
        String problem = problem(mine, theirs, origin, other);
        if (problem != null) {
            report.verdict(false, problem, details.toArray(String[]::new));
            return;
        }
        details.add(
                mine.credentials()
                        ? "credentials: allowed, so fetch(…, {credentials: \"include\"}) can read it too"
                        : "credentials: not allowed; a fetch with credentials: \"include\" would fail");
        if (!mine.vary().toLowerCase(java.util.Locale.ROOT).contains("origin")) {
            details.add(
                    "tip: add Vary: Origin, so that a cache never serves one origin's answer to"
                            + " another");
        }
        report.verdict(
                true,
                "Only " + origin + " may read your server on 127.0.0.1:" + port + ".",
                details.toArray(String[]::new));
    }

    /** The first thing wrong, worded for the learner, or null when the headers are right. */
    static String problem(CorsHeaders mine, CorsHeaders theirs, String origin, String other) {
        List<String> values = mine.allowOrigin();
        if (values.isEmpty()) {
            return "Missing header: your answer has no Access-Control-Allow-Origin, so the browser"
                    + " hides it from the page. Add Access-Control-Allow-Origin: "
                    + origin
                    + ".";
        }
        if (values.size() > 1 || values.get(0).contains(",")) {
            return "More than one Access-Control-Allow-Origin ("
                    + String.join(" | ", values)
                    + "): a browser accepts exactly one origin. Send only "
                    + origin
                    + ".";
        }
        String value = values.get(0);
        if (value.equals("*") && mine.credentials()) {
            return "* with credentials: Access-Control-Allow-Origin: * together with"
                    + " Access-Control-Allow-Credentials: true is refused by every browser (the"
                    + " Fetch standard forbids the wildcard for credentialed requests). Name "
                    + origin
                    + " instead of *.";
        }
        if (value.equals("*")) {
            return "Access-Control-Allow-Origin: * lets every web page you visit read your server."
                    + " Name "
                    + origin
                    + " instead.";
        }
        if (!value.equals(origin)) {
            return "Access-Control-Allow-Origin is "
                    + value
                    + ", but this page's origin is "
                    + origin
                    + " (scheme, name and port must all match).";
        }
        if (theirs.allowOrigin().contains(other) || theirs.allowOrigin().contains("*")) {
            return "Your server also lets "
                    + other
                    + " read it: it copies any Origin into Access-Control-Allow-Origin. Grant "
                    + origin
                    + " only.";
        }
        return null;
    }

    private static String shown(List<String> values) {
        return values.isEmpty() ? "(none)" : String.join(" | ", values);
    }
}
