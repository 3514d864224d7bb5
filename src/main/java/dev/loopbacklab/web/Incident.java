package dev.loopbacklab.web;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An error the lab did not expect while answering someone. They get a fixed sentence with a short
 * id, never the exception's message: a message can carry file paths, SQL or the database's
 * internals, and in a room the answer goes to every learner's lab. The terminal that runs the lab
 * gets the whole exception under the same id, so whoever runs it can find the one a learner
 * reports.
 *
 * @param id eight hex digits, to read out across a room (not a secret; not unique for ever)
 */
public record Incident(String id) {
    private static final Logger LOG = LoggerFactory.getLogger(Incident.class);

    /** Logs {@code failure} in full, with what failed, under a new incident id. */
    public static Incident log(String what, Throwable failure) {
        Incident incident =
                new Incident(HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
        LOG.error("incident {}: {} failed", incident.id, what, failure);
        return incident;
    }

    /** The sentence the requester gets: what happened, and what to do with the id. */
    public String sentence(String whoseLab) {
        return whoseLab
                + " hit an error it did not expect (incident "
                + id
                + "). Nothing of it is shown here: the details are in the terminal that runs "
                + "it, under that number.";
    }
}
