package org.kmlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kmlab.chart.ChartStyle;
import org.kmlab.export.FigureFiles;
import org.kmlab.export.FigureFormat;
import org.kmlab.export.FigureSize;
import org.kmlab.export.PublicationStyle;
import org.kmlab.model.Preset;
import org.kmlab.model.PresetIO;
import org.kmlab.model.RunSettings;
import org.kmlab.run.Run;
import org.kmlab.run.RunRequest;
import org.kmlab.run.SimulationService;
import org.kmlab.run.SolverRegistry;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kmlab export} in-process, with tiny runs (SSA + LNA, 30 trajectories, 4 output times):
 * every format for every preset, each file parsed as its format and checked for the asked size.
 */
class ExportCommandTest {
    private static final int SAMPLES = 4;
    private static final String[] TINY = {"--solvers", "ssa,lna", "--trajectories", "30", "--samples", String.valueOf(SAMPLES), "--threads", "1"};

    @TempDir Path dir;

    @Test
    void everyFormatForEveryPresetParsesAtTheAskedSize() throws Exception {
        List<Path> presets = presets();
        assertTrue(presets.size() >= 4, "presets found: " + presets);
        String[] figures = {"distribution", "timecourse", "km", "all"};
        int n = 0;
        for (Path preset : presets) {
            boolean twoSpecies = PresetIO.read(preset).model().speciesCount() == 2;
            for (FigureFormat format : FigureFormat.values()) {
                String figure = twoSpecies && format == FigureFormat.SVG ? "cloud" : figures[n % figures.length];
                FigureSize size = FigureSize.presets()[n % 4];
                n++;
                String name = preset.getFileName().toString().replace(".json", "") + "-" + figure + "." + format.extension();
                Path out = dir.resolve(name);
                List<String> args = new ArrayList<>(List.of("export", preset.toString(), "--figure", figure, "--size", size.name(), "--format", format.extension()));
                if (format == FigureFormat.PNG) args.addAll(List.of("--dpi", "150"));
                args.addAll(List.of(TINY));
                args.addAll(List.of("--out", out.toString()));
                Cli cli = Cli.run(args.toArray(String[]::new));
                assertEquals(0, cli.exit(), name + ": " + cli.err());
                assertTrue(cli.out().contains("wrote " + out.toAbsolutePath()), cli.out());
                boolean onePane = !figure.equals("all");
                switch (format) {
                    case PNG -> checkPng(out, size, 150, onePane);
                    case SVG -> checkSvg(out, size, onePane);
                    case PDF -> checkPdf(out, size, onePane);
                    case GIF -> checkGif(out, SAMPLES);
                }
            }
        }
    }

    @Test
    void theCliFigureIsThePictureTheWindowPathDraws() throws Exception {
        Path cliPng = dir.resolve("cli.png");
        Cli cli = Cli.run(concat(new String[] {"export", "presets/birth-death.json", "--figure", "all", "--dpi", "100"}, TINY, new String[] {"--out", cliPng.toString()}));
        assertEquals(0, cli.exit(), cli.err());

        // the window's way: a SimulationService run with the window's options, charts played to the end
        Preset p = PresetIO.read(Path.of("presets/birth-death.json"));
        RunSettings settings = p.run().withSolvers(List.of("ssa", "lna")).withTrajectories(30).withSamples(SAMPLES);
        Run run;
        try (SimulationService service = SimulationService.sameThread(SolverRegistry.builtIn())) {
            run = service.start(RunRequest.figure(p.model(), settings, 1));
        }
        org.kmlab.chart.ChartSet charts = new org.kmlab.chart.ChartSet(p.model(), ChartStyle.light());
        charts.play(p.model(), settings.tEnd(), run.recording(), run.recording().timeCount() - 1, java.util.Set.of());
        Path windowPng = dir.resolve("window.png");
        FigureFiles.write(org.kmlab.export.PaneFigures.of(charts, org.kmlab.chart.Panes.forModel(p.model()), FigureSize.DOUBLE, PublicationStyle.DEFAULT),
                FigureFormat.PNG, windowPng, 100);

        assertPixelsEqual(ImageIO.read(windowPng.toFile()), ImageIO.read(cliPng.toFile()));
    }

