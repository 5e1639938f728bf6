package org.kmlab.cli;

import org.kmlab.run.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the build's version and Java, then the bundled libraries and their licences. */
final class VersionProvider implements IVersionProvider {
    @Override public String[] getVersion() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add(BuildInfo.describe());
        lines.add("Bundled libraries:");
        for (BuildInfo.Library l : BuildInfo.LIBRARIES) lines.add("  " + l.name() + " (" + l.licence() + ")");
        return lines.toArray(String[]::new);
    }
}
