package dev.loopbacklab.experiments.port;

import dev.loopbacklab.net.SocketOwner;
import dev.loopbacklab.net.SocketTable;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The listening sockets of this JVM only, so that servers of other programs on a shared machine
 * cannot make a leak test pass or fail.
 */
final class OwnListeners {
    private OwnListeners() {}

    static Set<String> now() {
        long pid = ProcessHandle.current().pid();
        Map<Long, SocketOwner> owners = SocketTable.owners();
        return SocketTable.listening().stream()
                .filter(e -> owners.containsKey(e.inode()) && owners.get(e.inode()).pid() == pid)
                .map(SocketTable.Entry::localEndpoint)
                .collect(Collectors.toSet());
    }
}
