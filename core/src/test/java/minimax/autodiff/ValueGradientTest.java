package minimax.autodiff;

import static minimax.testing.Points.awayFromZero;
import static minimax.testing.Points.positive;
import static minimax.testing.Points.uniform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import minimax.tensor.Tensor;
import minimax.testing.GradCheck;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * First-order finite-difference checks (float64) of every {@link Value} operation and composite,
 * with broadcasting, all transpose flags of matmul, and reductions over one, several and all axes.
 * Points are chosen away from kinks (relu, abs, clip), ties (max) and poles (log, reciprocal).
 */
class ValueGradientTest {
    private static final int[] M = {3, 4};

    /** One check: a name, the function and its inputs. */
    private static final class Case {
        final String name;
        final Function<List<Value>, Value> f;
        final Tensor[] inputs;

        Case(String name, Function<List<Value>, Value> f, Tensor... inputs) {
            this.name = name;
            this.f = f;
            this.inputs = inputs;
        }
    }

    private final List<Case> cases = new ArrayList<>();

    private void unary(String name, Function<Value, Value> f, Tensor x) {
        cases.add(new Case(name, xs -> f.apply(xs.get(0)), x));
    }

    private void binary(String name, java.util.function.BiFunction<Value, Value, Value> f, Tensor a, Tensor b) {
        cases.add(new Case(name, xs -> f.apply(xs.get(0), xs.get(1)), a, b));
    }

    @TestFactory
    Stream<DynamicTest> arithmeticWithBroadcasting() {
        // each binary op on: equal shapes, a trailing row [4], a column [3,1] against a row [1,4],
        // a scalar on either side, and a rank-3 pair [2,1,3] with [4,1]
        int[][][] pairs = {{M, M}, {M, {4}}, {{4}, M}, {{3, 1}, {1, 4}}, {{}, {2, 3}}, {{2, 3}, {}}, {{2, 1, 3}, {4, 1}}};
        for (int[][] p : pairs) {
            String s = java.util.Arrays.toString(p[0]) + " with " + java.util.Arrays.toString(p[1]);
            binary("add " + s, Value::add, uniform(1, p[0]), uniform(2, p[1]));
            binary("sub " + s, Value::sub, uniform(3, p[0]), uniform(4, p[1]));
            binary("mul " + s, Value::mul, uniform(5, p[0]), uniform(6, p[1]));
            binary("div " + s, Value::div, uniform(7, p[0]), positive(8, p[1]));
            binary("div by a value that varies in sign " + s, Value::div, uniform(9, p[0]), awayFromZero(10, 0.5, p[1]));
        }
        Tensor c = uniform(11, 4).toFloat64();
        unary("add constant tensor", x -> x.add(c), uniform(12, M));
        unary("sub constant tensor", x -> x.sub(c), uniform(13, M));
        unary("mul constant tensor", x -> x.mul(c), uniform(14, M));
        unary("div constant tensor", x -> x.div(positive(15, 4)), uniform(16, M));
        unary("constant tensor div value", x -> Value.constant(c).div(x), positive(17, M));
        unary("add float", x -> x.add(1.5f), uniform(18, M));
        unary("sub float", x -> x.sub(0.25f), uniform(19, M));
        unary("rsub float", x -> x.rsub(2f), uniform(20, M));
        unary("mul float", x -> x.mul(-3f), uniform(21, M));
        unary("div float", x -> x.div(3f), uniform(22, M));
        unary("neg", Value::neg, uniform(23, M));
        // a value used twice must accumulate both contributions
        unary("x times x", x -> x.mul(x), uniform(24, M));
        unary("x plus x", x -> x.add(x), uniform(25, M));
        unary("x over x squared plus one", x -> x.div(x.square().add(1f)), uniform(26, M));
        return tests();
    }

