package org.latentexplorer.data;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.UserInputException;

class DatasetSpecTest {
    @Test
    void formsParseWithThePapersDefaults() {
        DatasetSpec d = DatasetSpec.parse("dsprites");
        assertEquals(DatasetSpec.Kind.DSPRITES, d.kind());
        assertNull(d.path());
        assertEquals(64, d.imageSize());
        assertEquals(10, d.defaultLatents());
        assertEquals(256, d.defaultBatchSize());
        assertEquals(30, d.defaultEpochs());
        assertEquals(0.0, d.backgroundValue());

        DatasetSpec npz = DatasetSpec.parse("dsprites-npz:/data/dsprites.npz");
        assertEquals(Path.of("/data/dsprites.npz"), npz.path());
        assertEquals(64, npz.imageSize());
        assertEquals(30, npz.defaultEpochs());
        assertEquals(256, npz.defaultBatchSize());

        for (String m : new String[] {"mnist:/data/mnist", "fashion-mnist:/data/fashion"}) {
            DatasetSpec s = DatasetSpec.parse(m);
            assertEquals(32, s.imageSize());
            assertEquals(64, s.defaultBatchSize());
            assertEquals(100, s.defaultEpochs());
            assertEquals(10, s.defaultLatents());
            assertEquals(0.0, s.backgroundValue());
        }
        DatasetSpec chairs = DatasetSpec.parse("folder:/data/chairs");
        assertEquals(64, chairs.imageSize());
        assertEquals(32, chairs.defaultLatents());
        assertEquals(256, chairs.defaultBatchSize());
        assertEquals(100, chairs.defaultEpochs());
        assertEquals(1.0, chairs.backgroundValue());
    }

    @Test
    void canonicalFormsRoundTrip() {
        for (String s : new String[] {"dsprites", "dsprites-npz:/a/b.npz", "mnist:rel/dir", "fashion-mnist:/f", "folder:/c"}) {
            DatasetSpec spec = DatasetSpec.parse(s);
            assertEquals(s, spec.canonical());
            assertEquals(spec, DatasetSpec.parse(spec.canonical()));
        }
        assertEquals("mnist:/x", DatasetSpec.parse("  mnist:/x  ").canonical());
    }

    @Test
    void badSpecsListTheAcceptedForms() {
        for (String bad : new String[] {"cifar:/x", "mnist", "dsprites:/x", "", "folder:", "MNIST:/x"}) {
            UserInputException e = assertThrows(UserInputException.class, () -> DatasetSpec.parse(bad), bad);
            assertTrue(e.getMessage().contains("mnist:DIR") && e.getMessage().contains("folder:DIR"), e.getMessage());
        }
        assertThrows(UserInputException.class, () -> DatasetSpec.parse(null));
    }

    @Test
    void dspritesHasNoSplit() {
        DatasetSpec d = DatasetSpec.parse("dsprites");
        assertEquals(737_280, d.open(Split.TRAIN).size());
        assertEquals(737_280, d.open(Split.TEST).size());
        assertTrue(d.open(Split.TEST).factors().isPresent());
    }
}
