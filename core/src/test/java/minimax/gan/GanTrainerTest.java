package minimax.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import minimax.autodiff.Value;
import minimax.format.FormatException;
import minimax.losses.Losses;
import minimax.nn.Dense;
import minimax.nn.Model;
import minimax.nn.NonFiniteLossException;
import minimax.nn.Sequential;
import minimax.optim.Adam;
import minimax.optim.Optimizer;
import minimax.optim.SGD;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two-player trainer: settings checks, who updates what, determinism, checkpoints, divergence. */
class GanTrainerTest {
    static Sequential generator(long seed) {
        return new Sequential(seed, new Dense(16, "leaky_relu", 4), new Dense(2));
    }

    static Sequential discriminator(long seed, String out) {
        return new Sequential(seed, new Dense(16, "leaky_relu", 2), new Dense(1, out));
    }

    static GanTrainer.Builder builder(GanLoss loss) {
        return builder(loss, loss instanceof BceGanLoss ? "sigmoid" : "linear");
    }

    /** Small players: G 4 → 16 → 2, D 2 → 16 → 1 with the given output activation. */
    static GanTrainer.Builder builder(GanLoss loss, String out) {
        return GanTrainer.builder().generator(generator(1), new Adam(1e-3, 0.5)).discriminator(discriminator(2, out), new Adam(1e-3, 0.5))
                .loss(loss).latent(4).seed(7);
    }

    static Tensor realData() {
        return Tensor.normal(new Rng(3), 1f, 0.1f, 256, 2);
    }

    private static List<Tensor> weights(Model m) {
        return m.getWeights();
    }

    @Test
    void discriminatorStepTouchesOnlyTheDiscriminatorAndGeneratorStepOnlyTheGenerator() {
        GanTrainer t = builder(GanLoss.NON_SATURATING).build();
        List<Tensor> g0 = weights(t.generator()), d0 = weights(t.discriminator());
        t.discriminatorStep(realData().slice(0, 0, 32), true, new Rng(1), new HashMap<>());
        assertEquals(g0, weights(t.generator()), "a D step must not change G");
        List<Tensor> d1 = weights(t.discriminator());
        assertNotEquals(d0, d1);
        t.generatorStep(32, new Rng(2));
        assertEquals(d1, weights(t.discriminator()), "a G step must not change D");
        assertNotEquals(g0, weights(t.generator()));
    }

    @Test
    void discriminatorStepsPerIteration() {
        GanTrainer one = builder(GanLoss.WASSERSTEIN_GP).build(), five = builder(GanLoss.WASSERSTEIN_GP).discriminatorSteps(5).build();
        one.fit(realData(), 3, 16);
        five.fit(realData(), 3, 16);
        assertEquals(3, one.discriminatorOptimizer().iterations());
        assertEquals(15, five.discriminatorOptimizer().iterations());
        assertEquals(3, five.generatorOptimizer().iterations());
    }

    @Test
    void everyLossFamilyTrainsAndLogs() {
        for (GanLoss loss : List.of(GanLoss.NON_SATURATING, GanLoss.MINIMAX, GanLoss.LEAST_SQUARES, GanLoss.WASSERSTEIN_GP, GanLoss.HINGE)) {
            GanTrainer t = builder(loss).build();
            GanHistory h = t.fit(realData(), 5, 32);
            assertEquals(5, h.size(), loss.name());
            assertEquals(5, t.step());
            for (String key : List.of("d_loss", "g_loss")) for (double v : h.column(key)) assertTrue(Double.isFinite(v), loss.name() + " " + key);
            assertEquals(loss == GanLoss.WASSERSTEIN_GP, h.columns().contains("penalty"), loss.name());
        }
    }

