package org.kmlab.model;

/** A named model parameter with its current value and the slider range the UI offers. */
public record Parameter(String name, double value, double min, double max, String description) {
    public Parameter {
        if (name == null || !Names.isIdentifier(name)) throw new ModelException("parameter name must be an identifier, got '" + name + "'");
        description = description == null ? "" : description;
    }

    public Parameter withValue(double v) { return new Parameter(name, v, min, max, description); }
}
