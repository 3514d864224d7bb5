package dev.loopbacklab.room;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The room's durability point: an append-only file of records, each written and forced to the disk
 * ({@link FileChannel#force}) before anyone hears "stored". The database file is brought up to date
 * behind it, off the learners' path, and the journal is emptied once the database holds everything
 * in it durably.
 *
 * <p>A record on disk is its length (4 bytes), its CRC-32C (4 bytes) and its bytes. A lab killed
 * while writing leaves at most the last record torn: reading stops at the first record that is
 * short or fails its check, and the file is cut back to the records before it, which were all whole
 * when they were acknowledged.
 */
final class RoomJournal implements AutoCloseable {
    /** No record of the room comes near this; a larger length can only be a torn header. */
    static final int MAX_RECORD = 64 * 1024;

    private static final int HEADER = 8;

    private final FileChannel file;

    private RoomJournal(FileChannel file) {
        this.file = file;
    }

    /** Opens (or creates) the journal at {@code path}; {@link #records} reads what it holds. */
    static RoomJournal open(Path path) throws IOException {
        return new RoomJournal(
                FileChannel.open(
                        path,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.READ,
                        StandardOpenOption.WRITE));
    }

    /**
     * Every whole record, in order; a torn or corrupt tail is cut off the file, so new records
     * follow the last good one.
     */
    List<byte[]> records() throws IOException {
        List<byte[]> records = new ArrayList<>();
        long size = file.size();
        long at = 0;
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (at + HEADER <= size) {
            header.clear();
            readFully(header, at);
            int length = header.getInt(0);
            int crc = header.getInt(4);
            if (length < 0 || length > MAX_RECORD || at + HEADER + length > size) {
                break;
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            readFully(body, at + HEADER);
            if (crc(body.array()) != crc) {
                break;
            }
            records.add(body.array());
            at += HEADER + length;
        }
        if (at < size) {
            file.truncate(at);
            file.force(true);
        }
        file.position(at);
        return records;
    }

    /** Appends the records with one write and forces them to the disk before returning. */
    void append(List<byte[]> records) throws IOException {
        int total = 0;
        for (byte[] record : records) {
            if (record.length > MAX_RECORD) {
                throw new IOException("a journal record of " + record.length + " bytes");
            }
            total += HEADER + record.length;
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        for (byte[] record : records) {
            out.putInt(record.length).putInt(crc(record)).put(record);
        }
        out.flip();
        while (out.hasRemaining()) {
            file.write(out);
        }
        file.force(false);
    }

    /** The journal's length in bytes. */
    long size() throws IOException {
        return file.size();
    }

    /** Empties the journal: call only once the database holds every record durably. */
    void reset() throws IOException {
        file.truncate(0);
        file.position(0);
        file.force(true);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    private void readFully(ByteBuffer buffer, long at) throws IOException {
        while (buffer.hasRemaining()) {
            if (file.read(buffer, at + buffer.position()) < 0) {
                throw new IOException("the journal ended while reading a record");
            }
        }
    }

    private static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
