package minimax.cli.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import minimax.losses.Losses;
import minimax.nn.Sequential;
import minimax.optim.Adam;
import minimax.optim.AdamW;
import minimax.optim.SGD;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The lab's demonstration of the refused answer: Minimax refuses a negative learning rate;
 * computed outside the library, it equals {@code maximize()} bit for bit without weight decay and
 * differs with it, weight decay turned into growth.
 */
class NegativeRateTest {
    private static final int STEPS = 40;
    private static final Tensor X = Tensor.uniform(new Rng(5), -1f, 1f, 24, 15), Y = Tensor.uniform(new Rng(6), 0f, 1f, 24, 1);

    private static AscentRun.Trace train(AscentRun.Update update) {
        return AscentRun.run(AscentRun.generator(11), Losses.mse(), update, X, Y, STEPS, Progress.NONE, "");
    }

    @Test
    void aNegativeRateIsRefusedWithAPointerToMaximize() {
        String message = NegativeRate.refusal(1e-3);
        assertTrue(message != null && message.contains("maximize()"), message);
    }

    @Test
    void maximizeEqualsAnExplicitNegativeRateBitForBitWithoutWeightDecay() {
        SGD sgd = new SGD(0.01).maximize();
        double[] sgdCompared = AscentRun.compare(train(sgd::apply).finalWeights, train(NegativeRate.sgd(0.01)).finalWeights);
        assertEquals(1, sgdCompared[1], "SGD: bit-identical");
        Adam adam = new Adam(1e-3).maximize();
        AscentRun.Trace library = train(adam::apply), explicit = train(NegativeRate.adam(1e-3, 0));
        assertEquals(1, AscentRun.compare(library.finalWeights, explicit.finalWeights)[1], "Adam: bit-identical");
        assertTrue(library.mse[STEPS] > library.mse[0], "and the MSE rose: " + library.mse[0] + " -> " + library.mse[STEPS]);
    }

    @Test
    void withWeightDecayTheNegativeRateGrowsTheWeights() {
        AdamW adamW = new AdamW(1e-3, 0.1).maximize();
        AscentRun.Trace library = train(adamW::apply), explicit = train(NegativeRate.adam(1e-3, 0.1));
        double[] c = AscentRun.compare(library.finalWeights, explicit.finalWeights);
        assertEquals(0, c[1], "AdamW: different");
        assertTrue(c[0] > 0);
        assertTrue(explicit.weightNorm[STEPS] > library.weightNorm[STEPS], explicit.weightNorm[STEPS] + " vs " + library.weightNorm[STEPS]);
        // the decay term alone, on zero gradients: the explicit negative rate multiplies each weight by (1 + wd·lr)
        Sequential model = AscentRun.generator(3);
        float before = model.weights().get(0).value().toArray()[0];
        List<Tensor> zeros = model.weights().stream().map(v -> Tensor.zeros(v.shape())).toList();
        NegativeRate.adam(1e-3, 0.1).apply(zeros, model.weights());
        float after = model.weights().get(0).value().toArray()[0];
        assertEquals(before - before * 0.1f * -1e-3f, after);
        assertTrue(Math.abs(after) > Math.abs(before));
    }

    @Test
    void aLabStepIsExactlyTrainOnBatch() {
        Sequential reference = AscentRun.generator(11);
        reference.compile(Losses.mse().negate(), new Adam(1e-3));
        for (int s = 0; s < STEPS; s++) reference.trainOnBatch(X, Y);
        Adam adam = new Adam(1e-3);
        AscentRun.Trace lab = AscentRun.run(AscentRun.generator(11), Losses.mse().negate(), adam::apply, X, Y, STEPS, Progress.NONE, "");
        assertEquals(1, AscentRun.compare(reference.getWeights(), lab.finalWeights)[1]);
        assertEquals(-lab.loss[0], lab.mse[0], 1e-6, "the negated loss reports −MSE");
        assertNotEquals(0, lab.gradientNorm[0]);
    }
}
