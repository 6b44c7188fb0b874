package minimax.tensor;

/**
 * Element type of a {@link Tensor}.
 *
 * <p>{@link #FLOAT32} is what models train in. {@link #FLOAT64} exists so that gradient checks
 * and reference computations can run the very same operations in double precision: a
 * finite-difference check in float32 cannot tell a wrong term of size 1e-4 from rounding.
 */
public enum DType {
    /** 32-bit IEEE 754 floats: the training type. */
    FLOAT32,
    /** 64-bit IEEE 754 doubles: for gradient checks and reference results. */
    FLOAT64
}