    @Test
    void minimaxMaximizesThroughTheOptimizerFlagExactlyAsMinimizingTheNegatedLoss() {
        GanTrainer flag = builder(GanLoss.MINIMAX).build();
        assertTrue(flag.generatorOptimizer().isMaximizing());
        GanLoss negated = new GanLoss() {
            @Override public String name() { return "negated-minimax"; }
            @Override public Value discriminatorLoss(Value r, Value f) { return GanLoss.MINIMAX.discriminatorLoss(r, f); }
            @Override public Value generatorLoss(Value f) { return GanLoss.MINIMAX.generatorLoss(f).neg(); }
            @Override public Map<String, Object> config() { return baseConfig(); }
        };
        GanTrainer neg = builder(negated, "sigmoid").build();
        assertTrue(!neg.generatorOptimizer().isMaximizing());
        flag.fit(realData(), 10, 32);
        neg.fit(realData(), 10, 32);
        assertBitEqual(weights(flag.generator()), weights(neg.generator()));
        assertBitEqual(weights(flag.discriminator()), weights(neg.discriminator()));
        double[] a = flag.history().column("g_loss"), b = neg.history().column("g_loss");
        for (int i = 0; i < a.length; i++) assertEquals(a[i], -b[i], 0.0, "reported G loss keeps its natural sign");
    }

    @Test
    void sameSeedSameRunAndADifferentSeedDiffers() {
        GanTrainer a = builder(GanLoss.NON_SATURATING).build(), b = builder(GanLoss.NON_SATURATING).build();
        a.fit(realData(), 20, 32);
        b.fit(realData(), 20, 32);
        assertBitEqual(weights(a.generator()), weights(b.generator()));
        assertEquals(a.history(), b.history());
        GanTrainer c = builder(GanLoss.NON_SATURATING).seed(8).build();
        c.fit(realData(), 20, 32);
        assertNotEquals(a.history(), c.history());
    }

    @Test
    void checkpointThenResumeEqualsAnUninterruptedRunBitForBit(@TempDir Path dir) throws Exception {
        for (GanLoss loss : List.of(GanLoss.NON_SATURATING, GanLoss.WASSERSTEIN_GP)) {
            GanTrainer straight = builder(loss).r1(loss == GanLoss.NON_SATURATING ? 0.5 : 0).build();
            straight.fit(realData(), 30, 32);

            GanTrainer first = builder(loss).r1(loss == GanLoss.NON_SATURATING ? 0.5 : 0).build();
            first.fit(realData(), 12, 32);
            Path ckpt = dir.resolve(loss.name() + ".safetensors");
            first.save(ckpt);
            GanTrainer resumed = builder(loss).r1(loss == GanLoss.NON_SATURATING ? 0.5 : 0).build();
            resumed.restore(ckpt);
            assertEquals(12, resumed.step());
            resumed.fit(realData(), 18, 32);

            assertBitEqual(weights(straight.generator()), weights(resumed.generator()));
            assertBitEqual(weights(straight.discriminator()), weights(resumed.discriminator()));
            assertEquals(straight.history(), resumed.history(), loss.name());
            assertEquals(straight.history().toCsv(), resumed.history().toCsv());
            assertBitEqual(new ArrayList<>(straight.generatorOptimizer().state(straight.generatorPlayer().variables).values()),
                    new ArrayList<>(resumed.generatorOptimizer().state(resumed.generatorPlayer().variables).values()));
        }
    }

    @Test
    void lazyR1WeighsEveryTimesGammaOnEveryNthDiscriminatorUpdateOnly(@TempDir Path dir) throws Exception {
        GanTrainer eager = builder(GanLoss.NON_SATURATING).r1(0.5).build();
        GanTrainer lazy = builder(GanLoss.NON_SATURATING).r1(0.5, 3).discriminatorSteps(2).build();
        eager.fit(realData(), 1, 32);
        lazy.fit(realData(), 4, 32);
        // D updates 0..7 at two per step: R1 on updates 0, 3 and 6, so steps 0, 1 and 3 log a penalty and step 2 none
        double[] penalty = lazy.history().column("penalty");
        assertTrue(!Double.isNaN(penalty[0]) && !Double.isNaN(penalty[1]) && Double.isNaN(penalty[2]) && !Double.isNaN(penalty[3]), java.util.Arrays.toString(penalty));
        // update 0 starts from the same weights and batch as the eager trainer's: 3 × its penalty
        GanTrainer lazyOne = builder(GanLoss.NON_SATURATING).r1(0.5, 3).build();
        lazyOne.fit(realData(), 1, 32);
        assertEquals(3 * eager.history().last("penalty"), lazyOne.history().last("penalty"), 1e-6 * eager.history().last("penalty"));
        // resuming keeps the schedule (it follows the update count)
        GanTrainer first = builder(GanLoss.NON_SATURATING).r1(0.5, 3).build();
        first.fit(realData(), 5, 32);
        first.save(dir.resolve("c.safetensors"));
        GanTrainer resumed = builder(GanLoss.NON_SATURATING).r1(0.5, 3).build();
        resumed.restore(dir.resolve("c.safetensors"));
        resumed.fit(realData(), 4, 32);
        GanTrainer straight = builder(GanLoss.NON_SATURATING).r1(0.5, 3).build();
        straight.fit(realData(), 9, 32);
        assertEquals(straight.history().toCsv(), resumed.history().toCsv());
        assertBitEqual(weights(straight.discriminator()), weights(resumed.discriminator()));
        FormatException e = assertThrows(FormatException.class, () -> builder(GanLoss.NON_SATURATING).r1(0.5).build().restore(dir.resolve("c.safetensors")));
        assertTrue(e.getMessage().contains("r1_every"), e.getMessage());
    }