    @TestFactory
    Stream<DynamicTest> elementwiseFunctions() {
        unary("pow 3 (integer, any sign)", x -> x.pow(3f), uniform(30, M));
        unary("pow 2.5 on positives", x -> x.pow(2.5f), positive(31, M));
        unary("pow -1.5 on positives", x -> x.pow(-1.5f), positive(32, M));
        unary("pow 0.5 on positives", x -> x.pow(0.5f), positive(33, M));
        unary("square", Value::square, uniform(34, M));
        unary("sqrt", Value::sqrt, positive(35, M));
        unary("reciprocal", Value::reciprocal, awayFromZero(36, 0.5, M));
        unary("exp", Value::exp, uniform(37, M));
        unary("log", Value::log, positive(38, M));
        unary("abs", Value::abs, awayFromZero(39, 0.1, M));
        unary("tanh", Value::tanh, uniform(40, M).mul(2f));
        unary("sigmoid", Value::sigmoid, uniform(41, M).mul(3f));
        unary("relu", Value::relu, awayFromZero(42, 0.1, M));
        unary("leakyRelu 0.2", x -> x.leakyRelu(0.2f), awayFromZero(43, 0.1, M));
        unary("softplus", Value::softplus, uniform(44, M).mul(5f));
        unary("softplus at large |x|", Value::softplus, Tensor.of(new double[] {-30, -12, 12, 30}, 4));
        unary("elu 1", x -> x.elu(1f), awayFromZero(45, 0.1, M));
        unary("elu 0.5", x -> x.elu(0.5f), awayFromZero(46, 0.1, M));
        unary("clip inside and outside, away from the bounds", x -> x.clip(-0.5f, 0.5f),
                Tensor.of(new double[] {-1.2, -0.7, -0.3, 0.0, 0.2, 0.45, 0.6, 1.4}, 2, 4));
        Tensor a = uniform(47, M);
        Tensor apart = a.add(awayFromZero(48, 0.05, M)); // every pair differs by at least 0.05: no ties
        binary("maximum", Value::maximum, a, apart);
        binary("minimum", Value::minimum, a, apart);
        binary("maximum broadcast [3,4] with [4]", Value::maximum, a, Tensor.of(new double[] {-0.55, -0.05, 0.45, 0.95}, 4));
        binary("minimum broadcast [4] with [3,4]", Value::minimum, Tensor.of(new double[] {-0.55, -0.05, 0.45, 0.95}, 4), a);
        return tests();
    }

    @TestFactory
    Stream<DynamicTest> reductions() {
        Tensor x3 = uniform(50, 2, 3, 4);
        unary("sum all", Value::sum, x3);
        unary("sum axis 1", x -> x.sum(new int[] {1}, false), x3);
        unary("sum axis 1 keepDims", x -> x.sum(new int[] {1}, true), x3);
        unary("sum axes 0,2", x -> x.sum(new int[] {0, 2}, false), x3);
        unary("sum axes 0,2 keepDims", x -> x.sum(new int[] {0, 2}, true), x3);
        unary("sum axis -1", x -> x.sum(new int[] {-1}, false), x3);
        unary("sum all axes keepDims", x -> x.sum(new int[0], true), x3);
        unary("mean all", Value::mean, x3);
        unary("mean axis 0", x -> x.mean(new int[] {0}, false), x3);
        unary("mean axes 1,2 keepDims", x -> x.mean(new int[] {1, 2}, true), x3);
        unary("mean all axes", x -> x.mean(new int[] {0, 1, 2}, false), x3);
        unary("max axis 1", x -> x.max(new int[] {1}, false), x3);
        unary("max axis -1 keepDims", x -> x.max(new int[] {-1}, true), x3);
        unary("max axes 0,2", x -> x.max(new int[] {0, 2}, false), x3);
        unary("max all", x -> x.max(new int[0], false), x3);
        unary("sumTo [4]", x -> x.sumTo(4), uniform(51, M));
        unary("sumTo [1,4]", x -> x.sumTo(1, 4), uniform(52, M));
        unary("sumTo [3,1]", x -> x.sumTo(3, 1), uniform(53, M));
        unary("sumTo []", x -> x.sumTo(), uniform(54, M));
        unary("sumTo [2,1,4] from [2,3,4]", x -> x.sumTo(2, 1, 4), x3);
        unary("broadcastTo [4] to [3,4]", x -> x.broadcastTo(M), uniform(55, 4));
        unary("broadcastTo [3,1] to [3,4]", x -> x.broadcastTo(M), uniform(56, 3, 1));
        unary("broadcastTo [] to [2,3]", x -> x.broadcastTo(2, 3), uniform(57));
        unary("broadcastTo [2,1,3] to [2,4,3]", x -> x.broadcastTo(2, 4, 3), uniform(58, 2, 1, 3));
        return tests();
    }

