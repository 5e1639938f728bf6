package org.kmlab.model;

/**
 * One transition as written in a preset: an equation such as {@code "X + Y -> 2 Y"} and either a
 * mass-action {@code rate} (a formula of parameters) or a whole {@code propensity} (a formula of
 * counts and parameters). Exactly one of the two is non-null. Kept as text so a preset
 * round-trips exactly; {@link Model} compiles it.
 */
public record Reaction(String name, String equation, String rate, String propensity) {
    public boolean isMassAction() { return rate != null; }
}
