package minimax.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import minimax.autodiff.Value;
import minimax.autodiff.Variable;
import minimax.losses.Loss;
import minimax.optim.Optimizer;

/**
 * What {@code compile} fixes: the loss, the optimizer, and which layers were trainable at that
 * moment. The variables this model trains are exactly the weights of those layers (and, for layers
 * already built, only variables that were trainable then) — so freezing a layer afterwards does not
 * change what an already compiled model trains: the classic Keras GAN pattern.
 */
final class Compiled {
    final Loss loss;
    final Optimizer optimizer;
    private final Map<Layer, Boolean> trainableAtCompile = new IdentityHashMap<>();
    private final Map<Variable, Boolean> variableFlagsAtCompile = new IdentityHashMap<>();
    private List<Variable> variables; // resolved once every layer is built
    private List<Value> leaves;       // the variables' graph leaves, in the same order

    Compiled(Loss loss, Optimizer optimizer, List<Layer> leafLayers) {
        this.loss = loss;
        this.optimizer = optimizer;
        for (Layer l : leafLayers) {
            trainableAtCompile.put(l, l.isTrainable());
            for (Variable v : l.weights()) variableFlagsAtCompile.put(v, v.isTrainable());
        }
    }

    /** A compiled state that trains exactly {@code trained} (as restored from a saved model). */
    static Compiled withVariables(Loss loss, Optimizer optimizer, List<Variable> trained) {
        Compiled c = new Compiled(loss, optimizer, List.of());
        c.variables = Collections.unmodifiableList(new ArrayList<>(trained));
        return c;
    }

    /**
     * The graph leaves of {@link #variables}, to take gradients with respect to; cached with them
     * (a variable's leaf changes only when it is assigned, e.g. by {@code setWeights}).
     */
    List<Value> leaves(List<Layer> leafLayers) {
        List<Variable> vs = variables(leafLayers);
        if (leaves == null || leaves.size() != vs.size() || !sameLeaves(vs)) {
            List<Value> ls = new ArrayList<>(vs.size());
            for (Variable v : vs) ls.add(Value.of(v));
            leaves = Collections.unmodifiableList(ls);
        }
        return leaves;
    }

    private boolean sameLeaves(List<Variable> vs) {
        for (int i = 0; i < vs.size(); i++) if (leaves.get(i) != Value.of(vs.get(i))) return false;
        return true;
    }

    /** The variables this compiled model updates, in layer order. */
    List<Variable> variables(List<Layer> leafLayers) {
        if (variables != null) return variables;
        List<Variable> vs = new ArrayList<>();
        boolean allBuilt = true;
        for (Layer l : leafLayers) {
            allBuilt &= l.isBuilt();
            Boolean layerFlag = trainableAtCompile.get(l);
            if (layerFlag == null) layerFlag = l.isTrainable(); // added after compile
            if (!layerFlag) continue;
            for (Variable v : l.weights()) {
                Boolean flag = variableFlagsAtCompile.get(v);
                if (flag == null || flag) vs.add(v); // built after compile: follows its layer
            }
        }
        List<Variable> result = Collections.unmodifiableList(vs);
        if (allBuilt) variables = result;
        return result;
    }
}
