package org.latentexplorer.sweep;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.UserInputException;

/**
 * Several invocations opening one new sweep folder at once (the {@code --only} lines of {@code sweep jobs}): with
 * the same definition all of them go on and {@code sweep.json} is whole; with two definitions the folder keeps one
 * and every opener of the other is refused, none of them mixing the two.
 */
class SweepFolderTest {
    @TempDir
    Path dir;

    private static SweepSpec spec(String name) {
        return SweepSpec.paper(name, "dsprites", List.of(new GridEntry(org.latentexplorer.divergence.DivergenceKind.KL_QP,
                List.of(), List.of(), List.of())));
    }

    private List<Object> openAtOnce(Path folder, List<SweepSpec> specs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(specs.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (SweepSpec s : specs) {
                futures.add(pool.submit((Callable<Object>) () -> {
                    start.await();
                    try {
                        SweepFolder f = SweepFolder.open(folder, s);
                        Files.createDirectories(f.runDir("kl-qp-s1234"));
                        return s.name();
                    } catch (UserInputException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> out = new ArrayList<>();
            for (Future<Object> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentOpensOfOneDefinitionAllSucceed() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path folder = dir.resolve("same" + round);
            List<Object> got = openAtOnce(folder, List.of(spec("a"), spec("a"), spec("a"), spec("a")));
            assertEquals(List.of("a", "a", "a", "a"), got, "round " + round);
            assertEquals(SweepSpecJson.canonicalTree(spec("a")), SweepSpecJson.readTree(folder.resolve("sweep.json")));
            try (var files = Files.list(folder)) {
                assertEquals(List.of("runs", "sweep.json"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                        "no temporary file is left");
            }
        }
    }

    @Test
    void concurrentOpensOfTwoDefinitionsKeepOneAndRefuseTheOther() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path folder = dir.resolve("two" + round);
            List<Object> got = openAtOnce(folder, List.of(spec("a"), spec("b"), spec("a"), spec("b")));
            String kept = SweepSpecJson.readTree(folder.resolve("sweep.json")).get("name").asText();
            for (Object o : got) {
                if (o instanceof UserInputException e) {
                    assertTrue(e.getMessage().contains("this folder holds the sweep '" + kept + "'"), e.getMessage());
                } else {
                    assertEquals(kept, o, "an opener that went on has the kept definition");
                }
            }
            assertTrue(got.contains(kept), "round " + round + ": " + got);
        }
    }
}
