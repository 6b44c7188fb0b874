package minimax.gan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minimax.autodiff.GradMode;
import minimax.autodiff.Value;
import minimax.nn.CallContext;
import minimax.nn.Model;
import minimax.optim.Optimizer;
import minimax.tensor.Rng;
import minimax.tensor.Shapes;
import minimax.tensor.Tensor;
import minimax.tensor.Workspace;

/**
 * Trains a generator against a discriminator. One iteration ({@link #trainStep}) runs the core's
 * training step for the discriminator {@code discriminatorSteps} times, then once for the generator,
 * on the same two models — two players, one engine:
 *
 * <ol>
 *   <li>D step: a real batch; fakes {@code G(z)}, z ~ N(0, 1), computed without recording (detached);
 *       D minimizes {@code loss.discriminatorLoss(D(real), D(fake))} plus the WGAN-GP and R1
 *       penalties if configured, over D's parameters only.</li>
 *   <li>G step: new z; G minimizes {@code loss.generatorLoss(D(G(z)))} over G's parameters only
 *       (maximizes it for {@link GanLoss#MINIMAX}); D's weights are not touched.</li>
 * </ol>
 *
 * <p>Deterministic: step {@code s} draws all its randomness (latents, penalty points, dropout) from
 * {@code mix(seed, s)} and its real batches by draw number, so {@link GanCheckpoint} save → restore
 * continues bit for bit as an uninterrupted run (for a given thread count).
 *
 * <pre>{@code
 * GanTrainer gan = GanTrainer.builder()
 *     .generator(g, new Adam(2e-4, 0.5))
 *     .discriminator(d, new Adam(2e-4, 0.5))
 *     .loss(GanLoss.NON_SATURATING)
 *     .latent(100)
 *     .build();
 * GanHistory h = gan.fit(realData, 10_000, 64);
 * Tensor samples = gan.sample(64);
 * }</pre>
 */
public final class GanTrainer {
    private final Player generator;
    private final Player discriminator;
    private final GanLoss loss;
    private final int latentDim;
    private final int discriminatorSteps;
    private final double r1Gamma;
    private final int r1Every;
    private final double averageDecay;
    private final GeneratorAverage average;
    private final int packing;
    private final long seed;
    private final Rng sampling;
    private final GanHistory history = new GanHistory();
    private long step;

    private GanTrainer(Builder b) {
        this.generator = new Player("generator", b.generator, b.generatorOptimizer);
        this.discriminator = new Player("discriminator", b.discriminator, b.discriminatorOptimizer);
        this.loss = b.loss;
        this.latentDim = b.latentDim;
        this.discriminatorSteps = b.discriminatorSteps;
        this.r1Gamma = b.r1Gamma;
        this.r1Every = b.r1Every;
        this.averageDecay = b.averageDecay;
        this.packing = b.packing;
        this.average = b.averageDecay > 0 ? new GeneratorAverage(b.generator, b.averageDecay) : null;
        this.seed = b.seed;
        this.sampling = new Rng(Rng.mix(b.seed, 0x5A4D_504CL));
    }

    /** A builder; generator, discriminator and latent size are required. */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- training

    /**
     * Runs {@code steps} iterations on real data drawn uniformly with replacement from the rows of
     * {@code realData} {@code [rows, ...]} (see {@link RealSamples#of}).
     */
    public GanHistory fit(Tensor realData, long steps, int batchSize, GanCallback... callbacks) {
        return fit(RealSamples.of(realData, Rng.mix(seed, 0x4441_5441L)), steps, batchSize, callbacks);
    }

