package org.kmlab.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import org.kmlab.chart.SeriesReadout;

import java.util.List;
import java.util.Locale;

/**
 * Shows one chart as the pixels the render thread drew for it, at the pane's own size, and makes
 * it an instrument: a crosshair with the data coordinates under the mouse, drag a rectangle to
 * zoom, the wheel to zoom about the pointer, double-click to go back to the pane's own ranges.
 * The crosshair and the rectangle are JavaFX shapes over the image; a zoom is handed to
 * {@link Zoomer}, which asks the render thread for a frame with the new ranges.
 */
final class ChartPane extends Region {
    /** Receives the user's zooms of this pane. */
    interface Zoomer {
        void zoom(int panel, ZoomState.Window window);

        void reset();

        /** Asks for the values of the panel's series at x; the answer comes back through {@link #showValues}. */
        void readAt(int panel, double x);
    }

    /** A drag shorter than this, in pixels, either way, is a click, not a zoom. */
    private static final double MIN_DRAG = 6;
    /** One wheel notch zooms by this factor. */
    private static final double WHEEL_FACTOR = 0.8;

    private final ImageView view = new ImageView();
    private final Line crossX = new Line(), crossY = new Line();
    private final Rectangle band = new Rectangle();
    private final Label readout = new Label();
    private WritableImage image;
    private List<PanelGeometry> panels = List.of();
    private Zoomer zoomer;
    private double pressX, pressY;
    private int pressPanel = -1;
    private String coordinates = "", values = "";

