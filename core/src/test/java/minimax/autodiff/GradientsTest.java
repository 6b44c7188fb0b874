package minimax.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import minimax.tensor.DType;
import minimax.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The semantics of {@link Gradients}, {@link GradMode}, {@link Variable} and the non-smooth rules, on hand-known values. */
class GradientsTest {
    private static Tensor vec(double... v) {
        return Tensor.of(v, v.length);
    }

    private static Tensor grad(Value target, Value wrt) {
        return Gradients.of(target, List.of(wrt)).get(0);
    }

    @Test
    void javadocExampleCubeFirstAndSecondDerivative() {
        Value x = Value.leaf(Tensor.of(new double[] {3}, 1));
        Value dy = Gradients.graph(x.pow(3).sum(), List.of(x)).get(0);
        assertEquals(27.0, dy.data().getFlat(0), 1e-12);
        assertTrue(dy.requiresGrad());
        assertEquals(18.0, grad(dy.sum(), x).getFlat(0), 1e-12);
    }

    @Test
    void aValueUsedTwiceAccumulates() {
        Value x = Value.leaf(vec(2, -3));
        // y = x·x + x → dy/dx = 2x + 1
        assertEquals(vec(5, -5), grad(x.mul(x).add(x).sum(), x));
    }

    @Test
    void unreachedValuesGetZerosOfTheirShapeAndType() {
        Value x = Value.leaf(vec(1, 2));
        Value unused = Value.leaf(Tensor.zeros(DType.FLOAT64, 2, 3).add(1f));
        List<Tensor> g = Gradients.of(x.sum(), List.of(x, unused));
        assertEquals(Tensor.zeros(DType.FLOAT64, 2, 3), g.get(1));
        Value constant = Value.constant(vec(1, 2));
        assertEquals(Tensor.zeros(DType.FLOAT64, 2), grad(constant.sum(), constant));
    }

