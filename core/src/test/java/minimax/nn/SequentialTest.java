package minimax.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import minimax.losses.Losses;
import minimax.optim.Adam;
import minimax.optim.SGD;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;
import minimax.train.History;
import org.junit.jupiter.api.Test;

class SequentialTest {
    private final Rng rng = new Rng(3);

    private static Sequential seedGenerator() {
        Sequential g = new Sequential();
        g.add(new Dense(50, "sigmoid", 15));
        g.add(new Dense(1, "sigmoid"));
        return g;
    }

    @Test
    void theKerasSeedCodeTrainsLineForLine() {
        Tensor x = Tensor.uniform(rng, -1f, 1f, 64, 15);
        Tensor y = Tensor.uniform(rng, 0f, 1f, 64, 1);
        Sequential generator = seedGenerator();
        generator.compile("mse", "adam");
        float first = generator.trainOnBatch(x, y);
        for (int i = 0; i < 300; i++) generator.trainOnBatch(x, y);
        float last = generator.testOnBatch(x, y);
        assertTrue(last < first, "MSE should fall: " + first + " -> " + last);
        Tensor yHat = generator.predict(x);
        assertArrayEquals(new int[] {64, 1}, yHat.shape());
        assertEquals(last, generator.evaluate(x, y), 1e-6f);
    }

