package minimax.autodiff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import minimax.tensor.Shapes;
import minimax.tensor.Tensor;

/**
 * Reverse-mode differentiation: gradients of a target with respect to any values you name —
 * parameters ({@code Value.of(variable)}) or inputs ({@code Value.leaf(x)}).
 *
 * <p>Gradients accumulate ({@code +=}), so a value used twice is right. A value the target does not
 * depend on gets a gradient of zeros. With {@code createGraph}, the returned gradients are
 * themselves differentiable, so a penalty on a gradient norm (WGAN-GP, R1) can be trained.
 *
 * <pre>{@code
 * Value x = Value.leaf(Tensor.of(new double[] {3}, 1));
 * Value y = x.pow(3);                                        // y = x³
 * Value dy = Gradients.graph(y.sum(), List.of(x)).get(0);     // 3x² = 27, differentiable
 * Tensor d2y = Gradients.of(dy.sum(), List.of(x)).get(0);     // 6x = 18
 * }</pre>
 */
public final class Gradients {
    private Gradients() {}

    /** First-order gradients of a scalar {@code target} with respect to each of {@code wrt}. */
    public static List<Tensor> of(Value target, List<Value> wrt) {
        List<Value> g = compute(target, wrt, false);
        List<Tensor> out = new ArrayList<>(g.size());
        for (Value v : g) out.add(v.data());
        return out;
    }

    /** Gradients of a scalar {@code target} that are themselves differentiable (for gradients of gradients). */
    public static List<Value> graph(Value target, List<Value> wrt) {
        return compute(target, wrt, true);
    }

    /**
     * Gradients of a scalar {@code target}; with {@code createGraph} the rules are recorded so the
     * results can be differentiated again, otherwise nothing is recorded (faster, less memory).
     */
    public static List<Value> compute(Value target, List<Value> wrt, boolean createGraph) {
        if (target.data().size() != 1) {
            throw new IllegalArgumentException("gradients need a scalar target, got shape " + Shapes.str(target.shape()) + "; reduce it first, e.g. with sum() or mean()");
        }
        return GradMode.with(createGraph, () -> backward(target, wrt));
    }

    private static List<Value> backward(Value target, List<Value> wrt) {
        Map<Value, Value> grads = new IdentityHashMap<>();
        if (target.requiresGrad()) {
            grads.put(target, Value.constant(Tensor.full(1.0, target.data().dtype(), target.data().shape())));
            List<Value> order = topologicalOrder(target);
            Set<Value> leadsToWrt = leadingTo(order, wrt);
            for (int i = order.size() - 1; i >= 0; i--) {
                Value node = order.get(i);
                Value g = grads.get(node);
                if (g == null || node.op == null) continue;
                boolean[] wanted = new boolean[node.inputs.length];
                for (int k = 0; k < wanted.length; k++) wanted[k] = node.inputs[k].requiresGrad() && leadsToWrt.contains(node.inputs[k]);
                Value[] inputGrads = GradientRules.vectorJacobianProduct(node, g, wanted);
                for (int k = 0; k < node.inputs.length; k++) {
                    Value input = node.inputs[k];
                    if (!wanted[k] || inputGrads[k] == null) continue;
                    Value gk = unbroadcast(inputGrads[k], input.data().shape());
                    grads.merge(input, gk, Value::add);
                }
            }
        }
        List<Value> out = new ArrayList<>(wrt.size());
        for (Value w : wrt) {
            Value g = grads.get(w);
            out.add(g != null ? g : Value.constant(w.data().zerosLike(w.data().shape())));
        }
        return out;
    }

    /**
     * The nodes of {@code order} (inputs before the nodes that use them) from which some value of
     * {@code wrt} can be reached through inputs: only their gradients are needed, so, e.g., a
     * generator step does not compute the discriminator's weight gradients.
     */
    private static Set<Value> leadingTo(List<Value> order, List<Value> wrt) {
        Set<Value> needed = Collections.newSetFromMap(new IdentityHashMap<>());
        needed.addAll(wrt);
        for (Value node : order) {
            for (Value in : node.inputs) {
                if (needed.contains(in)) {
                    needed.add(node);
                    break;
                }
            }
        }
        return needed;
    }

    /** The one place where broadcasting is undone: sum a gradient down to its input's shape. */
    private static Value unbroadcast(Value g, int[] shape) {
        return Arrays.equals(g.data().shape(), shape) ? g : g.sumTo(shape);
    }

    /** Nodes that require gradients, each after all of its inputs, by iterative depth-first search. */
    private static List<Value> topologicalOrder(Value root) {
        List<Value> order = new ArrayList<>();
        Map<Value, Boolean> visited = new IdentityHashMap<>();
        ArrayDeque<Value> nodes = new ArrayDeque<>();
        ArrayDeque<Integer> next = new ArrayDeque<>();
        nodes.push(root);
        next.push(0);
        visited.put(root, Boolean.TRUE);
        while (!nodes.isEmpty()) {
            Value node = nodes.peek();
            int i = next.pop();
            if (i < node.inputs.length) {
                next.push(i + 1);
                Value child = node.inputs[i];
                if (child.requiresGrad() && visited.put(child, Boolean.TRUE) == null) {
                    nodes.push(child);
                    next.push(0);
                }
            } else {
                nodes.pop();
                order.add(node);
            }
        }
        return order;
    }
}
