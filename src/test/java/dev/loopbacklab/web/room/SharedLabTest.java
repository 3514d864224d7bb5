package dev.loopbacklab.web.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.experiments.Experiments;
import dev.loopbacklab.lesson.Experiment;
import dev.loopbacklab.testing.RawHttp;
import dev.loopbacklab.testing.TestLab;
import dev.loopbacklab.web.LabServer;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The shared lab says where runs happen, and keeps for the teacher what a visitor cannot use. */
class SharedLabTest {
    @Test
    void everyCheckAndEveryWildcardOrPrivateExperimentIsForTheTeacherOnly() {
        for (Experiment experiment : Experiments.registry().all()) {
            if (experiment.isCheck()) {
                assertTrue(SharedLab.teacherOnly(experiment).isPresent(), experiment.id());
            }
        }
        for (String id : SharedLab.TEACHER_ONLY.keySet()) {
            assertTrue(Experiments.registry().find(id).isPresent(), "no experiment " + id);
        }
        assertFalse(
                SharedLab.teacherOnly(Experiments.registry().find("echo-rtt").orElseThrow())
                        .isPresent(),
                "a plain measurement runs for visitors too, on the teacher's machine");
    }

    @Test
    void visitorsAreTheRequestsFromOtherMachines() {
        assertFalse(SharedLab.visitor("127.0.0.1"));
        assertFalse(SharedLab.visitor("127.0.0.2"));
        assertFalse(SharedLab.visitor("0:0:0:0:0:0:0:1"));
        assertTrue(SharedLab.visitor("192.0.2.10"));
        assertTrue(SharedLab.visitor("2001:db8::1"));
    }

    @Test
    void aSharedLabsPagesSayWhichPanelsAreTheTeachersAndWhy() throws Exception {
        try (LabServer room = TestLab.room()) {
            RawHttp.Response page = TestLab.visit(room, "/lessons/first");
            assertEquals(200, page.status());
            Document html = Jsoup.parse(page.body());
            List<String> notes = html.select("[data-check] .shared-lab-note").eachText();
            assertEquals(1, notes.size(), "the fixture's one check");
            assertTrue(notes.get(0).contains("your own machine"), notes.get(0));
            assertTrue(html.select("[data-experiment] .shared-lab-note").isEmpty());
        }
    }
}
