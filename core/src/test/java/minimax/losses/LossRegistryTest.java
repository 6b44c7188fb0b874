package minimax.losses;

import static minimax.losses.LossTesting.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import minimax.autodiff.Value;
import minimax.format.Json;
import minimax.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Losses by name ({@link Losses#get}, {@link Losses#names}), the errors a user sees (unknown name,
 * mismatched shapes, bad parameters, malformed saved configs), and the config round trip that saved
 * models rely on.
 */
class LossRegistryTest {
    /** Labels and probabilities every built-in accepts. */
    private static final float[] Y = {1, 0, 1, 0, 0, 1};
    private static final float[] P = {0.3f, 0.6f, 0.9f, 0.2f, 0.45f, 0.7f};

    private static float sample(Loss l) {
        return value(l, Y, P, 2, 3);
    }

    /** Every built-in, with non-default parameters too. */
    private static List<Loss> builtins() {
        return List.of(Losses.mse(), Losses.mae(), Losses.binaryCrossentropy(), Losses.binaryCrossentropy(true),
                Losses.categoricalCrossentropy(), Losses.categoricalCrossentropy(true), Losses.huber(), Losses.huber(0.25f),
                Losses.hinge(), Losses.inverseMse(), Losses.inverseMse(0.5f));
    }

    private static List<Loss> composites() {
        return List.of(Losses.mse().negate(), Losses.huber(0.25f).scale(0.5f), Losses.mse().plus(Losses.mae()),
                Losses.binaryCrossentropy(true).negate().plus(Losses.mse().scale(2f)),
                Losses.inverseMse(0.5f).plus(Losses.hinge()).negate().scale(3f));
    }

    @Test
    void getAcceptsEveryListedName() {
        Map<String, Supplier<Loss>> factories = Map.of("mse", Losses::mse, "mae", Losses::mae, "binary_crossentropy", Losses::binaryCrossentropy,
                "categorical_crossentropy", Losses::categoricalCrossentropy, "huber", Losses::huber, "hinge", Losses::hinge, "inverse_mse", Losses::inverseMse);
        assertEquals(factories.keySet(), new java.util.HashSet<>(Losses.names()));
        for (String name : Losses.names()) {
            Loss l = Losses.get(name);
            assertEquals(name, l.name());
            assertEquals(sample(factories.get(name).get()), sample(l), 0f, name);
        }
    }

    @Test
    void getAcceptsKerasAliasesAndAnyCase() {
        Map<String, Loss> aliases = new LinkedHashMap<>();
        aliases.put("mean_squared_error", Losses.mse());
        aliases.put("MSE", Losses.mse());
        aliases.put("mean_absolute_error", Losses.mae());
        aliases.put("bce", Losses.binaryCrossentropy());
        aliases.put("Binary_Crossentropy", Losses.binaryCrossentropy());
        aliases.put("binary_crossentropy_from_logits", Losses.binaryCrossentropy(true));
        aliases.put("categorical_crossentropy_from_logits", Losses.categoricalCrossentropy(true));
        for (Map.Entry<String, Loss> e : aliases.entrySet()) {
            Loss l = Losses.get(e.getKey());
            assertEquals(e.getValue().name(), l.name(), e.getKey());
            assertEquals(sample(e.getValue()), sample(l), 0f, e.getKey());
        }
    }

    @Test
    void getUsesKerasDefaults() {
        // huber: δ = 1; the error 3 costs 3 − ½ = 2.5 (with δ = 2 it would be 4)
        assertEquals(2.5f, value(Losses.get("huber"), new float[] {0}, new float[] {3}, 1), 0f);
        // inverse_mse: ε = 1e-7; where the prediction meets the target, 1/1e-7f = 1e7 in float32
        assertEquals(1e7f, value(Losses.get("inverse_mse"), new float[] {2}, new float[] {2}, 1), 0f);
    }

    @Test
    void unknownNameListsTheValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Losses.get("msee"));
        assertTrue(e.getMessage().contains("'msee'"), e.getMessage());
        for (String name : Losses.names()) assertTrue(e.getMessage().contains(name), e.getMessage() + " lacks " + name);
    }

    @Test
    void namesCannotBeChangedByACaller() {
        assertThrows(UnsupportedOperationException.class, () -> Losses.names().add("mine"));
    }

    @Test
    void mismatchedShapesNameBothShapes() {
        Value vector = Value.constant(Tensor.zeros(4));
        Value column = Value.constant(Tensor.zeros(4, 1));
        for (Loss l : builtins()) {
            // [4] against [4, 1] would broadcast to a 4×4 loss if it were let through
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.compute(vector, column), l.name());
            String m = e.getMessage();
            assertTrue(m.contains(l.name()) && m.contains("targets have shape [4]") && m.contains("predictions have shape [4, 1]"), m);
            IllegalArgumentException swapped = assertThrows(IllegalArgumentException.class, () -> l.compute(column, vector), l.name());
            assertTrue(swapped.getMessage().contains("targets have shape [4, 1]") && swapped.getMessage().contains("predictions have shape [4]"), swapped.getMessage());
        }
        // equal sizes are not enough
        assertThrows(IllegalArgumentException.class, () -> Losses.mse().compute(Value.constant(Tensor.zeros(2, 3)), Value.constant(Tensor.zeros(3, 2))));
    }

    @Test
    void badParametersAreRefusedWithTheValue() {
        for (float delta : new float[] {0, -1, Float.NaN, Float.POSITIVE_INFINITY}) {
            // δ = ∞ would compute ∞·0 = NaN for every element
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Losses.huber(delta), "δ = " + delta);
            assertTrue(e.getMessage().contains("delta") && e.getMessage().contains(Float.toString(delta)), e.getMessage());
        }
        for (float epsilon : new float[] {0, -1e-3f, Float.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Losses.inverseMse(epsilon), "ε = " + epsilon);
            assertTrue(e.getMessage().contains("epsilon") && e.getMessage().contains(Float.toString(epsilon)), e.getMessage());
        }
    }

    @Test
    void configsOfBuiltinsNameTheLossAndItsParameter() {
        assertEquals(Map.of("name", "mse"), Losses.config(Losses.mse()));
        assertEquals(Map.of("name", "binary_crossentropy_from_logits"), Losses.config(Losses.binaryCrossentropy(true)));
        assertEquals(Map.of("name", "huber", "parameter", 0.25), Losses.config(Losses.huber(0.25f)));
        assertEquals(Map.of("name", "inverse_mse", "parameter", (double) 1e-7f), Losses.config(Losses.inverseMse()));
        assertEquals(Map.of("name", "scaled", "weight", -1.0, "inner", Map.of("name", "mse")), Losses.config(Losses.mse().negate()));
        assertEquals(Map.of("name", "sum", "terms", List.of(Map.of("name", "mse"), Map.of("name", "mae"))), Losses.config(Losses.mse().plus(Losses.mae())));
    }

    @Test
    @SuppressWarnings("unchecked")
    void configRoundTripRebuildsEveryBuiltinAndComposite() throws Exception {
        List<Loss> all = new ArrayList<>(builtins());
        all.addAll(composites());
        for (Loss l : all) {
            Map<String, Object> config = Losses.config(l);
            // directly, and through the JSON text a saved model stores
            for (Loss rebuilt : List.of(Losses.fromConfig(config), Losses.fromConfig((Map<String, Object>) Json.parse(Json.write(config))))) {
                assertEquals(l.name(), rebuilt.name());
                assertEquals(config, Losses.config(rebuilt), l.name());
                assertEquals(sample(l), sample(rebuilt), 0f, l.name());
                // the parameter matters, so compare where it does: huber beyond δ, inverse MSE at e = 0
                assertEquals(value(l, new float[] {0, 0}, new float[] {0, 3}, 2), value(rebuilt, new float[] {0, 0}, new float[] {0, 3}, 2), 0f, l.name());
            }
        }
    }

    @Test
    void fromConfigAcceptsNumbersAsJsonReadersGiveThem() {
        // a JSON reader may give 2 as an Integer and lists as ArrayList
        Map<String, Object> huber = new HashMap<>(Map.of("name", "huber", "parameter", 2));
        assertEquals(4f, value(Losses.fromConfig(huber), new float[] {0}, new float[] {3}, 1), 0f); // 2·3 − ½·4
        Map<String, Object> sum = new HashMap<>(Map.of("name", "sum", "terms", new ArrayList<>(List.of(Map.of("name", "mse"), Map.of("name", "scaled", "weight", 3, "inner", Map.of("name", "mae"))))));
        assertEquals(9f + 9f, value(Losses.fromConfig(sum), new float[] {0}, new float[] {3}, 1), 0f); // 3² + 3·|3|
    }

    @Test
    void customLossesHaveNoConfig() {
        Loss custom = (yTrue, yPred) -> yPred.sub(yTrue).square().sum();
        assertNull(Losses.config(custom), "a lambda cannot be saved as data");
        // nor can a composite with a custom part: no config, rather than one that cannot be read back
        assertNull(Losses.config(custom.negate()));
        assertNull(Losses.config(Losses.mse().scale(2f).plus(custom)));
        assertNull(Losses.config(custom.plus(Losses.mse())));
        assertNull(Losses.config(Losses.mse().plus(custom).negate()));
    }

    @Test
    void malformedConfigsAreRefusedWithIllegalArgument() {
        List<Map<String, Object>> bad = List.of(
                Map.of("name", "nope"),
                Map.of("parameter", 1.0),
                Map.of("name", 7),
                Map.of("name", "huber", "parameter", -1.0),
                Map.of("name", "scaled", "weight", -1.0),
                Map.of("name", "scaled", "inner", Map.of("name", "mse")),
                Map.of("name", "scaled", "weight", "heavy", "inner", Map.of("name", "mse")),
                Map.of("name", "scaled", "weight", Double.NaN, "inner", Map.of("name", "mse")),
                Map.of("name", "sum", "terms", List.of(Map.of("name", "mse"))),
                Map.of("name", "sum", "terms", List.of(Map.of("name", "mse"), Map.of("name", "mae"), Map.of("name", "hinge"))),
                Map.of("name", "sum", "terms", "mse"),
                Map.of("name", "sum"));
        for (Map<String, Object> config : bad) {
            assertThrows(IllegalArgumentException.class, () -> Losses.fromConfig(config), config.toString());
        }
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Losses.fromConfig(Map.of("name", "nope")));
        assertTrue(unknown.getMessage().contains("nope") && unknown.getMessage().contains("inverse_mse"), unknown.getMessage());
    }
}
