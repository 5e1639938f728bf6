package org.kmlab.ui;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The model files a user opened, newest first, at most {@value #MAX}, kept in the settings: File ▸
 * Open Recent lists them so a lesson's models are one click away after a restart.
 */
final class RecentFiles {
    static final int MAX = 8;

    private final List<String> files = new ArrayList<>();

    /** The files, newest first (absolute paths as text, as the settings keep them). */
    List<String> list() { return List.copyOf(files); }

    /** Starts from the list the settings kept (newest first); blanks and repeats are dropped. */
    void replaceWith(List<String> kept) {
        files.clear();
        if (kept == null) return;
        for (int i = kept.size() - 1; i >= 0; i--) if (kept.get(i) != null && !kept.get(i).isBlank()) add(Path.of(kept.get(i)));
    }

    /** A file just opened: first in the list (moved up if it was there), the oldest beyond {@value #MAX} dropped. */
    void add(Path file) {
        String f = file.toAbsolutePath().normalize().toString();
        files.remove(f);
        files.add(0, f);
        while (files.size() > MAX) files.remove(files.size() - 1);
    }

    /** The File ▸ Open Recent menu: filled each time it opens, an item per file (its name, the folder in brackets). */
    Menu menu(Consumer<Path> open) {
        Menu menu = new Menu("Open Recent");
        menu.setId("open-recent");
        MenuItem none = new MenuItem("(no files opened yet)");
        none.setDisable(true);
        menu.getItems().add(none);
        menu.setOnShowing(e -> fill(menu, open));
        return menu;
    }

    void fill(Menu menu, Consumer<Path> open) {
        menu.getItems().clear();
        for (String f : files) {
            Path p = Path.of(f);
            MenuItem item = new MenuItem(p.getFileName() + (p.getParent() == null ? "" : "  (" + p.getParent() + ")"));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> open.accept(p));
            menu.getItems().add(item);
        }
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("(no files opened yet)");
            none.setDisable(true);
            menu.getItems().add(none);
        }
    }
}
