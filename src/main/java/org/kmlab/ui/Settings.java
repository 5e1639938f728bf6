package org.kmlab.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the window remembers between launches: the model (a built-in preset id or a file), its
 * settable values, run settings, solver choice, theme and window geometry. Plain data for JSON.
 */
public final class Settings {
    public String presetId = "birth-death";
    public String presetFile;               // a user's preset opened with File ▸ Open, or null
    public List<String> recentFiles = new ArrayList<>();   // File ▸ Open Recent, newest first
    public List<String> recentRuns = new ArrayList<>();    // File ▸ Recent Runs: session JSON, newest first
    public Map<String, Double> values = new LinkedHashMap<>();
    public Double tEnd;
    public Integer trajectories;
    public Long seed;
    public Integer fpCells;
    public List<String> solvers;
    public String theme = "light";
    public double x = Double.NaN, y = Double.NaN, width = 1400, height = 900;
    public boolean maximized;
}
