package org.latentexplorer.render.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.latentexplorer.latent.LatentDecoder;
import org.latentexplorer.render.traversal.GridImage;
import org.latentexplorer.render.traversal.TraversalGrid;
import org.latentexplorer.render.traversal.TraversalSpec;

/**
 * Renders a traversal grid with each epoch's weights and rewrites an animated
 * GIF (one frame per epoch, looping) atomically after every epoch, like geometric-js's {@code training.gif}
 * ({@code GifTraversalsTraining}). After epoch k the file holds exactly the k frames of this run so far, so
 * an interrupted run leaves a valid GIF; a resumed run can continue the frames of the earlier one. Frames are kept in memory PNG-compressed (a few hundred kB each).
 * The caller feeds it each epoch's model from a training listener, on the training thread, which then owns the
 * model's decoder graph.
 */
public final class EpochGridGif {
    /** Default delay between frames. */
    public static final int DEFAULT_DELAY_MILLIS = 500;

    private final Path file;
    private final TraversalSpec spec;
    private final int delayMillis;
    private final List<byte[]> frames = new ArrayList<>();
    private final Map<String, String> metadata;
    private long lastRenderNanos;

    /**
     * @param file        the GIF to (re)write after every epoch
     * @param spec        the grid of every frame, e.g. {@link TraversalSpec#paper()} with the data set's background;
     *                    it must need no data inputs (prior anchor and range, index or listed order)
     * @param delayMillis delay between frames
     */
    public EpochGridGif(Path file, TraversalSpec spec, int delayMillis) {
        this(file, spec, delayMillis, List.of(), Map.of());
    }

    /**
     * As {@link #EpochGridGif(Path, TraversalSpec, int)}, continuing after {@code earlierFrames} (e.g. the frames of
     * the GIF a resumed run wrote before); they must have the size of this spec's grids. {@code metadata} is written
     * as the GIF's comment ({@link ExportMetadata}).
     */
    public EpochGridGif(Path file, TraversalSpec spec, int delayMillis, List<BufferedImage> earlierFrames,
                        Map<String, String> metadata) {
        this.metadata = Map.copyOf(metadata);
        for (BufferedImage frame : earlierFrames) {
            frames.add(PngExport.encode(frame, Map.of()));
        }
        this.file = Objects.requireNonNull(file, "file");
        this.spec = Objects.requireNonNull(spec, "spec");
        if (delayMillis < 0 || delayMillis > 655_350) {
            throw new IllegalArgumentException("frame delay must be between 0 and 655350 ms, got " + delayMillis);
        }
        this.delayMillis = delayMillis;
    }

    /** Adds the grid decoded by {@code epochModel} as the next frame and rewrites the GIF. */
    public void add(LatentDecoder epochModel) {
        long start = System.nanoTime();
        GridImage grid = TraversalGrid.render(spec, epochModel);
        frames.add(PngExport.encode(grid.toAnnotatedImage(), Map.of()));
        List<BufferedImage> images = new ArrayList<>(frames.size());
        for (byte[] png : frames) {
            images.add(decode(png));
        }
        GifExport.write(file, images, delayMillis, metadata);
        lastRenderNanos = System.nanoTime() - start;
    }

    /** Frames written so far (one per epoch seen, plus any earlier frames it continued). */
    public int frames() {
        return frames.size();
    }

    /** The GIF file. */
    public Path file() {
        return file;
    }

    /** Time spent on the last epoch's grid and GIF, in milliseconds. */
    public double lastMillis() {
        return lastRenderNanos / 1e6;
    }

    private static BufferedImage decode(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException("could not decode a frame held in memory", e);
        }
    }
}
