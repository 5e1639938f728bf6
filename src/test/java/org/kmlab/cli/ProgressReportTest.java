package org.kmlab.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressReportTest {
    private final AtomicLong nanos = new AtomicLong();
    private final StringWriter text = new StringWriter();
    private final ProgressReport report = new ProgressReport(new PrintWriter(text, true), nanos::get);

    private void at(double seconds) { nanos.set((long) (seconds * 1e9)); }

    @Test
    void quietForShortRunsThenSparseLines() {
        report.started("cme");
        at(0.9);
        report.progress("cme", 0.9);
        report.finished("cme", 0.95);
        assertEquals("", text.toString(), "a run under a second prints nothing");

        at(10);
        report.started("ssa");
        at(10.5);
        report.progress("ssa", 0.1);
        at(11.2);
        report.progress("ssa", 0.43);
        at(11.9);
        report.progress("ssa", 0.6);
        at(12.3);
        report.progress("ssa", 0.8);
        report.finished("ssa", 2.5);
        assertEquals(List.of("ssa    43%", "ssa    80%", "ssa   done in 2.5 s"), text.toString().lines().toList());
    }
}
