package org.kmlab;

import org.kmlab.cli.KmlabCommand;

/**
 * The jar's main class. Without arguments it opens the window; with arguments it runs the headless
 * command line and never loads a JavaFX class. It does not extend {@link Application}: a main class
 * that does makes the JVM demand JavaFX modules at start-up ("JavaFX runtime components are
 * missing") when run from a plain jar.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            Gui.launch(args);
        } else {
            System.exit(KmlabCommand.execute(args, System.out, System.err));
        }
    }

    /** Kept in its own class so that the command-line path never resolves a JavaFX type. */
    private static final class Gui {
        private static final String APP_CLASS = "org.kmlab.ui.KmlabApp";

        /** Looked up by name: the window's application class lives in the ui layer, built separately. */
        static void launch(String[] args) {
            Class<?> app;
            try {
                app = Class.forName(APP_CLASS);
                app.getMethod("main", String[].class).invoke(null, (Object) args);   // KmlabApp.main picks the rendering pipeline, then launches
            } catch (ClassNotFoundException | LinkageError | NoSuchMethodException | IllegalAccessException e) {
                System.err.println("kmlab: the GUI is not available in this build");
                System.exit(2);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
