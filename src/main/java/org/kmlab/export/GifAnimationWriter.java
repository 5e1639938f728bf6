package org.kmlab.export;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Animated GIF with the JDK's own GIF writer (no external tool): each frame carries a Graphic
 * Control Extension with its delay, and the first a NETSCAPE2.0 application extension that makes
 * viewers loop forever. Frames are rendered one at a time, so a long run needs memory for one image.
 */
public final class GifAnimationWriter {
    public static final double DEFAULT_DPI = 96;
    /** Browsers slow down delays under 2/100 s, so 50 frames per second is the most a GIF can promise. */
    public static final double MAX_FRAMES_PER_SECOND = 50;

    private GifAnimationWriter() {}

    /**
     * @param frames          the frames in order, all of one size; may be a lazy list that builds each
     *                        frame when asked (each index is asked for once, in increasing order)
     * @param framesPerSecond in (0, 50]; the delay is stored in hundredths of a second
     * @param dpi             pixels per inch of the frames' printed size (96 gives screen size)
     */
    public static void write(List<? extends Figure> frames, Path target, double framesPerSecond, double dpi) throws ExportException {
        if (frames.isEmpty()) throw new IllegalArgumentException("an animation needs at least one frame");
        if (!(framesPerSecond > 0 && framesPerSecond <= MAX_FRAMES_PER_SECOND)) {
            throw new IllegalArgumentException("frame rate must be in (0, " + (int) MAX_FRAMES_PER_SECOND + "] per second, got " + framesPerSecond);
        }
        PngFigureWriter.checkDpi(dpi);
        AtomicExport.write(target, out -> writeGif(frames, delayCentiseconds(framesPerSecond), dpi, out));
    }

    /** The GIF frame delay for a frame rate: 100/fps hundredths of a second, at least 2. */
    public static int delayCentiseconds(double framesPerSecond) {
        return (int) Math.max(2, Math.round(100 / framesPerSecond));
    }

    private static void writeGif(List<? extends Figure> frames, int delayCs, double dpi, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            writer.prepareWriteSequence(null);
            double width = 0, height = 0;
            for (int i = 0; i < frames.size(); i++) {
                Figure frame = frames.get(i); // each frame is asked for once, in order: a lazy list may build it now
                if (i == 0) {
                    width = frame.widthPt();
                    height = frame.heightPt();
                } else if (frame.widthPt() != width || frame.heightPt() != height) {
                    throw new IllegalArgumentException("all frames must have one size");
                }
                BufferedImage image = PngFigureWriter.render(frame, dpi);
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
                setFrameMetadata(metadata, delayCs, i == 0);
                writer.writeToSequence(new IIOImage(image, null, metadata), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    private static void setFrameMetadata(IIOMetadata metadata, int delayCs, boolean first) throws IOException {
        String format = metadata.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCs));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0 = forever
            child(root, "ApplicationExtensions").appendChild(app);
        }
        metadata.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
