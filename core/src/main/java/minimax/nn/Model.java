package minimax.nn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minimax.autodiff.GradMode;
import minimax.autodiff.Gradients;
import minimax.autodiff.Value;
import minimax.autodiff.Variable;
import minimax.losses.Loss;
import minimax.losses.Losses;
import minimax.optim.Optimizer;
import minimax.optim.Optimizers;
import minimax.tensor.Rng;
import minimax.tensor.Shapes;
import minimax.tensor.Tensor;
import minimax.tensor.Workspace;
import minimax.train.Callback;
import minimax.train.FitLoop;
import minimax.train.History;
import minimax.train.ProgressLogger;

/**
 * A layer made of layers that can be compiled and trained, Keras style: {@code compile},
 * {@code trainOnBatch}, {@code fit}, {@code evaluate}, {@code predict}. A model is itself a layer,
 * so models nest (a GAN's combined model holds the generator and the discriminator).
 *
 * <p>Lifecycle: add layers → {@code compile(loss, optimizer)} → train. Compiling captures which
 * layers are trainable at that moment (see {@link #compile(Loss, Optimizer)}).
 *
 * <p>Randomness is seeded: initial weights come from the model's seed; dropout masks and the
 * shuffling in {@code fit} from the seed and the step or epoch number, so a run resumed from a
 * saved model continues exactly as an uninterrupted one.
 */
public abstract class Model extends Layer {
    private long seed;
    private long steps;                // training steps taken by this model
    private Compiled compiled;
    private boolean checkFinite = true;

    protected Model(String prefix, long seed) {
        super(prefix);
        this.seed = seed;
    }

    @Override
    protected boolean checksItsInput() {
        return false; // the first layer checks, naming itself
    }

    /** The layers directly inside this model, in order. */
    public abstract List<Layer> layers();

    /** All layers that are not models, depth first, in order. */
    public List<Layer> leafLayers() {
        List<Layer> out = new ArrayList<>();
        for (Layer l : layers()) {
            if (l instanceof Model) out.addAll(((Model) l).leafLayers());
            else out.add(l);
        }
        return out;
    }

    /** The seed for initial weights, dropout and shuffling. */
    public long seed() {
        return seed;
    }

    /** Training steps this model has taken (counted by {@code trainOnBatch}, also inside {@code fit}). */
    public long steps() {
        return steps;
    }

    void restoreSteps(long s) {
        this.steps = s;
    }

    @Override
    public List<Variable> weights() {
        List<Variable> out = new ArrayList<>();
        for (Layer l : layers()) out.addAll(l.weights());
        return out;
    }

    @Override
    public void setTrainable(boolean trainable) {
        super.setTrainable(trainable);
        for (Layer l : layers()) l.setTrainable(trainable);
    }

    // ---------------------------------------------------------------- compile

    /**
     * Sets the loss and optimizer and captures what this model trains: the weights of the layers
     * that are trainable now. Freezing a layer later does not change it (recompile to do so).
     *
     * @param loss a built-in ({@link Losses}) or custom loss
     * @param optimizer its state is created on the first step; reuse across models is not advised
     */
    public void compile(Loss loss, Optimizer optimizer) {
        if (loss == null) throw new IllegalArgumentException("compile needs a loss, got null");
        if (optimizer == null) throw new IllegalArgumentException("compile needs an optimizer, got null");
        this.compiled = new Compiled(loss, optimizer, leafLayers());
    }

    /** Compiles with an explicit list of trained variables (used when loading a saved model). */
    void compileWith(Loss loss, Optimizer optimizer, List<Variable> trained) {
        this.compiled = Compiled.withVariables(loss, optimizer, trained);
    }

    /** {@code compile(Losses.get(loss), Optimizers.get(optimizer))}, e.g. {@code compile("mse", "adam")}. */
    public void compile(String loss, String optimizer) {
        compile(Losses.get(loss), Optimizers.get(optimizer));
    }

    /** Compile with a loss name and an optimizer object. */
    public void compile(String loss, Optimizer optimizer) {
        compile(Losses.get(loss), optimizer);
    }

    /** Compile with a loss object and an optimizer name. */
    public void compile(Loss loss, String optimizer) {
        compile(loss, Optimizers.get(optimizer));
    }

    /** True after {@code compile}. */
    public boolean isCompiled() {
        return compiled != null;
    }

    /** The compiled loss, or null. */
    public Loss loss() {
        return compiled == null ? null : compiled.loss;
    }

    /** The compiled optimizer, or null. */
    public Optimizer optimizer() {
        return compiled == null ? null : compiled.optimizer;
    }

    /** The variables a training step of this model updates (what was trainable at compile time). */
    public List<Variable> trainedVariables() {
        return requireCompiled("trainedVariables").variables(leafLayers());
    }

