package org.kmlab.chart;

/**
 * Which solver's P(x, t) the time course shades when "P(x, t) shading" is on (a solver id). Without
 * one, or when that solver is not in the run, the best there is: the master equation, else
 * Fokker–Planck, else the ensemble. Handed to the panes through {@link Frame#analysis(Class)}.
 */
public record ShadedSolver(String id) {}
