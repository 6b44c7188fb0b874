package minimax.tensor;

/** Element-wise functions of two arguments, applied with NumPy broadcasting. */
enum BinaryOp {
    ADD, SUB, MUL, DIV, MINIMUM, MAXIMUM,
    /** {@code a > b ? 1 : 0}. */
    GREATER,
    /** {@code a == b ? 1 : 0}. */
    EQUAL;

    double apply(double a, double b) {
        switch (this) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case DIV: return a / b;
            case MINIMUM: return Math.min(a, b);
            case MAXIMUM: return Math.max(a, b);
            case GREATER: return a > b ? 1 : 0;
            case EQUAL: return a == b ? 1 : 0;
            default: throw new AssertionError(this);
        }
    }

    float apply(float a, float b) {
        switch (this) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case DIV: return a / b;
            case MINIMUM: return Math.min(a, b);
            case MAXIMUM: return Math.max(a, b);
            case GREATER: return a > b ? 1f : 0f;
            case EQUAL: return a == b ? 1f : 0f;
            default: throw new AssertionError(this);
        }
    }

    /** {@code out[i] = a[i] op b[i]} for {@code i < n}: the same-shape fast path. */
    void same(float[] a, float[] b, float[] out, int n) {
        switch (this) {
            case ADD: for (int i = 0; i < n; i++) out[i] = a[i] + b[i]; break;
            case SUB: for (int i = 0; i < n; i++) out[i] = a[i] - b[i]; break;
            case MUL: for (int i = 0; i < n; i++) out[i] = a[i] * b[i]; break;
            case DIV: for (int i = 0; i < n; i++) out[i] = a[i] / b[i]; break;
            default: for (int i = 0; i < n; i++) out[i] = apply(a[i], b[i]);
        }
    }

    /**
     * {@code out[r·len + j] = a[r·len + j] op b[j]}: the trailing-row broadcast (e.g. adding a bias
     * {@code [n]} to a batch {@code [m,n]}); when {@code swapped}, {@code b[j] op a[r·len+j]}.
     */
    void rows(float[] a, float[] b, float[] out, int rowsCount, int len, boolean swapped) {
        for (int r = 0; r < rowsCount; r++) {
            int o = r * len;
            if (!swapped) {
                switch (this) {
                    case ADD: minimax.kernels.Elementwise.addRow(a, o, b, out, len); break; // vectorized: C2 left this loop scalar
                    case SUB: for (int j = 0; j < len; j++) out[o + j] = a[o + j] - b[j]; break;
                    case MUL: for (int j = 0; j < len; j++) out[o + j] = a[o + j] * b[j]; break;
                    default: for (int j = 0; j < len; j++) out[o + j] = apply(a[o + j], b[j]);
                }
            } else {
                for (int j = 0; j < len; j++) out[o + j] = apply(b[j], a[o + j]);
            }
        }
    }
}
