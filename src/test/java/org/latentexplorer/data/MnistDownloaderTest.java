package org.latentexplorer.data;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.UserInputException;

/** The downloader against a local HTTP server on 127.0.0.1 only. */
class MnistDownloaderTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private URI base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/mnist/", exchange -> {
            requests.incrementAndGet();
            String name = exchange.getRequestURI().getPath().substring("/mnist/".length());
            byte[] body = served.get(name);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mnist");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static String md5(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    }

    /** Four small valid gzip IDX files served under the real names; returns the checksum table. */
    private Map<String, String> serveMnistLikeFiles() throws Exception {
        Map<String, String> table = new LinkedHashMap<>();
        String[] names = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};
        byte[][] bodies = {
            MnistDatasetTest.gzip(MnistDatasetTest.idxImages(3, 28, 28)), MnistDatasetTest.gzip(MnistDatasetTest.idxLabels(3)),
            MnistDatasetTest.gzip(MnistDatasetTest.idxImages(2, 28, 28)), MnistDatasetTest.gzip(MnistDatasetTest.idxLabels(2))};
        for (int i = 0; i < 4; i++) {
            served.put(names[i], bodies[i]);
            table.put(names[i], md5(bodies[i]));
        }
        return table;
    }

    private long files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void downloadsVerifiesAndSkipsFilesAlreadyPresent() throws Exception {
        Map<String, String> table = serveMnistLikeFiles();
        MnistDownloader d = new MnistDownloader(base, table, Duration.ofSeconds(10));
        assertEquals(URI.create(base + "/train-images-idx3-ubyte.gz"), d.url("train-images-idx3-ubyte.gz"));
        List<String> progress = new ArrayList<>();
        Map<String, MnistDownloader.Outcome> first = d.download(dir, (file, done, total) -> {
            assertTrue(total < 0 || done <= total);
            progress.add(file + ":" + done + "/" + total);
        });
        assertEquals(List.copyOf(table.keySet()), List.copyOf(first.keySet()), "in table order");
        assertTrue(first.values().stream().allMatch(o -> o == MnistDownloader.Outcome.DOWNLOADED));
        for (String name : table.keySet()) {
            assertArrayEquals(served.get(name), Files.readAllBytes(dir.resolve(name)));
            long size = served.get(name).length;
            assertTrue(progress.contains(name + ":" + size + "/" + size), progress.toString());
        }
        assertEquals(4, files(), "no temporary files left");
        assertEquals(4, requests.get());

        // the downloaded directory is a data set
        MnistDataset train = MnistDataset.open(dir, Split.TRAIN, "MNIST");
        assertEquals(3, train.size());
        assertEquals(2, train.label(2).getAsInt());
        assertEquals(2, MnistDataset.open(dir, Split.TEST, "MNIST").size());

        // a second run fetches nothing; a damaged file is fetched again
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), new byte[] {1, 2, 3});
        Map<String, MnistDownloader.Outcome> second = d.download(dir, MnistDownloader.Progress.NONE);
        assertEquals(MnistDownloader.Outcome.SKIPPED, second.get("train-images-idx3-ubyte.gz"));
        assertEquals(MnistDownloader.Outcome.DOWNLOADED, second.get("t10k-labels-idx1-ubyte.gz"));
        assertEquals(5, requests.get());
        assertArrayEquals(served.get("t10k-labels-idx1-ubyte.gz"), Files.readAllBytes(dir.resolve("t10k-labels-idx1-ubyte.gz")));
    }

    @Test
    void aChecksumMismatchIsAnErrorAndLeavesNoFile() throws Exception {
        Map<String, String> table = serveMnistLikeFiles();
        served.put("train-labels-idx1-ubyte.gz", MnistDatasetTest.gzip(MnistDatasetTest.idxLabels(4)));
        MnistDownloader d = new MnistDownloader(base, table, Duration.ofSeconds(10));
        UserInputException e = assertThrows(UserInputException.class, () -> d.download(dir, MnistDownloader.Progress.NONE));
        Path target = dir.resolve("train-labels-idx1-ubyte.gz");
        assertTrue(e.getMessage().startsWith(target.toString()) && e.getMessage().contains("checksum mismatch")
                && e.getMessage().contains(table.get("train-labels-idx1-ubyte.gz")), e.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(1, files(), "only the verified first file, no temporary file");
    }

    @Test
    void anHttpErrorNamesTheUrl() throws Exception {
        Map<String, String> table = serveMnistLikeFiles();
        served.remove("t10k-images-idx3-ubyte.gz");
        MnistDownloader d = new MnistDownloader(base, table, Duration.ofSeconds(10));
        UserInputException e = assertThrows(UserInputException.class, () -> d.download(dir, MnistDownloader.Progress.NONE));
        assertTrue(e.getMessage().contains(base + "/t10k-images-idx3-ubyte.gz") && e.getMessage().contains("404"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("t10k-images-idx3-ubyte.gz")));
        assertEquals(2, files());
    }

    @Test
    void anUnreachableServerNamesTheUrl() throws Exception {
        Map<String, String> table = serveMnistLikeFiles();
        server.stop(0);
        MnistDownloader d = new MnistDownloader(base, table, Duration.ofSeconds(5));
        UserInputException e = assertThrows(UserInputException.class, () -> d.download(dir, MnistDownloader.Progress.NONE));
        assertTrue(e.getMessage().startsWith(base + "/train-images-idx3-ubyte.gz"), e.getMessage());
        assertEquals(0, files());
    }

    @Test
    void theBuiltInTablesCoverTheFourFilesWithWellFormedChecksums() {
        for (Map<String, String> t : List.of(MnistDownloader.MNIST_MD5, MnistDownloader.FASHION_MNIST_MD5)) {
            assertEquals(List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
                    "t10k-labels-idx1-ubyte.gz"), List.copyOf(t.keySet()));
            assertTrue(t.values().stream().allMatch(v -> v.matches("[0-9a-f]{32}")));
        }
        assertEquals("f68b3c2dcbeaaa9fbdd348bbdeb94873", MnistDownloader.MNIST_MD5.get("train-images-idx3-ubyte.gz"));
        assertEquals("8d4fb7e6c68d591d4c3dfef9ec88bf0d", MnistDownloader.FASHION_MNIST_MD5.get("train-images-idx3-ubyte.gz"));
        assertEquals(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/t10k-images-idx3-ubyte.gz"),
                MnistDownloader.mnist(null).url("t10k-images-idx3-ubyte.gz"));
        assertThrows(IllegalArgumentException.class, () -> new MnistDownloader(base, Map.of("x", "not-md5"), Duration.ofSeconds(1)));
    }
}
