package org.kmlab.ui;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * File ▸ Recent Runs: the settings of the last {@value #MAX} runs started (model, values, run
 * settings, solvers, pane options, as a {@link SessionFile}), newest first; a run with the same
 * settings as one in the list moves it up. Kept across launches as the sessions' JSON text.
 */
final class RecentRuns {
    static final int MAX = 8;
    private static final int LABEL_LENGTH = 90;
    private final List<String> runs = new ArrayList<>();   // SessionFile JSON, newest first

    /** The settings of a run just started. */
    void add(SessionFile s) {
        String json = s.toJson();
        runs.remove(json);
        runs.add(0, json);
        while (runs.size() > MAX) runs.remove(runs.size() - 1);
    }

    /** Newest first, as JSON (for the settings file). */
    List<String> list() { return List.copyOf(runs); }

    /** The list from the settings file; entries that are no session are dropped. */
    void replaceWith(List<String> saved) {
        runs.clear();
        if (saved == null) return;
        for (String json : saved) {
            if (runs.size() == MAX) break;
            try {
                SessionFile.parse(json, "recent run");
                runs.add(json);
            } catch (IllegalArgumentException e) {
                // a damaged entry of the settings file: forget it
            }
        }
    }

    /** What an item says: the model, its values, the end time and the solvers. */
    static String label(SessionFile s) {
        StringBuilder b = new StringBuilder(s.preset == null ? "model" : s.preset).append(": ");
        List<String> values = new ArrayList<>();
        s.values.forEach((name, v) -> values.add((name.equals("Omega") ? "Ω" : name) + " = " + ParameterViewModel.format(v)));
        b.append(String.join(", ", values));
        if (s.tEnd != null) b.append(String.format(Locale.ROOT, "; t ≤ %s", ParameterViewModel.format(s.tEnd)));
        b.append("; ").append(String.join(", ", s.solvers.stream().map(id -> id.toUpperCase(Locale.ROOT)).toList()));
        return b.length() <= LABEL_LENGTH ? b.toString() : b.substring(0, LABEL_LENGTH - 1) + "…";
    }

    /** The menu, filled each time it opens: an item per run that restores its settings. */
    Menu menu(Consumer<SessionFile> restore) {
        Menu menu = new Menu("Recent Runs");
        menu.setId("recent-runs");
        menu.getItems().add(none());
        menu.setOnShowing(e -> fill(menu, restore));
        return menu;
    }

    void fill(Menu menu, Consumer<SessionFile> restore) {
        menu.getItems().clear();
        for (String json : runs) {
            SessionFile s = SessionFile.parse(json, "recent run");
            MenuItem item = new MenuItem(label(s));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> restore.accept(SessionFile.parse(json, "recent run")));
            menu.getItems().add(item);
        }
        if (runs.isEmpty()) menu.getItems().add(none());
    }

    private static MenuItem none() {
        MenuItem none = new MenuItem("(no runs yet)");
        none.setDisable(true);
        return none;
    }
}
