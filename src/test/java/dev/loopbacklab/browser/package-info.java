/**
 * End-to-end tests in a real headless Chromium driven by Selenium: the lesson path, live panels,
 * progress kept in the browser, keyboard use, small screens, dark mode, printing and axe-core
 * accessibility checks. Each test class shares one browser; each scenario saves a screenshot under
 * {@code target/screenshots/}. Without Debian's chromium and chromedriver the tests are skipped
 * loudly, unless {@code LAB_REQUIRE_BROWSER=1} makes that a failure.
 */
package dev.loopbacklab.browser;
