package dev.loopbacklab.net;

/** A separate JVM for {@link RunFoldersTest}: starts a Unix echo server, says where, then waits. */
final class UnixEchoChild {
    private UnixEchoChild() {}

    public static void main(String[] args) throws Exception {
        UnixEchoServer server = UnixEchoServer.start();
        System.out.println(server.path());
        System.out.flush();
        System.in.read(); // until the test kills this process
    }
}
