package org.kmlab.ui;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

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
    }

    /** The image on show (for tests), or null. */
    WritableImage image() { return image; }

    @Override protected void layoutChildren() { view.relocate(0, 0); }
}
