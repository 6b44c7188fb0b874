package minimax.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import minimax.autodiff.Value;
import minimax.autodiff.Variable;
import minimax.format.FormatException;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;
import minimax.testing.GradCheck;
import minimax.testing.Points;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one reusable layer test: every layer, in every interesting configuration, must build lazily
 * to the output shape it announces, refuse an input of the wrong shape with a message naming it,
 * pass finite-difference gradient checks in double precision for its input (times −λ for a
 * gradient reversal, which changes gradients on purpose) and every weight,
 * rebuild identically from its config, and freeze its weights on {@code setTrainable(false)}.
 */
class LayerContractTest {
    /** A layer under test, made fresh for each use, with the per-sample input shape to feed it. */
    static final class Case {
        final String name;
        final Supplier<Layer> factory;
        final int[] inputShape;
        final boolean training;
        /** What the input gradient is times the finite difference: 1, or −λ for a gradient reversal. */
        final double inputGradientScale;

        Case(String name, Supplier<Layer> factory, int[] inputShape, boolean training) {
            this(name, factory, inputShape, training, 1.0);
        }

        Case(String name, Supplier<Layer> factory, int[] inputShape, boolean training, double inputGradientScale) {
            this.name = name;
            this.factory = factory;
            this.inputShape = inputShape;
            this.training = training;
            this.inputGradientScale = inputGradientScale;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> cs = new ArrayList<>();
        for (String activation : Activations.names()) {
            cs.add(new Case("Dense " + activation, () -> new Dense(4, activation), new int[] {3}, true));
        }
        cs.add(new Case("Dense declared input", () -> new Dense(2, "tanh", 5), new int[] {5}, true));
        cs.add(new Case("Dense without bias", () -> new Dense(3, "sigmoid").useBias(false), new int[] {4}, true));
        cs.add(new Case("Dense he_normal on rank 3", () -> new Dense(3, "linear").kernelInitializer("he_normal").biasInitializer("ones"), new int[] {2, 4}, true));
        for (String activation : Activations.names()) {
            cs.add(new Case("Activation " + activation, () -> new Activation(activation), new int[] {5}, true));
        }
        cs.add(new Case("LeakyReLU 0.2", () -> new LeakyReLU(0.2f), new int[] {6}, true));
        cs.add(new Case("LeakyReLU default", LeakyReLU::new, new int[] {2, 3}, true));
        cs.add(new Case("Dropout training", () -> new Dropout(0.5f), new int[] {8}, true));
        cs.add(new Case("Dropout inference", () -> new Dropout(0.5f), new int[] {8}, false));
        cs.add(new Case("GradientReversal default", GradientReversal::new, new int[] {5}, true, -1.0));
        cs.add(new Case("GradientReversal 0.3 on rank 3", () -> new GradientReversal(0.3f), new int[] {2, 3}, true, -0.3f));
        cs.add(new Case("Sequential nested", () -> new Sequential(7, new Dense(4, "tanh"), new Sequential(new Dense(3, "elu")), new Dense(2, "softmax")), new int[] {3}, true));
        return cs.stream().map(Arguments::of);
    }

    private static Value apply(Layer layer, Value x, boolean training) {
        // a fresh generator per call: dropout draws the same mask at every finite-difference point
        return layer.call(x, new CallContext(training, new Rng(5)));
    }

    private static int[] batchShape(int batch, int[] perSample) {
        int[] s = new int[perSample.length + 1];
        s[0] = batch;
        System.arraycopy(perSample, 0, s, 1, perSample.length);
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void buildsLazilyToTheAnnouncedOutputShape(Case c) {
        Layer layer = c.factory.get();
        if (!(layer instanceof Sequential)) assertFalse(layer.isBuilt(), "not built before the first call");
        Tensor x = Points.uniform(1, batchShape(3, c.inputShape)).toFloat32();
        Value y = apply(layer, Value.constant(x), c.training);
        assertTrue(layer.isBuilt());
        assertArrayEquals(c.inputShape, layer.inputShape());
        assertArrayEquals(batchShape(3, layer.outputShape()), y.shape());
        int params = 0;
        for (Variable v : layer.weights()) params += v.value().size();
        assertEquals(params, layer.countParams());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesAnInputOfTheWrongShapeNamingIt(Case c) {
        Layer layer = c.factory.get();
        apply(layer, Value.constant(Points.uniform(1, batchShape(2, c.inputShape)).toFloat32()), c.training);
        int[] wrong = c.inputShape.clone();
        wrong[wrong.length - 1] += 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> apply(layer, Value.constant(Tensor.zeros(batchShape(2, wrong))), c.training));
        // a model leaves the check to its first layer, whose message is the more precise
        String named = layer instanceof Model ? ((Model) layer).leafLayers().get(0).name() : layer.name();
        assertTrue(e.getMessage().contains(named), e.getMessage());
        String got = wrong.length == 1 ? String.valueOf(wrong[0]) : Arrays.toString(wrong);
        assertTrue(e.getMessage().contains("got " + got), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientsMatchFiniteDifferencesInDoublePrecision(Case c) {
        Layer layer = c.factory.get();
        Tensor x = Points.uniform(2, batchShape(3, c.inputShape));
        apply(layer, Value.constant(x.toFloat32()), c.training); // build
        for (Variable v : layer.weights()) v.assign(v.value().toFloat64());
        GradCheck.checkScaled(c.name + " wrt input", new double[] {c.inputGradientScale}, xs -> apply(layer, xs.get(0), c.training), x);
        if (!layer.weights().isEmpty()) {
            Value input = Value.constant(x);
            GradCheck.checkVariables(c.name + " wrt weights", () -> apply(layer, input, c.training), layer.weights().toArray(new Variable[0]));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rebuildsIdenticallyFromItsConfig(Case c) throws FormatException {
        Layer layer = c.factory.get();
        apply(layer, Value.constant(Points.uniform(3, batchShape(2, c.inputShape)).toFloat32()), c.training);
        Layer copy = Layers.fromConfig(layer.config());
        assertEquals(layer.config(), copy.config());
        Tensor x = Points.uniform(4, batchShape(2, c.inputShape)).toFloat32();
        Value y = apply(copy, Value.constant(x), c.training);
        if (copy instanceof Model) ((Model) copy).setWeights(((Model) layer).getWeights());
        else for (int i = 0; i < copy.weights().size(); i++) copy.weights().get(i).assign(layer.weights().get(i).value());
        assertEquals(apply(layer, Value.constant(x), c.training).data(), apply(copy, Value.constant(x), c.training).data());
        assertArrayEquals(apply(layer, Value.constant(x), c.training).shape(), y.shape());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void setTrainableFreezesItsWeights(Case c) {
        Layer layer = c.factory.get();
        apply(layer, Value.constant(Points.uniform(5, batchShape(2, c.inputShape)).toFloat32()), c.training);
        layer.setTrainable(false);
        assertFalse(layer.isTrainable());
        for (Variable v : layer.weights()) assertFalse(v.isTrainable(), v.name());
        layer.setTrainable(true);
        for (Variable v : layer.weights()) assertTrue(v.isTrainable(), v.name());
    }
}
