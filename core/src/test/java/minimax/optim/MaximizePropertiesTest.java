package minimax.optim;

import static minimax.optim.OptimizerCases.assertSameValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import minimax.autodiff.Gradients;
import minimax.autodiff.Value;
import minimax.autodiff.Variable;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@code maximize} is "negate the gradient before anything else": for every optimizer and setting
 * it must follow, bit for bit, the path of minimizing with the negated gradient, and weight decay
 * must keep shrinking weights.
 */
class MaximizePropertiesTest {
    @Property(tries = 120)
    void maximizingGEqualsMinimizingMinusG(@ForAll @IntRange(min = 0, max = OptimizerCases.KINDS - 1) int kind,
                                           @ForAll @IntRange(min = 0, max = 3) int clip,
                                           @ForAll boolean weightDecay, @ForAll long seed) {
        Rng rng = new Rng(seed);
        List<Variable> ascending = OptimizerCases.variables(rng), descending = OptimizerCases.copies(ascending);
        Optimizer up = OptimizerCases.withExtras(OptimizerCases.optimizer(kind), clip, weightDecay).maximize();
        Optimizer down = OptimizerCases.withExtras(OptimizerCases.optimizer(kind), clip, weightDecay);
        assertTrue(up.isMaximizing());
        for (int step = 0; step < 6; step++) {
            List<Tensor> g = OptimizerCases.gradients(rng, ascending);
            up.apply(g, ascending);
            down.apply(OptimizerCases.negated(g), descending);
            assertSameValues(descending, ascending, up.name() + " step " + step);
        }
        assertEquals(down.state(descending), up.state(ascending), "slots differ");
    }

    /**
     * f(w) = −Σ(w − c)² + Σ w·d + Σ (w·e)/(1 + w²) (no trigonometry: only the autodiff primitives);
     * maximizing f with gradients of f equals minimizing −f with gradients of −f, bit for bit.
     */
    @Property(tries = 60)
    void maximizingFEqualsMinimizingMinusF(@ForAll @IntRange(min = 0, max = OptimizerCases.KINDS - 1) int kind,
                                           @ForAll @IntRange(min = 0, max = 3) int clip,
                                           @ForAll boolean weightDecay, @ForAll long seed) {
        Rng rng = new Rng(seed);
        Tensor c = Tensor.normal(rng, 0f, 1f, 4), d = Tensor.normal(rng, 0f, 1f, 4), e = Tensor.normal(rng, 0f, 1f, 4);
        Tensor start = Tensor.normal(rng, 0f, 2f, 4);
        Variable wUp = Variable.of("w", start), wDown = Variable.of("w", start);
        Optimizer up = OptimizerCases.withExtras(OptimizerCases.optimizer(kind), clip, weightDecay).maximize();
        Optimizer down = OptimizerCases.withExtras(OptimizerCases.optimizer(kind), clip, weightDecay);
        for (int step = 0; step < 5; step++) {
            up.apply(Gradients.of(f(wUp, c, d, e), List.of(Value.of(wUp))), List.of(wUp));
            down.apply(Gradients.of(f(wDown, c, d, e).neg(), List.of(Value.of(wDown))), List.of(wDown));
            assertEquals(wDown.value(), wUp.value(), up.name() + " step " + step);
        }
    }

    private static Value f(Variable v, Tensor c, Tensor d, Tensor e) {
        Value w = Value.of(v);
        Value parabola = w.sub(c).square().sum().neg();
        Value linear = w.mul(d).sum();
        Value bump = w.mul(e).div(w.square().add(1f)).sum();
        return parabola.add(linear).add(bump);
    }

    @Property(tries = 40)
    void weightDecayShrinksWeightsWhenMaximizingAZeroGradient(@ForAll @IntRange(min = 0, max = OptimizerCases.KINDS - 1) int kind, @ForAll long seed) {
        List<Variable> vs = OptimizerCases.variables(new Rng(seed));
        Optimizer o = OptimizerCases.optimizer(kind).weightDecay(0.5).maximize();
        List<Tensor> zeros = new ArrayList<>();
        for (Variable v : vs) zeros.add(Tensor.zeros(v.shape()));
        for (int step = 0; step < 3; step++) {
            List<float[]> before = new ArrayList<>();
            for (Variable v : vs) before.add(v.value().toArray());
            o.apply(zeros, vs);
            for (int i = 0; i < vs.size(); i++) {
                float[] now = vs.get(i).value().toArray();
                for (int k = 0; k < now.length; k++) {
                    assertTrue(Math.abs(now[k]) < Math.abs(before.get(i)[k]) || before.get(i)[k] == 0,
                            o.name() + ": |w| grew from " + before.get(i)[k] + " to " + now[k]);
                }
            }
        }
    }
}
