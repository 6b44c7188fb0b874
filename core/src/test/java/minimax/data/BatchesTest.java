package minimax.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import minimax.tensor.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Resumable seeded batches: each epoch a permutation, step s computed directly equals step s reached by iterating. */
class BatchesTest {

    /** Row i of the dataset is (i, −i), so a batch's rows tell which indices it took. */
    private static Tensor rowsNumbered(int n) {
        float[] v = new float[2 * n];
        for (int i = 0; i < n; i++) {
            v[2 * i] = i;
            v[2 * i + 1] = -i;
        }
        return Tensor.wrap(v, n, 2);
    }

    @Test
    void everyEpochVisitsEveryRowOnce() {
        Batches batches = new Batches(rowsNumbered(10), 7);
        int[] identity = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        int[] previous = null;
        for (long epoch = 0; epoch < 5; epoch++) {
            int[] order = batches.epochOrder(epoch);
            int[] sorted = order.clone();
            Arrays.sort(sorted);
            assertArrayEquals(identity, sorted, "epoch " + epoch + " is a permutation");
            if (previous != null) assertFalse(Arrays.equals(previous, order), "epoch " + epoch + " reshuffled");
            previous = order;
        }
    }

    @Test
    void batchesTileTheConcatenatedEpochOrdersAndStraddleEpochs() {
        int n = 10;
        int batchSize = 4;
        Batches batches = new Batches(rowsNumbered(n), 3);
        int[] sequence = new int[40];
        for (int e = 0; e < 4; e++) System.arraycopy(batches.epochOrder(e), 0, sequence, e * n, n);
        for (int step = 0; step < 10; step++) {
            int[] expected = Arrays.copyOfRange(sequence, step * batchSize, (step + 1) * batchSize);
            assertArrayEquals(expected, batches.indices(step, batchSize), "step " + step);
            Tensor batch = batches.batch(step, batchSize);
            assertArrayEquals(new int[] {batchSize, 2}, batch.shape());
            for (int i = 0; i < batchSize; i++) assertEquals(expected[i], batch.get(i, 0), "step " + step + " row " + i);
        }
        // step 2 covers positions 8..11: the last two of epoch 0 and the first two of epoch 1
        int[] straddling = batches.indices(2, 4);
        assertArrayEquals(Arrays.copyOfRange(batches.epochOrder(0), 8, 10), Arrays.copyOfRange(straddling, 0, 2));
        assertArrayEquals(Arrays.copyOfRange(batches.epochOrder(1), 0, 2), Arrays.copyOfRange(straddling, 2, 4));
    }

    @Test
    void sameSeedSameBatchesOtherSeedOtherBatches() {
        Tensor data = rowsNumbered(100);
        assertEquals(new Batches(data, 1).batch(17, 8), new Batches(data, 1).batch(17, 8));
        assertFalse(Arrays.equals(new Batches(data, 1).epochOrder(0), new Batches(data, 2).epochOrder(0)));
    }

    @Test
    void aBatchLargerThanTheDatasetSpansSeveralEpochs() {
        Batches batches = new Batches(rowsNumbered(3), 5);
        int[] expected = new int[7];
        for (int p = 0; p < 7; p++) expected[p] = batches.epochOrder(p / 3)[p % 3];
        assertArrayEquals(expected, batches.indices(0, 7));
    }

    @Test
    void epochOrderIsACopy() {
        Batches batches = new Batches(rowsNumbered(5), 5);
        int[] order = batches.epochOrder(0);
        int first = order[0];
        order[0] = 99;
        assertEquals(first, batches.epochOrder(0)[0]);
        assertEquals(first, batches.indices(0, 1)[0]);
    }

    @Test
    void invalidArgumentsAreRejected() {
        Batches batches = new Batches(rowsNumbered(5), 5);
        assertEquals("batch size must be >= 1, got 0", assertThrows(IllegalArgumentException.class, () -> batches.batch(0, 0)).getMessage());
        assertEquals("step must be >= 0, got -1", assertThrows(IllegalArgumentException.class, () -> batches.batch(-1, 2)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> batches.epochOrder(-1));
        assertThrows(IllegalStateException.class, () -> new Batches(Tensor.zeros(0, 2), 1).batch(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Batches(Tensor.scalar(1f), 1));
    }

    /** Resuming: a fresh Batches asked for step s directly gives what a long-running one gave when it got there. */
    @Property(tries = 50)
    void batchAtStepEqualsSequentialIteration(@ForAll @IntRange(min = 1, max = 20) int n, @ForAll @IntRange(min = 1, max = 25) int batchSize,
            @ForAll @LongRange(min = 0, max = 30) long resumeStep, @ForAll long seed) {
        Tensor data = rowsNumbered(n);
        Batches running = new Batches(data, seed);
        Tensor reached = null;
        for (long s = 0; s <= resumeStep; s++) reached = running.batch(s, batchSize);
        assertEquals(reached, new Batches(data, seed).batch(resumeStep, batchSize));
    }

    /** Whatever the batch size, the first n·E positions visit every row exactly E times. */
    @Property(tries = 50)
    void rowsAreVisitedEquallyOften(@ForAll @IntRange(min = 1, max = 20) int n, @ForAll @IntRange(min = 1, max = 4) int epochs, @ForAll long seed) {
        Batches batches = new Batches(rowsNumbered(n), seed);
        int[] visits = new int[n];
        for (int row : batches.indices(0, n * epochs)) visits[row]++;
        int[] expected = new int[n];
        Arrays.fill(expected, epochs);
        assertArrayEquals(expected, visits);
    }
}
