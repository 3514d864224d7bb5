package dev.loopbacklab.browser;

import java.nio.file.Files;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips browser tests (each counted as skipped, with a loud message) when Debian's chromium or
 * chromedriver is missing — unless {@code LAB_REQUIRE_BROWSER=1}, then they run and fail.
 */
final class BrowserAvailable implements ExecutionCondition {
    static boolean present() {
        return Files.isExecutable(Browser.CHROMIUM) && Files.isExecutable(Browser.CHROMEDRIVER);
    }

    static boolean required() {
        return "1".equals(System.getenv("LAB_REQUIRE_BROWSER"));
    }

    static String missingMessage() {
        return "BROWSER TESTS SKIPPED: "
                + Browser.CHROMIUM
                + " or "
                + Browser.CHROMEDRIVER
                + " is missing. Install them with: apt-get install -y chromium chromium-driver";
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (present() || required()) {
            return ConditionEvaluationResult.enabled("a browser is installed, or one is required");
        }
        if (context.getTestMethod().isEmpty()) {
            System.err.println(
                    "\n*** " + missingMessage() + " (" + context.getDisplayName() + ") ***\n");
        }
        return ConditionEvaluationResult.disabled(missingMessage());
    }
}
