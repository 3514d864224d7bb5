package dev.loopbacklab.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.testing.CapturedErr;
import dev.loopbacklab.web.view.Layout;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** An error no route expected: a page with a number for whoever asked, the details in the log. */
class ErrorPagesTest {
    /** A context for {@code GET path} that keeps what is answered. */
    private static Context answered(String path, Map<String, Object> answer) {
        return (Context)
                Proxy.newProxyInstance(
                        Context.class.getClassLoader(),
                        new Class<?>[] {Context.class},
                        (proxy, method, args) -> {
                            switch (method.getName()) {
                                case "path":
                                    return path;
                                case "method":
                                    return HandlerType.GET;
                                case "status", "contentType", "result":
                                    answer.put(method.getName(), args[0]);
                                    return proxy;
                                default:
                                    throw new UnsupportedOperationException(method.getName());
                            }
                        });
    }

    @Test
    void aPageThatFailsShowsAnIncidentNumberAndTheLogHasTheException() {
        Map<String, Object> answer = new HashMap<>();
        String logged;
        try (CapturedErr log = CapturedErr.start()) {
            new ErrorPages(Layout.Chrome.local("test"))
                    .onException(
                            new SQLException("Table \"SECRET_ROWS\" not found; SQL statement"),
                            answered("/lessons/first", answer));
            logged = log.text();
        }
        assertEquals(500, answer.get("status"));
        assertTrue(String.valueOf(answer.get("contentType")).startsWith("text/html"));
        String page = Jsoup.parse((String) answer.get("result")).text();
        Matcher incident = Pattern.compile("incident ([0-9a-f]{8})").matcher(page);
        assertTrue(incident.find(), page);
        assertFalse(page.contains("SECRET_ROWS") || page.contains("SQL"), page);
        assertTrue(logged.contains("incident " + incident.group(1)), logged);
        assertTrue(logged.contains("GET /lessons/first"), logged);
        assertTrue(logged.contains("SECRET_ROWS"), logged);
    }
}
