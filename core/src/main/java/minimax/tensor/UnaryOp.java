package minimax.tensor;

/** Element-wise functions of one argument; {@code p} and {@code q} are optional parameters. */
enum UnaryOp {
    NEG, EXP, LOG, SQRT, SQUARE, RECIPROCAL, ABS, SIGN, TANH, SIGMOID, RELU,
    /** {@code x > 0 ? x : p·x}. */
    LEAKY_RELU,
    /** {@code log(1 + e^x)}, computed stably as {@code max(x,0) + log1p(e^-|x|)}. */
    SOFTPLUS,
    /** {@code x^p}. */
    POW,
    /** {@code min(max(x, p), q)}. */
    CLIP,
    /** {@code x + p}. */
    ADD_SCALAR,
    /** {@code x · p}. */
    MUL_SCALAR,
    /** {@code x / p}. */
    DIV_SCALAR,
    /** {@code x > p ? 1 : q} (q = 0: a comparison; else a step with a lower level). */
    GREATER_SCALAR,
    /** {@code x < p ? 1 : 0}. */
    LESS_SCALAR;

    /** Applies the op to {@code n} floats of {@code in}, writing {@code out} (may be the same array). */
    void apply(float[] in, float[] out, int n, double p, double q) {
        float fp = (float) p, fq = (float) q;
        switch (this) {
            case NEG: for (int i = 0; i < n; i++) out[i] = -in[i]; break;
            case EXP: minimax.kernels.Elementwise.exp(in, out, n); break;
            case LOG: for (int i = 0; i < n; i++) out[i] = (float) Math.log(in[i]); break;
            case SQRT: for (int i = 0; i < n; i++) out[i] = (float) Math.sqrt(in[i]); break;
            case SQUARE: for (int i = 0; i < n; i++) out[i] = in[i] * in[i]; break;
            case RECIPROCAL: for (int i = 0; i < n; i++) out[i] = 1f / in[i]; break;
            case ABS: for (int i = 0; i < n; i++) out[i] = Math.abs(in[i]); break;
            case SIGN: for (int i = 0; i < n; i++) out[i] = Math.signum(in[i]); break;
            case TANH: minimax.kernels.Elementwise.tanh(in, out, n); break;
            case SIGMOID: minimax.kernels.Elementwise.sigmoid(in, out, n); break;
            case RELU: minimax.kernels.Elementwise.relu(in, out, n); break;
            case LEAKY_RELU: minimax.kernels.Elementwise.leakyRelu(in, out, n, fp); break;
            case SOFTPLUS: for (int i = 0; i < n; i++) out[i] = (float) softplus(in[i]); break;
            case POW: for (int i = 0; i < n; i++) out[i] = (float) Math.pow(in[i], p); break;
            case CLIP: for (int i = 0; i < n; i++) out[i] = Math.min(Math.max(in[i], fp), fq); break;
            case ADD_SCALAR: for (int i = 0; i < n; i++) out[i] = in[i] + fp; break;
            case MUL_SCALAR: for (int i = 0; i < n; i++) out[i] = in[i] * fp; break;
            case DIV_SCALAR: for (int i = 0; i < n; i++) out[i] = in[i] / fp; break;
            case GREATER_SCALAR: minimax.kernels.Elementwise.step(in, out, n, fp, fq); break;
            case LESS_SCALAR: for (int i = 0; i < n; i++) out[i] = in[i] < fp ? 1f : 0f; break;
            default: throw new AssertionError(this);
        }
    }

    /** Applies the op to {@code n} doubles of {@code in}, writing {@code out} (may be the same array). */
    void apply(double[] in, double[] out, int n, double p, double q) {
        for (int i = 0; i < n; i++) out[i] = apply(in[i], p, q);
    }

    /** The op on one double: the reference definition. */
    double apply(double x, double p, double q) {
        switch (this) {
            case NEG: return -x;
            case EXP: return Math.exp(x);
            case LOG: return Math.log(x);
            case SQRT: return Math.sqrt(x);
            case SQUARE: return x * x;
            case RECIPROCAL: return 1.0 / x;
            case ABS: return Math.abs(x);
            case SIGN: return Math.signum(x);
            case TANH: return Math.tanh(x);
            case SIGMOID: return 1.0 / (1.0 + Math.exp(-x));
            case RELU: return x > 0 ? x : 0.0;
            case LEAKY_RELU: return x > 0 ? x : p * x;
            case SOFTPLUS: return softplus(x);
            case POW: return Math.pow(x, p);
            case CLIP: return Math.min(Math.max(x, p), q);
            case ADD_SCALAR: return x + p;
            case MUL_SCALAR: return x * p;
            case DIV_SCALAR: return x / p;
            case GREATER_SCALAR: return x > p ? 1 : q;
            case LESS_SCALAR: return x < p ? 1 : 0;
            default: throw new AssertionError(this);
        }
    }

    private static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }
}
