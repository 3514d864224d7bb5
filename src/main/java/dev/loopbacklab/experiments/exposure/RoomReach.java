package dev.loopbacklab.experiments.exposure;

import dev.loopbacklab.lesson.AbstractCheck;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Report;
import dev.loopbacklab.lesson.RoomLink;
import java.util.Optional;

/**
 * {@code exposure-room-reach}: in a workshop, "is my server reachable from the room?" answered by
 * the room itself. The teacher's lab connects back to the address this lab's request came from, at
 * the learner's port (a TCP connect, nothing sent). No other tool can show it: the evidence comes
 * from another machine.
 */
public final class RoomReach extends AbstractCheck {
    static final int DEFAULT_PORT = 7009;

    public RoomReach() {
        super(
                "exposure-room-reach",
                "Challenge: reachable from the room",
                "In a workshop room: start a server on the port, then press Check. The teacher's"
                        + " lab tries one connection back to your machine, at the address your"
                        + " lab's messages come from, and says whether it got through.",
                ParamSpec.yourServerPort(DEFAULT_PORT));
    }

    @Override
    public void run(Params params, Report report) {
        int port = params.port("port");
        Optional<RoomLink> room = report.capability(RoomLink.class).filter(RoomLink::joined);
        if (room.isEmpty()) {
            report.verdict(
                    false,
                    "This lab is not in a workshop room, so nobody else can try to reach you.",
                    "Join your teacher's room on this lab's workshop page (/workshop), or start the"
                            + " lab with serve --join LINK --nickname NAME, then check again.");
            return;
        }
        String answer;
        try {
            answer = room.get().reach(port);
        } catch (RuntimeException e) {
            // The room refused (too soon after the last try) or could not be reached: say so.
            report.verdict(
                    false,
                    "The room could not try: " + e.getMessage(),
                    "Check again in a few seconds; if the room cannot be reached at all, ask your"
                            + " teacher whether their lab is still running.");
            return;
        }
        switch (answer) {
            case "reachable" ->
                    report.verdict(
                            true,
                            "The room reached your server on port "
                                    + port
                                    + ": it listens on an"
                                    + " address other machines can use.",
                            "That is what 0.0.0.0 (or ::, or new ServerSocket("
                                    + port
                                    + ")) means.",
                            "Now restart it on 127.0.0.1 and check again: the room can no longer"
                                    + " reach it. That is the difference this lesson is about.");
            case "refused" ->
                    report.verdict(
                            false,
                            "The room could not reach port "
                                    + port
                                    + ": your machine refused"
                                    + " the connection.",
                            "Nothing listens there on an address the room can use. A server bound"
                                    + " to 127.0.0.1 refuses every other machine: that is loopback"
                                    + " doing its job.",
                            "To pass, bind it to 0.0.0.0, e.g. EchoServer.start(\"0.0.0.0\", "
                                    + port
                                    + "), then close it again when you are done.");
            default ->
                    report.verdict(
                            false,
                            "The room got no answer from port " + port + " within 2 s.",
                            "A firewall dropped it, or the network between you does not pass it."
                                    + " macOS's firewall, where it is turned on, asks once per"
                                    + " program (System Settings → Network → Firewall); Windows"
                                    + " Defender Firewall asks the first time"
                                    + " Java listens on a non-loopback address.");
        }
    }
}
