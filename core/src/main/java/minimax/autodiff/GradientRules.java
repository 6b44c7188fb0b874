package minimax.autodiff;

import minimax.tensor.Tensor;

/**
 * The one table of gradient rules: for each primitive {@link Op}, the vector–Jacobian product
 * that maps the gradient of the output to the gradients of the inputs.
 *
 * <p>Rules are written with {@link Value} operations, so when {@link Gradients} is asked to build a
 * graph they are themselves differentiable (gradients of gradients). Rules may return a gradient
 * with the broadcast shape of the output; {@link Gradients} sums it down to the input's shape, the
 * one place where broadcasting is undone.
 */
final class GradientRules {
    private GradientRules() {}

    /**
     * Gradients for each input of {@code y}, given {@code g}, the gradient of the target with
     * respect to {@code y}. An entry may be null where {@code wanted} is false (the costly rules,
     * products, skip those inputs; cheap ones compute every entry and the caller drops the rest).
     */
    static Value[] vectorJacobianProduct(Value y, Value g, boolean[] wanted) {
        Value[] in = y.inputs;
        Value x = in[0];
        switch (y.op) {
            case ADD: return of(g, g);
            case SUB: return of(g, g.neg());
            case MUL: return of(g.mul(in[1]), g.mul(x));
            case DIV: return of(g.div(in[1]), g.mul(y).div(in[1]).neg());          // d(a/b)/db = −(a/b)/b
            case NEG: return of(g.neg());
            case ADD_SCALAR: return of(g);
            // the constant as a scalar of g's type: for float64 it keeps the double 1/c that div(c) recorded
            case MUL_SCALAR: return of(g.mul(Value.constantLike(g, (Double) y.attribute)));
            case POW: {
                float p = (float) (double) (Double) y.attribute;
                return of(g.mul(x.pow(p - 1f)).mul(p));
            }
            case EXP: return of(g.mul(y));
            case LOG: return of(g.div(x));
            case SQRT: return of(g.div(y).mul(0.5f));
            case SQUARE: return of(g.mul(x).mul(2f));
            case RECIPROCAL: return of(g.mul(y.square()).neg());                    // d(1/x) = −1/x²
            case TANH:                                                                // 1 − tanh²
                return of(fused() ? Value.constant(g.data().timesTanhSlope(y.data())) : g.mul(y.square().rsub(1f)));
            case SIGMOID:                                                             // σ(1 − σ)
                return of(fused() ? Value.constant(g.data().timesSigmoidSlope(y.data())) : g.mul(y.mul(y.rsub(1f))));
            case SOFTPLUS: return of(g.mul(x.sigmoid()));
            case RELU:
                return of(fused() ? Value.constant(g.data().timesLeakyReluSlope(x.data(), 0f)) : g.mul(x.data().greater(0f)));
            case LEAKY_RELU: {                                                        // 1 where x > 0, else α
                float alpha = (float) (double) (Double) y.attribute;
                return of(fused() ? Value.constant(g.data().timesLeakyReluSlope(x.data(), alpha)) : g.mul(x.data().step(0f, alpha)));
            }
            case ABS: return of(g.mul(x.data().sign()));
            case CLIP: {
                double[] range = (double[]) y.attribute;
                Tensor outside = x.data().less((float) range[0]).add(x.data().greater((float) range[1]));
                return of(g.mul(outside.neg().add(1f)));
            }
            case MAXIMUM: case MINIMUM: {
                Tensor a = x.data(), b = in[1].data();
                // TensorFlow's rule: the first argument takes the gradient where it is selected, ties included
                Tensor firstWins = y.op == Op.MAXIMUM ? b.greater(a).neg().add(1f) : a.greater(b).neg().add(1f);
                return of(g.mul(firstWins), g.mul(firstWins.neg().add(1f)));
            }
            case SUM_TO: return of(g.broadcastTo(x.data().shape()));
            case BROADCAST_TO: return of(g.sumTo(x.data().shape()));
            case MAX_TO: {
                int[] shape = x.data().shape();
                Tensor isMax = x.data().equal(y.data().broadcastTo(shape));
                Tensor share = isMax.div(isMax.sumTo(y.data().shape()).broadcastTo(shape)); // ties split the gradient
                return of(g.broadcastTo(shape).mul(share));
            }
            case RESHAPE: return of(g.reshape(x.data().shape()));
            case PERMUTE: return of(g.permute(inverse((int[]) y.attribute)));
            case SLICE: return of(padSlice(g, x.data(), (int[]) y.attribute));
            case CONCAT: return splitConcat(g, in, (Integer) y.attribute);
            case MATMUL: return matmul(g, x, in[1], (boolean[]) y.attribute, wanted);
            case AFFINE: {                                                            // as MATMUL, and ADD's sum over rows
                Value[] dxdw = matmul(g, x, in[1], new boolean[] {false, false}, wanted);
                return of(dxdw[0], dxdw[1], wanted[2] ? g.sumTo(in[2].data().shape()) : null);
            }
            // recorded as g·(−λ), a linear op: differentiating this rule multiplies by −λ again
            case REVERSE_GRADIENT: return of(g.mul(-(float) (double) (Double) y.attribute));
            default: throw new AssertionError("no gradient rule for " + y.op);
        }
    }

