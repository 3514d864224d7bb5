package dev.loopbacklab.web.security;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty answers some requests before the lab sees them (a header block over 8 KiB, a malformed
 * request line, a blank Host). This keeps those answers short and gives them the same security
 * headers as every other response; never a stack trace.
 */
public final class PlainErrors extends ErrorHandler {
    /** Short plain-text answers, with the security headers. */
    public PlainErrors() {
        setShowStacks(false);
        setShowCauses(false);
        setShowOrigin(false);
        setDefaultResponseMimeType("text/plain");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SecurityHeaders.apply(response.getHeaders()::put);
        return super.handle(request, response, callback);
    }
}
