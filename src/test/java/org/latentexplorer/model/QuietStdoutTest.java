package org.latentexplorer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;

/** Building a training graph silences SameDiff's own println on the building thread only: nothing else is lost. */
class QuietStdoutTest {
    private PrintStream original;
    private ByteArrayOutputStream captured;

    @BeforeEach
    void capture() {
        original = System.out;
        captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(original);
    }

    private String output() {
        System.out.flush();
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onlyTheRunningThreadIsSilenced() throws InterruptedException {
        QuietStdout.run(() -> {
            System.out.println("muted line");
            System.out.printf("muted %d%n", 2);
            Thread other = new Thread(() -> System.out.println("other thread line"));
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        System.out.println("after");
        String out = output();
        assertFalse(out.contains("muted"), out);
        assertTrue(out.contains("other thread line"), out);
        assertTrue(out.contains("after"), out);
    }

    @Test
    void buildingATrainingGraphPrintsNothingAndLosesNoOtherOutput() throws InterruptedException {
        AtomicBoolean building = new AtomicBoolean(true);
        AtomicInteger printed = new AtomicInteger();
        AtomicInteger printedWhileBuilding = new AtomicInteger();
        Thread other = new Thread(() -> {
            while (building.get()) {
                System.out.println("line " + printed.incrementAndGet());
                printedWhileBuilding.incrementAndGet();
                Thread.yield();
            }
        });
        other.start();
        VaeWeights w = VaeWeights.initialise(new Architecture(32, 3), 7);
        VaeGraph.build(w, VaeGraph.Mode.TRAIN,
                new VaeGraph.LossSpec(DivergenceSpec.of(DivergenceKind.JSG_DUAL), 1, Reconstruction.MSE));
        building.set(false);
        other.join();
        String out = output();
        assertFalse(out.contains("Added differentiated op"), "SameDiff's gradient lines leaked");
        assertTrue(printedWhileBuilding.get() > 0, "the other thread printed while the graph was built");
        long lines = out.lines().filter(l -> l.startsWith("line ")).count();
        assertEquals(printed.get(), lines, "every line of the other thread arrived");
    }
}
