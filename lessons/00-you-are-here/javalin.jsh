// The lab's own web framework, by hand: a tiny Javalin app on loopback, asked for a page, stopped.
// Run it with:  java -jar target/loopback-lab.jar jshell lessons/00-you-are-here/javalin.jsh
// It prints what each step shows, then leaves you in JShell with the toolkit imported.
import dev.loopbacklab.net.*;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

// Port 0 asks the OS for any free port; 127.0.0.1 keeps the app private to this machine.
var app = Javalin.create(config -> {
    config.startup.showJavalinBanner = false;
    config.routes.get("/", ctx -> ctx.result("hello from 127.0.0.1"));
}).start("127.0.0.1", 0);

int port = app.port();
System.out.println("app listening on 127.0.0.1 port " + port); // prints: app listening on 127.0.0.1 port <port>

var client = HttpClient.newHttpClient();
var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build();
var response = client.send(request, HttpResponse.BodyHandlers.ofString());
System.out.println("GET / answered: " + response.statusCode() + " " + response.body()); // prints: GET / answered: 200 hello from 127.0.0.1

// Stop the server so the port is free again.
app.stop();
System.out.println("app stopped; port " + port + " is free again"); // prints: app stopped; port <port> is free again
