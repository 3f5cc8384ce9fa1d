package org.latentexplorer.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.UserInputException;

/**
 * Optional downloader of the four gzip IDX files of MNIST or Fashion-MNIST into a directory that
 * {@link MnistDataset} then reads. Each file is fetched from {@code base URL + file name}, its MD5
 * checked against a known value while it streams to a temporary file, and only then moved into
 * place atomically; a file already present with the right checksum is skipped. Invariant: after
 * {@link #download} returns, every listed file is present with its expected checksum; after it
 * throws, no file with a wrong checksum has been left under a final name.
 *
 * <p>Checksum provenance: the MNIST MD5s are those in torchvision's {@code MNIST.resources}
 * (the same values mirrored on ossci-datasets.s3.amazonaws.com); the Fashion-MNIST MD5s are those
 * published in the README of {@code zalandoresearch/fashion-mnist} (also in torchvision's
 * {@code FashionMNIST.resources}). Both the base URL and the table can be replaced through the
 * constructor, e.g. for a private mirror.
 */
public final class MnistDownloader {
    /** The public mirror torchvision uses for MNIST. */
    public static final URI MNIST_BASE = URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/");
    /** The Fashion-MNIST bucket named in the zalandoresearch/fashion-mnist README. */
    public static final URI FASHION_MNIST_BASE = URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");

    /** File name → MD5 (lower-case hex) of the MNIST .gz files. */
    public static final Map<String, String> MNIST_MD5 = table(
            "train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873",
            "train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432",
            "t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3",
            "t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c");
    /** File name → MD5 (lower-case hex) of the Fashion-MNIST .gz files. */
    public static final Map<String, String> FASHION_MNIST_MD5 = table(
            "train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
            "train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe",
            "t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79",
            "t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310");

    /** What happened to one file. */
    public enum Outcome {
        /** Already present with the right checksum. */
        SKIPPED,
        /** Fetched and verified. */
        DOWNLOADED
    }

    /** Receives progress; called on the downloading thread. */
    @FunctionalInterface
    public interface Progress {
        /**
         * Bytes of {@code file} received so far, out of {@code total} (−1 if the server did not say).
         * Called at least once per file; for a skipped file once with {@code done == total}.
         */
        void update(String file, long done, long total);

        /** Ignores progress. */
        Progress NONE = (file, done, total) -> {
        };
    }

    private final HttpClient client;
    private final URI base;
    private final Map<String, String> md5;
    private final Duration requestTimeout;

    /**
     * A downloader for {@code base} and the file → MD5 table {@code md5}.
     *
     * @param base the directory URL the files are under (a trailing slash is added if missing)
     * @param requestTimeout the limit for connecting and for the response headers of each request
     */
    public MnistDownloader(URI base, Map<String, String> md5, Duration requestTimeout) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.md5 = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(md5));
        if (this.md5.isEmpty()) {
            throw new IllegalArgumentException("no files to download");
        }
        for (String v : this.md5.values()) {
            if (!v.matches("[0-9a-f]{32}")) {
                throw new IllegalArgumentException("not a lower-case hex MD5: " + v);
            }
        }
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(requestTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** MNIST from {@link #MNIST_BASE} (or {@code baseOverride} if not null). */
    public static MnistDownloader mnist(URI baseOverride) {
        return new MnistDownloader(baseOverride != null ? baseOverride : MNIST_BASE, MNIST_MD5, Duration.ofSeconds(30));
    }

    /** Fashion-MNIST from {@link #FASHION_MNIST_BASE} (or {@code baseOverride} if not null). */
    public static MnistDownloader fashionMnist(URI baseOverride) {
        return new MnistDownloader(baseOverride != null ? baseOverride : FASHION_MNIST_BASE, FASHION_MNIST_MD5, Duration.ofSeconds(30));
    }

    /** The URL a file is fetched from. */
    public URI url(String file) {
        return base.resolve(file);
    }

    /**
     * Fetches every missing or invalid file into {@code dir} (created if needed), in the table's
     * iteration order (train images, train labels, test images, test labels for the built-in tables).
     *
     * @return what happened to each file, in order
     * @throws UserInputException naming the URL on an HTTP error or network failure, or the file on
     *     a checksum mismatch (nothing is left under the file's name in either case)
     */
    public Map<String, Outcome> download(Path dir, Progress progress) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (String file : md5.keySet()) {
            Path target = dir.resolve(file);
            String expected = md5.get(file);
            if (Files.isRegularFile(target) && expected.equals(md5Of(target))) {
                long size = sizeOf(target);
                progress.update(file, size, size);
                outcomes.put(file, Outcome.SKIPPED);
                continue;
            }
            fetch(file, target, expected, progress);
            outcomes.put(file, Outcome.DOWNLOADED);
        }
        return outcomes;
    }

    private void fetch(String file, Path target, String expected, Progress progress) {
        URI url = url(file);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(requestTimeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UserInputException(url + ": download failed (" + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + e.getMessage() : "") + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserInputException(url + ": download interrupted", e);
        }
        if (response.statusCode() != 200) {
            try {
                response.body().close();
            } catch (IOException ignored) {
                // the error body is discarded; the status says what went wrong
            }
            throw new UserInputException(url + ": download failed with HTTP status " + response.statusCode());
        }
        long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        progress.update(file, 0, total);
        AtomicFiles.write(target, out -> {
            MessageDigest digest = newMd5();
            long done = 0;
            try (InputStream in = new DigestInputStream(response.body(), digest)) {
                byte[] buf = new byte[1 << 16];
                int r;
                while ((r = readFrom(in, buf, url)) > 0) {
                    out.write(buf, 0, r);
                    done += r;
                    progress.update(file, done, total);
                }
            }
            if (total >= 0 && done != total) {
                throw new UserInputException(url + ": download ended after " + done + " of " + total + " bytes");
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(expected)) {
                throw UserInputException.forFile(target, "checksum mismatch: the download from " + url + " has MD5 " + actual
                        + ", expected " + expected + "; the file was not kept");
            }
        });
    }

    private static int readFrom(InputStream in, byte[] buf, URI url) {
        try {
            return in.read(buf);
        } catch (IOException e) {
            throw new UserInputException(url + ": download failed while receiving data (" + e.getMessage() + ")", e);
        }
    }

    /** MD5 of a file as lower-case hex, or null if it cannot be read. */
    static String md5Of(Path file) {
        MessageDigest digest = newMd5();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            return null;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }

    private static Map<String, String> table(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1].toLowerCase(Locale.ROOT));
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