    private static Value[] of(Value... grads) {
        return grads;
    }

    /**
     * True when the rule's result will not be differentiated again (nothing is being recorded):
     * activation rules then compute {@code g · f'} in one fused pass instead of composing it from
     * recorded primitives; both give the same bits (tested).
     */
    private static boolean fused() {
        return !GradMode.isRecording();
    }


    /**
     * For {@code C = op(A)·op(B)}: {@code dA} and {@code dB} as products of {@code g = dC} with the
     * other operand, choosing transposes so that no transposed copy is made.
     */
    private static Value[] matmul(Value g, Value a, Value b, boolean[] t, boolean[] wanted) {
        boolean ta = t[0], tb = t[1];
        Value da = null, db = null;
        if (!ta && !tb) {                                                     // C = AB
            if (wanted[0]) da = g.matmul(b, false, true);
            if (wanted[1]) db = a.matmul(g, true, false);
        } else if (ta && !tb) {                                               // C = AᵀB
            if (wanted[0]) da = b.matmul(g, false, true);
            if (wanted[1]) db = a.matmul(g, false, false);
        } else if (!ta) {                                                     // C = ABᵀ
            if (wanted[0]) da = g.matmul(b, false, false);
            if (wanted[1]) db = g.matmul(a, true, false);
        } else {                                                              // C = AᵀBᵀ
            if (wanted[0]) da = b.matmul(g, true, true);
            if (wanted[1]) db = g.matmul(a, true, true);
        }
        return of(da, db);
    }

    private static Value padSlice(Value g, Tensor x, int[] axisStartEnd) {
        int axis = axisStartEnd[0], start = axisStartEnd[1], end = axisStartEnd[2];
        int[] shape = x.shape();
        int[] before = shape.clone();
        before[axis] = start;
        int[] after = shape.clone();
        after[axis] = shape[axis] - end;
        return Value.concat(axis, Value.constant(x.zerosLike(before)), g, Value.constant(x.zerosLike(after)));
    }

    private static Value[] splitConcat(Value g, Value[] inputs, int axis) {
        Value[] grads = new Value[inputs.length];
        int offset = 0;
        for (int i = 0; i < inputs.length; i++) {
            int len = inputs[i].data().dim(axis);
            grads[i] = g.slice(axis, offset, offset + len);
            offset += len;
        }
        return grads;
    }

    private static int[] inverse(int[] permutation) {
        int[] inv = new int[permutation.length];
        for (int i = 0; i < permutation.length; i++) {
            int a = permutation[i] < 0 ? permutation[i] + permutation.length : permutation[i];
            inv[a] = i;
        }
        return inv;
    }
}