    /** Whether a NaN or infinite loss stops training with {@link NonFiniteLossException} (default on). */
    public void setCheckFinite(boolean on) {
        this.checkFinite = on;
    }

    private Compiled requireCompiled(String what) {
        if (compiled == null) throw new IllegalStateException(what + " needs a compiled model: call compile(loss, optimizer) first (model '" + name() + "')");
        return compiled;
    }

    // ---------------------------------------------------------------- training and inference

    /**
     * One training step on a batch: forward, loss, gradients of the loss with respect to
     * {@link #trainedVariables()}, optimizer update.
     *
     * @param x inputs {@code [n, ...]} (not modified)
     * @param y targets of the model's output shape {@code [n, ...]} (not modified)
     * @return the batch loss, with its natural sign, before the update
     * @throws NonFiniteLossException if the loss is NaN or infinite (no weight is changed)
     */
    public float trainOnBatch(Tensor x, Tensor y) {
        return trainStep(x, y, "");
    }

    private float trainStep(Tensor x, Tensor y, String where) {
        try (Workspace scratch = Workspace.open()) {
            return trainStepInWorkspace(x, y, where);
        }
    }

    /** One update; its tensors come from the open {@link Workspace} and die with the step. */
    private float trainStepInWorkspace(Tensor x, Tensor y, String where) {
        Compiled c = requireCompiled("trainOnBatch");
        checkRows(x, y);
        ensureBuilt(x);
        CallContext context = new CallContext(true, stepRng(steps));
        Value loss = c.loss.compute(Value.constant(y), call(Value.constant(x), context));
        float value = scalarLoss(loss, c);
        if (checkFinite && !Float.isFinite(value)) {
            throw new NonFiniteLossException("loss " + c.loss.name() + " is " + value + " at training step " + steps + where + " of model '" + name()
                    + "'; no weights were updated. Lower the learning rate, check the data for NaN, or guard divisions and logarithms in the loss; "
                    + "setCheckFinite(false) turns this check off", steps);
        }
        List<Layer> layers = leafLayers();
        List<Variable> vars = c.variables(layers);
        List<Tensor> grads = Gradients.of(loss, c.leaves(layers));
        c.optimizer.apply(grads, vars);
        steps++;
        return value;
    }

    /** The loss on a batch without training (dropout off). */
    public float testOnBatch(Tensor x, Tensor y) {
        Compiled c = requireCompiled("testOnBatch");
        checkRows(x, y);
        ensureBuilt(x);
        return GradMode.noGrad(() -> scalarLoss(c.loss.compute(Value.constant(y), call(Value.constant(x), CallContext.inference())), c));
    }

    /** Predictions for a batch, computed in chunks of 256 rows (results do not depend on the chunking). */
    public Tensor predict(Tensor x) {
        return predict(x, 256);
    }

    /** Predictions for {@code x}, computed in chunks of {@code batchSize} rows. */
    public Tensor predict(Tensor x, int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        ensureBuilt(x);
        int n = x.dim(0);
        if (n <= batchSize) return GradMode.noGrad(() -> call(Value.constant(x), CallContext.inference()).data());
        List<Tensor> parts = new ArrayList<>();
        for (int start = 0; start < n; start += batchSize) {
            Tensor part = x.slice(0, start, Math.min(n, start + batchSize));
            parts.add(GradMode.noGrad(() -> call(Value.constant(part), CallContext.inference()).data()));
        }
        return Tensor.concat(0, parts.toArray(new Tensor[0]));
    }

    /** The loss over a data set, in batches of 256, averaged weighting each batch by its size. */
    public float evaluate(Tensor x, Tensor y) {
        return evaluate(x, y, 256);
    }

    /** The loss over a data set, in batches of {@code batchSize}, averaged weighting each batch by its size. */
    public float evaluate(Tensor x, Tensor y, int batchSize) {
        requireCompiled("evaluate");
        checkRows(x, y);
        int n = x.dim(0);
        if (n == 0) throw new IllegalArgumentException("evaluate needs at least one sample, got 0 rows");
        double sum = 0;
        for (int start = 0; start < n; start += batchSize) {
            int end = Math.min(n, start + batchSize);
            sum += (double) testOnBatch(x.slice(0, start, end), y.slice(0, start, end)) * (end - start);
        }
        return (float) (sum / n);
    }

    /** Trains for {@code epochs} over {@code x, y} in shuffled mini-batches; Keras's {@code fit}. */
    public History fit(Tensor x, Tensor y, int epochs, int batchSize) {
        return fit(x, y, new FitOptions().epochs(epochs).batchSize(batchSize));
    }