    /**
     * Runs {@code steps} more iterations (from {@link #step()}), calling the callbacks after each.
     *
     * @return the whole history of this trainer (also earlier fits and restored checkpoints)
     * @throws minimax.nn.NonFiniteLossException if a loss becomes NaN or infinite (the step's update is skipped)
     */
    public GanHistory fit(RealSamples real, long steps, int batchSize, GanCallback... callbacks) {
        if (steps < 0) throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        if (batchSize % packing != 0) throw new IllegalArgumentException("batchSize must be a multiple of the packing degree " + packing + ", got " + batchSize);
        long end = step + steps;
        for (GanCallback c : callbacks) c.onTrainBegin(this, step, end);
        boolean stop = false;
        while (step < end && !stop) {
            long done = step;
            Map<String, Double> logs = trainStep(real, batchSize);
            for (GanCallback c : callbacks) c.onStepEnd(this, done, logs);
            for (GanCallback c : callbacks) stop |= c.stopRequested();
        }
        for (GanCallback c : callbacks) c.onTrainEnd(this);
        return history;
    }

    /**
     * One iteration: {@code discriminatorSteps} D updates, then one G update; logged in the history.
     * The updates run in a {@link Workspace}: tensors made by the players' layers and losses during
     * the step do not outlive it.
     *
     * @return {@code d_loss} (the last D step's, penalties included), {@code g_loss}, and
     *     {@code penalty} when a gradient penalty was applied in this step (with lazy R1, only on
     *     the steps that apply it, at {@code every} times its average weight; {@code d_loss} then
     *     includes it on those steps only)
     */
    public Map<String, Double> trainStep(RealSamples real, int batchSize) {
        Rng rng = new Rng(Rng.mix(seed, step));
        Map<String, Double> logs = new LinkedHashMap<>();
        // the real batches come first, outside the workspace: the data source is the user's and may keep them
        Tensor[] batches = new Tensor[discriminatorSteps];
        for (int k = 0; k < discriminatorSteps; k++) batches[k] = real.batch(step * discriminatorSteps + k, batchSize);
        try (Workspace scratch = Workspace.open()) {
            for (int k = 0; k < discriminatorSteps; k++) {
                long update = step * discriminatorSteps + k;
                discriminatorStep(batches[k], update % r1Every == 0, rng, logs);
            }
            logs.put("g_loss", (double) generatorStep(batchSize, rng));
        }
        history.put(step, logs);
        step++;
        return logs;
    }

    /** One discriminator update on {@code real}, with R1 if configured and {@code r1Due} (package-visible for tests). */
    void discriminatorStep(Tensor real, boolean r1Due, Rng rng, Map<String, Double> logs) {
        int n = real.dim(0);
        checkRealShape(real);
        Tensor z = latent(n, rng.split());
        CallContext gContext = new CallContext(true, rng.split());
        Tensor fake = GradMode.noGrad(() -> generator.model.call(Value.constant(z), gContext).data());
        CallContext dContext = new CallContext(true, rng.split());
        // with R1 the real batch is a leaf, so that the loss and the penalty share D's forward pass
        boolean r1 = r1Gamma > 0 && r1Due;
        Value realInput = r1 ? Value.leaf(real) : Value.constant(real);
        Value realScores = discriminate(realInput, dContext);
        Value lossValue = loss.discriminatorLoss(realScores, discriminate(fake, dContext));
        Value penalty = penalty(realInput, realScores, r1, fake, dContext, rng.split());
        if (penalty != null) {
            logs.put("penalty", (double) penalty.item());
            lossValue = lossValue.add(penalty);
        }
        logs.put("d_loss", (double) discriminator.step(lossValue, step));
    }

    private Value discriminate(Tensor x, CallContext context) {
        return discriminate(Value.constant(x), context);
    }

    /** D's scores {@code [n / packing, 1]} for samples {@code [n, ...]}: each packed row holds {@code packing} samples side by side. */
    private Value discriminate(Value x, CallContext context) {
        if (packing == 1) return discriminator.model.call(x, context);
        int n = x.shape()[0];
        return discriminator.model.call(x.reshape(n / packing, -1), context);
    }

