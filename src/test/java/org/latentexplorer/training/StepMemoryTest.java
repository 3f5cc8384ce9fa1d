package org.latentexplorer.training;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.model.Architecture;
import org.latentexplorer.model.Reconstruction;
import org.latentexplorer.model.VaeGraph;
import org.latentexplorer.model.VaeWeights;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class StepMemoryTest {
    @Test
    void arraysComeBackOnlyAfterTheStepEndsOrWhenReleased() {
        StepMemory m = new StepMemory();
        INDArray a = m.allocate(false, DataType.FLOAT, 3, 4);
        INDArray b = m.allocate(false, DataType.FLOAT, 3, 4);
        assertNotSame(a, b, "two arrays in use at once are distinct");
        assertEquals(2, m.freshAllocations());
        m.endStep();
        INDArray c = m.allocate(false, DataType.FLOAT, 3, 4);
        INDArray d = m.allocate(false, DataType.FLOAT, 3, 4);
        assertTrue((c == a && d == b) || (c == b && d == a), "the previous step's arrays are reused");
        INDArray e = m.allocate(false, DataType.FLOAT, 3, 4);
        assertEquals(3, m.freshAllocations(), "a third array in the same step is new");
        m.release(e);
        assertSame(e, m.allocate(false, DataType.FLOAT, 3, 4), "a released array serves the same step");
        INDArray other = m.allocate(false, DataType.DOUBLE, 3, 4);
        assertEquals(DataType.DOUBLE, other.dataType());
        assertArrayEquals(new long[] {3, 4}, other.shape());
        m.close();
    }

    @Test
    void unusedShapesAreFreedAtTheEndOfTheNextStep() {
        StepMemory m = new StepMemory();
        INDArray a = m.allocate(false, DataType.FLOAT, 8);
        m.endStep();
        m.allocate(false, DataType.FLOAT, 5); // a step with another shape: a stays free, unused
        m.endStep();
        assertTrue(a.wasClosed(), "an array unused for a whole step is closed");
        m.close();
    }

    @Test
    void aTrainingStepReusesItsArraysInSteadyState() {
        Architecture arch = new Architecture(32, 4);
        try (TrainingStep step = new TrainingStep(VaeWeights.initialise(arch, 3),
                new VaeGraph.LossSpec(DivergenceSpec.of(DivergenceKind.JSG_DUAL, 0.5), 1, Reconstruction.MSE), 1e-3, null)) {
            float[] pixels = Benchmark.images(32, 8);
            SplittableRandom noise = new SplittableRandom(1);
            // SameDiff's execution order may vary a little between the first steps: allow a few to settle
            for (int i = 0; i < 4; i++) {
                step.run(pixels, 8, noise, (r, g) -> { });
            }
            long afterTwo = step.freshArrays();
            assertTrue(afterTwo > 20, "the gradient session allocates through the step's memory: " + afterTwo);
            for (int i = 0; i < 4; i++) {
                step.run(pixels, 8, noise, (r, g) -> { });
            }
            assertEquals(afterTwo, step.freshArrays(), "no new arrays in steady state");
            step.run(pixels, 5, noise, (r, g) -> { });
            long afterPartial = step.freshArrays();
            for (int i = 0; i < 4; i++) {
                step.run(pixels, 8, noise, (r, g) -> { });
            }
            long settled = step.freshArrays();
            for (int i = 0; i < 3; i++) {
                step.run(pixels, 8, noise, (r, g) -> { });
            }
            assertEquals(settled, step.freshArrays(), "steady again after a partial batch");
            assertTrue(afterPartial > afterTwo);
        }
    }
}
