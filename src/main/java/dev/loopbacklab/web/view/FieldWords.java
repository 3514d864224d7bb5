package dev.loopbacklab.web.view;

import dev.loopbacklab.lesson.ParamSpec;
import java.util.Locale;

/**
 * The words a form shows for a parameter: its help as the label ("How long to wait for your
 * request", not "wait-seconds"), and its bounds with their unit ("from 1 to 120 seconds"). A
 * checkbox needs no bounds; the parameter's name stays the input's name, for the command line.
 */
final class FieldWords {
    private FieldWords() {}

    /** The help text as a label: first letter capitalised. */
    static String label(Models.Field field) {
        String help = field.help() == null || field.help().isBlank() ? field.name() : field.help();
        return help.substring(0, 1).toUpperCase(Locale.ROOT) + help.substring(1);
    }

    /** The bounds under the field, with the unit the name implies; empty for a checkbox. */
    static String bounds(Models.Field field) {
        if (field.kind() == ParamSpec.Kind.BOOLEAN) {
            return "";
        }
        String unit = field.name().endsWith("-seconds") ? " seconds" : "";
        // the same words as the error for a value out of bounds: "from 1 to 65,535"
        return field.bounds() + unit;
    }
}
