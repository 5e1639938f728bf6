package org.kmlab.ui;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

import java.nio.IntBuffer;

/** Shows one chart as the pixels the render thread drew for it, at the pane's own size. */
final class ChartPane extends Region {
    private final ImageView view = new ImageView();
    private WritableImage image;

    ChartPane(String id) {
        setId(id);
        getStyleClass().add("chart-pane");
        getChildren().add(view);
        setMinSize(160, 120);
        setPrefSize(400, 300);
    }

    /** The size to draw at, in pixels. */
    int[] pixelSize() { return new int[] {(int) Math.floor(getWidth()), (int) Math.floor(getHeight())}; }

    /**
     * Shows freshly drawn pixels without copying them on this thread: the image wraps the render
     * thread's array (never written again once handed over) and is uploaded by the JavaFX renderer.
     */
    void show(ChartRenderer.Pixels p) {
        PixelBuffer<IntBuffer> buffer = new PixelBuffer<>(p.width(), p.height(), IntBuffer.wrap(p.argb()), PixelFormat.getIntArgbPreInstance());
        image = new WritableImage(buffer);
        view.setImage(image);
    }

    /** The image on show (for tests), or null. */
    WritableImage image() { return image; }

    @Override protected void layoutChildren() { view.relocate(0, 0); }
}