    @Test
    void generatorAverageFollowsItsFormulaAndOnlySamplingUsesIt(@TempDir Path dir) throws Exception {
        GanTrainer t = builder(GanLoss.NON_SATURATING).generatorAverage(0.75).build();
        List<Tensor> w0 = weights(t.generator());
        // warm-up: β_t = min(0.75, (1 + t)/(10 + t)) is 0.1 at t = 0, 0.75 from t = 26 on
        assertEquals(0.1, t.average().decayAt(0), 1e-15);
        assertEquals(0.75, t.average().decayAt(26), 0);
        assertEquals(0.75, t.average().decayAt(1000), 0);
        assertEquals(11.0 / 20, t.average().decayAt(10), 1e-15);
        t.fit(realData(), 1, 16);
        List<Tensor> w1 = weights(t.generator());
        List<Tensor> avg1 = t.average().tensors();
        t.fit(realData(), 1, 16);
        List<Tensor> w2 = weights(t.generator());
        List<Tensor> avg = t.average().tensors();
        float oneMinus1 = (float) (1 - 2.0 / 11); // t = 1: β_1 = 2/11
        for (int i = 0; i < w0.size(); i++) {
            float[] a1 = avg1.get(i).floatData(), a = avg.get(i).floatData(), x0 = w0.get(i).floatData(), x1 = w1.get(i).floatData(), x2 = w2.get(i).floatData();
            for (int k = 0; k < a.length; k++) {
                assertEquals(x0[k] + 0.9f * (x1[k] - x0[k]), a1[k], 0f);
                assertEquals(a1[k] + oneMinus1 * (x2[k] - a1[k]), a[k], 0f);
            }
        }
        Tensor z = t.latent(7, new Rng(3));
        GanTrainer plain = builder(GanLoss.NON_SATURATING).build();
        plain.generator().setWeights(avg);
        assertEquals(plain.generator().predict(z), t.sample(7, new Rng(3)), "samples come from the averaged weights");
        assertEquals(w2, weights(t.generator()), "sampling leaves the trained weights in place");
        Path file = dir.resolve("g.safetensors");
        t.saveGenerator(file);
        assertEquals(avg, minimax.nn.Sequential.load(file).getWeights());
        assertMessage("generator average decay", () -> builder(GanLoss.HINGE).generatorAverage(1).build());
    }

    @Test
    void checkpointKeepsTheGeneratorAverage(@TempDir Path dir) throws Exception {
        GanTrainer straight = builder(GanLoss.HINGE).generatorAverage(0.9).build();
        straight.fit(realData(), 10, 16);
        GanTrainer first = builder(GanLoss.HINGE).generatorAverage(0.9).build();
        first.fit(realData(), 4, 16);
        first.save(dir.resolve("c"));
        GanTrainer resumed = builder(GanLoss.HINGE).generatorAverage(0.9).build();
        resumed.restore(dir.resolve("c"));
        resumed.fit(realData(), 6, 16);
        assertBitEqual(straight.average().tensors(), resumed.average().tensors());
        assertBitEqual(weights(straight.generator()), weights(resumed.generator()));
        GanTrainer unaveraged = builder(GanLoss.HINGE).build();
        FormatException e = assertThrows(FormatException.class, () -> unaveraged.restore(dir.resolve("c")));
        assertTrue(e.getMessage().contains("generator_average"), e.getMessage());
    }

