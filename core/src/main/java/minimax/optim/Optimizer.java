package minimax.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import minimax.autodiff.Variable;
import minimax.kernels.Elementwise;
import minimax.tensor.DType;
import minimax.tensor.Shapes;
import minimax.tensor.Tensor;

/**
 * Updates variables from their gradients: the shared part of every optimizer (Keras 3's
 * {@code BaseOptimizer}); a subclass adds only its slots ({@link #build}) and its rule
 * ({@link #updateStep}).
 *
 * <p>Lifecycle. The first {@link #apply} builds the per-variable state ("slots", e.g. Adam's moments)
 * for the variables it is given; later calls must pass the same variables in the same order. Each
 * {@code apply} then does, in this order:
 * <ol>
 *   <li>checks everything (list sizes, shapes, float32, finite gradients, the learning rate) and
 *       throws before changing anything if a check fails;</li>
 *   <li>reads the learning rate once: {@code lr = schedule.at(iterations)};</li>
 *   <li><b>maximize</b>: negates each gradient, before anything else sees it (so momentum and Adam
 *       moments see −g, and weight decay still shrinks weights); this is the only place the flag is
 *       read;</li>
 *   <li>clipping, Keras semantics, at most one kind: {@code clipnorm} scales each gradient to an L2
 *       norm of at most {@code clipnorm}, {@code globalClipnorm} scales all gradients together to a
 *       joint norm of at most {@code globalClipnorm}, {@code clipvalue} clamps each element to
 *       {@code [−clipvalue, clipvalue]};</li>
 *   <li>decoupled weight decay as Keras 3 applies it, if {@code weightDecay > 0}:
 *       {@code w ← w − w·weightDecay·lr} (float32, in that order);</li>
 *   <li>the subclass's {@link #updateStep} for each variable;</li>
 *   <li>{@code iterations++}.</li>
 * </ol>
 * Gradients passed in are never modified: when maximize or clipping applies, they are transformed in
 * a buffer the optimizer owns.
 *
 * <p>Numerics: variables, gradients and slots are float32, updated in place through
 * {@link Tensor#floatData()} with no allocation per step once built. Hyperparameters are kept as the
 * doubles they were given (so configs round-trip exactly) and cast to float32 where Keras casts them;
 * each subclass documents its float32 order of operations. A float64 variable (used for gradient
 * checks) is refused with a message, not silently converted.
 *
 * <p>Non-finite gradients: if any gradient holds NaN or an infinity, {@code apply} throws an
 * {@link IllegalArgumentException} naming the variable and index, and nothing is changed (no
 * variable, slot or step count), so the caller can skip the batch or lower the rate.
 *
 * <p>Not thread-safe. One optimizer serves one list of variables; make another for another list.
 */
public abstract class Optimizer {
    private LearningRateSchedule learningRate;
    private boolean maximize;
    private double weightDecay;
    private double clipnorm;       // 0: off (Keras None)
    private double clipvalue;      // 0: off
    private double globalClipnorm; // 0: off
    private long iterations;

    private List<Variable> variables;                       // null until built
    private final LinkedHashMap<String, float[][]> slots = new LinkedHashMap<>();
    private float[][] gradientArrays;                       // what updateStep sees this step
    private float[][] buffers;                              // transformed gradients, allocated on first need

    /**
     * @param learningRate a schedule, or {@link LearningRateSchedule#constant} for a fixed rate
     * @param weightDecay the default decoupled weight decay of this optimizer (0 for none)
     */
    protected Optimizer(LearningRateSchedule learningRate, double weightDecay) {
        this.learningRate = checkSchedule(learningRate);
        this.weightDecay = checkWeightDecay(weightDecay);
    }

    // ---------------------------------------------------------------- what a subclass provides

    /** The optimizer's name in configs and in {@link Optimizers#get}, e.g. {@code "adam"}. */
    public abstract String name();

    /**
     * Creates the slots for {@code variables} with {@link #addSlot}; called once, on the first
     * {@link #apply} or {@link #loadState}.
     */
    protected abstract void build(List<Variable> variables);