    /**
     * WGAN-GP and (when {@code r1}) R1 terms, or null when neither applies; R1 reuses D's scores on
     * the real batch and weighs γ·r1Every, so that on average it weighs γ.
     */
    private Value penalty(Value real, Value realScores, boolean r1, Tensor fake, CallContext dContext, Rng rng) {
        Value total = null;
        if (loss.gradientPenaltyWeight() > 0) {
            Tensor eps = Tensor.uniform(rng, 0f, 1f, fake.dim(0));
            total = Penalties.gradientPenalty(x -> discriminate(x, dContext), real.data(), fake, eps, loss.gradientPenaltyWeight());
        }
        if (r1) {
            Value r1Term = Penalties.r1(real, realScores, r1Gamma * r1Every);
            total = total == null ? r1Term : total.add(r1Term);
        }
        return total;
    }

    /** One generator update on {@code n} fresh latents (package-visible for tests). */
    float generatorStep(int n, Rng rng) {
        Tensor z = latent(n, rng.split());
        Value fake = generator.model.call(Value.constant(z), new CallContext(true, rng.split()));
        Value scores = discriminate(fake, new CallContext(true, rng.split()));
        float value = generator.step(loss.generatorLoss(scores), step);
        if (average != null) average.update(step);
        return value;
    }

    private void checkRealShape(Tensor real) {
        int[] expected = generator.model.outputShape();
        int[] got = Arrays.copyOfRange(real.shape(), 1, real.rank());
        if (!Arrays.equals(expected, got)) {
            throw new IllegalArgumentException("real samples must have shape " + Shapes.str(expected) + " per sample (the generator's output), got " + Shapes.str(got));
        }
    }

    // ---------------------------------------------------------------- sampling

    /** Standard normal latent vectors {@code [n, latent]} from {@code rng} (advanced). */
    public Tensor latent(int n, Rng rng) {
        return Tensor.normal(rng, 0f, 1f, n, latentDim);
    }

    /** {@code n} generated samples from the trainer's own sampling stream (not the training one). */
    public Tensor sample(int n) {
        return sample(n, sampling);
    }

    /**
     * {@code n} generated samples {@code G(z)} in inference mode, with z drawn from {@code rng}
     * (advanced); by the averaged generator when {@link Builder#generatorAverage} is on.
     */
    public Tensor sample(int n, Rng rng) {
        Tensor z = latent(n, rng);
        return average == null ? generator.model.predict(z) : average.apply(() -> generator.model.predict(z));
    }

    /**
     * Saves the generator that {@link #sample} uses (the averaged weights when averaging is on) as
     * a model file that {@code Sequential.load} reads, e.g. for {@code minimax sample}.
     */
    public void saveGenerator(Path path) throws IOException {
        if (average == null) {
            generator.model.save(path);
            return;
        }
        IOException[] failure = new IOException[1];
        average.apply(() -> {
            try {
                generator.model.save(path);
            } catch (IOException e) {
                failure[0] = e;
            }
            return null;
        });
        if (failure[0] != null) throw failure[0];
    }

    // ---------------------------------------------------------------- state

    /** Iterations done so far (also restored from a checkpoint). */
    public long step() {
        return step;
    }

    void restoreStep(long s) {
        this.step = s;
    }

    /** Everything logged so far. */
    public GanHistory history() {
        return history;
    }

    public Model generator() {
        return generator.model;
    }

    public Model discriminator() {
        return discriminator.model;
    }

    public Optimizer generatorOptimizer() {
        return generator.optimizer;
    }

    public Optimizer discriminatorOptimizer() {
        return discriminator.optimizer;
    }

    Player generatorPlayer() {
        return generator;
    }

    Player discriminatorPlayer() {
        return discriminator;
    }

    public GanLoss loss() {
        return loss;
    }

    public int latentDim() {
        return latentDim;
    }

    public int discriminatorSteps() {
        return discriminatorSteps;
    }

    public double r1Gamma() {
        return r1Gamma;
    }

    /** R1 is applied on every {@code r1Every()}-th discriminator update (1: every one). */
    public int r1Every() {
        return r1Every;
    }

