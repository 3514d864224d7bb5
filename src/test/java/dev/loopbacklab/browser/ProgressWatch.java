package dev.loopbacklab.browser;

/**
 * Notes in the page whether a panel's progress bar was ever shown with a value — a run may end
 * before the test could look, so the page itself watches.
 */
final class ProgressWatch {
    private ProgressWatch() {}

    /** Script; argument: the panel's CSS selector. */
    static final String INSTALL =
            "const panel = document.querySelector(arguments[0]);"
                    + "const box = panel.querySelector('.run-progress'); window.__progressSeen = false;"
                    + "new MutationObserver(() => { if (!box.hidden && /\\d+%/.test(box.textContent))"
                    + " window.__progressSeen = true; }).observe(box, {attributes: true, childList: true,"
                    + " subtree: true, characterData: true});";

    /** Script returning whether progress was seen. */
    static final String SEEN = "return window.__progressSeen === true;";
}