    @Test
    void packingShowsTheDiscriminatorSeveralSamplesAtOnce() {
        Sequential d = new Sequential(2, new Dense(16, "leaky_relu"), new Dense(1, "sigmoid"));
        GanTrainer t = GanTrainer.builder().generator(generator(1), new Adam(1e-3)).discriminator(d, new Adam(1e-3)).latent(4).packing(4).seed(1).build();
        assertEquals(List.of(8), List.of(d.inputShape()[0]), "D takes 4 samples of 2 values");
        GanHistory h = t.fit(realData(), 3, 32);
        assertEquals(3, h.size());
        assertMessage("multiple of the packing degree 4", () -> t.fit(realData(), 1, 30));
        assertMessage("4 packed samples [8]", () -> GanTrainer.builder().generator(generator(1), new Adam()).discriminator(discriminator(2, "sigmoid"), new Adam()).latent(4).packing(4).build());
        // a packed D step scores rows (x0 x1 x2 x3), (x4 … x7): exactly D on the reshaped batch
        Value[] seen = new Value[1];
        GanLoss recording = new GanLoss() {
            @Override public String name() { return "recording"; }
            @Override public Value discriminatorLoss(Value r, Value f) { seen[0] = r; return GanLoss.NON_SATURATING.discriminatorLoss(r, f); }
            @Override public Value generatorLoss(Value f) { return GanLoss.NON_SATURATING.generatorLoss(f); }
            @Override public Map<String, Object> config() { return baseConfig(); }
        };
        Sequential d2 = new Sequential(2, new Dense(16, "leaky_relu"), new Dense(1, "sigmoid"));
        GanTrainer r = GanTrainer.builder().generator(generator(1), new Adam(1e-3)).discriminator(d2, new Adam(1e-3)).latent(4).packing(4).loss(recording).build();
        Tensor real = realData().slice(0, 0, 8);
        Tensor expected = d2.predict(real.reshape(2, 8));
        r.discriminatorStep(real, true, new Rng(5), new HashMap<>());
        assertEquals(expected, seen[0].data());
    }

    @Test
    void restoringIntoADifferentTrainerNamesTheDifference(@TempDir Path dir) throws Exception {
        GanTrainer t = builder(GanLoss.NON_SATURATING).build();
        t.fit(realData(), 2, 16);
        Path ckpt = dir.resolve("c.safetensors");
        t.save(ckpt);
        GanTrainer other = builder(GanLoss.NON_SATURATING).seed(99).build();
        List<Tensor> before = weights(other.generator());
        FormatException e = assertThrows(FormatException.class, () -> other.restore(ckpt));
        assertTrue(e.getMessage().contains("different seed"), e.getMessage());
        assertEquals(before, weights(other.generator()), "a refused restore changes nothing");
        GanTrainer wider = GanTrainer.builder().generator(new Sequential(1, new Dense(32, "leaky_relu", 4), new Dense(2)), new Adam(1e-3, 0.5))
                .discriminator(discriminator(2, "sigmoid"), new Adam(1e-3, 0.5)).latent(4).seed(7).build();
        e = assertThrows(FormatException.class, () -> wider.restore(ckpt));
        assertTrue(e.getMessage().contains("different generator"), e.getMessage());
        GanTrainer minimax = builder(GanLoss.MINIMAX, "sigmoid").build();
        e = assertThrows(FormatException.class, () -> minimax.restore(ckpt));
        assertTrue(e.getMessage().contains("different generator_optimizer") || e.getMessage().contains("different loss"), e.getMessage());
        Files.writeString(dir.resolve("junk"), "not a checkpoint");
        assertThrows(FormatException.class, () -> t.restore(dir.resolve("junk")));
    }

