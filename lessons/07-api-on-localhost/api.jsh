// Lesson 07 by hand: a JSON API on a port the OS picks, and who calls it from where.
// Run: java -jar target/loopback-lab.jar jshell lessons/07-api-on-localhost/api.jsh
// It prints what each step shows, then leaves you in JShell with the toolkit imported.
import dev.loopbacklab.net.*;
import java.net.URI;
import java.net.http.*;

// 1. The API on 127.0.0.1; port 0 asks the OS for any free port. The listener prints each request.
var api = HelloApi.start("127.0.0.1", 0, r -> System.out.println("server saw " + r));
System.out.println("API at " + api.url());                // prints: API at http://127.0.0.1:<port>/hello

// 2. Call GET /hello twice with one HttpClient: keep-alive reuses the connection,
//    so "you" (your source port) is the same both times.
var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
var hello = HttpRequest.newBuilder(URI.create(api.url())).build();
var first = client.send(hello, HttpResponse.BodyHandlers.ofString());
var second = client.send(hello, HttpResponse.BodyHandlers.ofString());
System.out.println("first call: " + first.statusCode() + " " + first.body());   // prints: first call: 200 {"message":"hello","you":"127.0.0.1:<source port>"}
System.out.println("second call: " + second.statusCode() + " " + second.body());
System.out.println("same source port both times: " + first.body().equals(second.body()));   // prints: same source port both times: true

// 3. Now call it yourself from a terminal while JShell waits (skip this when running the script):
//      curl http://127.0.0.1:<port>/hello
//    and watch "server saw Request[...]" appear here, with curl's own source port.
System.out.println("to try it: curl " + api.url());

// 4. Close the API: the port is free again.
api.close();
System.out.println("API after close: " + api);           // prints: API after close: HelloApi[http://127.0.0.1:<port>/hello, closed]
