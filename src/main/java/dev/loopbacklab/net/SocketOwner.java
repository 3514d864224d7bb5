package dev.loopbacklab.net;

/**
 * The process that holds a socket, as {@code ss -p} or {@code lsof -i} would name it.
 *
 * @param pid the process id
 * @param command the program's short name from {@code /proc/<pid>/comm} or lsof, such as "java";
 *     empty where the system names only the pid (Windows' netstat)
 */
public record SocketOwner(long pid, String command) {

    /** Reads like {@code java (pid 4242)}, or {@code pid 4242} when the name is not known. */
    @Override
    public String toString() {
        return command.isEmpty() ? "pid " + pid : command + " (pid " + pid + ")";
    }
}
