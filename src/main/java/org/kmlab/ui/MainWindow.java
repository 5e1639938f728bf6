package org.kmlab.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.kmlab.model.Model;
import org.kmlab.model.ModelException;
import org.kmlab.model.Preset;
import org.kmlab.model.PresetIO;
import org.kmlab.run.ModelLibrary;
import org.kmlab.model.ModelSource;
import org.kmlab.model.ModelSources;
import org.kmlab.run.Run;
import org.kmlab.run.RunRequest;
import org.kmlab.run.SimulationService;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The simulator window: composes the panels (model picker, parameters, charts, transport, status),
 * the menus and keys, restores the saved settings and saves them on close. Holds no physics and no
 * chart code of its own.
 */
public final class MainWindow {
    private final Stage stage;
    private final SettingsStore store;
    private final SessionViewModel session;
    private final TransportViewModel transport;
    private final StatusViewModel status = new StatusViewModel();
    private final ChartsView charts = new ChartsView();
    private final FrameLoop loop;
    private final Scene scene;
    private final SplitPane split;
    private Theme theme = new Theme("light", false);
    private final CheckMenuItem classroomItem = new CheckMenuItem("Classroom mode");
    private final RadioMenuItem lightItem = new RadioMenuItem("Light theme"), darkItem = new RadioMenuItem("Dark theme");

    public MainWindow(Stage stage, SimulationService service, SettingsStore store, Path presetFolder) {
        this.stage = stage;
        this.store = store;
        session = new SessionViewModel(service);
        transport = new TransportViewModel(session);
        km = new KmViewModel(service.registry(), session::restartSoon);
        session.setAttach(km::attach);
        loop = new FrameLoop(session, transport, status, charts, km);
        charts.setPaneControls(org.kmlab.chart.Panes.KRAMERS_MOYAL.id(), new KmControls(km));
        CloudControls cloudPair = new CloudControls(axes -> charts.setAnalysis(org.kmlab.chart.CloudAxes.class, axes));
        charts.setPaneControls(org.kmlab.chart.Panes.CLOUD.id(), cloudPair);
        MarginalControls marginal = new MarginalControls(c -> charts.setAnalysis(org.kmlab.chart.MarginalChoice.class, c));
        charts.setPaneControls(org.kmlab.chart.Panes.DISTRIBUTION.id(), marginal);
        ShadingControls shading = new ShadingControls(service.registry(), s -> charts.setAnalysis(org.kmlab.chart.ShadedSolver.class, s));
        charts.setPaneControls(org.kmlab.chart.Panes.TIME_COURSE.id(), shading);
        session.settingsProperty().addListener((o, a, s) -> { if (s != null) shading.solversChanged(s.solvers()); });
        km.estimatingProperty().bind(charts.optionProperty("km.estimate"));
        km.messageProperty().addListener((o, a, m) -> { if (!m.isEmpty()) session.setNotice("⚠ " + m); });

        List<String> problems = new ArrayList<>();
        library = new ModelLibrary(presetFolder);
        session.presets().setAll(library.catalogue(problems));

        lessonLibrary = new LessonLibrary(presetFolder == null ? null : presetFolder.resolve("lessons"));
        lessons = new LessonViewModel(session, library, this::showStep, transport::play);

        ModelPicker picker = new ModelPicker(session);
        ParameterPanel parameters = new ParameterPanel(session);
        VBox side = new VBox(picker, parameters, new DistanceTable(status.distances()));
        side.getStyleClass().add("side");
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        editor = new ModelEditor(new ModelEditorViewModel(session), session, () -> stage);
        ScrollPane editorScroll = new ScrollPane(editor);
        editorScroll.setFitToWidth(true);
        Tab controls = new Tab("Model", sideScroll), text = new Tab("Text & equations", editorScroll);
        controls.setClosable(false);
        text.setClosable(false);
        text.setId("tab-text");
        editor.drawWhile(text.selectedProperty());
        sweep = new SweepView(new SweepViewModel(session), () -> stage);
        sweep.viewModel().resultProperty().addListener((o, a, r) -> charts.setAnalysis(org.kmlab.run.sweep.SweepResult.class, r));
        sweep.viewModel().passageResultProperty().addListener((o, a, r) -> charts.setAnalysis(org.kmlab.run.sweep.PassageResult.class, r));
        ghosts = new GhostViewModel(session);
        ghosts.ghostProperty().addListener((o, a, g) -> charts.setAnalysis(org.kmlab.run.Ghost.class, g));
        TabPane sideTabs = new TabPane(controls, text, sweep.tab());
        sideTabs.setMinWidth(260);
        split = new SplitPane(sideTabs, charts);
        split.setDividerPositions(0.24);
        SplitPane.setResizableWithParent(sideTabs, false);

        BorderPane root = new BorderPane(split);
        root.setTop(new VBox(menus(), new TransportBar(transport)));
        StatusBar statusBar = new StatusBar(status);
        statusBar.getChildren().add(sweep.statusNode());
        root.setBottom(statusBar);
        root.getStyleClass().add("kmlab-root");

        charts.useStyle(theme.chartStyle());
        session.runProperty().addListener((o, a, r) -> { if (r != null && session.presetProperty().get() != null) recentRuns.add(currentSession()); });
        session.modelProperty().addListener((o, a, m) -> { cloudPair.modelChanged(m); marginal.modelChanged(m); charts.modelChanged(m); loop.invalidate(); });
        session.settingsProperty().addListener((o, a, s) -> { if (a == null || a.tEnd() != s.tEnd()) charts.setTEnd(s.tEnd()); loop.invalidate(); });

        Settings saved = store.load();
        List<String> notices = new ArrayList<>(problems);
        if (!store.warning().isEmpty()) notices.add(store.warning());
        restore(saved, notices);
        if (session.model() != null) {   // the listeners above may have missed a model chosen before they were added
            cloudPair.modelChanged(session.model());
            marginal.modelChanged(session.model());
            shading.solversChanged(session.settings().solvers());
            charts.modelChanged(session.model());
            charts.setTEnd(session.settings().tEnd());
        }
        session.setNotice(String.join("  •  ", notices));

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();   // never larger than the screen
        scene = new Scene(root, Math.min(saved.width, screen.getWidth()), Math.min(saved.height, screen.getHeight()));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        applyTheme(theme);
        stage.setTitle("kmlab — Kramers–Moyal Lab");
        stage.setScene(scene);
        placeWindow(saved);
        stage.setFullScreenExitHint("Classroom mode: F11 or Esc to leave");
        stage.fullScreenProperty().addListener((o, a, full) -> { if (!full && theme.classroom()) setClassroom(false); });
        stage.setOnHidden(e -> close());
        loop.start();
    }

