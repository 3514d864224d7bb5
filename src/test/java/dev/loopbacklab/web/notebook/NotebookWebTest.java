package dev.loopbacklab.web.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.lesson.LessonCatalog;
import dev.loopbacklab.notebook.NotebookLimits;
import dev.loopbacklab.notebook.Toolkit;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A page's session starts with the toolkit's imports and then the lesson's own. */
class NotebookWebTest {
    private final LessonCatalog lessons = LessonCatalog.load(Path.of("lessons"));

    @Test
    void importsTheToolkitThenEveryImportOfTheLessonsBlocks() {
        try (NotebookWeb web =
                NotebookWeb.create(false, NotebookLimits.defaults(), () -> lessons)) {
            List<String> imports = web.importsOf("api-on-localhost");
            assertEquals(Toolkit.imports(), imports.subList(0, Toolkit.imports().size()));
            assertTrue(imports.contains("import java.net.http.*;"), imports.toString());
            assertTrue(imports.contains("import java.net.URI;"), imports.toString());
            assertEquals(imports.size(), imports.stream().distinct().count(), imports.toString());
            assertEquals(Toolkit.imports(), web.importsOf("no-such-lesson"));
        }
    }

    @Test
    void theToolkitImportsAreTheOnesLabJshellMakes() {
        assertTrue(Toolkit.imports().contains("import dev.loopbacklab.net.*;"));
        assertTrue(Toolkit.startupScript().startsWith(String.join("\n", Toolkit.imports())));
    }
}
