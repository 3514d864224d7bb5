// Lesson 07 by hand: a JSON API on a port the OS picks, and who calls it from where.
// Run: jshell --class-path target/loopback-lab.jar lessons/07-api-on-localhost/api.jsh
import dev.loopbacklab.net.*;
import java.net.URI;
import java.net.http.*;

// 1. The API on 127.0.0.1; port 0 asks the OS for any free port. The listener prints each request.
var api = HelloApi.start("127.0.0.1", 0, r -> System.out.println("server saw " + r));
System.out.println(api.port() > 0);                       // prints: true
System.out.println(api.url().startsWith("http://127.0.0.1:"));   // prints: true

// 2. Call GET /hello twice with one HttpClient: keep-alive reuses the connection,
//    so "you" (your source port) is the same both times.
var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
var hello = HttpRequest.newBuilder(URI.create(api.url())).build();
var first = client.send(hello, HttpResponse.BodyHandlers.ofString());
var second = client.send(hello, HttpResponse.BodyHandlers.ofString());
System.out.println(first.statusCode());                   // prints: 200
System.out.println(first.body());
System.out.println(first.body().equals(second.body()));   // prints: true

// 3. Now call it yourself from a terminal while JShell waits (skip this when running the script):
//      curl http://127.0.0.1:<port>/hello
//    and watch "server saw Request[...]" appear here, with curl's own source port.
System.out.println("curl " + api.url());

// 4. Close the API: the port is free again.
api.close();
System.out.println(api.toString().endsWith(", closed]"));  // prints: true
/exit
