package org.kmlab.cli;

import org.kmlab.model.Model;
import org.kmlab.model.ModelException;

/**
 * One {@code --set NAME=VALUE} (or {@code --compare-set}, named in its messages by {@code flag}):
 * a parameter, {@code Omega}, or an initial count such as {@code X0}.
 */
record Assignment(String name, double value, String text, String flag) {
    static Assignment parse(String text) { return parse("--set", text); }

    static Assignment parse(String flag, String text) {
        int eq = text.indexOf('=');
        if (eq < 0) throw new UserInputException(flag + " '" + text + "': expected NAME=VALUE, e.g. " + flag + " k1=20");
        String name = text.substring(0, eq).strip();
        String value = text.substring(eq + 1).strip();
        if (name.isEmpty()) throw new UserInputException(flag + " '" + text + "': the name before '=' is missing");
        try {
            return new Assignment(name, Double.parseDouble(value), text, flag);
        } catch (NumberFormatException e) {
            throw new UserInputException(flag + " " + text + ": '" + value + "' is not a number");
        }
    }

    /** The model with this value applied; the model's own check (e.g. a negative rate) names the problem. */
    Model applyTo(Model model) {
        try {
            return model.with(name, value);
        } catch (ModelException e) {
            throw new UserInputException(flag + " " + text + ": " + e.getMessage(), e);
        }
    }
}
