// Lesson 11: a server a page of another origin may read — CORS headers checked from Java.
// Run: jshell --class-path target/loopback-lab.jar lessons/11-browser-and-localhost/browser.jsh
import com.sun.net.httpserver.*;
import java.net.*;
import java.net.http.*;

// 1. The challenge's server, on a port the OS picks, granting one origin only.
var pageOrigin = "http://127.0.0.1:62893";
var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
server.createContext("/", ex -> {
  var origin = ex.getRequestHeaders().getFirst("Origin");
  if (pageOrigin.equals(origin)) {
    ex.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
  }
  ex.getResponseHeaders().set("Vary", "Origin");
  var body = "hello from your server".getBytes();
  ex.sendResponseHeaders(200, body.length);
  ex.getResponseBody().write(body);
  ex.close();
});
server.start();

// 2. Ask it as a browser would, once as the page and once as another origin.
var client = HttpClient.newHttpClient();
String allowFor(String origin) throws Exception {
  var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"))
      .header("Origin", origin).build();
  return client.send(request, HttpResponse.BodyHandlers.ofString())
      .headers().firstValue("Access-Control-Allow-Origin").orElse("(none)");
}
System.out.println(allowFor(pageOrigin));
// prints: http://127.0.0.1:62893
System.out.println(allowFor("http://evil.example"));
// prints: (none)

// 3. The lab's own check judges it the same way.
var outcome = dev.loopbacklab.Lab.check("browser-cors-yours",
    "port=" + server.getAddress().getPort(), "origin=" + pageOrigin);
System.out.println(outcome);
// prints: PASSED
server.stop(0);
/exit
