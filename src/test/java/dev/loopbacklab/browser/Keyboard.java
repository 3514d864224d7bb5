package dev.loopbacklab.browser;

import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Drives a page with keys alone: Tab and Shift+Tab go to wherever focus is, as a person's would.
 */
final class Keyboard {
    /** Marks the focused element and returns a description, or null when focus is on the body. */
    private static final String MARK =
            """
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      el.setAttribute('data-kb-reached', '');
      return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ' + (el.getAttribute('aria-label')
          || el.textContent.trim().slice(0, 30) || el.getAttribute('name') || '');
      """;

    /** Every visible control a keyboard should reach, not yet reached by Tab. */
    static final String UNREACHED =
            """
      const controls = document.querySelectorAll('a[href]:not([tabindex="-1"]), button:not([disabled]),'
          + ' input:not([disabled]), select, textarea, summary, [tabindex="0"]');
      return Array.from(controls)
          .filter(el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
          // inside a closed <details> only the summary can take focus (Chromium still lays out the rest)
          .filter(el => el.tagName === 'SUMMARY' || !el.closest('details:not([open])'))
          .filter(el => !el.hasAttribute('data-kb-reached'))
          .map(el => el.outerHTML.slice(0, 120));
      """;

    private final Browser browser;

    Keyboard(Browser browser) {
        this.browser = browser;
    }

    void press(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    /**
     * Presses Tab until {@code stop} says so (at most {@code limit} times); returns what got focus.
     */
    List<String> tabThrough(int limit) {
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            press(Keys.TAB);
            String now = (String) browser.js(MARK);
            if (now == null && !reached.isEmpty()) {
                break; // focus left the page's last control
            }
            if (now != null) {
                reached.add(now);
            }
        }
        return reached;
    }

    /** Presses Tab until {@code target} has focus, at most {@code limit} times. */
    boolean tabTo(WebElement target, int limit) {
        for (int i = 0; i < limit; i++) {
            press(Keys.TAB);
            if (browser.active().equals(target)) {
                return true;
            }
        }
        return false;
    }
}
