package org.kmlab.ui;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.event.ChartChangeEvent;
import org.jfree.chart.event.ChartChangeListener;
import org.kmlab.model.Model;
import org.kmlab.run.Run;
import org.kmlab.solve.Workers;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Draws the charts on one background thread into pixel arrays, so the JavaFX thread only copies
 * finished pixels (about a millisecond per chart) and is never blocked by JFreeChart. Requests are
 * latest-wins: while one frame is being drawn, newer requests replace each other and only the
 * newest is drawn next. Commands that change the charts run on the same thread, in order.
 * <p>
 * The pixel arrays are recycled: once the JavaFX thread has copied a frame it hands it back
 * ({@link #recycle}), and a frame replaced before it was taken comes back at once. A chart image
 * is a megabyte or more (a "humongous" object for G1), so allocating one per frame caused
 * collections, and their pauses, every few frames; in steady state nothing is allocated here.
 */
final class ChartRenderer implements AutoCloseable {
    /** One rendered frame: ARGB (premultiplied) pixels per pane; a pane whose chart did not change is left out (it keeps its image). */
    record Frame(Map<String, Pixels> panes, int index, long serial) {}

    record Pixels(int width, int height, int[] argb, BufferedImage image) {}

    /** What to draw: the run and index (or the model alone, to tEnd, before a run), the pane options on, the pane sizes in pixels. */
    record Request(Run run, int index, Model model, double tEnd, Set<String> options, Map<String, int[]> sizes) {}

    private final ChartBoard board = new ChartBoard();
    private final Workers thread = Workers.pool("charts", 1);
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicReference<Frame> done = new AtomicReference<>();
    /** Per pane, images whose pixels nobody reads any more, ready to be drawn into again. */
    private final Map<String, Queue<BufferedImage>> free = new ConcurrentHashMap<>();
    private long serial;
    /** Per pane: the chart last drawn, at what size, and whether it changed since (JFreeChart change events). */
    private final Map<String, Drawn> drawn = new HashMap<>();

    private static final class Drawn implements ChartChangeListener {
        final JFreeChart chart;
        final int width, height;
        boolean changed;

        Drawn(JFreeChart chart, int width, int height) {
            this.chart = chart;
            this.width = width;
            this.height = height;
            chart.addChangeListener(this);
        }

        boolean stillShows(JFreeChart c, int w, int h) { return c == chart && w == width && h == height && !changed; }

        @Override public void chartChanged(ChartChangeEvent event) { changed = true; }
    }
    private volatile long lastDrawNanos;
    /** Why the last frame could not be drawn, or "" (shown in the status line). */
    private volatile String problem = "";

    String problem() { return problem; }

    /**
     * The shortest sensible time between two frames: three times the last drawing time, so the
     * render thread is busy at most a third of the time and, on a 2-core machine where an SSA
     * worker takes one core, leaves most of the other to the JavaFX thread and its renderer.
     */
    long minIntervalNanos() { return 3 * lastDrawNanos; }

    ChartBoard board() { return board; }

    /** Runs a change of the charts on the render thread, after what was asked before. */
    void command(Consumer<ChartBoard> change) {
        if (!closed) thread.submit(() -> change.accept(board));
    }

    /** Asks for a frame; returns at once. */
    void request(Request r) {
        pending.set(r);
        if (!closed && !queued.getAndSet(true)) thread.submit(this::drawNewest);
    }

    /** The newest finished frame not yet taken, or null. Hand it back with {@link #recycle} once copied. */
    Frame take() { return done.getAndSet(null); }

    /** Returns a frame whose pixels have been copied: its arrays will be drawn into again. */
    void recycle(Frame f) {
        if (f == null) return;
        for (Map.Entry<String, Pixels> e : f.panes().entrySet()) {
            Queue<BufferedImage> q = free.computeIfAbsent(e.getKey(), id -> new ConcurrentLinkedQueue<>());
            if (q.size() < 3) q.add(e.getValue().image());   // one on show, one being drawn, one spare
        }
    }

    private void drawNewest() {
        queued.set(false);
        Request r = pending.getAndSet(null);
        if (r == null) return;
        long start = System.nanoTime();
        try {
            Map<String, JFreeChart> charts = board.show(r.run(), r.index(), r.model(), r.tEnd(), r.options());
            Map<String, Pixels> panes = new HashMap<>();
            for (Map.Entry<String, JFreeChart> e : charts.entrySet()) {
                int[] size = r.sizes().get(e.getKey());
                if (size == null || size[0] < 2 || size[1] < 2) continue;
                Drawn last = drawn.get(e.getKey());
                if (last != null && last.stillShows(e.getValue(), size[0], size[1])) continue;   // same pixels: the pane keeps its image
                if (last != null && last.chart != e.getValue()) last.chart.removeChangeListener(last);
                panes.put(e.getKey(), draw(e.getValue(), freeImage(e.getKey(), size[0], size[1])));
                if (last != null && last.chart == e.getValue() && last.width == size[0] && last.height == size[1]) last.changed = false;
                else drawn.put(e.getKey(), new Drawn(e.getValue(), size[0], size[1]));
            }
            publish(new Frame(panes, r.index(), ++serial));
            lastDrawNanos = System.nanoTime() - start;
            problem = "";
        } catch (RuntimeException e) {   // a drawing problem must not stop later frames; the status line shows it
            problem = "chart drawing failed: " + (e.getMessage() != null ? e.getMessage() : e.toString());
            System.err.println("kmlab: " + problem);
        }
    }

    /**
     * Hands a frame to the JavaFX thread. If the previous frame was not taken yet it is replaced,
     * but its panes that this frame leaves out (unchanged charts) are carried over, so no update is lost.
     */
    private void publish(Frame f) {
        for (;;) {
            Frame prev = done.get();
            Map<String, Pixels> panes = f.panes();
            Map<String, Pixels> replaced = new HashMap<>();
            if (prev != null) {
                panes = new HashMap<>(prev.panes());
                for (Map.Entry<String, Pixels> e : f.panes().entrySet()) {
                    Pixels old = panes.put(e.getKey(), e.getValue());
                    if (old != null) replaced.put(e.getKey(), old);
                }
            }
            if (done.compareAndSet(prev, new Frame(panes, f.index(), f.serial()))) {
                recycle(new Frame(replaced, f.index(), f.serial()));   // replaced before anyone copied them: free again
                return;
            }
        }
    }

    private static Pixels draw(JFreeChart chart, BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        Graphics2D g = img.createGraphics();
        g.setComposite(AlphaComposite.Clear);   // a recycled image still holds an older frame
        g.fillRect(0, 0, w, h);
        g.setComposite(AlphaComposite.SrcOver);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
        g.dispose();
        return new Pixels(w, h, ((DataBufferInt) img.getRaster().getDataBuffer()).getData(), img);
    }

    /** A free image of this pane at this size, or a new one (images of another size are dropped: the pane was resized). */
    private BufferedImage freeImage(String pane, int w, int h) {
        Queue<BufferedImage> q = free.get(pane);
        for (BufferedImage img; q != null && (img = q.poll()) != null; ) {
            if (img.getWidth() == w && img.getHeight() == h) return img;
        }
        return new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
    }

    /** Stops drawing; requests that come later (a closing window still lays itself out) are ignored. */
    @Override public void close() {
        closed = true;
        thread.close();
    }

    private volatile boolean closed;
}
