package dev.loopbacklab.web.pages;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.LessonFormatException;
import dev.loopbacklab.web.view.Layout;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.ServiceUnavailableResponse;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The error handlers never throw, even on a request Jetty has already finished and recycled (where
 * every call on the context throws): Javalin answers a throwing exception handler by calling the
 * handler again, and once that turned into an endless loop on one worker thread.
 */
class ErrorPagesGoneResponseTest {
    private final AtomicInteger calls = new AtomicInteger();

    /** A context whose every method fails the way a recycled Jetty request does. */
    private Context gone() {
        return (Context)
                Proxy.newProxyInstance(
                        Context.class.getClassLoader(),
                        new Class<?>[] {Context.class},
                        (proxy, method, args) -> {
                            if (method.getDeclaringClass() == Object.class) {
                                return method.getName().equals("equals")
                                        ? proxy == args[0]
                                        : method.getName().equals("hashCode") ? 0 : "gone";
                            }
                            calls.incrementAndGet();
                            if (method.getName().equals("path")) {
                                throw new NullPointerException("getRequest() is null");
                            }
                            throw new IllegalStateException(
                                    "Response does not exist (likely recycled)");
                        });
    }

    @Test
    void noHandlerThrowsOnAGoneResponse() {
        ErrorPages pages = new ErrorPages(Layout.Chrome.local("test"));
        assertDoesNotThrow(
                () ->
                        pages.onException(
                                new IllegalStateException("Response does not exist"), gone()));
        assertDoesNotThrow(() -> pages.onHttpResponse(new NotFoundResponse(), gone()));
        assertDoesNotThrow(() -> pages.onHttpResponse(new ServiceUnavailableResponse(), gone()));
        assertDoesNotThrow(() -> pages.onBrokenLesson(new LessonFormatException("broken"), gone()));
        assertDoesNotThrow(() -> pages.onNotFound(gone()));
        assertTrue(calls.get() > 0, "the handlers did try the context");
    }
}
