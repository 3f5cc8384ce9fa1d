package org.latentexplorer.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.latentexplorer.common.UserInputException;

/**
 * What exactly a data set spec names, for provenance: procedural dSprites by its generator's version; a dSprites npz
 * and an MNIST / Fashion-MNIST directory by the SHA-256 of the bytes of their files; an image folder by the SHA-256 of
 * its listing (relative path and size of every image, in order), since hashing a large folder's contents would cost as
 * much as reading it. Identical data give identical identities on every machine.
 */
public final class DatasetIdentity {
    /** The version of the procedural dSprites generator: changes whenever {@link DSprites} draws other pixels. */
    public static final String DSPRITES_GENERATOR = "dsprites-generator-1";

    private DatasetIdentity() {
    }

    /**
     * The identity of the data a spec names, e.g. {@code dsprites-generator-1} or {@code sha256:3f2a…}.
     *
     * @throws UserInputException if the spec is malformed or its files cannot be read
     */
    public static String of(DatasetSpec spec) {
        return switch (spec.kind()) {
            case DSPRITES -> DSPRITES_GENERATOR;
            case DSPRITES_NPZ -> "sha256:" + hashFiles(spec.path(), List.of(spec.path()));
            case MNIST, FASHION_MNIST -> "sha256:" + hashFiles(spec.path(), idxFiles(spec.path()));
            case FOLDER -> "listing-sha256:" + hashListing(spec.path());
        };
    }

    /** As {@link #of(DatasetSpec)}, or "unknown" when the text is not a data set spec or the data cannot be read. */
    public static String ofOrUnknown(String spec) {
        try {
            return of(DatasetSpec.parse(spec));
        } catch (UserInputException e) {
            return "unknown";
        }
    }

    private static List<Path> idxFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().contains("-ubyte")).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw UserInputException.forFile(dir, "could not be listed (" + e.getMessage() + ")", e);
        }
    }

    private static String hashFiles(Path base, List<Path> files) {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        for (Path f : files) {
            Path name = base.equals(f) ? f.getFileName() : base.relativize(f);
            digest.update(name.toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            try (InputStream in = Files.newInputStream(f)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw UserInputException.forFile(f, "could not be read (" + e.getMessage() + ")", e);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String hashListing(Path root) {
        MessageDigest digest = sha256();
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            for (Path f : walk.filter(ImageFolder::isImageName).filter(Files::isRegularFile).sorted().toList()) {
                String line = root.relativize(f).toString().replace('\\', '/') + "\t" + Files.size(f) + "\n";
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw UserInputException.forFile(root, "could not be listed (" + e.getMessage() + ")", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
