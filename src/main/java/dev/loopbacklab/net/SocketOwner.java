package dev.loopbacklab.net;

/**
 * The process that holds a socket, as {@code ss -p} or {@code lsof -i} would name it.
 *
 * @param pid the process id
 * @param command the program's short name from {@code /proc/<pid>/comm}, such as "java"
 */
public record SocketOwner(long pid, String command) {

    /** Reads like {@code java (pid 4242)}. */
    @Override
    public String toString() {
        return command + " (pid " + pid + ")";
    }
}
