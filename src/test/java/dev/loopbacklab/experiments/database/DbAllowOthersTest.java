package dev.loopbacklab.experiments.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.Outcome;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.lesson.Runner;
import dev.loopbacklab.testing.RecordingReport;
import org.junit.jupiter.api.Test;

class DbAllowOthersTest {
  private final DbAllowOthers experiment = new DbAllowOthers();

  private RecordingReport run() {
    RecordingReport report = new RecordingReport();
    Outcome outcome = Runner.run(experiment, Params.defaults(experiment.params()), report);
    assertEquals(Outcome.COMPLETED, outcome, () -> report.events.toString());
    return report;
  }

  @Test
  void theSwitchChangesOnlyTheStatusLineForLoopbackClients() {
    RecordingReport report = run();
    assertTrue(report.fact("H2 says, without").value()
        .endsWith("(only local connections)"));
    assertTrue(report.fact("H2 says, with -tcpAllowOthers").value()
        .endsWith("(others can connect)"));
    Event.Table table = report.table("The same server");
    assertEquals(6, table.rows().size());
    assertTrue(table.rows().stream().allMatch(r -> r.get(3).startsWith("connected; ")),
        table.toString());
    assertTrue(report.narration().contains("Only the status line differs"));
  }

  @Test
  void namesH2sExactRefusalForRemoteClients() {
    RecordingReport report = run();
    assertEquals("true", report.fact("127.0.0.2 is loopback").value());
    assertEquals("Remote connections to this server are not allowed, see -tcpAllowOthers"
        + " [90117-252]", report.fact("what another machine gets without the switch").value());
  }
}
