package org.kmlab.ui;

import org.jfree.chart.JFreeChart;
import org.kmlab.run.Run;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Draws the charts on one background thread into pixel arrays, so the JavaFX thread only copies
 * finished pixels (about a millisecond per chart) and is never blocked by JFreeChart. Requests are
 * latest-wins: while one frame is being drawn, newer requests replace each other and only the
 * newest is drawn next. Commands that change the charts run on the same thread, in order.
 */
final class ChartRenderer implements AutoCloseable {
    /** One rendered frame: ARGB (premultiplied) pixels per pane. */
    record Frame(Map<String, Pixels> panes, long serial) {}

    record Pixels(int width, int height, int[] argb) {}

    /** What to draw: the run, the index, the pane sizes in pixels. */
    record Request(Run run, int index, boolean higherOrders, Map<String, int[]> sizes) {}

    private final ChartBoard board = new ChartBoard();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kmlab-charts");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicReference<Frame> done = new AtomicReference<>();
    private long serial;
    private volatile long lastDrawNanos;

    /**
     * The shortest sensible time between two frames: twice the last drawing time, so the render
     * thread is busy at most half the time and leaves CPU to the JavaFX threads on small machines.
     */
    long minIntervalNanos() { return 2 * lastDrawNanos; }

    ChartBoard board() { return board; }

    /** Runs a change of the charts on the render thread, after what was asked before. */
    void command(Consumer<ChartBoard> change) {
        thread.execute(() -> change.accept(board));
    }

    /** Asks for a frame; returns at once. */
    void request(Request r) {
        pending.set(r);
        if (!queued.getAndSet(true)) thread.execute(this::drawNewest);
    }

    /** The newest finished frame not yet taken, or null. */
    Frame take() { return done.getAndSet(null); }

    private void drawNewest() {
        queued.set(false);
        Request r = pending.getAndSet(null);
        if (r == null) return;
        long start = System.nanoTime();
        try {
            Map<String, JFreeChart> charts = board.show(r.run(), r.index(), r.higherOrders());
            Map<String, Pixels> panes = new HashMap<>();
            for (Map.Entry<String, JFreeChart> e : charts.entrySet()) {
                int[] size = r.sizes().get(e.getKey());
                if (size == null || size[0] < 2 || size[1] < 2) continue;
                panes.put(e.getKey(), draw(e.getValue(), size[0], size[1]));
            }
            done.set(new Frame(panes, ++serial));
            lastDrawNanos = System.nanoTime() - start;
        } catch (RuntimeException e) {   // a drawing problem must not stop later frames
            System.err.println("kmlab: chart drawing failed: " + e);
        }
    }

    private static Pixels draw(JFreeChart chart, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
        g.dispose();
        return new Pixels(w, h, ((DataBufferInt) img.getRaster().getDataBuffer()).getData());
    }

    @Override public void close() { thread.shutdownNow(); }
}
