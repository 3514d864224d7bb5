/**
 * The lesson model: lessons read from {@code lessons/NN-id/lesson.md}, the experiments and checks
 * they embed, typed parameters with learner-friendly validation, and {@link
 * dev.loopbacklab.lesson.Report}, the sink of typed events every front end renders its own way.
 */
package dev.loopbacklab.lesson;
