import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the benches talk to a lab: one request on its own loopback connection, the whole response
 * read (Connection: close), so no client library's own costs are in the figures.
 */
final class BenchHttp {
  private BenchHttp() {}

  private static final Pattern ADDRESS = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

  /**
   * The port of the first {@code http://127.0.0.1:PORT/} a starting lab (or hello-world) prints, or
   * null if its output ends first.
   */
  static String announcedPort(BufferedReader out) throws IOException {
    for (String line; (line = out.readLine()) != null; ) {
      Matcher m = ADDRESS.matcher(line);
      if (m.find()) {
        return m.group(1);
      }
    }
    return null;
  }

  /** A response: its status (-1 if it was not HTTP/1.1) and its body. */
  record Response(int status, String body) {}

  /** A connection to 127.0.0.1's {@code port}, with both timeouts set. */
  static Socket connect(int port, int connectMillis, int readMillis) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), connectMillis);
    socket.setSoTimeout(readMillis);
    return socket;
  }

  /** Sends {@code request} on a connection of its own and reads the whole response. */
  static Response exchange(int port, String request, int connectMillis, int readMillis)
      throws IOException {
    try (Socket socket = connect(port, connectMillis, readMillis)) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int end = raw.indexOf("\r\n\r\n");
      int status = raw.startsWith("HTTP/1.1 ") ? Integer.parseInt(raw.substring(9, 12)) : -1;
      return new Response(status, end < 0 ? raw : raw.substring(end + 4));
    }
  }
}