    @TestFactory
    Stream<DynamicTest> matmulAndLayout() {
        // m=2, k=3, n=4: every operand has a different shape, so a transposition mistake cannot hide
        binary("matmul A·B", (a, b) -> a.matmul(b), uniform(60, 2, 3), uniform(61, 3, 4));
        binary("matmul Aᵀ·B", (a, b) -> a.matmul(b, true, false), uniform(62, 3, 2), uniform(63, 3, 4));
        binary("matmul A·Bᵀ", (a, b) -> a.matmul(b, false, true), uniform(64, 2, 3), uniform(65, 4, 3));
        binary("matmul Aᵀ·Bᵀ", (a, b) -> a.matmul(b, true, true), uniform(66, 3, 2), uniform(67, 4, 3));
        cases.add(new Case("affine x·W + b", xs -> xs.get(0).affine(xs.get(1), xs.get(2)), uniform(190, 2, 3), uniform(191, 3, 4), uniform(192, 4)));
        unary("matmul Gram xᵀ·x (one value, both sides)", x -> x.matmul(x, true, false), uniform(68, 3, 2));
        unary("matmul x·xᵀ", x -> x.matmul(x, false, true), uniform(69, 2, 3));
        unary("matmul vector [1,3]·[3,1]", x -> x.matmul(x.transpose()), uniform(70, 1, 3));
        Tensor x3 = uniform(71, 2, 3, 4);
        unary("transpose", Value::transpose, uniform(72, 2, 3));
        unary("permute 2,0,1", x -> x.permute(2, 0, 1), x3);
        unary("permute 1,2,0", x -> x.permute(1, 2, 0), x3);
        unary("permute with a negative axis -1,0,1", x -> x.permute(-1, 0, 1), x3);
        unary("reshape -1", x -> x.reshape(-1), x3);
        unary("reshape 4,-1,2", x -> x.reshape(4, -1, 2), x3);
        unary("slice axis 1 [1,3)", x -> x.slice(1, 1, 3), x3);
        unary("slice axis -1 [0,2)", x -> x.slice(-1, 0, 2), x3);
        unary("slice axis 0 [1,2)", x -> x.slice(0, 1, 2), x3);
        binary("concat axis 0", (a, b) -> Value.concat(0, a, b), uniform(73, 2, 3), uniform(74, 1, 3));
        cases.add(new Case("concat axis 1 of three", xs -> Value.concat(1, xs.get(0), xs.get(1), xs.get(2)),
                uniform(75, 2, 1), uniform(76, 2, 3), uniform(77, 2, 2)));
        unary("concat axis -1 of one value twice", x -> Value.concat(-1, x, x.mul(2f)), x3);
        return tests();
    }

    @TestFactory
    Stream<DynamicTest> compositesAndLosses() {
        unary("softmax axis 1", x -> x.softmax(1), uniform(80, M).mul(3f));
        unary("softmax axis 0", x -> x.softmax(0), uniform(81, M).mul(3f));
        unary("softmax axis -1 of rank 3", x -> x.softmax(-1), uniform(82, 2, 3, 4).mul(3f));
        unary("logSoftmax axis 1", x -> x.logSoftmax(1), uniform(83, M).mul(3f));
        unary("logSoftmax axis 0", x -> x.logSoftmax(0), uniform(84, M).mul(3f));
        cases.add(new Case("dense sigmoid(x·W + b)", xs -> xs.get(0).matmul(xs.get(1)).add(xs.get(2)).sigmoid(),
                uniform(85, 5, 3), uniform(86, 3, 2), uniform(87, 2)));
        cases.add(new Case("mse", xs -> xs.get(0).sub(xs.get(1)).square().mean(), uniform(88, 5, 2), uniform(89, 5, 2)));
        cases.add(new Case("binary cross-entropy of sigmoid", xs -> {
            Value p = xs.get(0).sigmoid();
            Value y = Value.constant(Tensor.of(new double[] {1, 0, 1, 0, 0, 1}, 3, 2));
            return y.mul(p.log()).add(y.rsub(1f).mul(p.rsub(1f).log())).mean().neg();
        }, uniform(90, 3, 2).mul(2f)));
        cases.add(new Case("inverse mse", xs -> xs.get(0).sub(xs.get(1)).square().add(1e-3f).reciprocal().mean(),
                uniform(91, 4, 2), uniform(92, 4, 2).add(3f)));
        return tests();
    }

    private Stream<DynamicTest> tests() {
        List<Case> now = new ArrayList<>(cases);
        cases.clear();
        return now.stream().map(c -> DynamicTest.dynamicTest(c.name, () -> GradCheck.check(c.name, c.f, c.inputs)));
    }
}
