package dev.loopbacklab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What a page prints, read back: Chromium's own PDF of it (Page.printToPDF, as the print dialog
 * makes it) and poppler's {@code pdftotext}. The PDFs stay in {@code target/screenshots} to be
 * looked at.
 */
final class Printed {
    private Printed() {}

    /** Prints the browser's current page on {@code paper} ("a4" or "letter"). */
    static Path pdf(Browser browser, String name, String paper) throws IOException {
        boolean letter = paper.equals("letter");
        Map<String, Object> result =
                browser.cdp(
                        "Page.printToPDF",
                        Map.of(
                                "paperWidth",
                                letter ? 8.5 : 8.27,
                                "paperHeight",
                                letter ? 11.0 : 11.69,
                                "printBackground",
                                true,
                                "preferCSSPageSize",
                                false));
        Path pdf = Path.of("target", "screenshots", name + ".pdf");
        Files.createDirectories(pdf.getParent());
        Files.write(pdf, Base64.getDecoder().decode((String) result.get("data")));
        return pdf;
    }

    /**
     * The printed text with every run of white space made one space, so it can be searched across
     * the page's line breaks; the form feed that ends each page is kept.
     */
    static String text(Path pdf) throws Exception {
        return pdftotext("-layout", pdf).replaceAll("[ \\t\\r\\n]+", " ");
    }

    /** The printed lines as pdftotext reads them, each with its runs of spaces made one. */
    static List<String> lines(Path pdf) throws Exception {
        return pdftotext("-raw", pdf)
                .lines()
                .map(l -> l.replaceAll("[ \\t]+", " ").strip())
                .toList();
    }

    /** The printed lines laid out as on the page, their leading spaces kept (indents). */
    static List<String> layoutLines(Path pdf) throws Exception {
        return pdftotext("-layout", pdf).lines().toList();
    }

    /** How many pages {@link #text} holds. */
    static int pages(String text) {
        return (int) text.chars().filter(c -> c == '\f').count();
    }

    private static String pdftotext(String mode, Path pdf) throws Exception {
        Process process =
                new ProcessBuilder("pdftotext", mode, pdf.toString(), "-")
                        .redirectErrorStream(true)
                        .start();
        String text = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), text);
        return text;
    }
}
