package minimax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import minimax.autodiff.Gradients;
import minimax.autodiff.Value;
import minimax.autodiff.Variable;
import minimax.losses.Losses;
import minimax.nn.Dense;
import minimax.nn.Sequential;
import minimax.optim.Adam;
import minimax.optim.SGD;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The README's code, verbatim where possible, so the documentation stays true. */
class ReadmeExamplesTest {
    private final Rng rng = new Rng(0);
    private final Tensor x = Tensor.uniform(rng, -1f, 1f, 32, 15);
    private final Tensor y = Tensor.uniform(rng, 0f, 1f, 32, 1);

    @Test
    void quickStart() {
        Sequential generator = new Sequential();
        generator.add(new Dense(50, "sigmoid", 15));
        generator.add(new Dense(1, "sigmoid"));
        generator.compile("mse", "adam");
        float loss = generator.trainOnBatch(x, y);
        Tensor yHat = generator.predict(x);
        assertTrue(loss > 0);
        assertArrayEquals(new int[] {32, 1}, yHat.shape());
    }

    @Test
    void maximizingEachWayInOneLine() {
        Sequential generator = new Sequential(new Dense(50, "sigmoid", 15), new Dense(1, "sigmoid"));
        generator.compile(Losses.mse().negate(), new Adam(1e-3));
        assertTrue(generator.trainOnBatch(x, y) < 0, "the negated loss is reported with its sign");
        generator.compile(Losses.mse(), new Adam(1e-3).maximize());
        assertTrue(generator.trainOnBatch(x, y) > 0);
        generator.compile((yTrue, yPred) -> yPred.sub(yTrue).square().add(1e-7f).reciprocal().mean(), new Adam(1e-3));
        assertTrue(generator.trainOnBatch(x, y) > 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Adam(-1e-3));
        assertTrue(e.getMessage().contains("maximize()") && e.getMessage().contains("weight decay"), e.getMessage());
    }

    @Test
    void lowLevelVariablesAndApply() {
        Variable w = Variable.of(Tensor.of(new float[] {1, 2}, 2));
        Value loss = Value.of(w).square().sum();
        List<Tensor> grads = Gradients.of(loss, List.of(Value.of(w)));
        new SGD(0.1).apply(grads, List.of(w));
        assertArrayEquals(new float[] {0.8f, 1.6f}, w.value().toArray(), 1e-7f);
    }

    @Test
    void gradientsOfGradients() {
        Value v = Value.leaf(Tensor.of(new double[] {3}, 1));
        Value dy = Gradients.graph(v.pow(3).sum(), List.of(v)).get(0);
        assertEquals(27.0, dy.data().getFlat(0), 1e-12);
        assertEquals(18.0, Gradients.of(dy.sum(), List.of(v)).get(0).getFlat(0), 1e-12);
    }
}
