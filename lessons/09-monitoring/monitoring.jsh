// Lesson 09 by hand: count and time requests with Micrometer, serve them at /metrics, scrape them.
// Run: java -jar target/loopback-lab.jar jshell lessons/09-monitoring/monitoring.jsh
// It prints what each step shows, then leaves you in JShell with the toolkit imported.
// Named imports: JShell already imports java.util.*, which has a Timer of its own.
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.*;
import com.sun.net.httpserver.HttpServer;
import dev.loopbacklab.net.*;
import java.net.*;
import java.net.http.*;
import java.time.Duration;

// 1. A registry that speaks Prometheus, a counter and a timer with a few histogram buckets.
var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
var requests = Counter.builder("demo.requests").register(registry);
var latency = Timer.builder("demo.request.duration").
    serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(10)).register(registry);

// 2. Pretend three requests came in: count each one, time each one.
for (long ms : new long[] {0, 5, 50}) {
  requests.increment();
  latency.record(Duration.ofMillis(ms));
}

// 3. Serve the text at /metrics on 127.0.0.1, port 0 (the OS picks a free one).
var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
server.createContext("/metrics", exchange -> {
  byte[] body = registry.scrape().getBytes();
  exchange.sendResponseHeaders(200, body.length);
  try (var out = exchange.getResponseBody()) { out.write(body); }
});
server.start();
var url = "http://127.0.0.1:" + server.getAddress().getPort() + "/metrics";

// 4. Scrape it, as Prometheus would: another program, a GET over loopback.
//    (From a terminal while JShell waits: curl <url>)
var client = HttpClient.newHttpClient();
var text = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
    HttpResponse.BodyHandlers.ofString()).body();
System.out.println("scraped " + url + ", the demo's lines:");
text.lines().filter(l -> l.startsWith("demo_")).forEach(l -> System.out.println("  " + l));
// prints: demo_requests_total 3.0
// prints: demo_request_duration_seconds_bucket{le="0.001"} 1
// prints: demo_request_duration_seconds_bucket{le="0.01"} 2
// prints: demo_request_duration_seconds_bucket{le="+Inf"} 3

// 5. Close what we opened: the port is free again.
server.stop(0);
registry.close();
System.out.println("stopped the server at " + url);   // prints: stopped the server at http://127.0.0.1:<port>/metrics
