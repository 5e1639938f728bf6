package org.kmlab.chart;

/** A switch a pane offers under itself, e.g. "show M₃/3!, M₄/4!" ({@code id} goes into {@link Frame#options()}). */
public record PaneOption(String id, String label, String help) {}
