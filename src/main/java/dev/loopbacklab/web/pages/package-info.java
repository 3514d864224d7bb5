/**
 * The site's pages: the index, the lesson pages (rendered once and cached, with the live facts of
 * each request's own connection cut in), the assets, and the error pages.
 */
package dev.loopbacklab.web.pages;