    /** Trains with the given options; returns per-epoch {@code loss} (and {@code val_loss}). */
    public History fit(Tensor x, Tensor y, FitOptions options) {
        requireCompiled("fit");
        checkRows(x, y);
        int n = x.dim(0);
        if (n == 0) throw new IllegalArgumentException("fit needs at least one sample, got 0 rows");
        if (options.validationX != null) checkRows(options.validationX, options.validationY);
        int batches = (n + options.batchSize - 1) / options.batchSize;
        int[][] order = new int[1][];
        List<Callback> callbacks = new ArrayList<>(options.callbacks);
        if (options.verbose > 0) callbacks.add(new ProgressLogger(System.out));
        FitLoop.Step step = (epoch, b) -> {
            if (b == 0) order[0] = epochOrder(n, epoch, options.shuffle);
            int start = b * options.batchSize, end = Math.min(n, start + options.batchSize);
            int[] idx = Arrays.copyOfRange(order[0], start, end);
            float loss = trainStep(x.rows(idx), y.rows(idx), " (epoch " + (epoch + 1) + ", batch " + (b + 1) + ")");
            return new FitLoop.StepResult(Map.of("loss", (double) loss), end - start);
        };
        FitLoop.EpochEnd validation = epoch -> options.validationX == null ? Map.of()
                : Map.of("val_loss", (double) evaluate(options.validationX, options.validationY));
        return FitLoop.run(options.epochs, options.initialEpoch, batches, step, validation, callbacks);
    }

    private int[] epochOrder(int n, int epoch, boolean shuffle) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        if (shuffle) new Rng(Rng.mix(seed ^ 0x5DEECE66DL, epoch)).shuffle(idx);
        return idx;
    }

    private Rng stepRng(long step) {
        return new Rng(Rng.mix(seed, step));
    }

    private float scalarLoss(Value loss, Compiled c) {
        if (loss.data().size() != 1) {
            throw new IllegalArgumentException("loss " + c.loss.name() + " must return a scalar, got shape " + Shapes.str(loss.shape()) + "; reduce it with mean() or sum()");
        }
        return loss.item();
    }

    private static void checkRows(Tensor x, Tensor y) {
        if (x == null || y == null) throw new IllegalArgumentException("x and y must not be null");
        if (x.rank() == 0 || y.rank() == 0) throw new IllegalArgumentException("x and y need a leading batch axis, got shapes " + Shapes.str(x.shape()) + " and " + Shapes.str(y.shape()));
        if (x.dim(0) != y.dim(0)) throw new IllegalArgumentException("x and y have different numbers of rows: x has " + x.dim(0) + " (shape " + Shapes.str(x.shape()) + "), y has " + y.dim(0) + " (shape " + Shapes.str(y.shape()) + ")");
    }

    /** Builds the model from the first batch if no layer declared an input shape. */
    private void ensureBuilt(Tensor x) {
        if (!isBuilt()) build(Arrays.copyOfRange(x.shape(), 1, x.rank()), new Rng(seed));
    }

    // ---------------------------------------------------------------- weights

    /** Copies of all weights, in Keras order: layer by layer, kernel then bias. */
    public List<Tensor> getWeights() {
        List<Tensor> out = new ArrayList<>();
        for (Variable v : weights()) out.add(v.value().copy());
        return out;
    }

    /**
     * Sets all weights from tensors in {@link #getWeights()} order. Checks every shape before
     * changing anything, so a wrong list leaves the model as it was.
     */
    public void setWeights(List<Tensor> values) {
        List<Variable> vars = weights();
        if (values.size() != vars.size()) throw new IllegalArgumentException("model '" + name() + "' has " + vars.size() + " weight tensors, got " + values.size());
        for (int i = 0; i < vars.size(); i++) {
            if (!Arrays.equals(vars.get(i).shape(), values.get(i).shape())) {
                throw new IllegalArgumentException("weight " + i + " (" + vars.get(i).name() + ") has shape " + Shapes.str(vars.get(i).shape()) + ", got " + Shapes.str(values.get(i).shape()));
            }
        }
        for (int i = 0; i < vars.size(); i++) vars.get(i).assign(values.get(i).toFloat32());
    }

    /** A table of layers, output shapes and parameter counts, and what the compiled model trains. */
    public String summary() {
        return Summary.of(this, compiled == null ? null : compiled.variables(leafLayers()));
    }

    /**
     * Saves architecture, weights, compiled loss and optimizer with its state, and the step count,
     * to one file (written to a temporary file, then renamed).
     */
    public void save(Path path) throws IOException {
        ModelFile.save(this, path);
    }

    // ---------------------------------------------------------------- config

    /** Settings common to models: class, name, seed; subclasses add their layers. */
    @Override
    protected Map<String, Object> baseConfig() {
        Map<String, Object> c = super.baseConfig();
        c.put("seed", seed);
        return c;
    }
}