    @Test
    void kerasOrderOfWeightsAndSetWeightsChecksShapes() {
        Sequential g = seedGenerator();
        List<Tensor> w = g.getWeights();
        assertEquals(4, w.size());
        assertArrayEquals(new int[] {15, 50}, w.get(0).shape());
        assertArrayEquals(new int[] {50}, w.get(1).shape());
        assertArrayEquals(new int[] {50, 1}, w.get(2).shape());
        assertArrayEquals(new int[] {1}, w.get(3).shape());
        assertEquals(Tensor.zeros(50), w.get(1), "bias starts at zeros");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.setWeights(List.of(w.get(0), w.get(1), w.get(0), w.get(3))));
        assertTrue(e.getMessage().contains("[50, 1]") && e.getMessage().contains("[15, 50]"), e.getMessage());
        assertEquals(w, g.getWeights(), "a refused setWeights changes nothing");
    }

    @Test
    void sameSeedSameInitialWeights() {
        assertEquals(seedGenerator().getWeights(), seedGenerator().getWeights());
        Sequential other = new Sequential(99);
        other.add(new Dense(50, "sigmoid", 15));
        other.add(new Dense(1, "sigmoid"));
        assertTrue(!other.getWeights().equals(seedGenerator().getWeights()));
    }

    @Test
    void shapeErrorsNameTheLayerAndBothShapes() {
        Sequential g = seedGenerator();
        IllegalArgumentException atAdd = assertThrows(IllegalArgumentException.class, () -> g.add(new Dense(3, "relu", 7)));
        assertTrue(atAdd.getMessage().contains("[7]") && atAdd.getMessage().contains("[1]"), atAdd.getMessage());
        g.compile("mse", "sgd");
        IllegalArgumentException atStep = assertThrows(IllegalArgumentException.class, () -> g.trainOnBatch(Tensor.zeros(4, 14), Tensor.zeros(4, 1)));
        assertTrue(atStep.getMessage().contains("expects input of size 15, got 14") && atStep.getMessage().contains("dense"), atStep.getMessage());
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class, () -> g.trainOnBatch(Tensor.zeros(4, 15), Tensor.zeros(5, 1)));
        assertTrue(rows.getMessage().contains("different numbers of rows"), rows.getMessage());
        IllegalArgumentException target = assertThrows(IllegalArgumentException.class, () -> g.trainOnBatch(Tensor.zeros(4, 15), Tensor.zeros(4)));
        assertTrue(target.getMessage().contains("[4]") && target.getMessage().contains("[4, 1]"), target.getMessage());
    }

    @Test
    void unknownNamesListTheValidOnes() {
        Sequential g = seedGenerator();
        IllegalArgumentException loss = assertThrows(IllegalArgumentException.class, () -> g.compile("msee", "adam"));
        assertTrue(loss.getMessage().contains("msee") && loss.getMessage().contains("binary_crossentropy"), loss.getMessage());
        IllegalArgumentException opt = assertThrows(IllegalArgumentException.class, () -> g.compile("mse", "adamm"));
        assertTrue(opt.getMessage().contains("adamm") && opt.getMessage().contains("rmsprop"), opt.getMessage());
        IllegalArgumentException act = assertThrows(IllegalArgumentException.class, () -> new Dense(3, "sigmoidd"));
        assertTrue(act.getMessage().contains("sigmoidd") && act.getMessage().contains("leaky_relu"), act.getMessage());
        assertTrue(!g.isCompiled(), "a failed compile leaves the model uncompiled");
    }

    @Test
    void nonFiniteLossStopsBeforeAnyUpdate() {
        Sequential g = seedGenerator();
        g.compile((t, p) -> p.sub(t).square().mean().log().mul(0f).add(Float.NaN), new SGD(0.1));
        List<Tensor> before = g.getWeights();
        NonFiniteLossException e = assertThrows(NonFiniteLossException.class, () -> g.trainOnBatch(Tensor.zeros(2, 15), Tensor.zeros(2, 1)));
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("step 0") && e.getMessage().contains("setCheckFinite"), e.getMessage());
        assertEquals(before, g.getWeights());
        g.setCheckFinite(false);
        g.trainOnBatch(Tensor.zeros(2, 15), Tensor.zeros(2, 1)); // allowed now
    }

    @Test
    void fitReturnsPerEpochLossesAndValidation() {
        Tensor x = Tensor.uniform(rng, -1f, 1f, 100, 15);
        Tensor y = x.slice(1, 0, 1).sigmoid();
        Sequential g = seedGenerator();
        g.compile(Losses.mse(), new Adam(1e-2));
        History h = g.fit(x, y, new FitOptions().epochs(5).batchSize(16).validationData(x, y).verbose(0));
        assertEquals(5, h.losses().size());
        assertEquals(5, h.valLosses().size());
        assertTrue(h.losses().get(4) < h.losses().get(0), h.toString());
        assertEquals(7 * 5, g.steps(), "ceil(100/16) = 7 steps per epoch");
        assertEquals(h.valLosses().get(4), g.evaluate(x, y), 1e-6);
    }

    @Test
    void fitIsDeterministicForASeed() {
        Tensor x = Tensor.uniform(rng, -1f, 1f, 50, 15);
        Tensor y = Tensor.uniform(rng, 0f, 1f, 50, 1);
        Sequential a = seedGenerator(), b = seedGenerator();
        a.add(new Dropout(0.3f));
        b.add(new Dropout(0.3f));
        a.compile("mse", "adam");
        b.compile("mse", "adam");
        a.fit(x, y, new FitOptions().epochs(3).batchSize(8).verbose(0));
        b.fit(x, y, new FitOptions().epochs(3).batchSize(8).verbose(0));
        assertEquals(a.getWeights(), b.getWeights());
    }

    @Test
    void modelsNestAndBuildLazily() {
        Sequential inner = new Sequential(new Dense(8, "relu"), new Dense(4));
        Sequential outer = new Sequential(new Dense(6, "tanh"), inner, new Activation("softmax"));
        assertTrue(!outer.isBuilt());
        Tensor out = outer.predict(Tensor.uniform(rng, 0f, 1f, 3, 5));
        assertArrayEquals(new int[] {3, 4}, out.shape());
        float[] rows = out.sum(new int[] {1}, false).toArray();
        for (float r : rows) assertEquals(1f, r, 1e-6f);
        assertEquals(5 * 6 + 6 + 6 * 8 + 8 + 8 * 4 + 4, outer.countParams());
        String s = outer.summary();
        assertTrue(s.contains("Total params: 128") && s.contains("Not compiled"), s);
    }
}