    /**
     * Updates one variable in place.
     *
     * @param index the variable's position in the list given to {@link #apply} (index into slots)
     * @param variable the variable's float32 values, modified
     * @param gradient its gradient after maximize and clipping; must not be modified
     * @param learningRate this step's rate, finite and {@code > 0}
     */
    protected abstract void updateStep(int index, float[] variable, float[] gradient, float learningRate);

    /** Adds this optimizer's hyperparameters to {@code config} (called by {@link #config()}). */
    protected abstract void addConfig(Map<String, Object> config);

    /**
     * Creates a slot named {@code name} holding, for each variable, a float32 array of its size filled
     * with {@code initialValue}. Slots are saved by {@link #state} in the order they are added.
     *
     * @return the arrays, indexed like the variables; the subclass keeps and updates them in place
     */
    protected final float[][] addSlot(String name, float initialValue) {
        if (slots.containsKey(name)) throw new IllegalStateException("slot " + name + " added twice");
        float[][] arrays = new float[variables.size()][];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = new float[variables.get(i).value().size()];
            if (initialValue != 0f) Arrays.fill(arrays[i], initialValue);
        }
        slots.put(name, arrays);
        return arrays;
    }

    // ---------------------------------------------------------------- the step

    /**
     * One update of {@code variables} from {@code gradients} (see the class comment for the order of
     * the parts). An empty list is a no-op, as in Keras.
     *
     * @param gradients one float32 gradient per variable, of its shape; not modified
     * @param variables the variables to update in place; the same list (same order) on every call
     * @throws IllegalArgumentException on a size, shape, type, variable-list or learning-rate mismatch,
     *         or a non-finite gradient; nothing is changed then
     */
    public void apply(List<Tensor> gradients, List<Variable> variables) {
        checkArguments(gradients, variables);
        if (variables.isEmpty()) return;
        float lr = currentLearningRate();
        checkFinite(gradients, variables);
        if (this.variables == null) buildFor(variables);

        float[][] g = transformedGradients(gradients);
        if (weightDecay > 0) {
            float wd = (float) weightDecay;
            for (Variable v : variables) {
                float[] w = v.value().floatData();
                for (int k = 0; k < w.length; k++) w[k] -= w[k] * wd * lr;
            }
        }
        for (int i = 0; i < g.length; i++) updateStep(i, variables.get(i).value().floatData(), g[i], lr);
        iterations++;
    }

    /** Step 3 and 4 of {@link #apply}: the one place where maximize acts, then clipping. */
    private float[][] transformedGradients(List<Tensor> gradients) {
        int n = gradients.size();
        boolean clip = clipnorm > 0 || clipvalue > 0 || globalClipnorm > 0;
        if (!maximize && !clip) {
            for (int i = 0; i < n; i++) gradientArrays[i] = gradients.get(i).floatData();
            return gradientArrays;
        }
        if (buffers == null) {
            buffers = new float[n][];
            for (int i = 0; i < n; i++) buffers[i] = new float[gradients.get(i).size()];
        }
        for (int i = 0; i < n; i++) {
            float[] src = gradients.get(i).floatData(), dst = buffers[i];
            if (maximize) for (int k = 0; k < src.length; k++) dst[k] = -src[k];
            else System.arraycopy(src, 0, dst, 0, src.length);
        }
        // Keras applies exactly one kind, in this precedence; the setters allow only one anyway.
        if (clipnorm > 0) for (float[] b : buffers) Clipping.byNorm(b, (float) clipnorm);
        else if (globalClipnorm > 0) Clipping.byGlobalNorm(buffers, globalClipnorm);
        else if (clipvalue > 0) for (float[] b : buffers) Clipping.byValue(b, (float) clipvalue);
        return buffers;
    }

    private void buildFor(List<Variable> variables) {
        this.variables = Collections.unmodifiableList(new ArrayList<>(variables));
        this.gradientArrays = new float[variables.size()][];
        build(this.variables);
    }

    private void checkArguments(List<Tensor> gradients, List<Variable> variables) {
        if (gradients.size() != variables.size()) {
            throw new IllegalArgumentException(name() + ": got " + gradients.size() + " gradients for " + variables.size() + " variables; pass one gradient per variable, in the same order");
        }
        checkSameVariables(variables);
        for (int i = 0; i < variables.size(); i++) {
            Variable v = variables.get(i);
            Tensor g = gradients.get(i), w = v.value();
            if (!sameShape(g, w)) {
                throw new IllegalArgumentException(name() + ": gradient " + i + " has shape " + Shapes.str(g.shape()) + " but variable " + v.name() + " has shape " + Shapes.str(w.shape()));
            }
            if (w.dtype() != DType.FLOAT32) {
                throw new IllegalArgumentException(name() + " updates float32 variables in place; variable " + v.name() + " holds " + w.dtype()
                        + " (float64 is for gradient checks): v.assign(v.value().toFloat32()) before training");
            }
            if (g.dtype() != DType.FLOAT32) {
                throw new IllegalArgumentException(name() + ": gradient " + i + " for variable " + v.name() + " is " + g.dtype() + ", expected FLOAT32 like the variable");
            }
        }
    }

    /** After building, only the variables it was built for, in that order (Keras's rule). */
    private void checkSameVariables(List<Variable> given) {
        if (variables == null) return;
        boolean same = given.size() == variables.size();
        for (int i = 0; same && i < given.size(); i++) same = given.get(i) == variables.get(i);
        if (!same) {
            throw new IllegalArgumentException(name() + " was built for " + variables.size() + " variables " + names(variables) + " and cannot update "
                    + given.size() + " variables " + names(given) + "; use one optimizer per list of variables, in the same order on every call");
        }
    }

    private static boolean sameShape(Tensor a, Tensor b) {
        if (a.rank() != b.rank()) return false;
        for (int d = 0; d < a.rank(); d++) if (a.dim(d) != b.dim(d)) return false;
        return true;
    }

    private void checkFinite(List<Tensor> gradients, List<Variable> variables) {
        for (int i = 0; i < gradients.size(); i++) {
            float[] g = gradients.get(i).floatData();
            if (Elementwise.allFinite(g)) continue;
            for (int k = 0; k < g.length; k++) {
                if (!Float.isFinite(g[k])) {
                    throw new IllegalArgumentException(name() + ": the gradient of variable " + variables.get(i).name() + " is " + g[k] + " at flat index " + k
                            + " (update " + iterations + "); nothing was updated. Check the loss for log(0), division by zero or overflow, or lower the learning rate");
                }
            }
        }
    }

    private static String names(List<Variable> vs) {
        List<String> out = new ArrayList<>();
        for (Variable v : vs) out.add(v.name());
        return out.toString();
    }

    // ---------------------------------------------------------------- settings

    /**
     * Makes this optimizer ascend: every gradient is negated before anything else sees it, so
     * {@code maximize} with gradients {@code g} follows exactly (bit for bit) the path of minimizing
     * with {@code −g}, and weight decay still shrinks weights. Returns this optimizer for chaining.
     */
    public Optimizer maximize() {
        maximize = true;
        return this;
    }

    /** True if {@link #maximize()} was called. */
    public boolean isMaximizing() {
        return maximize;
    }

    /** The rate the next step will use: {@code schedule.at(iterations())}. */
    public float learningRate() {
        return currentLearningRate();
    }

    /** The learning-rate schedule (a constant one for a fixed rate). */
    public LearningRateSchedule learningRateSchedule() {
        return learningRate;
    }

    /** Sets a fixed learning rate, finite and {@code > 0} (see {@link LearningRateSchedule#constant}). */
    public Optimizer learningRate(double learningRate) {
        return learningRate(LearningRateSchedule.constant(learningRate));
    }

    /** Sets the learning rate to a schedule of the step count. */
    public Optimizer learningRate(LearningRateSchedule schedule) {
        this.learningRate = checkSchedule(schedule);
        return this;
    }

    private static LearningRateSchedule checkSchedule(LearningRateSchedule schedule) {
        if (schedule == null) throw new IllegalArgumentException("learning-rate schedule must not be null");
        return schedule;
    }

    private float currentLearningRate() {
        if (learningRate instanceof ConstantLearningRate) return learningRate.at(iterations);
        return LearningRates.check(learningRate.at(iterations), "learning rate from the schedule at step " + iterations);
    }

    /** Updates applied so far. */
    public long iterations() {
        return iterations;
    }

    /** The decoupled weight decay (0: none). */
    public double weightDecay() {
        return weightDecay;
    }

    /**
     * Sets decoupled weight decay, applied before each update as {@code w ← w − w·weightDecay·lr}
     * (Keras 3; Loshchilov and Hutter, "Decoupled Weight Decay Regularization", 2019).
     *
     * @param weightDecay finite and {@code >= 0}; 0 turns it off
     */
    public Optimizer weightDecay(double weightDecay) {
        this.weightDecay = checkWeightDecay(weightDecay);
        return this;
    }

    private static double checkWeightDecay(double weightDecay) {
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be a finite number >= 0, got " + weightDecay + " (a negative decay would grow the weights)");
        }
        return weightDecay;
    }

    /** The per-variable gradient norm limit (0: off). */
    public double clipnorm() {
        return clipnorm;
    }

    /**
     * Clips each variable's gradient to an L2 norm of at most {@code clipnorm}:
     * {@code g ← g·clipnorm / max(‖g‖, clipnorm)}. Only one of clipnorm, clipvalue and
     * globalClipnorm can be set (Keras).
     */
    public Optimizer clipnorm(double clipnorm) {
        this.clipnorm = checkClip("clipnorm", clipnorm);
        return this;
    }

    /** The element-wise gradient limit (0: off). */
    public double clipvalue() {
        return clipvalue;
    }

    /**
     * Clamps each gradient element to {@code [−clipvalue, clipvalue]}. Only one of clipnorm, clipvalue
     * and globalClipnorm can be set (Keras).
     */
    public Optimizer clipvalue(double clipvalue) {
        this.clipvalue = checkClip("clipvalue", clipvalue);
        return this;
    }

    /** The joint gradient norm limit (0: off). */
    public double globalClipnorm() {
        return globalClipnorm;
    }

    /**
     * Scales all gradients together so that their joint L2 norm {@code √(Σ‖g_i‖²)} is at most
     * {@code globalClipnorm}: {@code g ← g·globalClipnorm·min(1/norm, 1/globalClipnorm)}. Only one of
     * clipnorm, clipvalue and globalClipnorm can be set (Keras).
     */
    public Optimizer globalClipnorm(double globalClipnorm) {
        this.globalClipnorm = checkClip("globalClipnorm", globalClipnorm);
        return this;
    }

    private double checkClip(String which, double value) {
        if (!(value > 0) || Double.isInfinite(value)) throw new IllegalArgumentException(which + " must be a finite number > 0, got " + value);
        String[] names = {"clipnorm", "clipvalue", "globalClipnorm"};
        double[] values = {clipnorm, clipvalue, globalClipnorm};
        for (int i = 0; i < names.length; i++) {
            if (!names[i].equals(which) && values[i] > 0) {
                throw new IllegalArgumentException("only one of clipnorm, clipvalue and globalClipnorm can be set (as in Keras); " + names[i] + " is already " + values[i] + ", cannot also set " + which);
            }
        }
        return value;
    }

    // ---------------------------------------------------------------- saving and resuming

    /**
     * The settings needed to rebuild this optimizer with {@link Optimizers#fromConfig}: name,
     * learning rate (a number, a schedule's config, or {@code "custom"} for a lambda), maximize,
     * weight decay, the clipping that is set, and the subclass's hyperparameters. Values are Strings,
     * Booleans, Doubles, Longs and nested maps, in a fixed order. It holds no step count or slots
     * (see {@link #state}).
     */
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name());
        if (learningRate instanceof ConstantLearningRate) c.put("learning_rate", ((ConstantLearningRate) learningRate).value);
        else c.put("learning_rate", learningRate.config() != null ? learningRate.config() : "custom");
        c.put("maximize", maximize);
        c.put("weight_decay", weightDecay);
        if (clipnorm > 0) c.put("clipnorm", clipnorm);
        if (clipvalue > 0) c.put("clipvalue", clipvalue);
        if (globalClipnorm > 0) c.put("global_clipnorm", globalClipnorm);
        addConfig(c);
        return c;
    }

    /**
     * The training state, for an exact resume: {@code "iterations"} (a float64 scalar, exact to
     * 2^53), then each slot for each variable, named {@code "<slot>/<index>"} with {@code index} the
     * variable's position in {@code variables} (e.g. {@code "m/0", "m/1", "v/0", "v/1"} for Adam), in
     * the order the slots were added. The tensors are float32 copies of the variables' shapes. Before
     * the first step only {@code "iterations"} is present.
     *
     * @param variables the list this optimizer updates (checked, not modified)
     */
    public LinkedHashMap<String, Tensor> state(List<Variable> variables) {
        checkSameVariables(variables);
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        out.put("iterations", Tensor.scalar(iterations, DType.FLOAT64));
        if (this.variables == null) return out;
        for (Map.Entry<String, float[][]> slot : slots.entrySet()) {
            for (int i = 0; i < slot.getValue().length; i++) {
                out.put(slot.getKey() + "/" + i, Tensor.of(slot.getValue()[i], variables.get(i).shape()));
            }
        }
        return out;
    }

    /**
     * Restores a {@link #state} so that training continues bit for bit as if uninterrupted. On an
     * optimizer that has not stepped yet, builds the slots for {@code variables} first. Every slot of
     * this optimizer must be present with the variable's shape; unknown names are refused.
     *
     * @param state as returned by {@link #state} (not modified; values are copied)
     * @param variables the variables to train, in the order the state was saved with
     * @throws IllegalArgumentException naming the missing, unexpected or mis-shaped entry
     */
    public void loadState(Map<String, Tensor> state, List<Variable> variables) {
        checkSameVariables(variables);
        Tensor it = state.get("iterations");
        if (it == null || it.size() != 1) throw new IllegalArgumentException(name() + " state needs a scalar 'iterations', got " + it);
        double steps = it.getFlat(0);
        if (!(steps >= 0) || steps != Math.rint(steps)) throw new IllegalArgumentException(name() + " state has iterations " + steps + ", expected a whole number >= 0");
        if (state.size() > 1 || this.variables != null) {
            if (this.variables == null) buildFor(variables);
            Set<String> expected = new HashSet<>();
            expected.add("iterations");
            for (Map.Entry<String, float[][]> slot : slots.entrySet()) {
                for (int i = 0; i < slot.getValue().length; i++) expected.add(slot.getKey() + "/" + i);
            }
            for (String key : state.keySet()) {
                if (!expected.contains(key)) {
                    throw new IllegalArgumentException(name() + " state has an unexpected entry '" + key + "'; this optimizer has slots " + slots.keySet()
                            + " for " + variables.size() + " variables (was the state saved from another optimizer or variable list?)");
                }
            }
            for (Map.Entry<String, float[][]> slot : slots.entrySet()) {
                for (int i = 0; i < slot.getValue().length; i++) {
                    String key = slot.getKey() + "/" + i;
                    Tensor t = state.get(key);
                    if (t == null) throw new IllegalArgumentException(name() + " state lacks '" + key + "' (slot " + slot.getKey() + " of variable " + variables.get(i).name() + ")");
                    if (t.dtype() != DType.FLOAT32 || !sameShape(t, variables.get(i).value())) {
                        throw new IllegalArgumentException(name() + " state '" + key + "' is " + t.dtype() + " " + Shapes.str(t.shape()) + ", expected FLOAT32 "
                                + Shapes.str(variables.get(i).shape()) + " like variable " + variables.get(i).name());
                    }
                }
            }
            for (Map.Entry<String, float[][]> slot : slots.entrySet()) {
                for (int i = 0; i < slot.getValue().length; i++) {
                    float[] src = state.get(slot.getKey() + "/" + i).floatData();
                    System.arraycopy(src, 0, slot.getValue()[i], 0, src.length);
                }
            }
        }
        iterations = (long) steps;
    }

    /** Applies the settings every optimizer shares from a config (used by {@link Optimizers#fromConfig}). */
    void applyBaseConfig(boolean maximize, double weightDecay, double clipnorm, double clipvalue, double globalClipnorm) {
        if (maximize) maximize();
        weightDecay(weightDecay);
        if (clipnorm > 0) clipnorm(clipnorm);
        if (clipvalue > 0) clipvalue(clipvalue);
        if (globalClipnorm > 0) globalClipnorm(globalClipnorm);
    }

    @Override
    public String toString() {
        return config().toString();
    }
}
