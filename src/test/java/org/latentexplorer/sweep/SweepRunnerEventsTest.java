package org.latentexplorer.sweep;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a sweep reports, as events, on a real two-run sweep: the plan, each epoch with its run, epoch and rate, each
 * finished run, the end; and, invoked again, each run skipped. The Sweep view reads these fields, the command line
 * prints their text, so the fields must agree with the text.
 */
class SweepRunnerEventsTest {
    @TempDir
    Path dir;

    private static final String SPEC = "{\"dataset\": \"dsprites\", \"images\": 64, \"limit\": 32, \"batch\": 16, "
            + "\"latents\": 4, \"grid\": [{\"divergence\": \"kl-qp\"}, {\"divergence\": \"jsg\", \"alpha\": [0.5]}]}";

    private static List<SweepEvent> run(SweepSpec spec, Path folder) {
        List<SweepEvent> events = new ArrayList<>();
        new SweepRunner(spec, SweepFolder.open(folder, spec), 1, 0, e -> {
            synchronized (events) {
                events.add(e);
            }
        }).run(spec.runs());
        return events;
    }

    private static List<SweepEvent> of(List<SweepEvent> events, SweepEvent.Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }

    @Test
    void aSweepReportsItsPlanEpochsFinishedRunsAndThenSkipsThem() {
        SweepSpec spec = SweepSpecJson.parse(SPEC, "events");
        Path folder = dir.resolve("d");
        List<SweepEvent> first = run(spec, folder);

        assertEquals(SweepEvent.Kind.STARTED, first.get(0).kind());
        assertNull(first.get(0).run());
        assertTrue(first.get(0).text().startsWith("sweep events: 2 runs on dsprites"), first.get(0).text());
        assertEquals(SweepEvent.Kind.DONE, first.get(first.size() - 1).kind());

        List<SweepEvent> epochs = of(first, SweepEvent.Kind.EPOCH);
        assertEquals(List.of("kl-qp-s1234", "kl-qp-s1234", "jsg-a0.5-s1234", "jsg-a0.5-s1234"),
                epochs.stream().map(SweepEvent::run).toList(), "two epochs of 32 examples per run, in plan order");
        for (int i = 0; i < epochs.size(); i++) {
            SweepEvent e = epochs.get(i);
            assertEquals(i % 2 + 1, e.epoch());
            assertEquals(2, e.epochs());
            assertTrue(e.imagesPerSecond() > 0, e.text());
            assertTrue(e.text().startsWith(e.run() + ": epoch " + e.epoch() + "/2, loss "), e.text());
            assertFalse(e.eta().isEmpty(), "after the first images the sweep has an ETA: " + e.text());
            assertTrue(e.text().endsWith("ETA " + e.eta()), e.text());
        }
        List<SweepEvent> finished = of(first, SweepEvent.Kind.FINISHED);
        assertEquals(List.of("kl-qp-s1234", "jsg-a0.5-s1234"), finished.stream().map(SweepEvent::run).toList());
        finished.forEach(e -> assertTrue(e.text().startsWith(e.run() + ": finished, reconstruction "), e.text()));
        assertTrue(of(first, SweepEvent.Kind.FAILED).isEmpty());

        List<SweepEvent> second = run(spec, folder);
        assertEquals(List.of("kl-qp-s1234", "jsg-a0.5-s1234"),
                of(second, SweepEvent.Kind.SKIPPED).stream().map(SweepEvent::run).toList());
        assertTrue(of(second, SweepEvent.Kind.EPOCH).isEmpty(), "nothing is trained again");
        assertTrue(second.get(second.size() - 1).text().contains("0 of 2 runs finished now, 2 skipped as finished"),
                second.get(second.size() - 1).text());
    }
}
