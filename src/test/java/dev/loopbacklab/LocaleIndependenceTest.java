package dev.loopbacklab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbacklab.cli.TerminalText;
import dev.loopbacklab.lesson.Event;
import dev.loopbacklab.lesson.ParamException;
import dev.loopbacklab.lesson.ParamSpec;
import dev.loopbacklab.lesson.Params;
import dev.loopbacklab.net.Numbers;
import dev.loopbacklab.web.view.EventHtml;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers the lab prints and reads must not change with the machine's locale: a German machine once
 * printed "1.000.000" as a bound and then refused the learner who typed it back. Each test runs
 * with the default locale set to one that groups, separates or even writes digits differently.
 */
class LocaleIndependenceTest {
    private static final ParamSpec COUNT =
            ParamSpec.integer("count", 1_000, 1, 1_000_000, "how many round trips");

    @ParameterizedTest
    @ValueSource(strings = {"de-DE", "fr-FR", "de-CH", "ar-EG", "hi-IN-u-nu-deva", "en-US"})
    void numbersAreWrittenTheSameWay(String tag) throws Throwable {
        under(
                tag,
                () -> {
                    assertEquals("1,000,000", Numbers.whole(1_000_000));
                    assertEquals("2.5", Numbers.decimal(2.5, 1));
                    assertEquals("from 1 to 1,000,000", COUNT.boundsText());
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"de-DE", "fr-FR", "ar-EG", "hi-IN-u-nu-deva"})
    void aBoundTheLabPrintsIsAcceptedWhenTypedBack(String tag) throws Throwable {
        under(
                tag,
                () -> {
                    ParamException refused = refused("0");
                    Matcher bound = Pattern.compile("to ([0-9,]+)").matcher(refused.getMessage());
                    assertTrue(bound.find(), refused.getMessage());
                    Params typedBack =
                            Params.parse(List.of(COUNT), Map.of("count", bound.group(1)));
                    assertEquals(1_000_000, typedBack.integer("count"));
                    ParamException tooMany = refused("2000000");
                    assertTrue(
                            tooMany.getMessage().endsWith("; you typed \"2000000\""),
                            tooMany.getMessage());
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"de-DE", "fr-FR", "en-US"})
    void aCommaThatDoesNotGroupThousandsIsRefusedWithTheFix(String tag) throws Throwable {
        under(
                tag,
                () -> {
                    ParamException misgrouped = refused("1,0");
                    assertEquals(
                            "count must be a whole number from 1 to 1,000,000; you typed \"1,0\","
                                    + " which groups its digits wrongly: write 10, or put a comma"
                                    + " before every three digits from the right (1,000)",
                            misgrouped.getMessage());
                    ParamException german = refused("1.000");
                    assertTrue(
                            german.getMessage().contains("grouped with commas (1,000)"),
                            german.getMessage());
                    assertEquals(
                            1_000,
                            Params.parse(List.of(COUNT), Map.of("count", "1,000"))
                                    .integer("count"));
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"de-DE", "ar-EG", "hi-IN-u-nu-deva"})
    void renderedEventsShowAsciiNumbers(String tag) throws Throwable {
        under(
                tag,
                () -> {
                    Event.Chart chart =
                            new Event.Chart(
                                    "ports",
                                    "bucket",
                                    "count",
                                    List.of(
                                            new Event.Bar("a", 1_234_567, false),
                                            new Event.Bar("b", 2.5, true)),
                                    "");
                    assertEquals("1,234,567", chart.bars().get(0).display());
                    assertEquals("2.5", chart.bars().get(1).display());
                    String terminal = TerminalText.render(chart);
                    assertTrue(terminal.contains("1,234,567"), terminal);
                    String html = EventHtml.render(chart);
                    assertTrue(html.contains("1,234,567"), html);
                    String progress = TerminalText.render(new Event.Progress(60, 100, "sweeping"));
                    assertTrue(progress.contains(" 60%"), progress);
                    assertTrue(progress.chars().allMatch(c -> c < 128), "non-ASCII in " + progress);
                });
    }

    /** What the lab says to {@code count} typed as {@code text}. */
    private static ParamException refused(String text) {
        return org.junit.jupiter.api.Assertions.assertThrows(
                ParamException.class, () -> Params.parse(List.of(COUNT), Map.of("count", text)));
    }

    private static void under(String tag, Executable body) throws Throwable {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag(tag));
        try {
            body.execute();
        } finally {
            Locale.setDefault(before);
        }
    }
}
