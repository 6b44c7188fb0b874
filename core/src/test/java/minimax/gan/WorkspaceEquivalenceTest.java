package minimax.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import minimax.nn.Dense;
import minimax.nn.Model;
import minimax.nn.Sequential;
import minimax.optim.Adam;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;
import minimax.tensor.Workspace;
import org.junit.jupiter.api.Test;

/**
 * Reusing arrays across steps changes no result: GAN training (with lazy R1, whose
 * gradient-of-gradient graph also lives in the workspace) and {@code Model.fit} give the same
 * weights bit for bit with workspaces on and off.
 */
class WorkspaceEquivalenceTest {
    private static List<Integer> bits(List<Tensor> weights) {
        List<Integer> out = new ArrayList<>();
        for (Tensor w : weights) for (float v : w.toArray()) out.add(Float.floatToRawIntBits(v));
        return out;
    }

    private static <T> T withWorkspaces(boolean on, Supplier<T> run) {
        boolean before = Workspace.isEnabled();
        Workspace.setEnabled(on);
        try {
            return run.get();
        } finally {
            Workspace.setEnabled(before);
        }
    }

    private static List<Integer> ganWeightsAfterTraining() {
        GanTrainer t = GanTrainerTest.builder(GanLoss.NON_SATURATING.fromLogits(), "linear").r1(0.1, 2).generatorAverage(0.9).build();
        Tensor data = GanTrainerTest.realData();
        t.fit(RealSamples.of(data, 5), 40, 32);
        List<Tensor> all = new ArrayList<>(t.generator().getWeights());
        all.addAll(t.discriminator().getWeights());
        all.add(t.sample(16));
        return bits(all);
    }

    @Test
    void ganTrainingIsTheSameWithAndWithoutReuse() {
        assertEquals(withWorkspaces(false, WorkspaceEquivalenceTest::ganWeightsAfterTraining),
                withWorkspaces(true, WorkspaceEquivalenceTest::ganWeightsAfterTraining));
    }

    private static List<Integer> fittedWeights() {
        Rng rng = new Rng(9);
        Tensor x = Tensor.uniform(rng, -1f, 1f, 96, 15), y = Tensor.uniform(rng, 0f, 1f, 96, 1);
        Model m = new Sequential(4, new Dense(50, "sigmoid", 15), new Dense(1, "sigmoid"));
        m.compile("mse", new Adam(1e-2));
        m.fit(x, y, 3, 32);
        return bits(m.getWeights());
    }

    @Test
    void fitIsTheSameWithAndWithoutReuse() {
        assertEquals(withWorkspaces(false, WorkspaceEquivalenceTest::fittedWeights), withWorkspaces(true, WorkspaceEquivalenceTest::fittedWeights));
    }
}
