package minimax.nn;

import minimax.tensor.Rng;
import minimax.tensor.Tensor;

/** Creates a variable's initial value. Implementations are in {@link Initializers}. */
@FunctionalInterface
public interface Initializer {
    /**
     * @param shape the variable's shape, e.g. a Dense kernel's {@code [in, out]}
     * @param rng the generator to draw from (advanced)
     * @return a new float32 tensor of that shape
     */
    Tensor initialize(int[] shape, Rng rng);
}
