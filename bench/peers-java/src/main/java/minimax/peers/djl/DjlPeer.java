package minimax.peers.djl;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;
import minimax.peers.common.Harness;

/**
 * DJL (PyTorch engine) on W1-W3 (DESIGN.md "Workloads"), float32, CPU.
 *
 * <p>Run with {@code -Dai.djl.offline=true}: libtorch then comes from the pytorch-native-cpu jar on
 * the classpath (extracted once into DJL's cache), never from the network. run.sh sets this and the
 * thread properties.
 */
public final class DjlPeer {
    private DjlPeer() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            Harness.writeError("djl", args, t);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        // offline unless told otherwise: DJL must use the native jar, not download libtorch
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        Harness h = new Harness("djl", args);
        Engine engine = Engine.getEngine("PyTorch"); // loads libtorch: throws if it cannot
        int threads = JniUtils.getNumThreads();
        h.put("version", Engine.getDjlVersion());
        h.put("engine", "PyTorch " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + ", pytorch-native-cpu "
                + Harness.buildVersions().getProperty("pytorch.version", "?") + " linux-x86_64)");
        Map<String, Object> th = new LinkedHashMap<>(Harness.threadEnv());
        th.put("torch_intra_op_threads", threads);
        th.put("torch_inter_op_threads", JniUtils.getNumInteropThreads());
        th.put("set_by", "OMP_NUM_THREADS env and -Dai.djl.pytorch.num_threads / num_interop_threads");
        h.put("threads", th);
        h.put("offline", System.getProperty("ai.djl.offline"));
        h.put("device", Device.cpu().toString());

