package minimax.autodiff;

/**
 * The closed set of primitive operations that autodiff records. Everything else (softmax, losses,
 * layers) is composed from these and is differentiated for free. Each primitive's gradient rule is
 * in {@link GradientRules}, the one table.
 */
enum Op {
    ADD, SUB, MUL, DIV, NEG,
    /** {@code x + c}, attribute: the constant c. */
    ADD_SCALAR,
    /** {@code x · c}, attribute: the constant c. */
    MUL_SCALAR,
    /** {@code x^p}, attribute: p. */
    POW,
    EXP, LOG, SQRT, SQUARE, RECIPROCAL, TANH, SIGMOID, SOFTPLUS,
    /** Piecewise-linear ops whose derivative is a constant mask: relu, leaky relu, abs, clip. */
    RELU, LEAKY_RELU, ABS, CLIP,
    MAXIMUM, MINIMUM,
    /** Sum down to a shape that broadcasts back (attribute: the input's shape is on the input). */
    SUM_TO,
    BROADCAST_TO,
    MAX_TO,
    RESHAPE,
    /** Attribute: the permutation. */
    PERMUTE,
    /** Attribute: {axis, start, end}. */
    SLICE,
    /** Attribute: the axis. */
    CONCAT,
    /** Attribute: {transposeA, transposeB}. */
    MATMUL,
    /** {@code x·W + b} for {@code [m,k]·[k,n] + [n]} (a dense layer), inputs (x, W, b). */
    AFFINE,
    /**
     * Gradient reversal: the identity forward, the gradient times −λ backward (attribute: λ as a
     * double). Not a function's derivative on purpose; see {@link Value#reverseGradient}.
     */
    REVERSE_GRADIENT
}