    /** How many samples the discriminator sees at once (PacGAN's m; 1 = no packing). */
    public int packing() {
        return packing;
    }

    /** The decay β of the generator's weight average, 0 when off. */
    public double generatorAverageDecay() {
        return averageDecay;
    }

    /** The averaged generator weights (live), or null when averaging is off. */
    GeneratorAverage average() {
        return average;
    }

    public long seed() {
        return seed;
    }

    /** Writes a checkpoint (atomically) that {@link #restore} continues from exactly. */
    public void save(Path checkpoint) throws IOException {
        GanCheckpoint.save(this, checkpoint);
    }

    /** Loads weights, optimizer states, step and history from a checkpoint of an identically configured trainer. */
    public void restore(Path checkpoint) throws IOException {
        GanCheckpoint.restore(this, checkpoint);
    }

    // ---------------------------------------------------------------- builder

    /** Collects the players and settings; {@link #build()} checks them together. */
    public static final class Builder {
        private Model generator, discriminator;
        private Optimizer generatorOptimizer, discriminatorOptimizer;
        private GanLoss loss = GanLoss.NON_SATURATING;
        private int latentDim = -1;
        private int discriminatorSteps = 1;
        private double r1Gamma;
        private int r1Every = 1;
        private double averageDecay;
        private int packing = 1;
        private long seed;

        private Builder() {}

        /** The generator {@code [n, latent] → [n, ...]} and its optimizer (set to maximize by {@code build} for {@link GanLoss#MINIMAX}). */
        public Builder generator(Model model, Optimizer optimizer) {
            this.generator = model;
            this.generatorOptimizer = optimizer;
            return this;
        }

        /** The discriminator {@code [n, ...] → [n, 1]} and its own optimizer. */
        public Builder discriminator(Model model, Optimizer optimizer) {
            this.discriminator = model;
            this.discriminatorOptimizer = optimizer;
            return this;
        }

        /** The loss family (default {@link GanLoss#NON_SATURATING}). */
        public Builder loss(GanLoss loss) {
            this.loss = loss;
            return this;
        }

        /** The latent size (required): z ~ N(0, 1) of shape {@code [n, latent]}. */
        public Builder latent(int latentDim) {
            this.latentDim = latentDim;
            return this;
        }

        /** Discriminator updates per generator update (default 1; WGAN-GP's paper uses 5). */
        public Builder discriminatorSteps(int steps) {
            this.discriminatorSteps = steps;
            return this;
        }

        /** One-sided label smoothing of the discriminator's real targets: {@code loss.withLabelSmoothing(s)}. */
        public Builder labelSmoothing(double smoothing) {
            this.loss = loss.withLabelSmoothing(smoothing);
            return this;
        }

        /** Adds the R1 penalty {@code (γ/2)·mean ‖∇D(real)‖²} to the discriminator's loss (γ = 0: off, the default). */
        public Builder r1(double gamma) {
            return r1(gamma, 1);
        }

        /**
         * R1 with lazy regularization (Karras et al. 2020, StyleGAN2): the penalty is added on every
         * {@code every}-th discriminator update only (updates 0, every, 2·every, …), weighted
         * {@code γ·every} so that its average weight stays γ; each skipped update saves the
         * gradient-of-gradient pass.
         *
         * @param gamma γ >= 0 (0: off)
         * @param every >= 1 (1: every update, the same as {@link #r1(double)})
         */
        public Builder r1(double gamma, int every) {
            this.r1Gamma = gamma;
            this.r1Every = every;
            return this;
        }

        /**
         * Keeps an exponential moving average of the generator's weights, {@code ā ← β_t·ā + (1 − β_t)·w}
         * after generator step t (Yazıcı et al. 2019), and samples with it: it smooths out the
         * oscillation of simultaneous training, so samples sit closer to the modes. As TensorFlow's
         * {@code ExponentialMovingAverage} with {@code num_updates}, {@code β_t = min(β, (1 + t) / (10 + t))},
         * so that short runs are not dominated by the initial weights. β = 0 (the default) turns it
         * off; 0.999 is typical.
         */
        public Builder generatorAverage(double decay) {
            this.averageDecay = decay;
            return this;
        }

