package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Sweep view's reading of the sweep runner's progress lines (their shapes as SweepRunner writes them). */
class SweepProgressTest {
    @Test
    void readsEpochStepResumeFinishAndFailureLines() {
        SweepProgress e = SweepProgress.parse("jsg-dual-a0.5-s1234: epoch 2/8, loss 41.2000 rec 40.1000 div 1.1000, 812 img/s; "
                + "sweep 0/2 runs trained, 790 img/s in all, ETA 1m05s");
        assertEquals(new SweepProgress(SweepProgress.Kind.EPOCH, "jsg-dual-a0.5-s1234", 2, 8, 812, "1m05s", ""), e);
        SweepProgress s = SweepProgress.parse("kl-qp-s1: epoch 3/30 step 100/5760, 95 img/s; sweep 4/23 runs trained");
        assertEquals(new SweepProgress(SweepProgress.Kind.STEP, "kl-qp-s1", 3, 30, 95, "", ""), s);
        assertEquals(new SweepProgress(SweepProgress.Kind.RESUMED, "beta-b4-s1", 1, 8, Double.NaN, "", ""),
                SweepProgress.parse("beta-b4-s1: resuming after epoch 1 of 8"));
        assertEquals(SweepProgress.Kind.FINISHED, SweepProgress.parse("mmd-l500-s1: finished, reconstruction 30.1000 on train "
                + "(256 examples); sweep 1/2 runs trained, 700 img/s in all, ETA 3s").kind());
        assertEquals("3s", SweepProgress.parse("mmd-l500-s1: finished, reconstruction 30.1000 on train (256 examples); "
                + "sweep 1/2 runs trained, 700 img/s in all, ETA 3s").eta());
        assertEquals(SweepProgress.Kind.SKIPPED, SweepProgress.parse(
                "kl-qp-s1: finished earlier (result.json and model SHA-256 match), skipped").kind());
        SweepProgress f = SweepProgress.parse("kl-pq-s1: failed: training diverged at epoch 2");
        assertEquals(SweepProgress.Kind.FAILED, f.kind());
        assertEquals("training diverged at epoch 2", f.detail());
        assertEquals(SweepProgress.Kind.OTHER, SweepProgress.parse("sweep custom: 2 runs on dsprites, 256 images (1 epoch of 256 "
                + "examples) each, batch 32, lr 0.001, D=10, mse; 1 at once -> /tmp/x").kind());
    }
}