    @Test
    void aNonFiniteLossStopsWithAClearMessageBeforeUpdating() {
        GanTrainer t = builder(GanLoss.NON_SATURATING).build();
        Tensor bad = realData();
        bad.floatData()[0] = Float.NaN;
        List<Tensor> d0 = weights(t.discriminator());
        RealSamples allBad = (draw, n) -> bad.slice(0, 0, n);
        NonFiniteLossException e = assertThrows(NonFiniteLossException.class, () -> t.fit(allBad, 5, 8));
        assertTrue(e.getMessage().contains("discriminator's loss is NaN at GAN step 0"), e.getMessage());
        assertEquals(d0, weights(t.discriminator()));
    }

    @Test
    void builderRefusesInconsistentSettings() {
        assertMessage("a generator", () -> GanTrainer.builder().discriminator(discriminator(1, "sigmoid"), new Adam()).latent(4).build());
        Optimizer shared = new Adam();
        assertMessage("one optimizer per player", () -> GanTrainer.builder().generator(generator(1), shared).discriminator(discriminator(2, "sigmoid"), shared).latent(4).build());
        assertMessage("latent(size)", () -> GanTrainer.builder().generator(generator(1), new Adam()).discriminator(discriminator(2, "sigmoid"), new Adam()).build());
        assertMessage("latent size is 3", () -> GanTrainer.builder().generator(generator(1), new Adam()).discriminator(discriminator(2, "sigmoid"), new Adam()).latent(3).build());
        assertMessage("one score per sample", () -> GanTrainer.builder().generator(generator(1), new Adam())
                .discriminator(new Sequential(2, new Dense(3, "linear", 2)), new Adam()).latent(4).build());
        assertMessage("minimizing discriminator", () -> GanTrainer.builder().generator(generator(1), new Adam()).discriminator(discriminator(2, "sigmoid"), new Adam().maximize()).latent(4).build());
        assertMessage("a loss whose generator maximizes (GanLoss.MINIMAX", () -> GanTrainer.builder().generator(generator(1), new Adam().maximize()).discriminator(discriminator(2, "sigmoid"), new Adam()).latent(4).build());
        assertMessage("discriminatorSteps", () -> builder(GanLoss.HINGE).discriminatorSteps(0).build());
        assertMessage("R1 applied every >= 1 discriminator updates, got 0", () -> builder(GanLoss.HINGE).r1(1, 0).build());
        GanTrainer t = builder(GanLoss.HINGE).build();
        assertMessage("per sample", () -> t.fit(Tensor.zeros(10, 3), 1, 4));
    }

    @Test
    void sampleUsesTheGeneratorInInferenceMode() {
        GanTrainer t = builder(GanLoss.NON_SATURATING).build();
        Tensor z = t.latent(5, new Rng(4));
        assertEquals(t.generator().predict(z), t.sample(5, new Rng(4)));
        assertEquals(List.of(5, 2), List.of(t.sample(5).dim(0), t.sample(5).dim(1)));
        assertNotEquals(t.sample(5), t.sample(5), "the sampling stream advances");
    }

    @Test
    void frozenDiscriminatorLayersStayFrozen() {
        Sequential d = discriminator(2, "sigmoid");
        d.layers().get(0).setTrainable(false);
        GanTrainer t = GanTrainer.builder().generator(generator(1), new Adam(1e-3)).discriminator(d, new Adam(1e-3)).latent(4).build();
        List<Tensor> before = weights(d);
        t.fit(realData(), 3, 16);
        List<Tensor> after = weights(d);
        assertEquals(before.get(0), after.get(0));
        assertEquals(before.get(1), after.get(1));
        assertNotEquals(before.get(2), after.get(2));
        assertEquals(0.0, Losses.EPSILON - 1e-7f, 0.0); // BCE clipping as Keras (used by the probability losses)
        assertTrue(new SGD(0.1).learningRate() > 0);
    }

    private static void assertMessage(String part, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), "message should mention '" + part + "': " + e.getMessage());
    }

    static void assertBitEqual(List<Tensor> a, List<Tensor> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            double[] x = a.get(i).toDoubleArray(), y = b.get(i).toDoubleArray();
            assertEquals(x.length, y.length);
            for (int j = 0; j < x.length; j++) assertEquals(Double.doubleToRawLongBits(x[j]), Double.doubleToRawLongBits(y[j]), "tensor " + i + " element " + j);
        }
    }
}
