package dev.loopbacklab.notebook;

import java.util.List;

/** What a cell run shows under the cell, in order. */
public sealed interface CellEvent {
    /** Output a snippet printed; {@code stream} is {@code out} or {@code err}. */
    record Text(String stream, String text) implements CellEvent {
        @Override
        public String type() {
            return stream;
        }
    }

    /**
     * What a snippet made, as the jshell tool says it: {@code x ==> 5}, {@code created method m()}.
     */
    record Value(String text) implements CellEvent {
        @Override
        public String type() {
            return "value";
        }
    }

    /** An exception a snippet threw, with the frames that matter. */
    record Failure(String text, List<String> frames) implements CellEvent {
        @Override
        public String type() {
            return "exception";
        }
    }

    /**
     * A compiler message, at {@code line} and {@code column} (from 1) of the cell; {@code
     * sourceLine} is that line of the cell, {@code length} how many characters it concerns.
     */
    record Diagnostic(
            boolean error, int line, int column, int length, String message, String sourceLine)
            implements CellEvent {
        @Override
        public String type() {
            return "diagnostic";
        }
    }

    /**
     * Something the lab says about the run: output capped, a snippet stopped, a command skipped.
     */
    record Notice(String text) implements CellEvent {
        @Override
        public String type() {
            return "notice";
        }
    }

    /**
     * The end of a cell run; {@code outcome} is {@code ok}, {@code error}, {@code stopped} or
     * {@code ended} (the session's JVM went away).
     */
    record Done(String outcome, long millis) implements CellEvent {
        @Override
        public String type() {
            return "done";
        }
    }

    /** The session: {@code starting}, {@code ready} or {@code ended}, with a sentence why. */
    record State(String state, String message) implements CellEvent {
        @Override
        public String type() {
            return "state";
        }
    }

    /** The event's name on the wire. */
    String type();
}
