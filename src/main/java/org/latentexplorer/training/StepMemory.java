package org.latentexplorer.training;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.nd4j.autodiff.samediff.internal.memory.AbstractMemoryMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The memory of SameDiff's gradient session for a training step that repeats with the same shapes.
 * When SameDiff computes outputs and gradients together it releases almost none of the step's
 * arrays (activations, their gradients, temporaries: about 400 MB per step at 64×64, batch 256), so
 * with its own memory manager each step allocates them afresh and they are freed only when the
 * garbage collector gets to them — the kernel maps and zeroes new memory every step and the
 * resident set floats.
 *
 * <p>This manager hands out arrays from the previous step instead: every array it allocates during
 * a step stays owned by it, and {@link #endStep()} (called once the step's outputs and gradients
 * have been consumed) makes all of them available to the next step, matched by data type, shape
 * and order. Arrays the last step did not use (after a change of batch size) are freed there and
 * then. The arrays returned to the caller (outputs, gradients) are therefore valid only until
 * {@code endStep()}. Contents are not cleared, as with SameDiff's own managers: every op writes its
 * whole output.
 */
final class StepMemory extends AbstractMemoryMgr {
    private record Key(DataType type, char order, List<Long> shape) {
        static Key of(DataType type, char order, long[] shape) {
            List<Long> s = new ArrayList<>(shape.length);
            for (long d : shape) {
                s.add(d);
            }
            return new Key(type, order, s);
        }
    }

    /** Arrays free for this step, by key. */
    private final Map<Key, ArrayDeque<INDArray>> free = new HashMap<>();
    /** Arrays handed out during this step (identity, since arrays compare by value). */
    private final IdentityHashMap<INDArray, Key> inUse = new IdentityHashMap<>();
    /** Free arrays that no allocation has taken since the last {@link #endStep()}. */
    private final Set<INDArray> untouched = Collections.newSetFromMap(new IdentityHashMap<>());
    private long fresh;

    @Override
    public INDArray allocate(boolean detached, DataType dataType, long... shape) {
        return take(Key.of(dataType, 'c', shape));
    }

    @Override
    public INDArray allocate(boolean detached, LongShapeDescriptor descriptor) {
        if (descriptor.isEmpty()) {
            return Nd4j.create(descriptor);
        }
        return take(Key.of(descriptor.dataType(), descriptor.getOrder(), descriptor.getShape()));
    }

    private INDArray take(Key key) {
        ArrayDeque<INDArray> q = free.get(key);
        INDArray a = q == null ? null : q.pollFirst();
        if (a == null) {
            long[] shape = new long[key.shape().size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = key.shape().get(i);
            }
            a = Nd4j.createUninitializedDetached(key.type(), key.order(), shape);
            fresh++;
        }
        untouched.remove(a);
        inUse.put(a, key);
        return a;
    }

    /** SameDiff no longer needs this array: it may serve a later allocation in this same step. */
    @Override
    public void release(INDArray array) {
        Key key = inUse.remove(Objects.requireNonNull(array));
        if (key != null) {
            free.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(array);
        }
    }

    /**
     * Ends a step: every array handed out becomes free for the next step; arrays that stayed free
     * through the whole step are closed (their shapes are no longer in use).
     */
    void endStep() {
        for (Iterator<ArrayDeque<INDArray>> qs = free.values().iterator(); qs.hasNext(); ) {
            ArrayDeque<INDArray> q = qs.next();
            q.removeIf(a -> {
                if (untouched.contains(a)) {
                    closeQuietly(a);
                    return true;
                }
                return false;
            });
            if (q.isEmpty()) {
                qs.remove();
            }
        }
        for (Map.Entry<INDArray, Key> e : inUse.entrySet()) {
            free.computeIfAbsent(e.getValue(), k -> new ArrayDeque<>()).addLast(e.getKey());
        }
        inUse.clear();
        untouched.clear();
        for (ArrayDeque<INDArray> q : free.values()) {
            untouched.addAll(q);
        }
    }

    /** How many arrays were created (not reused) since this manager was made. */
    long freshAllocations() {
        return fresh;
    }

    /** Frees every array this manager holds. */
    @Override
    public void close() {
        endStep();
        for (ArrayDeque<INDArray> q : free.values()) {
            for (INDArray a : q) {
                closeQuietly(a);
            }
        }
        free.clear();
        untouched.clear();
    }

    private static void closeQuietly(INDArray a) {
        if (a.closeable()) {
            a.close();
        }
    }
}
