package dev.loopbacklab.web.pages;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The vendored highlight.js is one pinned version throughout, with its licence beside it, and
 * site/highlight.js imports only files that are there (a missing one would leave every page
 * uncoloured without an error a unit test sees).
 */
class VendoredHighlighterTest {
    private static final String VERSION = "11.11.1";
    private static final Path DIR = Path.of("site", "vendor", "highlight");

    @Test
    void everyFileIsThePinnedVersionWithItsLicence() throws Exception {
        assertTrue(Files.readString(DIR.resolve("VENDORED.txt")).contains("@" + VERSION));
        assertTrue(Files.readString(DIR.resolve("LICENSE.txt")).startsWith("BSD 3-Clause License"));
        assertTrue(
                Files.readString(DIR.resolve("core.js"))
                        .contains("Highlight.js v" + VERSION + " "));
        try (var languages = Files.list(DIR.resolve("languages"))) {
            for (Path language : languages.toList()) {
                assertTrue(
                        Files.readString(language)
                                .startsWith(
                                        "/*! `"
                                                + language.getFileName()
                                                        .toString()
                                                        .replace(".js", "")
                                                + "` grammar compiled for Highlight.js "
                                                + VERSION),
                        language.toString());
            }
        }
    }

    @Test
    void theModuleImportsOnlyVendoredFiles() throws Exception {
        List<String> imports =
                Files.readString(Path.of("site", "highlight.js"))
                        .lines()
                        .filter(l -> l.startsWith("import "))
                        .map(l -> l.replaceAll(".*from \"\\./(.*)\";", "$1"))
                        .toList();
        assertTrue(imports.size() >= 7, imports.toString());
        for (String file : imports) {
            assertTrue(Files.isRegularFile(Path.of("site").resolve(file)), file);
        }
    }
}
