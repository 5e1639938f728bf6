package org.kmlab.cli;

import org.kmlab.export.data.OutputFolder;

import java.io.PrintWriter;

/**
 * An output folder while a command works on it: Ctrl-C stops the work and removes the staged
 * temporary files, and so does leaving the block without {@link OutputFolder#commit}, so the
 * folder ends with all of a command's files or none of them.
 * <pre>{@code
 * try (FolderGuard guard = new FolderGuard(folder, err)) {
 *     guard.stopWith(run::cancel);
 *     folder.stage(...);
 *     folder.commit();
 * }
 * }</pre>
 */
final class FolderGuard implements AutoCloseable {
    private final OutputFolder folder;
    private final Thread onInterrupt;
    private volatile Runnable stop = () -> { };

    FolderGuard(OutputFolder folder, PrintWriter err) {
        this.folder = folder;
        onInterrupt = new Thread(() -> {
            stop.run();
            err.println(folder.abort() ? "kmlab: interrupted; no files written" : "kmlab: interrupted after the files were written");
            err.flush();
        }, "kmlab-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
    }

    /** What Ctrl-C does before the files are removed, e.g. cancel the solvers. */
    void stopWith(Runnable stop) { this.stop = stop; }

    @Override public void close() {
        folder.abort();   // nothing to undo once committed
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }
}
