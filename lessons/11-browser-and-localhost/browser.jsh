// Lesson 11: a server a page of another origin may read — CORS headers checked from Java.
// Run: java -jar target/loopback-lab.jar jshell lessons/11-browser-and-localhost/browser.jsh
// It prints what each step shows, then leaves you in JShell with the toolkit imported.
import com.sun.net.httpserver.*;
import dev.loopbacklab.net.*;
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
System.out.println("Access-Control-Allow-Origin for the page: " + allowFor(pageOrigin));
// prints: Access-Control-Allow-Origin for the page: http://127.0.0.1:62893
System.out.println("for another origin: " + allowFor("http://evil.example"));
// prints: for another origin: (none)

// 3. The lab's own check judges it the same way.
var outcome = dev.loopbacklab.Lab.check("browser-cors-yours",
    "port=" + server.getAddress().getPort(), "origin=" + pageOrigin);
System.out.println("browser-cors-yours: " + outcome);
// prints: browser-cors-yours: PASSED
server.stop(0);
