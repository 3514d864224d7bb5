/**
 * The pages, rendered with j2html: a {@link dev.loopbacklab.web.view.Layout}, shared {@link
 * dev.loopbacklab.web.view.Components}, and one page class per route. Views only render: data is
 * prepared into records before it reaches them.
 */
package dev.loopbacklab.web.view;
