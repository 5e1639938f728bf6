package org.kmlab.ui;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a typed value was refused, in words for the person at the field: the model's messages name
 * places in the preset file ({@code reactions[1].rate}), which mean nothing beside a slider.
 */
final class FieldMessages {
    private static final Pattern NEGATIVE_RATE = Pattern.compile("reactions\\[\\d+]\\.rate: must be ≥ 0, got (\\S+) \\(reaction '(.*)'\\)");
    private static final Pattern NEGATIVE_PROPENSITY = Pattern.compile("reactions\\[\\d+]\\.propensity: must be ≥ 0 at the initial state, got (\\S+) \\(reaction '(.*)'\\)");
    private static final Pattern PLACE = Pattern.compile("^[A-Za-z_][\\w]*(\\[\\d+])?(\\.[A-Za-z_]\\w*)*: ");

    private FieldMessages() {}

    /** The refusal of a model change, rewritten for the field. */
    static String refusal(String modelMessage) {
        Matcher m = NEGATIVE_RATE.matcher(modelMessage);
        if (m.matches()) return "the rate of '" + m.group(2) + "' would be " + m.group(1) + "; rates cannot be negative";
        m = NEGATIVE_PROPENSITY.matcher(modelMessage);
        if (m.matches()) return "'" + m.group(2) + "' would fire at a negative rate (" + m.group(1) + ") at the start";
        if (modelMessage.startsWith("omega.value:")) return "Ω must be a number > 0";
        if (modelMessage.matches("species\\[\\d+]\\.initial: must be ≥ 0.*")) return "a count cannot be negative";
        if (modelMessage.contains("an initial count must be a whole number")) return "a count is a whole number";
        return PLACE.matcher(modelMessage).replaceFirst("");
    }

    /** A field's text that is not a number. */
    static String notANumber(String text) {
        return text.isBlank() ? "type a number" : "'" + text.strip() + "' is not a number";
    }
}
