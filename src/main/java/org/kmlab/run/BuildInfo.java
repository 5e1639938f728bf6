package org.kmlab.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/** What this build is: its version, and the libraries it bundles with their licences (for --version and the About box). */
public final class BuildInfo {
    /** A bundled library and its licence. */
    public record Library(String name, String licence, String url) {}

    public static final List<Library> LIBRARIES = List.of(
            new Library("OpenJFX 21", "GPL-2.0 with the Classpath Exception", "https://openjfx.io"),
            new Library("JFreeChart 1.5", "LGPL-2.1", "https://www.jfree.org/jfreechart/"),
            new Library("JFreeChart-FX, FXGraphics2D", "BSD-3-Clause", "https://github.com/jfree"),
            new Library("JFreeSVG 5", "GPL-3.0", "https://github.com/jfree/jfreesvg"),
            new Library("OrsonPDF 1.9", "GPL-3.0", "https://github.com/jfree/orsonpdf"),
            new Library("JLaTeXMath 1.0", "GPL-2.0 with the Classpath Exception", "https://github.com/opencollab/jlatexmath"),
            new Library("Apache Commons Math 3.6 and Commons RNG 1.6", "Apache-2.0", "https://commons.apache.org"),
            new Library("Jackson 2.17", "Apache-2.0", "https://github.com/FasterXML/jackson"),
            new Library("picocli 4.7", "Apache-2.0", "https://picocli.info"));

    private BuildInfo() {}

    /** The version this jar was built as, e.g. "0.2.0" ("development" when run from unpackaged classes without it). */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/org/kmlab/kmlab.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            return "development";
        }
        String v = p.getProperty("version", "development");
        return v.contains("${") ? "development" : v;
    }

    /** "kmlab 0.2.0 (Java 17.0.15)". */
    public static String describe() {
        return "kmlab " + version() + " (Java " + System.getProperty("java.version") + ")";
    }
}
