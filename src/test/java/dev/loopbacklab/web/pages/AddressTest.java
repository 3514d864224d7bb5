package dev.loopbacklab.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AddressTest {
    @Test
    void takesTheHostFromTheHeaderAndThePortFromTheConnection() {
        assertEquals("127.0.0.1:40123", Address.text("127.0.0.1:40123", 40123));
        assertEquals("localhost:8080", Address.text("localhost:8080", 8080));
        assertEquals("[::1]:62893", Address.text("[::1]:62893", 62893));
        assertEquals("lab.test:62893", Address.text("lab.test:62893", 62893));
        // a browser leaves out :80; the connection still says which port it came in on
        assertEquals("localhost:80", Address.text("localhost", 80));
        // behind a forwarded port the header names the outer port; the page names the lab's own
        assertEquals("lab.test:62893", Address.text("lab.test:443", 62893));
        // HTTP/1.0 may send no Host at all
        assertEquals("127.0.0.1:5000", Address.text(null, 5000));
    }

    @Test
    void aHostHeaderNeverBecomesMarkupInThePage() {
        // the Host guard refuses such a header first; the page escapes it all the same
        assertEquals(
                "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;:62893",
                Address.html("<script>alert(\"x\")</script>", 62893));
        assertEquals("a&amp;b:1", Address.html("a&b", 1));
    }
}