    ChartPane(String id) {
        setId(id);
        getStyleClass().add("chart-pane");
        crossX.getStyleClass().add("crosshair");
        crossY.getStyleClass().add("crosshair");
        band.getStyleClass().add("zoom-band");
        readout.getStyleClass().add("chart-readout");
        readout.setId(id + "-readout");
        readout.setAlignment(Pos.CENTER_LEFT);
        for (var n : List.of(crossX, crossY, band, readout)) {
            n.setVisible(false);
            n.setMouseTransparent(true);
            n.setManaged(false);
        }
        getChildren().addAll(view, crossX, crossY, band, readout);
        setMinSize(160, 120);
        setPrefSize(400, 300);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> pointAt(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hideOverlay());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::press);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::release);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && zoomer != null) zoomer.reset();
        });
        addEventHandler(ScrollEvent.SCROLL, this::scroll);
    }

    void onZoom(Zoomer z) { zoomer = z; }

    /** The size to draw at, in pixels. */
    int[] pixelSize() { return new int[] {(int) Math.floor(getWidth()), (int) Math.floor(getHeight())}; }

    /**
     * Shows freshly drawn pixels: copies them (about a millisecond for a megapixel) into the image
     * on show, which is reused while the pane keeps its size, so the JavaFX renderer updates one
     * texture instead of allocating a new one per frame; the render thread may then draw into
     * its array again.
     */
    void show(ChartRenderer.Pixels p) {
        if (image == null || (int) image.getWidth() != p.width() || (int) image.getHeight() != p.height()) {
            image = new WritableImage(p.width(), p.height());
            view.setImage(image);
        }
        image.getPixelWriter().setPixels(0, 0, p.width(), p.height(), PixelFormat.getIntArgbPreInstance(), p.argb(), 0, p.width());
        panels = p.panels();
    }

    /** The image on show (for tests), or null. */
    WritableImage image() { return image; }

    /** The panels of the frame on show (for tests). */
    List<PanelGeometry> panels() { return panels; }

    /** The coordinates shown under the crosshair, or "" (for tests). */
    String readoutText() { return readout.isVisible() ? readout.getText() : ""; }

    private int panelAt(double x, double y) {
        for (int i = 0; i < panels.size(); i++) if (panels.get(i).contains(x, y)) return i;
        return -1;
    }

    /** The crosshair and the data coordinates under the pointer, inside a panel's data area. */
    void pointAt(double x, double y) {
        int i = panelAt(x, y);
        if (i < 0) {
            hideOverlay();
            return;
        }
        PanelGeometry g = panels.get(i);
        crossX.setStartX(g.left()); crossX.setEndX(g.left() + g.width()); crossX.setStartY(y); crossX.setEndY(y);
        crossY.setStartX(x); crossY.setEndX(x); crossY.setStartY(g.top()); crossY.setEndY(g.top() + g.height());
        coordinates = String.format(Locale.ROOT, "x = %s, y = %s", number(g.dataX(x)), number(g.dataY(y)));
        readout.setText(values.isEmpty() ? coordinates : coordinates + "\n" + values);
        readout.autosize();
        if (zoomer != null) zoomer.readAt(i, g.dataX(x));
        double rx = x + 12 + readout.getWidth() > g.left() + g.width() ? x - 12 - readout.getWidth() : x + 12;
        readout.relocate(rx, Math.max(g.top(), y - 12 - readout.getHeight()));
        crossX.setVisible(true);
        crossY.setVisible(true);
        readout.setVisible(true);
    }

    /** The series' values at the crosshair's x, read on the render thread (JavaFX thread). */
    void showValues(String text) {
        values = text;
        if (!readout.isVisible()) return;
        readout.setText(values.isEmpty() ? coordinates : coordinates + "\n" + values);
        readout.autosize();
    }

    private void hideOverlay() {
        values = "";
        crossX.setVisible(false);
        crossY.setVisible(false);
        readout.setVisible(false);
    }

    private void press(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) return;
        pressX = e.getX();
        pressY = e.getY();
        pressPanel = panelAt(pressX, pressY);
    }

    private void drag(MouseEvent e) {
        if (pressPanel < 0) return;
        PanelGeometry g = panels.get(pressPanel);
        double x = clamp(e.getX(), g.left(), g.left() + g.width()), y = clamp(e.getY(), g.top(), g.top() + g.height());
        band.setX(Math.min(pressX, x));
        band.setY(Math.min(pressY, y));
        band.setWidth(Math.abs(x - pressX));
        band.setHeight(Math.abs(y - pressY));
        band.setVisible(true);
        pointAt(e.getX(), e.getY());
    }

    private void release(MouseEvent e) {
        band.setVisible(false);
        int i = pressPanel;
        pressPanel = -1;
        if (i < 0 || i >= panels.size() || zoomer == null) return;
        PanelGeometry g = panels.get(i);
        double x = clamp(e.getX(), g.left(), g.left() + g.width()), y = clamp(e.getY(), g.top(), g.top() + g.height());
        if (Math.abs(x - pressX) < MIN_DRAG || Math.abs(y - pressY) < MIN_DRAG) return;
        double x0 = g.dataX(Math.min(pressX, x)), x1 = g.dataX(Math.max(pressX, x));
        double y0 = g.dataY(Math.max(pressY, y)), y1 = g.dataY(Math.min(pressY, y));
        zoomer.zoom(i, new ZoomState.Window(x0, x1, y0, y1));
    }

    private void scroll(ScrollEvent e) {
        int i = panelAt(e.getX(), e.getY());
        if (i < 0 || zoomer == null || e.getDeltaY() == 0) return;
        PanelGeometry g = panels.get(i);
        double factor = e.getDeltaY() > 0 ? WHEEL_FACTOR : 1 / WHEEL_FACTOR;
        double[] xs = g.zoomX(e.getX(), factor), ys = g.zoomY(e.getY(), factor);
        zoomer.zoom(i, new ZoomState.Window(xs[0], xs[1], ys[0], ys[1]));
        e.consume();
    }

    private static double clamp(double v, double lo, double hi) { return Math.max(lo, Math.min(hi, v)); }

    static String number(double v) { return SeriesReadout.number(v); }

    @Override protected void layoutChildren() { view.relocate(0, 0); }
}
