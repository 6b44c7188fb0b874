package minimax.optim;

import static minimax.optim.OptimizerCases.assertSameValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minimax.autodiff.Variable;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** config() + state() are enough to rebuild an optimizer that continues bit for bit. */
class StateTest {
    /** What a JSON round trip may do to a config: every number comes back as a Double parsed from text. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> throughJson(Map<String, Object> config) {
        Map<String, Object> out = new LinkedHashMap<>();
        config.forEach((k, v) -> {
            if (v instanceof Number) out.put(k, Double.parseDouble(v.toString()));
            else if (v instanceof Map) out.put(k, throughJson((Map<String, Object>) v));
            else out.put(k, v);
        });
        return out;
    }

    private static Map<String, Tensor> copied(Map<String, Tensor> state) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        state.forEach((k, v) -> out.put(k, v.copy()));
        return out;
    }

    @Property(tries = 100)
    void resumingFromConfigAndStateEqualsUninterruptedTraining(@ForAll @IntRange(min = 0, max = OptimizerCases.KINDS - 1) int kind,
                                                               @ForAll @IntRange(min = 0, max = 3) int clip, @ForAll boolean weightDecay,
                                                               @ForAll boolean maximize, @ForAll @IntRange(min = 0, max = 4) int stopAfter,
                                                               @ForAll long seed) {
        Rng rng = new Rng(seed);
        List<Variable> uninterrupted = OptimizerCases.variables(rng), resumed = OptimizerCases.copies(uninterrupted);
        List<List<Tensor>> gradients = new ArrayList<>();
        for (int t = 0; t < 6; t++) gradients.add(OptimizerCases.gradients(rng, uninterrupted));

        Optimizer a = OptimizerCases.withExtras(OptimizerCases.optimizer(kind), clip, weightDecay);
        if (maximize) a.maximize();
        for (List<Tensor> g : gradients) a.apply(g, uninterrupted);

        Optimizer first = OptimizerCases.withExtras(OptimizerCases.optimizer(kind), clip, weightDecay);
        if (maximize) first.maximize();
        for (int t = 0; t < stopAfter; t++) first.apply(gradients.get(t), resumed);
        Optimizer second = Optimizers.fromConfig(throughJson(first.config()));
        second.loadState(copied(first.state(resumed)), resumed);
        assertEquals(first.config(), second.config());
        for (int t = stopAfter; t < 6; t++) second.apply(gradients.get(t), resumed);

        assertSameValues(uninterrupted, resumed, a.name());
        assertEquals(a.state(uninterrupted), second.state(resumed));
        assertEquals(6, second.iterations());
    }

    @Test
    void stateNamesAreStableAndOrdered() {
        List<Variable> vs = List.of(Variable.of("k", Tensor.zeros(2, 2)), Variable.of("b", Tensor.zeros(2)));
        List<Tensor> g = List.of(Tensor.ones(2, 2), Tensor.ones(2));
        assertEquals(List.of("iterations"), keys(new Adam(), vs, null));
        assertEquals(List.of("iterations", "m/0", "m/1", "v/0", "v/1"), keys(new Adam(), vs, g));
        assertEquals(List.of("iterations", "m/0", "m/1", "v/0", "v/1", "vhat/0", "vhat/1"), keys(new Adam(1e-3, 0.9, 0.999, 1e-7, true), vs, g));
        assertEquals(List.of("iterations"), keys(new SGD(), vs, g));
        assertEquals(List.of("iterations", "momentum/0", "momentum/1"), keys(new SGD(0.1, 0.9, false), vs, g));
        assertEquals(List.of("iterations", "velocity/0", "velocity/1", "momentum/0", "momentum/1", "average_gradient/0", "average_gradient/1"),
                keys(new RMSprop(0.1, 0.9, 0.5, 1e-7, true), vs, g));
        assertEquals(List.of("iterations", "accumulator/0", "accumulator/1"), keys(new Adagrad(), vs, g));
        assertEquals(List.of("iterations", "previous_gradient/0", "previous_gradient/1"), keys(new OptimisticSGD(), vs, g));
    }

    private static List<String> keys(Optimizer o, List<Variable> vs, List<Tensor> g) {
        if (g != null) o.apply(g, vs);
        return new ArrayList<>(o.state(vs).keySet());
    }

    @Test
    void stateHoldsCopiesOfTheSlotsWithTheVariablesShapes() {
        Variable w = Variable.of("w", Tensor.zeros(2, 3));
        Adagrad o = new Adagrad(0.1, 0.5, 1e-7);
        o.apply(List.of(Tensor.ones(2, 3)), List.of(w));
        Map<String, Tensor> s = o.state(List.of(w));
        assertEquals(Tensor.full(1.5, minimax.tensor.DType.FLOAT32, 2, 3), s.get("accumulator/0"));
        assertEquals(1.0, s.get("iterations").getFlat(0));
        o.apply(List.of(Tensor.ones(2, 3)), List.of(w));
        assertEquals(1.5f, s.get("accumulator/0").get(0, 0), "a saved state must not follow later steps");
        assertNotSame(s.get("accumulator/0"), o.state(List.of(w)).get("accumulator/0"));
    }

    @Test
    void configRecordsEverySetting() {
        Optimizer o = new Adam(2e-4, 0.5).weightDecay(0.01).globalClipnorm(1.5).maximize();
        Map<String, Object> c = o.config();
        assertEquals("adam", c.get("name"));
        assertEquals(2e-4, c.get("learning_rate"));
        assertEquals(0.5, c.get("beta_1"));
        assertEquals(0.999, c.get("beta_2"));
        assertEquals(1e-7, c.get("epsilon"));
        assertEquals(false, c.get("amsgrad"));
        assertEquals(true, c.get("maximize"));
        assertEquals(0.01, c.get("weight_decay"));
        assertEquals(1.5, c.get("global_clipnorm"));
        Optimizer back = Optimizers.fromConfig(throughJson(c));
        assertTrue(back instanceof Adam && back.isMaximizing());
        assertEquals(c, back.config());
    }

    @Test
    void schedulesRoundTripAndLambdasAreExplained() {
        Optimizer o = new SGD(new ExponentialDecay(0.1, 10, 0.5, true), 0.9, true);
        Optimizer back = Optimizers.fromConfig(throughJson(o.config()));
        assertEquals(o.config(), back.config());
        for (long t = 0; t < 40; t += 7) assertEquals(o.learningRateSchedule().at(t), back.learningRateSchedule().at(t));
        Map<String, Object> custom = new Adam(t -> 1e-3f).config();
        assertEquals("custom", custom.get("learning_rate"));
        String m = assertThrows(IllegalArgumentException.class, () -> Optimizers.fromConfig(custom)).getMessage();
        assertTrue(m.contains("custom learning-rate schedule") && m.contains("loadState"), m);
    }

    @Test
    void badConfigsAndStatesAreRefusedByName() {
        Map<String, Object> c = new LinkedHashMap<>(new Adam().config());
        c.put("beta1", 0.5);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Optimizers.fromConfig(c)).getMessage().contains("unknown key 'beta1'"));
        c.remove("beta1");
        c.put("name", "adamm");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Optimizers.fromConfig(c)).getMessage().contains("sgd, adam, adamw, rmsprop, adagrad"));

        Variable w = Variable.of("w", Tensor.zeros(2));
        Adam saved = new Adam();
        saved.apply(List.of(Tensor.ones(2)), List.of(w));
        Map<String, Tensor> state = copied(saved.state(List.of(w)));
        state.remove("v/0");
        String missing = assertThrows(IllegalArgumentException.class, () -> new Adam().loadState(state, List.of(w))).getMessage();
        assertTrue(missing.contains("lacks 'v/0'"), missing);
        state.put("v/0", Tensor.zeros(3));
        String shape = assertThrows(IllegalArgumentException.class, () -> new Adam().loadState(state, List.of(w))).getMessage();
        assertTrue(shape.contains("'v/0'") && shape.contains("[3]") && shape.contains("[2]"), shape);
        String foreign = assertThrows(IllegalArgumentException.class, () -> new SGD(0.1, 0.9, false).loadState(saved.state(List.of(w)), List.of(w))).getMessage();
        assertTrue(foreign.contains("unexpected entry 'm/0'"), foreign);
    }
}
