package minimax.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import minimax.losses.Losses;
import minimax.optim.Adam;
import minimax.optim.Optimizer;
import minimax.optim.SGD;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * At the model level, "maximize the MSE" by a negated loss and by the optimizer's maximize flag are
 * the same training, bit for bit: negation is exact in floating point and the flag negates each
 * gradient before any optimizer state sees it.
 */
class MaximizeEquivalenceTest {
    private static Sequential generator(long seed) {
        Sequential g = new Sequential(seed);
        g.add(new Dense(50, "sigmoid", 15));
        g.add(new Dense(1, "sigmoid"));
        return g;
    }

    @Property(tries = 20)
    void negatedLossEqualsMaximizeFlagBitForBit(@ForAll @IntRange(min = 0, max = 1000) int seed,
                                                @ForAll @IntRange(min = 0, max = 2) int optimizerKind) {
        Rng rng = new Rng(seed);
        Tensor x = Tensor.uniform(rng, -1f, 1f, 16, 15);
        Tensor y = Tensor.uniform(rng, 0f, 1f, 16, 1);
        Sequential negated = generator(seed), flagged = generator(seed);
        negated.compile(Losses.mse().negate(), optimizer(optimizerKind, false));
        flagged.compile(Losses.mse(), optimizer(optimizerKind, true));
        for (int step = 0; step < 5; step++) {
            float lossNegated = negated.trainOnBatch(x, y);
            float lossFlagged = flagged.trainOnBatch(x, y);
            assertEquals(-lossNegated, lossFlagged, 0f, "reported losses keep their natural signs");
        }
        List<Tensor> a = negated.getWeights(), b = flagged.getWeights();
        assertEquals(a, b, "weights after 5 steps must be bit-identical");
        assertTrue(flagged.testOnBatch(x, y) > 0);
    }

    private static Optimizer optimizer(int kind, boolean maximize) {
        Optimizer o;
        switch (kind) {
            case 0: o = new Adam(1e-2); break;
            case 1: o = new SGD(0.1, 0.9, true); break;
            default: o = new Adam(1e-2).weightDecay(0.01f); break;
        }
        return maximize ? o.maximize() : o;
    }
}
