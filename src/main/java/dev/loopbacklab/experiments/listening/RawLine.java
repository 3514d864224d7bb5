package dev.loopbacklab.experiments.listening;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of {@code /proc/net/tcp} or {@code tcp6} exactly as the kernel wrote it, cut into its
 * columns for display. The lab's real parser is {@code SocketTable.parse}; this only shows a line.
 *
 * @param file "tcp" or "tcp6"
 * @param header the file's first line, naming the columns
 * @param text the line itself
 * @param fields the line split at its spaces
 */
record RawLine(String file, String header, String text, List<String> fields) {
    /**
     * The columns every line has; more follow that the kernel documents but the lab does not use.
     */
    static final List<String> COLUMNS =
            List.of(
                    "sl",
                    "local_address",
                    "rem_address",
                    "st",
                    "tx_queue:rx_queue",
                    "tr:tm->when",
                    "retrnsmt",
                    "uid",
                    "timeout",
                    "inode");

    static final int LOCAL = 1;
    static final int REMOTE = 2;
    static final int STATE = 3;
    static final int QUEUES = 4;
    static final int UID = 7;
    static final int INODE = 9;

    /** The line of {@code fileText} (a whole {@code /proc/net} file) about socket {@code inode}. */
    static Optional<RawLine> find(String file, String fileText, long inode) {
        String[] lines = fileText.split("\n");
        String wanted = Long.toString(inode);
        for (int i = 1; i < lines.length; i++) {
            List<String> fields = List.of(lines[i].strip().split(" +"));
            if (fields.size() > INODE && fields.get(INODE).equals(wanted)) {
                return Optional.of(new RawLine(file, lines[0], lines[i], fields));
            }
        }
        return Optional.empty();
    }

    /**
     * The file name and the first ten columns, for a table with {@code "file"} + {@link #COLUMNS}.
     */
    List<String> cells() {
        List<String> cells = new ArrayList<>();
        cells.add("/proc/net/" + file);
        cells.addAll(fields.subList(0, COLUMNS.size()));
        return cells;
    }

    /** The header and the line, ready for {@code SocketTable.parse}. */
    String asFile() {
        return header + "\n" + text + "\n";
    }
}
