package minimax.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import minimax.autodiff.Variable;
import minimax.optim.Adam;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The classic Keras GAN pattern: compile the discriminator, freeze it, build and compile the
 * combined generator+discriminator model. Each compiled model trains what was trainable when it
 * was compiled (DESIGN.md).
 */
class KerasGanPatternTest {
    private final Rng rng = new Rng(7);
    private final Sequential generator = new Sequential(1);
    private final Sequential discriminator = new Sequential(2);
    private final Sequential combined = new Sequential(3);

    KerasGanPatternTest() {
        generator.add(new Dense(16, "leaky_relu", 4));
        generator.add(new Dense(2, "tanh"));
        discriminator.add(new Dense(16, "leaky_relu", 2));
        discriminator.add(new Dense(1, "sigmoid"));
        discriminator.compile("binary_crossentropy", new Adam(2e-4, 0.5f));
        discriminator.setTrainable(false);
        combined.add(generator);
        combined.add(discriminator);
        combined.compile("binary_crossentropy", new Adam(2e-4, 0.5f));
    }

    @Test
    void combinedStepLeavesTheFrozenDiscriminatorBitIdenticalAndTrainsTheGenerator() {
        List<Tensor> dBefore = discriminator.getWeights();
        List<Tensor> gBefore = generator.getWeights();
        Tensor z = Tensor.normal(rng, 0f, 1f, 32, 4);
        combined.trainOnBatch(z, Tensor.ones(32, 1)); // non-saturating: generator aims at "real"
        assertEquals(dBefore, discriminator.getWeights(), "the frozen discriminator must not change");
        assertNotEquals(gBefore, generator.getWeights(), "the generator must be trained");
        for (int i = 0; i < gBefore.size(); i++) assertNotEquals(gBefore.get(i), generator.getWeights().get(i), "generator weight " + i);
    }

    @Test
    void discriminatorsOwnStepStillTrainsItAfterFreezing() {
        List<Tensor> dBefore = discriminator.getWeights();
        List<Tensor> gBefore = generator.getWeights();
        Tensor real = Tensor.normal(rng, 0f, 1f, 32, 2);
        discriminator.trainOnBatch(real, Tensor.ones(32, 1));
        List<Tensor> dAfter = discriminator.getWeights();
        for (int i = 0; i < dBefore.size(); i++) assertNotEquals(dBefore.get(i), dAfter.get(i), "discriminator weight " + i);
        assertEquals(gBefore, generator.getWeights(), "the discriminator's step must not touch the generator");
    }

    @Test
    void eachCompiledModelReportsWhatItTrains() {
        assertEquals(generator.weights(), combined.trainedVariables());
        assertEquals(discriminator.weights(), discriminator.trainedVariables());
        String summary = combined.summary();
        assertTrue(summary.contains("Updated by this model's training step: " + String.format(java.util.Locale.ROOT, "%,d", generator.countParams())), summary);
        for (Variable v : discriminator.weights()) assertTrue(!v.isTrainable(), v + " is frozen now");
    }

    @Test
    void recompilingAfterUnfreezingTrainsBoth() {
        discriminator.setTrainable(true);
        combined.compile("binary_crossentropy", new Adam(2e-4, 0.5f));
        List<Tensor> dBefore = discriminator.getWeights();
        combined.trainOnBatch(Tensor.normal(rng, 0f, 1f, 8, 4), Tensor.ones(8, 1));
        assertNotEquals(dBefore, discriminator.getWeights());
    }
}