    public SessionViewModel session() { return session; }
    public TransportViewModel transport() { return transport; }
    public StatusViewModel status() { return status; }
    public ChartsView charts() { return charts; }
    public KmViewModel km() { return km; }
    public SweepView sweep() { return sweep; }
    public Theme theme() { return theme; }
    List<String> recentFiles() { return recent.list(); }
    public Scene scene() { return scene; }

    private MenuBar menus() {
        MenuItem open = new MenuItem("Open model…");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> openPreset());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> stage.close());
        MenuItem openSeries = new MenuItem("Open time series…");
        openSeries.setId("open-series");
        openSeries.setOnAction(e -> openSeries());
        MenuItem closeSeries = new MenuItem("Close time series");
        closeSeries.setId("close-series");
        closeSeries.disableProperty().bind(km.seriesProperty().isNull());
        closeSeries.setOnAction(e -> km.closeSeries());
        Menu file = new Menu("File", null, open, recent.menu(this::openPreset), recentRuns.menu(this::applySession), openSeries, closeSeries,
                new SeparatorMenuItem(), quit);
        exportMenu = new ExportMenu(() -> stage, session, () -> theme.chartStyle(), transport::index, charts::options, charts::analyses);
        file.getItems().addAll(5, exportMenu.items());

        ToggleGroup themes = new ToggleGroup();
        lightItem.setToggleGroup(themes);
        darkItem.setToggleGroup(themes);
        lightItem.setOnAction(e -> applyTheme(theme.withBase("light")));
        darkItem.setOnAction(e -> applyTheme(theme.withBase("dark")));
        darkItem.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN));
        lightItem.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        classroomItem.setAccelerator(new KeyCodeCombination(KeyCode.F11));
        classroomItem.setOnAction(e -> setClassroom(classroomItem.isSelected()));
        Menu view = new Menu("View", null, classroomItem, new SeparatorMenuItem(), lightItem, darkItem);
        MenuItem about = new MenuItem("About kmlab");
        about.setId("about");
        about.setOnAction(e -> AboutBox.create(stage).show());
        Menu help = new Menu("Help", null, about);
        MenuItem saveSession = new MenuItem("Save session…");
        saveSession.setId("save-session");
        saveSession.setOnAction(e -> saveSession());
        MenuItem openSession = new MenuItem("Open session…");
        openSession.setId("open-session");
        openSession.setOnAction(e -> openSession());
        file.getItems().addAll(file.getItems().indexOf(openSeries), List.of(openSession, saveSession, new SeparatorMenuItem()));
        MenuBar bar = new MenuBar(file, view, runMenu(), lessonsMenu(), sweep.menu(), help);
        bar.setId("menu-bar");
        return bar;
    }

    private Menu runMenu() {
        MenuItem play = new MenuItem("Play / pause   (Space)");
        play.setOnAction(e -> transport.togglePlay());
        MenuItem stepOne = new MenuItem("Step one output time   (→)");
        stepOne.setOnAction(e -> transport.step());
        MenuItem reset = new MenuItem("Reset to t = 0   (Home)");
        reset.setOnAction(e -> transport.reset());
        MenuItem explainItem = new MenuItem("Explain one trajectory…");
        explainItem.setId("explain-open");
        explainItem.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        explainItem.setOnAction(e -> openExplain());
        MenuItem pin = new MenuItem("Pin as ghost");
        pin.setId("pin-ghost");
        pin.disableProperty().bind(ghosts.canPin().not());
        pin.setOnAction(e -> ghosts.pin());
        MenuItem unpin = new MenuItem("Clear ghost");
        unpin.setId("clear-ghost");
        unpin.disableProperty().bind(ghosts.canClear().not());
        unpin.setOnAction(e -> ghosts.clear());
        return new Menu("Run", null, play, stepOne, reset, new SeparatorMenuItem(), explainItem, new SeparatorMenuItem(), pin, unpin);
    }

    /**
     * Opens explain mode on member 0 of the ensemble on show (its seed and output times), or of the
     * one the current values would run; pauses playback. Back to ensemble shows the output time reached.
     */
    public void openExplain() {
        if (session.model() == null) return;
        transport.pause();
        Run shown = session.run();
        org.kmlab.solve.Problem problem = shown != null ? shown.problem()
                : org.kmlab.solve.Problem.of(session.model(), session.settings(), RunRequest.window(session.model(), session.settings()).options());
        if (explain != null) explain.close();
        explain = new ExplainView(stage, theme, problem, 0, k -> { if (session.run() == shown && shown != null) transport.scrubTo(k); });
        explain.show();
    }

    /** The explain panel last opened (null before), for tests. */
    ExplainView explainView() { return explain; }

    private ExplainView explain;

    /** Lessons ▸ the shipped ones (their titles read when the menu opens), then a teacher's own file. */
    private Menu lessonsMenu() {
        Menu menu = new Menu("Lessons");
        menu.setId("lessons-menu");
        MenuItem openFile = new MenuItem("Open lesson file…");
        openFile.setId("open-lesson");
        openFile.setOnAction(e -> openLesson());
        MenuItem close = new MenuItem("Close lesson");
        close.setId("close-lesson");
        close.disableProperty().bind(lessons.lessonProperty().isNull());
        close.setOnAction(e -> lessons.close());
        List<MenuItem> shipped = new ArrayList<>();
        for (String name : LessonLibrary.SHIPPED) {
            MenuItem item = new MenuItem(name);
            item.setId("lesson-" + name);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> openShippedLesson(name));
            shipped.add(item);
        }
        menu.getItems().addAll(shipped);
        menu.getItems().addAll(new SeparatorMenuItem(), openFile, close);
        menu.setOnShowing(e -> {
            for (int i = 0; i < shipped.size(); i++) {
                if (!shipped.get(i).getText().equals(LessonLibrary.SHIPPED.get(i))) continue;   // titled already
                try {
                    shipped.get(i).setText(lessonReader().read(lessonLibrary.text(LessonLibrary.SHIPPED.get(i))).title());
                } catch (java.io.IOException | LessonException ex) {
                    shipped.get(i).setText(LessonLibrary.SHIPPED.get(i) + " (cannot be read)");
                }
            }
        });
        return menu;
    }

    private LessonReader lessonReader() { return new LessonReader(library, session.service().registry()); }

    /** Opens a shipped lesson by name; a broken one leaves a message. */
    public boolean openShippedLesson(String name) {
        try {
            return openLesson(lessonReader().read(lessonLibrary.text(name)));
        } catch (java.io.IOException | LessonException e) {
            session.setNotice("⚠ Lesson " + name + ": " + e.getMessage());
            return false;
        }
    }

    private void openLesson() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a lesson");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("kmlab lesson (*.lesson)", "*.lesson"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = chooser.showOpenDialog(stage);
        if (f != null) openLesson(f.toPath());
    }

    /** Opens a teacher's lesson file; a malformed one is refused with its line, and the window goes on as it was. */
    public boolean openLesson(Path file) {
        try {
            return openLesson(lessonReader().read(java.nio.file.Files.readString(file)));
        } catch (java.io.IOException e) {
            session.setNotice("⚠ " + file.getFileName() + ": cannot read (" + e.getMessage() + ")");
        } catch (LessonException e) {
            session.setNotice("⚠ " + file.getFileName() + ", " + e.getMessage());
        }
        return false;
    }

    private boolean openLesson(Lesson l) {
        if (lessonPane == null) {
            lessonPane = new LessonPanel(lessons, lessons::close);
            lessonPane.setMinWidth(240);
            SplitPane.setResizableWithParent(lessonPane, false);
        }
        lessons.open(l);
        return true;
    }

    /** A lesson's step: its panes and pane options, and the lesson panel beside the charts (null: the lesson closed). */
    private void showStep(Lesson.Step step) {
        if (step == null) {
            charts.showOnly(List.of());
            split.getItems().remove(lessonPane);
            return;
        }
        charts.showOnly(step.panes());
        charts.setOptions(step.options());
        if (!split.getItems().contains(lessonPane)) {
            split.getItems().add(lessonPane);
            split.setDividerPositions(0.22, 0.75);
        }
    }

    public LessonViewModel lessons() { return lessons; }

    private void saveSession() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the session");
        chooser.setInitialFileName("kmlab-session.json");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("kmlab session (*.json)", "*.json"));
        File f = chooser.showSaveDialog(stage);
        if (f != null) saveSession(f.toPath());
    }

    /** Writes the session on show (atomically); a failure leaves a message. */
    public boolean saveSession(Path file) {
        try {
            currentSession().write(file);
            session.setNotice("Saved session " + file.getFileName());
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            session.setNotice("⚠ Could not save the session to " + file + ": " + e.getMessage());
            return false;
        }
    }

    private void openSession() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a session");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("kmlab session (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = chooser.showOpenDialog(stage);
        if (f != null) openSession(f.toPath());
    }

    /**
     * Opens a session file: everything is checked first (the model, every name and value, the
     * solvers, panes and options), so a bad file changes nothing and says why.
     */
    public boolean openSession(Path file) {
        SessionFile s;
        try {
            s = SessionFile.read(file);
        } catch (IllegalArgumentException e) {
            session.setNotice("⚠ Could not open the session: " + e.getMessage());
            return false;
        }
        if (!applySession(s)) return false;
        session.setNotice("Opened session " + file.getFileName());
        return true;
    }

    /** Restores a session (a file's or a recent run's) after checking all of it; a bad one changes nothing and says why. */
    boolean applySession(SessionFile s) {
        SessionRestore r;
        try {
            r = SessionRestore.check(s, library, session.service().registry());
        } catch (IllegalArgumentException | ModelException e) {
            session.setNotice("⚠ Could not open the session: " + e.getMessage());
            return false;
        }
        if (lessons.lesson() != null) lessons.close();
        session.select(r.preset());
        userFile = r.file();
        s.values.forEach(session::set);
        if (s.tEnd != null) session.set(SessionViewModel.T_END, s.tEnd);
        if (s.trajectories != null) session.set(SessionViewModel.TRAJECTORIES, s.trajectories);
        if (s.seed != null) session.set(SessionViewModel.SEED, s.seed);
        if (s.fpCells != null) session.set(SessionViewModel.FP_CELLS, s.fpCells);
        for (String id : session.service().registry().ids()) session.setSolverEnabled(id, s.solvers.contains(id));
        charts.showOnly(s.panes);
        charts.setOptions(s.options);
        return true;
    }

    /** File ▸ Recent Runs, newest first (session JSON), for tests. */
    List<String> recentRuns() { return recentRuns.list(); }

    /** The session on show, as {@link SessionFile} writes it. */
    SessionFile currentSession() {
        SessionFile f = new SessionFile();
        Preset p = session.presetProperty().get();
        Model m = session.model();
        f.preset = p.id();
        boolean fromFile = userFile != null && ModelSources.idOf(Path.of(userFile)).equals(p.id());
        if (fromFile) f.presetFile = userFile;
        if (fromFile || !library.names().contains(p.id())) f.modelText = org.kmlab.model.ModelText.write(m);
        for (String n : m.settableNames()) f.values.put(n, m.valueOf(n));
        f.tEnd = session.settings().tEnd();
        f.trajectories = session.settings().trajectories();
        f.seed = session.settings().seed();
        f.fpCells = session.settings().fpCells();
        f.solvers = new ArrayList<>(session.settings().solvers());
        f.options = new ArrayList<>(charts.options());
        f.panes = new ArrayList<>(charts.shownOnly());
        return f;
    }

    /** Space plays/pauses, → steps, Home resets, PgUp/PgDn go through a lesson, unless a text field has the focus. */
    private void onKey(KeyEvent e) {
        if (scene.getFocusOwner() instanceof TextInputControl) return;
        switch (e.getCode()) {
            case PAGE_DOWN -> { if (lessons.hasNext()) { lessons.next(); e.consume(); } }
            case PAGE_UP -> { if (lessons.hasPrevious()) { lessons.previous(); e.consume(); } }
            case SPACE -> { transport.togglePlay(); e.consume(); }
            case RIGHT -> { transport.step(); e.consume(); }
            case HOME -> { transport.reset(); e.consume(); }
            default -> { }
        }
    }

    /** Classroom mode: full screen, large type, thick lines, high contrast. */
    public void setClassroom(boolean on) {
        classroomItem.setSelected(on);
        applyTheme(theme.withClassroom(on));
        if (stage.isFullScreen() != on) stage.setFullScreen(on);
    }

    public void applyTheme(Theme t) {
        theme = t;
        (t.base().equals("dark") ? darkItem : lightItem).setSelected(true);
        if (scene != null) t.applyTo(scene);
        charts.useStyle(t.chartStyle());
        if (explain != null) explain.applyTheme(t);
        java.awt.Color fg = t.chartStyle().foreground();
        if (editor != null) editor.useInk(javafx.scene.paint.Color.rgb(fg.getRed(), fg.getGreen(), fg.getBlue()));
        loop.invalidate();
    }

    private void openPreset() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a model");
        for (ModelSource source : ModelSources.all()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(source.name() + " (*." + String.join(", *.", source.extensions()) + ")",
                    source.extensions().stream().map(e -> "*." + e).toList()));
        }
        File f = chooser.showOpenDialog(stage);
        if (f != null) openPreset(f.toPath());
    }

    private void openSeries() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a time series");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Time series (*.csv, *.txt, *.tsv)", "*.csv", "*.txt", "*.tsv"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = chooser.showOpenDialog(stage);
        if (f != null) km.openSeries(f.toPath());
    }

    /** Loads a user's preset file and shows it; a bad file leaves a message, never an exception. */
    public boolean openPreset(Path file) {
        try {
            Preset p = library.read(file);
            session.select(p);
            userFile = file.toAbsolutePath().toString();
            recent.add(file);
            session.setNotice("Opened " + file.getFileName());
            return true;
        } catch (ModelException e) {
            session.setNotice("⚠ " + e.getMessage());
            return false;
        }
    }

    private String userFile;
    private final LessonLibrary lessonLibrary;
    private final LessonViewModel lessons;
    private LessonPanel lessonPane;
    private final RecentFiles recent = new RecentFiles();
    private final RecentRuns recentRuns = new RecentRuns();
    private final ModelLibrary library;
    private ExportMenu exportMenu;
    private GhostViewModel ghosts;
    private final ModelEditor editor;
    private final KmViewModel km;
    private final SweepView sweep;

    private void restore(Settings s, List<String> notices) {
        recent.replaceWith(s.recentFiles);
        recentRuns.replaceWith(s.recentRuns);
        Preset chosen = null;
        if (s.presetFile != null) {
            try {
                chosen = library.read(Path.of(s.presetFile));
                userFile = s.presetFile;
            } catch (ModelException e) {
                notices.add("Could not reopen " + s.presetFile + ": " + e.getMessage());
            }
        }
        if (chosen == null) {
            for (Preset p : session.presets()) if (p.id().equals(s.presetId)) chosen = p;
        }
        if (chosen == null && !session.presets().isEmpty()) chosen = session.presets().get(0);
        if (chosen == null) {
            notices.add("No presets found");
            return;
        }
        theme = new Theme(s.theme == null ? "light" : s.theme, false);
        // the saved values applied to the preset first, then shown once: each select rebuilds the panels and the charts
        Model m = chosen.model();
        if (s.values != null) {
            for (Map.Entry<String, Double> v : s.values.entrySet()) {
                if (v.getValue() == null || !m.settableNames().contains(v.getKey())) continue;
                try {
                    m = m.with(v.getKey(), v.getValue());
                } catch (ModelException e) {
                    // a value this version refuses: the preset's stays
                }
            }
        }
        org.kmlab.model.RunSettings run = chosen.run();
        if (s.tEnd != null && SessionViewModel.runSettingProblem(SessionViewModel.T_END, s.tEnd).isEmpty()) run = run.withTEnd(s.tEnd);
        if (s.trajectories != null && SessionViewModel.runSettingProblem(SessionViewModel.TRAJECTORIES, s.trajectories).isEmpty()) run = run.withTrajectories(s.trajectories);
        if (s.seed != null && SessionViewModel.runSettingProblem(SessionViewModel.SEED, s.seed).isEmpty()) run = run.withSeed(s.seed);
        if (s.fpCells != null && SessionViewModel.runSettingProblem(SessionViewModel.FP_CELLS, s.fpCells).isEmpty()) run = run.withFpCells(s.fpCells);
        if (s.solvers != null) run = run.withSolvers(s.solvers.stream().filter(session.service().registry().ids()::contains).toList());
        session.selectRestored(new Preset(chosen.id(), m, run), chosen);
    }

    private void placeWindow(Settings s) {
        if (Double.isFinite(s.x) && Double.isFinite(s.y)) {
            boolean visible = false;
            for (Screen screen : Screen.getScreens()) {
                Rectangle2D b = screen.getVisualBounds();
                if (b.contains(s.x + 40, s.y + 20)) visible = true;
            }
            if (visible) { stage.setX(s.x); stage.setY(s.y); }
        }
        stage.setMaximized(s.maximized);
    }

    private Settings current() {
        Settings s = new Settings();
        Preset p = session.presetProperty().get();
        if (p != null) s.presetId = p.id();
        s.presetFile = userFile;
        s.recentFiles = recent.list();
        s.recentRuns = recentRuns.list();
        Model m = session.model();
        if (m != null) for (String n : m.settableNames()) s.values.put(n, m.valueOf(n));
        s.tEnd = session.settings().tEnd();
        s.trajectories = session.settings().trajectories();
        s.seed = session.settings().seed();
        s.fpCells = session.settings().fpCells();
        s.solvers = session.settings().solvers();
        s.theme = theme.base();
        s.maximized = stage.isMaximized();
        if (!stage.isMaximized() && !stage.isFullScreen()) {
            s.x = stage.getX();
            s.y = stage.getY();
            s.width = stage.getWidth();
            s.height = stage.getHeight();
        }
        return s;
    }

    private boolean closed;

    /** Saves the settings and stops the run and the frame loop. */
    public void close() {
        if (closed) return;
        closed = true;
        loop.stop();
        if (explain != null) explain.close();
        sweep.viewModel().close();
        session.reset();   // no debounced restart may fire after this
        String problem = store.save(current());
        if (!problem.isEmpty()) System.err.println("kmlab: " + problem);
        session.service().close();
        charts.close();
        status.distances().close();
        exportMenu.close();
        km.close();
    }
}
