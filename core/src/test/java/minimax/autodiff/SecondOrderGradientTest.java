package minimax.autodiff;

import static minimax.testing.Points.awayFromZero;
import static minimax.testing.Points.positive;
import static minimax.testing.Points.uniform;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import minimax.tensor.Tensor;
import minimax.testing.GradCheck;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Gradients of gradients: Hessian-vector products through {@link Gradients#graph} against finite
 * differences of first-order gradients, and a WGAN-GP style gradient-norm penalty trained through.
 */
class SecondOrderGradientTest {
    private static DynamicTest second(String name, Function<List<Value>, Value> f, Tensor... inputs) {
        return DynamicTest.dynamicTest(name, () -> GradCheck.checkSecondOrder(name, f, inputs));
    }

    @TestFactory
    Stream<DynamicTest> representativeOps() {
        return Stream.of(
                second("pow 3", xs -> xs.get(0).pow(3f), uniform(1, 3, 4)),
                second("pow 2.5", xs -> xs.get(0).pow(2.5f), positive(2, 3, 4)),
                second("exp", xs -> xs.get(0).exp(), uniform(3, 3, 4)),
                second("log", xs -> xs.get(0).log(), positive(4, 3, 4)),
                second("sqrt", xs -> xs.get(0).sqrt(), positive(5, 3, 4)),
                second("reciprocal", xs -> xs.get(0).reciprocal(), awayFromZero(6, 0.5, 3, 4)),
                second("tanh", xs -> xs.get(0).tanh(), uniform(7, 3, 4).mul(2f)),
                second("sigmoid", xs -> xs.get(0).sigmoid(), uniform(8, 3, 4).mul(3f)),
                second("softplus", xs -> xs.get(0).softplus(), uniform(9, 3, 4).mul(3f)),
                second("elu", xs -> xs.get(0).elu(1f), awayFromZero(10, 0.1, 3, 4)),
                second("mul of two inputs, broadcast", xs -> xs.get(0).mul(xs.get(1)).square(), uniform(11, 3, 4), uniform(12, 4)),
                second("div of two inputs", xs -> xs.get(0).div(xs.get(1)), uniform(13, 3, 4), positive(14, 3, 4)),
                second("matmul A·B", xs -> xs.get(0).matmul(xs.get(1)).square(), uniform(15, 2, 3), uniform(16, 3, 4)),
                second("matmul Aᵀ·Bᵀ", xs -> xs.get(0).matmul(xs.get(1), true, true).square(), uniform(17, 3, 2), uniform(18, 4, 3)),
                second("softmax", xs -> xs.get(0).softmax(-1), uniform(19, 3, 4).mul(2f)),
                second("max and mean", xs -> xs.get(0).max(new int[] {1}, false).square().mean(), uniform(20, 3, 4)),
                second("slice and concat", xs -> Value.concat(0, xs.get(0).slice(0, 1, 3), xs.get(0)).pow(3f), uniform(21, 3, 2)),
                second("affine tanh(x·W + b)", xs -> xs.get(0).affine(xs.get(1), xs.get(2)).tanh(), uniform(122, 2, 3), uniform(123, 3, 4), uniform(124, 4)),
                second("mlp sigmoid(x·W + b) summed", xs -> xs.get(0).matmul(xs.get(1)).add(xs.get(2)).sigmoid().sum(),
                        uniform(22, 5, 3), uniform(23, 3, 2), uniform(24, 2)));
    }

    /**
     * A critic {@code D(x) = sigmoid(tanh(x·W1)·W2)} and the WGAN-GP penalty
     * {@code mean over rows of (‖∂D/∂x_row‖² − 1)²}: its gradient with respect to the weights and the
     * input goes through the first-order gradient graph.
     */
    @Test
    void gradientNormPenaltyIsDifferentiable() {
        Function<List<Value>, Value> penalty = xs -> {
            Value x = xs.get(0), w1 = xs.get(1), w2 = xs.get(2);
            Value critic = x.matmul(w1).tanh().matmul(w2).sigmoid().sum();
            Value dx = Gradients.graph(critic, List.of(x)).get(0);
            return dx.square().sum(new int[] {1}, false).sub(1f).square().mean();
        };
        GradCheck.check("gradient penalty", penalty, uniform(30, 4, 3), uniform(31, 3, 5).mul(2f), uniform(32, 5, 1).mul(2f));
        GradCheck.checkSecondOrder("gradient penalty, second order", penalty, uniform(33, 2, 3), uniform(34, 3, 2), uniform(35, 2, 1));
    }
}