    @Test
    void theCloudNeedsTwoSpecies() {
        Path out = dir.resolve("c.png");
        Cli cli = Cli.run(concat(new String[] {"export", "presets/birth-death.json", "--figure", "cloud"}, TINY, new String[] {"--out", out.toString()}));
        assertEquals(2, cli.exit());
        assertEquals(List.of("kmlab: --figure cloud: the probability cloud needs a model with 2 species; birth-death has 1"), cli.errLines());
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnwritablePlaceGivesTheErrorAndNoFile() throws IOException {
        Path missing = dir.resolve("no-such-folder").resolve("fig.pdf");
        Cli cli = Cli.run(concat(new String[] {"export", "presets/birth-death.json", "--figure", "km"}, TINY, new String[] {"--out", missing.toString()}));
        assertEquals(2, cli.exit());
        assertEquals(List.of("kmlab: cannot write " + missing.toAbsolutePath() + ": the folder " + missing.getParent().toAbsolutePath() + " does not exist"), cli.errLines());

        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        Cli through = Cli.run(concat(new String[] {"export", "presets/birth-death.json", "--figure", "km"}, TINY, new String[] {"--out", file.resolve("fig.png").toString()}));
        assertEquals(2, through.exit());
        assertTrue(through.err().startsWith("kmlab: cannot write " + file.resolve("fig.png").toAbsolutePath()), through.err());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList(), "no figure and no temporary file");
        }
    }

    @Test
    void badFlagsAreNamedInOneLine() {
        Path out = dir.resolve("f.png");
        assertBad("kmlab: --size: unknown size 'a4': use single, onehalf, double or slide", "--figure", "km", "--size", "a4", "--out", out.toString());
        assertBad("kmlab: --format: unknown format 'tiff': use png, svg, pdf or gif", "--figure", "km", "--format", "tiff", "--out", out.toString());
        assertBad("kmlab: --figure: unknown figure 'heat': use distribution, cloud, timecourse, km, profile, firstpassage, series, sweep, passage or all", "--figure", "heat", "--out", out.toString());
        assertBad("kmlab: --option: unknown option 'nope' for this figure; use km.higherOrders, km.estimate", "--figure", "km", "--option", "nope", "--out", out.toString());
        assertBad("kmlab: --figure sweep: this pane shows an analysis, not a run; write it with kmlab sweep birth-death … --figure pdf", "--figure", "sweep", "--out", out.toString());
        assertBad("kmlab: --figure series: this pane shows a user's time series, not a run; open one in the window (File ▸ Open time series…) or use kmlab km SERIES.csv",
                "--figure", "series", "--out", out.toString());
        assertBad("kmlab: --dpi: dpi must be between 36 and 1200, got 5000.0", "--figure", "km", "--dpi", "5000", "--out", out.toString());
        assertBad("kmlab: --at: a GIF shows every output time; leave --at out", "--figure", "km", "--at", "2", "--out", dir.resolve("a.gif").toString());
        assertBad("kmlab: --fps: must be in (0, 50], got 100.0", "--figure", "km", "--fps", "100", "--out", dir.resolve("a.gif").toString());
        assertBad("kmlab: --at: must be a time from 0 to the end time 10.0, got 50.0", "--figure", "km", "--at", "50", "--out", out.toString());
        assertBad("kmlab: --at: must be a time from 0 to the end time 10.0, got -1.0", "--figure", "km", "--at", "-1", "--out", out.toString());
        assertBad("kmlab: --out: kmlab writes .png, .svg, .pdf or .gif figures, not .jpg", "--figure", "km", "--out", dir.resolve("f.jpg").toString());
        assertBad("kmlab: --out " + dir.resolve("f.svg") + ": the name says svg but --format says png; make them agree",
                "--figure", "km", "--format", "png", "--out", dir.resolve("f.svg").toString());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("f.jpg")));
    }

    @Test
    void theFigureOfAllPanesDefaultsToADoubleColumnAndAColumnTooTallIsRefusedWithASizeThatWorks() throws Exception {
        Path all = dir.resolve("all.png");
        Cli cli = Cli.run(concat(new String[] {"export", "presets/predator-prey.json", "--figure", "all", "--dpi", "72"}, TINY, new String[] {"--out", all.toString()}));
        assertEquals(0, cli.exit(), cli.err());
        java.awt.image.BufferedImage image = ImageIO.read(all.toFile());
        assertEquals(FigureSize.DOUBLE.widthPixels(72), image.getWidth(), "all panes: a double column by default");
        assertEquals(Math.round(2 * 3.6 * 0.75 * 72), image.getHeight(), 2, "two rows of two 3.6 × 2.7 in panels");

        Path single = dir.resolve("single.png");
        cli = Cli.run(concat(new String[] {"export", "presets/birth-death.json", "--figure", "all", "--size", "single", "--dpi", "72"}, TINY, new String[] {"--out", single.toString()}));
        assertEquals(0, cli.exit(), cli.err());
        assertEquals(Math.round(3 * 3.5 * 0.625 * 72), ImageIO.read(single.toFile()).getHeight(), 2, "one column of three 3.5 × 2.2 in panels");

        cli = Cli.run(concat(new String[] {"export", "presets/predator-prey.json", "--figure", "all", "--size", "onehalf"}, TINY, new String[] {"--out", dir.resolve("tall.png").toString()}));
        assertEquals(2, cli.exit());
        assertTrue(cli.err().contains("use size double"), cli.err());
        assertFalse(Files.exists(dir.resolve("tall.png")));
    }

    @Test
    void atPicksTheNearestOutputTime() throws Exception {
        Path early = dir.resolve("early.svg"), late = dir.resolve("late.svg");
        assertEquals(0, Cli.run(concat(new String[] {"export", "presets/birth-death.json", "--figure", "distribution", "--at", "3.1"}, TINY, new String[] {"--out", early.toString()})).exit());
        assertEquals(0, Cli.run(concat(new String[] {"export", "presets/birth-death.json", "--figure", "distribution"}, TINY, new String[] {"--out", late.toString()})).exit());
        // 4 output times over t ∈ [0, 10]: 0, 3.33, 6.67, 10; the title names the time shown
        assertTrue(texts(parse(early)).contains("Distribution at t = 3.33"), texts(parse(early)).toString());
        assertTrue(texts(parse(late)).contains("Distribution at t = 10.00"), texts(parse(late)).toString());
    }

    private void assertBad(String message, String... flags) {
        Cli cli = Cli.run(concat(new String[] {"export", "presets/birth-death.json"}, TINY, flags));
        assertEquals(2, cli.exit(), cli.err());
        assertEquals(List.of(message), cli.errLines());
    }

    private static void checkPng(Path png, FigureSize size, double dpi, boolean onePane) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(size.widthPixels(dpi), image.getWidth(), png.toString());
        if (onePane) assertEquals(size.heightPixels(dpi), image.getHeight(), png.toString());
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertEquals(dpi, Double.parseDouble(phys.getAttribute("pixelsPerUnitXAxis")) * 0.0254, 0.0128);
        }
    }

    private static void checkSvg(Path svg, FigureSize size, boolean onePane) throws Exception {
        Document doc = parse(svg);
        String width = doc.getDocumentElement().getAttribute("width");
        assertEquals(size.widthPt(), Double.parseDouble(width.replace("pt", "")), 1e-9);
        if (onePane) assertEquals(size.heightPt(), Double.parseDouble(doc.getDocumentElement().getAttribute("height").replace("pt", "")), 1e-9);
        // an x label ("x = n/Ω") or the time axis's ("time t"; stacked panels of 3+ species are labelled by name)
        assertTrue(texts(doc).stream().anyMatch(t -> t.contains("/Ω") || t.equals("time t")), "axis labels are text elements: " + texts(doc));
    }

    private static void checkPdf(Path pdf, FigureSize size, boolean onePane) throws IOException {
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-"));
        Matcher m = Pattern.compile("/MediaBox \\[([-0-9.]+) ([-0-9.]+) ([-0-9.]+) ([-0-9.]+)]").matcher(text);
        assertTrue(m.find(), "a MediaBox");
        assertEquals(size.widthPt(), Double.parseDouble(m.group(3)), 0.01);
        if (onePane) assertEquals(size.heightPt(), Double.parseDouble(m.group(4)), 0.01);
        assertFalse(m.find(), "one page");
    }

    private static void checkGif(Path gif, int frames) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(frames, reader.getNumImages(true), gif.toString());
        }
    }

    private static Document parse(Path svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    }

    private static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }

    private static void assertPixelsEqual(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        int[] a = expected.getRGB(0, 0, expected.getWidth(), expected.getHeight(), null, 0, expected.getWidth());
        int[] b = actual.getRGB(0, 0, actual.getWidth(), actual.getHeight(), null, 0, actual.getWidth());
        assertArrayEquals(a, b, "the same picture, pixel for pixel");
    }

    private static List<Path> presets() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("presets"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static String[] concat(String[]... parts) {
        List<String> all = new ArrayList<>();
        for (String[] p : parts) all.addAll(List.of(p));
        return all.toArray(String[]::new);
    }
}
