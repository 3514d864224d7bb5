package dev.loopbacklab.experiments.echo;

import java.io.IOException;

/** One way of sending a small message and waiting until it comes back. */
interface Pinger extends AutoCloseable {
    /** Every message is this long: a sequence number and padding. */
    int MESSAGE_BYTES = 16;

    /**
     * Sends message number {@code seq} and waits for it to come back.
     *
     * @return false if it was lost (only UDP can lose one)
     */
    boolean roundTrip(long seq) throws IOException, InterruptedException;

    /** Closes every socket and stops every thread this pinger started. */
    @Override
    void close();
}