        /**
         * PacGAN (Lin et al. 2018): the discriminator judges {@code m} samples at once, all real or
         * all fake, concatenated into one input of {@code m × sample size} values; its input layer is
         * built for that. Batches must be multiples of {@code m}. Packing penalizes mode collapse:
         * m samples from a collapsed generator look alike. Default 1 (no packing).
         */
        public Builder packing(int m) {
            this.packing = m;
            return this;
        }

        /** The seed of all training randomness (latents, penalty points, batches, dropout); default 0. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Checks the settings, builds the models if they are not built yet (G from the latent size,
         * D from G's output shape, each with its own seed), and fixes each player's parameters: the
         * model's trainable variables now.
         */
        public GanTrainer build() {
            require(generator != null && generatorOptimizer != null, "a generator and its optimizer: call generator(model, optimizer)");
            require(discriminator != null && discriminatorOptimizer != null, "a discriminator and its optimizer: call discriminator(model, optimizer)");
            require(generator != discriminator, "two different models; got the same model as generator and discriminator");
            require(generatorOptimizer != discriminatorOptimizer, "one optimizer per player (optimizer state is per model); got the same optimizer object twice");
            require(loss != null, "a loss family, got null");
            require(latentDim >= 1, "latent(size) with size >= 1, got " + latentDim);
            require(discriminatorSteps >= 1, "discriminatorSteps >= 1, got " + discriminatorSteps);
            require(r1Gamma >= 0 && Double.isFinite(r1Gamma), "an R1 weight γ that is finite and >= 0, got " + r1Gamma);
            require(r1Every >= 1, "R1 applied every >= 1 discriminator updates, got " + r1Every);
            require(averageDecay >= 0 && averageDecay < 1, "a generator average decay β in [0, 1), got " + averageDecay);
            require(packing >= 1, "a packing degree >= 1, got " + packing);
            require(!discriminatorOptimizer.isMaximizing(), "a minimizing discriminator optimizer; every GAN loss here has the discriminator minimize its loss, remove maximize()");
            require(loss.generatorMaximizes() || !generatorOptimizer.isMaximizing(),
                    "a minimizing generator optimizer for loss " + loss.name() + ", whose generator minimizes; remove maximize(), or use a loss whose generator maximizes (GanLoss.MINIMAX, GanLoss.leastSquaresMaximizing)");
            buildModels();
            if (loss.generatorMaximizes()) generatorOptimizer.maximize();
            return new GanTrainer(this);
        }

        private void buildModels() {
            int[] latentShape = {latentDim};
            if (!generator.isBuilt()) generator.build(latentShape, new Rng(generator.seed()));
            else require(Arrays.equals(generator.inputShape(), latentShape), "a generator taking the latent vector: latent size is " + latentDim + " but the generator expects input " + Shapes.str(generator.inputShape()));
            int[] sampleShape = generator.outputShape();
            int[] dInput = packing == 1 ? sampleShape : new int[] {packing * Shapes.size(sampleShape)};
            String what = packing == 1 ? "the generator's samples " + Shapes.str(sampleShape) : packing + " packed samples " + Shapes.str(dInput);
            if (!discriminator.isBuilt()) discriminator.build(dInput, new Rng(discriminator.seed()));
            else require(Arrays.equals(discriminator.inputShape(), dInput), "a discriminator taking " + what + ", but it expects " + Shapes.str(discriminator.inputShape()));
            require(Arrays.equals(discriminator.outputShape(), new int[] {1}), "a discriminator with one score per sample (output [1]), got output " + Shapes.str(discriminator.outputShape()));
        }

        private static void require(boolean ok, String what) {
            if (!ok) throw new IllegalArgumentException("GanTrainer needs " + what);
        }
    }
}