    @Test
    void aNonScalarTargetIsRejectedWithItsShape() {
        Value x = Value.leaf(Tensor.zeros(2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gradients.of(x.exp(), List.of(x)));
        assertTrue(e.getMessage().contains("[2, 3]"), e.getMessage());
    }

    @Test
    void aOneElementTargetOfAnyRankIsAccepted() {
        Value x = Value.leaf(Tensor.of(new double[] {2}, 1, 1));
        assertEquals(4.0, grad(x.square(), x).getFlat(0), 0);
    }

    @Test
    void detachStopsTheGradient() {
        Value x = Value.leaf(vec(2, 5));
        assertEquals(vec(2, 5), grad(x.mul(x.detach()).sum(), x));
        assertFalse(x.detach().requiresGrad());
    }

    @Test
    void firstOrderGradientsRecordNothingAndGraphGradientsDo() {
        Value x = Value.leaf(vec(1, 2));
        Value y = x.tanh().sum();
        assertFalse(Gradients.compute(y, List.of(x), false).get(0).requiresGrad());
        assertTrue(Gradients.compute(y, List.of(x), true).get(0).requiresGrad());
        assertTrue(GradMode.isRecording(), "recording is restored after backward");
    }

    @Test
    void noGradBuildsConstantsAndRestoresRecording() {
        Value x = Value.leaf(vec(1, 2));
        Value y = GradMode.noGrad(() -> x.mul(3f).exp());
        assertFalse(y.requiresGrad());
        assertTrue(GradMode.isRecording());
        assertTrue(x.mul(3f).requiresGrad());
        assertThrows(IllegalStateException.class, () -> GradMode.noGrad(() -> {
            throw new IllegalStateException("inside");
        }));
        assertTrue(GradMode.isRecording(), "restored after an exception too");
    }

    @Test
    void float32InputsGetFloat32Gradients() {
        Value x = Value.leaf(Tensor.of(new float[] {1, 2, 3}, 3));
        Tensor g = grad(x.square().mul(0.5f).sum(), x);
        assertEquals(Tensor.of(new float[] {1, 2, 3}, 3), g);
    }

    @Test
    void maxSplitsTheGradientEquallyAmongTies() {
        Value x = Value.leaf(Tensor.of(new double[] {1, 3, 3, 4, 4, 4}, 2, 3));
        Tensor g = grad(x.max(new int[] {1}, false).sum(), x);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1 / 3.0, 1 / 3.0, 1 / 3.0}, g.toDoubleArray(), 1e-15);
    }

    @Test
    void maximumAndMinimumGiveTiesToTheFirstArgument() {
        Value a = Value.leaf(vec(1, 2, 3)), b = Value.leaf(vec(1, 5, 0));
        List<Tensor> gMax = Gradients.of(a.maximum(b).sum(), List.of(a, b));
        assertEquals(vec(1, 0, 1), gMax.get(0));
        assertEquals(vec(0, 1, 0), gMax.get(1));
        List<Tensor> gMin = Gradients.of(a.minimum(b).sum(), List.of(a, b));
        assertEquals(vec(1, 1, 0), gMin.get(0));
        assertEquals(vec(0, 0, 1), gMin.get(1));
    }

    @Test
    void kinksHaveTheDocumentedSubgradient() {
        Value x = Value.leaf(vec(-1, 0, 2));
        assertEquals(vec(0, 0, 1), grad(x.relu().sum(), x));
        // the slope is the float α as given, and exactly 1 on the positive side
        assertEquals(vec(0.1f, 0.1f, 1), grad(x.leakyRelu(0.1f).sum(), x));
        assertEquals(vec(-1, 0, 1), grad(x.abs().sum(), x));
        // clip passes the gradient on the closed interval [low, high], as TensorFlow
        Value y = Value.leaf(vec(-2, -1, 0, 1, 2));
        assertEquals(vec(0, 1, 1, 1, 0), grad(y.clip(-1f, 1f).sum(), y));
    }

    @Test
    void meanAndDivisionByAConstantAreExactInFloat64() {
        // 1/3 is not a float: forward and backward must not round it through one
        Value x = Value.leaf(vec(1, 2, 4));
        assertEquals(7 / 3.0, x.mean().data().getFlat(0), 1e-15);
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, grad(x.mean(), x).toDoubleArray(), 1e-17);
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, grad(x.div(3f).sum(), x).toDoubleArray(), 1e-17);
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, grad(x.reshape(1, 3).mean(new int[] {1}, false).sum(), x).toDoubleArray(), 1e-17);
    }

    @Test
    void softmaxRowsSumToOneAndLogSoftmaxIsItsLog() {
        Value x = Value.constant(Tensor.of(new double[] {1, 2, 3, 1000, 1000, 1000}, 2, 3));
        Tensor s = x.softmax(1).data();
        assertTrue(s.isFinite(), "a shift by the max keeps large logits finite");
        assertArrayEquals(new double[] {1, 1}, s.sum(new int[] {1}, false).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {0.09003057317038046, 0.24472847105479767, 0.6652409557748219, 1 / 3.0, 1 / 3.0, 1 / 3.0}, s.toDoubleArray(), 1e-15);
        assertArrayEquals(s.log().toDoubleArray(), x.logSoftmax(1).data().toDoubleArray(), 1e-14);
    }

    @Test
    void variableLeafIsStableUntilAssigned() {
        Variable w = Variable.of("w", Tensor.of(new float[] {1, 2}, 2));
        Value leaf = Value.of(w);
        assertSame(leaf, Value.of(w));
        assertEquals(Tensor.of(new float[] {2, 4}, 2), grad(leaf.square().sum(), leaf));
        w.assign(Tensor.of(new double[] {3, 4}, 2));
        assertNotSame(leaf, Value.of(w));
        assertEquals(DType.FLOAT64, w.value().dtype());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.assign(Tensor.zeros(3)));
        assertTrue(e.getMessage().contains("w") && e.getMessage().contains("[2]") && e.getMessage().contains("[3]"), e.getMessage());
    }

    @Test
    void variableHoldsACopy() {
        float[] data = {1, 2};
        Tensor initial = Tensor.wrap(data, 2);
        Variable w = Variable.of(initial);
        data[0] = 99;
        assertEquals(1f, w.value().getFlat(0));
        assertTrue(w.isTrainable());
        w.setTrainable(false);
        assertFalse(w.isTrainable());
    }

    @Test
    void aLongChainDoesNotOverflowTheStack() {
        Value x = Value.leaf(Tensor.of(new double[] {1}, 1));
        Value y = x;
        for (int i = 0; i < 20_000; i++) y = y.add(1f);
        assertEquals(1.0, grad(y.sum(), x).getFlat(0), 0);
    }

    @Test
    void askingForSomeGradientsGivesTheSameBitsAsAskingForAll() {
        // a two-layer chain: x · W1 → tanh → · W2; the gradient for W1 alone needs no W2 gradient,
        // and the gradient for W2 alone none for W1 or x (only products on the way are computed)
        minimax.tensor.Rng rng = new minimax.tensor.Rng(3);
        Value x = Value.leaf(Tensor.normal(rng, 0f, 1f, 5, 4));
        Value w1 = Value.leaf(Tensor.normal(rng, 0f, 1f, 4, 3)), w2 = Value.leaf(Tensor.normal(rng, 0f, 1f, 3, 2));
        Value loss = x.matmul(w1).tanh().matmul(w2).square().mean();
        List<Tensor> all = Gradients.of(loss, List.of(x, w1, w2));
        assertEquals(all.get(1), Gradients.of(loss, List.of(w1)).get(0));
        assertEquals(all.get(2), Gradients.of(loss, List.of(w2)).get(0));
        assertEquals(all.get(0), Gradients.of(loss, List.of(x)).get(0));
        List<Value> secondOrder = Gradients.graph(loss, List.of(x));
        Tensor viaPenalty = Gradients.of(secondOrder.get(0).square().sum(), List.of(w1)).get(0);
        Tensor viaPenaltyAll = Gradients.of(Gradients.graph(loss, List.of(x, w1, w2)).get(0).square().sum(), List.of(w1, w2, x)).get(0);
        assertEquals(viaPenaltyAll, viaPenalty, "second order: pruning the inner gradient changes nothing");
    }
}
