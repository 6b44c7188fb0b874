package minimax.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import minimax.autodiff.Gradients;
import minimax.autodiff.Value;
import minimax.autodiff.Variable;
import minimax.losses.Loss;
import minimax.losses.Losses;
import minimax.optim.Adam;
import minimax.optim.OptimisticSGD;
import minimax.optim.Optimizer;
import minimax.optim.SGD;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training through a {@link GradientReversal}: in Dense → GradientReversal → Dense minimizing a loss
 * L with one optimizer, the first Dense ascends L and the last descends it; for λ = 1 this is, bit
 * for bit, the first Dense trained with {@code maximize()} and the last without, on the model
 * without the reversal.
 */
class GradientReversalTest {
    @TempDir
    Path dir;

    private static final Loss LOSS = Losses.mse();

    /** Dense(6, tanh, input 4) → [GradientReversal(λ)] → Dense(1, sigmoid), with weights from {@code seed}. */
    private static Sequential model(long seed, Float lambda) {
        Sequential m = new Sequential(seed);
        m.add(new Dense(6, "tanh", 4));
        if (lambda != null) m.add(new GradientReversal(lambda));
        m.add(new Dense(1, "sigmoid"));
        return m;
    }

    private static Tensor[] batch(long seed) {
        Rng rng = new Rng(seed);
        return new Tensor[] {Tensor.uniform(rng, -1f, 1f, 16, 4), Tensor.uniform(rng, 0f, 1f, 16, 1)};
    }

    private static Value loss(Sequential m, Tensor[] xy) {
        return LOSS.compute(Value.constant(xy[1]), m.call(Value.constant(xy[0]), new CallContext(true, new Rng(0))));
    }

    private static List<Tensor> gradients(Sequential m, Tensor[] xy) {
        List<Value> leaves = new ArrayList<>();
        for (Variable v : m.weights()) leaves.add(Value.of(v));
        return Gradients.of(loss(m, xy), leaves);
    }

    @Test
    void gradientsBeforeTheReversalAreScaledByMinusLambdaExactlyAndAfterItUnchanged() {
        Tensor[] xy = batch(1);
        Sequential plain = model(2, null);
        List<Tensor> expected = gradients(plain, xy);
        for (float lambda : new float[] {1f, 0.25f, 2f}) {   // powers of two scale float32 exactly
            Sequential reversed = model(2, lambda);
            reversed.setWeights(plain.getWeights());
            List<Tensor> g = gradients(reversed, xy);
            assertEquals(expected.get(0).mul(-lambda), g.get(0), "first kernel, λ = " + lambda);
            assertEquals(expected.get(1).mul(-lambda), g.get(1), "first bias, λ = " + lambda);
            assertEquals(expected.get(2), g.get(2), "last kernel, λ = " + lambda);
            assertEquals(expected.get(3), g.get(3), "last bias, λ = " + lambda);
        }
    }

    /**
     * One optimizer minimizing L through the reversal equals, bit for bit, two optimizers on the model
     * without it: the first Dense's with {@code maximize()}, the last Dense's without.
     */
    @Property(tries = 20)
    void minimizingThroughTheReversalEqualsMaximizingTheLayersBeforeIt(@ForAll @IntRange(min = 0, max = 1000) int seed,
                                                                        @ForAll @IntRange(min = 0, max = 2) int kind) {
        Tensor[] xy = batch(seed);
        Sequential reversed = model(seed, 1f), plain = model(seed, null);
        plain.setWeights(reversed.getWeights());
        reversed.compile(LOSS, optimizer(kind));
        List<Variable> first = plain.layers().get(0).weights(), last = plain.layers().get(1).weights();
        Optimizer ascend = optimizer(kind).maximize(), descend = optimizer(kind);
        for (int step = 0; step < 5; step++) {
            List<Tensor> g = gradients(plain, xy);
            float reported = reversed.trainOnBatch(xy[0], xy[1]);
            assertEquals(loss(plain, xy).item(), reported, 0f, "the loss keeps its natural sign");
            ascend.apply(g.subList(0, 2), first);
            descend.apply(g.subList(2, 4), last);
            assertEquals(plain.getWeights(), reversed.getWeights(), "step " + step);
        }
    }

    private static Optimizer optimizer(int kind) {
        switch (kind) {
            case 0: return new SGD(0.1);
            case 1: return new Adam(1e-2);
            default: return new OptimisticSGD(0.1).weightDecay(0.01);
        }
    }

    /** With a small rate, each part's own update, applied alone, moves L the way it should. */
    @Test
    void firstDenseIncreasesTheLossAndLastDenseDecreasesIt() {
        Tensor[] xy = batch(3);
        Sequential m = model(4, 1f);
        m.compile(LOSS, new SGD(0.05));
        for (int step = 0; step < 10; step++) {
            List<Tensor> before = m.getWeights();
            float l0 = loss(m, xy).item();
            m.trainOnBatch(xy[0], xy[1]);
            List<Tensor> after = m.getWeights();
            float onlyFirst = lossWith(m, xy, after.get(0), after.get(1), before.get(2), before.get(3));
            float onlyLast = lossWith(m, xy, before.get(0), before.get(1), after.get(2), after.get(3));
            assertTrue(onlyFirst > l0, "step " + step + ": the first Dense's update should raise L from " + l0 + ", got " + onlyFirst);
            assertTrue(onlyLast < l0, "step " + step + ": the last Dense's update should lower L from " + l0 + ", got " + onlyLast);
            m.setWeights(after);
        }
    }

    private static float lossWith(Sequential m, Tensor[] xy, Tensor... weights) {
        m.setWeights(List.of(weights));
        return loss(m, xy).item();
    }

    @Test
    void savedAndLoadedModelResumesBitForBit() throws IOException {
        Tensor[] xy = batch(5);
        Sequential uninterrupted = model(6, 0.5f), first = model(6, 0.5f);
        uninterrupted.compile(LOSS, new OptimisticSGD(0.1).maximize());
        first.compile(LOSS, new OptimisticSGD(0.1).maximize());
        for (int i = 0; i < 3; i++) {
            uninterrupted.trainOnBatch(xy[0], xy[1]);
            first.trainOnBatch(xy[0], xy[1]);
        }
        Path file = dir.resolve("dann.safetensors");
        first.save(file);
        Sequential resumed = Sequential.load(file);
        assertEquals(first.config(), resumed.config());
        for (int i = 0; i < 3; i++) assertEquals(uninterrupted.trainOnBatch(xy[0], xy[1]), resumed.trainOnBatch(xy[0], xy[1]), 0f, "step " + i);
        assertEquals(uninterrupted.getWeights(), resumed.getWeights());
    }

    @Test
    void lambdaMustBeFiniteAndNotNegative() {
        for (float bad : new float[] {-1f, Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY}) {
            String m = assertThrows(IllegalArgumentException.class, () -> new GradientReversal(bad)).getMessage();
            assertTrue(m.contains("GradientReversal lambda must be a finite number >= 0, got " + bad), m);
        }
        assertEquals(1f, new GradientReversal().lambda());
        assertEquals(0.5, new GradientReversal(0.5f).config().get("lambda"));
    }
}
