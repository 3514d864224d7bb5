/**
 * The runnable lesson modules, one small class per experiment or check, grouped by topic in
 * sub-packages named after the lessons.
 */
package dev.loopbacklab.experiments;