        try (NDManager root = NDManager.newBaseManager(Device.cpu())) {
            for (int batch : new int[] {32, 1024}) {
                w1(h, root, batch, threads);
            }
            for (int batch : new int[] {64, 256}) {
                w2(h, root, batch, threads);
            }
            int[][] shapes = {{512, 512, 512}, {64, 512, 784}, {1024, 1024, 1024}};
            for (int[] s : shapes) w3(h, root, s[0], s[1], s[2], threads);
            // W3 also at one thread (DESIGN.md: SGEMM at 1 and 2 threads)
            if (threads != 1) {
                JniUtils.setNumThreads(1);
                for (int[] s : shapes) w3(h, root, s[0], s[1], s[2], 1);
                JniUtils.setNumThreads(threads);
            }
        }
        h.note("W1/W2 use DJL's Trainer API: trainer.forward + Loss inside a GradientCollector, backward, trainer.step()"
                + " (Adam through DJL's PyTorch adamUpdate); each step's temporaries live in a sub-NDManager closed"
                + " after the step. W1 loss: Loss.l2Loss(weight 1) = mean squared error. W1 Adam eps 1e-7; W2 Adam"
                + " eps 1e-7 too (DJL default 1e-8). W2 follows Minimax's W2 exactly: fake = G(z) without gradient,"
                + " one D step on concat(real, fake) with labels 1/0 (BCE from sigmoid output,"
                + " Loss.sigmoidBinaryCrossEntropyLoss(fromSigmoid=true)), then one G step through D with D's"
                + " parameters frozen (Block.freezeParameters) and labels 1 - G's forward runs twice per iteration,"
                + " as in Minimax's Keras-style loop. z and the real batch are fixed tensors. W3: a.matMul(b), result"
                + " allocated and closed per call.");
        h.write();
    }

    // ---------------------------------------------------------------- W1

    private static void w1(Harness h, NDManager root, int batch, int threads) throws Exception {
        SequentialBlock net = new SequentialBlock()
                .add(Linear.builder().setUnits(50).build())
                .add(Activation.sigmoidBlock())
                .add(Linear.builder().setUnits(1).build())
                .add(Activation.sigmoidBlock());
        try (Model model = Model.newInstance("w1-" + batch, Device.cpu())) {
            model.setBlock(net);
            Optimizer adam = Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed(1e-3f))
                    .optEpsilon(1e-7f)
                    .build();
            DefaultTrainingConfig cfg = new DefaultTrainingConfig(Loss.l2Loss("mse", 1f)).optOptimizer(adam)
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(cfg); NDManager data = root.newSubManager()) {
                trainer.initialize(new Shape(batch, 15));
                NDArray x = data.create(Harness.uniform(42, batch * 15, -1f, 1f), new Shape(batch, 15));
                NDArray y = data.create(Harness.uniform(43, batch, 0f, 1f), new Shape(batch, 1));
                h.measure("W1", "batch=" + batch, threads, "us/step", Harness.MICROS, () -> {
                    try (NDManager step = data.newSubManager()) {
                        x.tempAttach(step);
                        y.tempAttach(step);
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDList pred = trainer.forward(new NDList(x));
                            NDArray loss = trainer.getLoss().evaluate(new NDList(y), pred);
                            gc.backward(loss);
                        }
                        trainer.step();
                    }
                });
            }
        }
    }

    // ---------------------------------------------------------------- W2

    private static SequentialBlock generator() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(256).build()).add(Activation.leakyReluBlock(0.2f))
                .add(Linear.builder().setUnits(512).build()).add(Activation.leakyReluBlock(0.2f))
                .add(Linear.builder().setUnits(784).build()).add(Activation.tanhBlock());
    }

    private static SequentialBlock discriminator() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(512).build()).add(Activation.leakyReluBlock(0.2f))
                .add(Linear.builder().setUnits(256).build()).add(Activation.leakyReluBlock(0.2f))
                .add(Linear.builder().setUnits(1).build()).add(Activation.sigmoidBlock());
    }

    private static Trainer ganTrainer(Model model) {
        Optimizer adam = Optimizer.adam()
                .optLearningRateTracker(Tracker.fixed(2e-4f))
                .optBeta1(0.5f)
                .optEpsilon(1e-7f)
                .build();
        DefaultTrainingConfig cfg = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss("bce", 1f, true))
                .optOptimizer(adam)
                .optDevices(new Device[] {Device.cpu()});
        return model.newTrainer(cfg);
    }

    private static void w2(Harness h, NDManager root, int batch, int threads) throws Exception {
        SequentialBlock gBlock = generator();
        SequentialBlock dBlock = discriminator();
        try (Model g = Model.newInstance("G", Device.cpu()); Model d = Model.newInstance("D", Device.cpu())) {
            g.setBlock(gBlock);
            d.setBlock(dBlock);
            try (Trainer gt = ganTrainer(g); Trainer dt = ganTrainer(d); NDManager data = root.newSubManager()) {
                gt.initialize(new Shape(batch, 100));
                dt.initialize(new Shape(2L * batch, 784));
                NDArray real = data.create(Harness.uniform(7, batch * 784, -1f, 1f), new Shape(batch, 784));
                NDArray z = data.create(Harness.normal(8, batch * 100), new Shape(batch, 100));
                NDArray dLabels = NDArrays.concat(new NDList(data.ones(new Shape(batch, 1)), data.zeros(new Shape(batch, 1))));
                NDArray ones = data.ones(new Shape(batch, 1));
                Harness.Op iteration = () -> {
                    try (NDManager step = data.newSubManager()) {
                        real.tempAttach(step);
                        z.tempAttach(step);
                        dLabels.tempAttach(step);
                        ones.tempAttach(step);
                        // D step on real (label 1) and fake (label 0)
                        NDArray fake = gt.evaluate(new NDList(z)).singletonOrThrow().stopGradient();
                        NDArray both = NDArrays.concat(new NDList(real, fake));
                        try (GradientCollector gc = dt.newGradientCollector()) {
                            NDList p = dt.forward(new NDList(both));
                            gc.backward(dt.getLoss().evaluate(new NDList(dLabels), p));
                        }
                        dt.step();
                        // non-saturating G step through the frozen D
                        dBlock.freezeParameters(true);
                        try {
                            try (GradientCollector gc = gt.newGradientCollector()) {
                                NDList gen = gt.forward(new NDList(z));
                                NDList p = dt.forward(gen);
                                gc.backward(gt.getLoss().evaluate(new NDList(ones), p));
                            }
                            gt.step();
                        } finally {
                            dBlock.freezeParameters(false);
                        }
                    }
                };
                if (batch == 64) sanityW2(h, gBlock, dBlock, iteration);
                h.measure("W2", "batch=" + batch, threads, "ms/iter", Harness.MILLIS, iteration);
            }
        }
    }

    /** One iteration must change both G and D, and the G step must leave D alone. */
    private static void sanityW2(Harness h, SequentialBlock g, SequentialBlock d, Harness.Op iteration) throws Exception {
        float[] g0 = firstWeights(g);
        float[] d0 = firstWeights(d);
        iteration.run();
        float[] g1 = firstWeights(g);
        float[] d1 = firstWeights(d);
        boolean gMoved = !java.util.Arrays.equals(g0, g1);
        boolean dMoved = !java.util.Arrays.equals(d0, d1);
        // D's gradient is zeroed by its Adam update; a frozen D collects none in the G step
        double dGrad = 0;
        for (Pair<String, Parameter> p : d.getParameters()) {
            NDArray w = p.getValue().getArray();
            if (w.hasGradient()) dGrad += w.getGradient().abs().sum().getFloat();
        }
        if (!gMoved || !dMoved || dGrad != 0) {
            throw new IllegalStateException("W2 sanity check failed: G changed " + gMoved + ", D changed " + dMoved
                    + ", |D grad| after the G step " + dGrad);
        }
        h.note("W2 sanity: one iteration updates both G and D, and the G step leaves no gradient in D.");
    }

    private static float[] firstWeights(SequentialBlock b) {
        for (Pair<String, Parameter> p : b.getParameters()) {
            if (p.getValue().getType() == Parameter.Type.WEIGHT) return p.getValue().getArray().toFloatArray();
        }
        throw new IllegalStateException("no weight");
    }

    // ---------------------------------------------------------------- W3

    private static void w3(Harness h, NDManager root, int m, int n, int k, int threads) {
        try (NDManager data = root.newSubManager()) {
            NDArray a = data.create(Harness.uniform(1, m * k, -1f, 1f), new Shape(m, k));
            NDArray b = data.create(Harness.uniform(2, k * n, -1f, 1f), new Shape(k, n));
            double flops = 2.0 * m * n * k;
            h.measure("W3", "M=" + m + ",N=" + n + ",K=" + k, threads, "GFLOP/s", Harness.gflops(flops), () -> {
                try (NDArray c = a.matMul(b)) {
                    if (c.getShape().get(0) != m) throw new IllegalStateException("bad shape");
                }
            });
        }
    }
}
