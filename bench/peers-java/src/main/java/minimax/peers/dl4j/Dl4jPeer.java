package minimax.peers.dl4j;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import minimax.peers.common.Harness;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.blas.Blas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Deeplearning4j (ND4J native CPU backend, OpenBLAS) on W1-W3 (DESIGN.md "Workloads"), float32.
 *
 * <p>W2 follows the DL4J GAN examples: a generator network, a discriminator network, and a combined
 * G+D network whose D layers are {@link FrozenLayerWithBackprop}; D's parameters are copied into the
 * combined network after each D update and G's back out of it after each G update.
 */
public final class Dl4jPeer {
    private Dl4jPeer() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            Harness.writeError("dl4j", args, t);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        Harness h = new Harness("dl4j", args);
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT); // loads the native backend: throws if it cannot
        Blas blas = Nd4j.factory().blas();
        int threads = Nd4j.getEnvironment().maxThreads();
        Properties versions = Harness.buildVersions();
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        h.put("version", versions.getProperty("dl4j.version", "?"));
        h.put("engine", "ND4J " + Nd4j.getBackend().getClass().getSimpleName() + " (nd4j-native linux-x86_64), BLAS "
                + blas.getBlasVendor());
        Map<String, Object> th = new LinkedHashMap<>(Harness.threadEnv());
        th.put("nd4j_max_threads", threads);
        th.put("nd4j_max_master_threads", Nd4j.getEnvironment().maxMasterThreads());
        th.put("blas_max_threads", blas.getMaxThreads());
        th.put("set_by", "OMP_NUM_THREADS env (ND4J's OpenMP pool and OpenBLAS read it)");
        h.put("threads", th);
        Map<String, Object> info = new LinkedHashMap<>();
        for (String k : env.stringPropertyNames()) info.put(k, String.valueOf(env.get(k)));
        h.put("environment", info);

        for (int batch : new int[] {32, 1024}) w1(h, batch, threads);
        for (int batch : new int[] {64, 256}) w2(h, batch, threads);
        int[][] shapes = {{512, 512, 512}, {64, 512, 784}, {1024, 1024, 1024}};
        for (int[] s : shapes) w3(h, s[0], s[1], s[2], threads);
        if (h.wants("W3") && threads != 1) {
            // W3 also at one thread (DESIGN.md: SGEMM at 1 and 2 threads)
            int blasThreads = blas.getMaxThreads();
            blas.setMaxThreads(1);
            Nd4j.getEnvironment().setMaxThreads(1);
            for (int[] s : shapes) w3(h, s[0], s[1], s[2], 1);
            blas.setMaxThreads(blasThreads);
            Nd4j.getEnvironment().setMaxThreads(threads);
        }
        h.note("W1/W2 use MultiLayerNetwork.fit(features, labels) (workspaces ENABLED, the default), one call per"
                + " step. W1: DenseLayer(15->50, sigmoid) + OutputLayer(50->1, sigmoid, MSE), Adam(1e-3, 0.9, 0.999,"
                + " 1e-7). W2 as in the DL4J GAN examples: fake = generator.output(z); discriminator.fit(vstack(real,"
                + " fake), labels 1/0) (OutputLayer sigmoid + XENT = BCE); D params copied into the combined network's"
                + " FrozenLayerWithBackprop layers; combined.fit(z, ones) (non-saturating G loss); G params copied back"
                + " to the generator - the two parameter copies per iteration are part of the DL4J pattern. Adam(2e-4,"
                + " 0.5, 0.999, 1e-7). z and the real batch are fixed. W3: a.mmul(b, c) into a preallocated result"
                + " (OpenBLAS sgemm); the threads=1 rows set OpenBLAS and ND4J to one thread at run time.");
        h.write();
    }

    private static NeuralNetConfiguration.ListBuilder base(double lr, double beta1) {
        return new NeuralNetConfiguration.Builder()
                .seed(42)
                .dataType(DataType.FLOAT)
                .updater(new Adam(lr, beta1, 0.999, 1e-7))
                .weightInit(WeightInit.XAVIER)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
    }

    private static INDArray uniform(long seed, float lo, float hi, int rows, int cols) {
        return Nd4j.create(Harness.uniform(seed, rows * cols, lo, hi), new long[] {rows, cols}, DataType.FLOAT);
    }

    // ---------------------------------------------------------------- W1

    private static void w1(Harness h, int batch, int threads) {
        if (!h.wants("W1")) return;
        MultiLayerConfiguration conf = base(1e-3, 0.9)
                .layer(new DenseLayer.Builder().nIn(15).nOut(50).activation(Activation.SIGMOID).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(50).nOut(1)
                        .activation(Activation.SIGMOID).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray x = uniform(42, -1f, 1f, batch, 15);
        INDArray y = uniform(43, 0f, 1f, batch, 1);
        h.measure("W1", "batch=" + batch, threads, "us/step", Harness.MICROS, () -> net.fit(x, y));
    }

    // ---------------------------------------------------------------- W2

    private static Layer[] genLayers() {
        return new Layer[] {
            new DenseLayer.Builder().nIn(100).nOut(256).activation(new ActivationLReLU(0.2)).build(),
            new DenseLayer.Builder().nIn(256).nOut(512).activation(new ActivationLReLU(0.2)).build(),
            new DenseLayer.Builder().nIn(512).nOut(784).activation(Activation.TANH).build(),
        };
    }

    private static Layer[] disLayers() {
        return new Layer[] {
            new DenseLayer.Builder().nIn(784).nOut(512).activation(new ActivationLReLU(0.2)).build(),
            new DenseLayer.Builder().nIn(512).nOut(256).activation(new ActivationLReLU(0.2)).build(),
            new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(256).nOut(1).activation(Activation.SIGMOID)
                    .build(),
        };
    }

    private static MultiLayerNetwork network(Layer... layers) {
        NeuralNetConfiguration.ListBuilder b = base(2e-4, 0.5);
        for (Layer l : layers) b.layer(l);
        MultiLayerNetwork n = new MultiLayerNetwork(b.build());
        n.init();
        return n;
    }

    private static void w2(Harness h, int batch, int threads) {
        if (!h.wants("W2")) return;
        MultiLayerNetwork gen = network(genLayers());
        MultiLayerNetwork dis = network(disLayers());
        Layer[] d = disLayers();
        Layer[] all = new Layer[6];
        System.arraycopy(genLayers(), 0, all, 0, 3);
        for (int i = 0; i < 3; i++) all[3 + i] = new FrozenLayerWithBackprop(d[i]);
        MultiLayerNetwork gan = network(all);
        // start from the same parameters in both copies
        for (int i = 0; i < 3; i++) gan.getLayer(i).setParams(gen.getLayer(i).params());
        for (int i = 0; i < 3; i++) gan.getLayer(3 + i).setParams(dis.getLayer(i).params());

        INDArray real = uniform(7, -1f, 1f, batch, 784);
        INDArray z = Nd4j.create(Harness.normal(8, batch * 100), new long[] {batch, 100}, DataType.FLOAT);
        INDArray dLabels = Nd4j.vstack(Nd4j.ones(DataType.FLOAT, batch, 1), Nd4j.zeros(DataType.FLOAT, batch, 1));
        INDArray ones = Nd4j.ones(DataType.FLOAT, batch, 1);
        Harness.Op iteration = () -> {
            INDArray fake = gen.output(z);
            dis.fit(Nd4j.vstack(real, fake), dLabels);
            for (int i = 0; i < 3; i++) gan.getLayer(3 + i).setParams(dis.getLayer(i).params());
            gan.fit(z, ones);
            for (int i = 0; i < 3; i++) gen.getLayer(i).setParams(gan.getLayer(i).params());
        };
        if (batch == 64) {
            // sanity: one iteration moves G and D, and the combined network's D copy equals D
            INDArray g0 = gen.params().dup();
            INDArray d0 = dis.params().dup();
            INDArray frozen0 = gan.getLayer(3).params().dup();
            try {
                iteration.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            boolean gMoved = !g0.equals(gen.params());
            boolean dMoved = !d0.equals(dis.params());
            boolean frozenIsD = gan.getLayer(3).params().equals(dis.getLayer(0).params());
            boolean frozenMoved = !frozen0.equals(gan.getLayer(3).params());
            if (!gMoved || !dMoved || !frozenIsD || !frozenMoved) {
                throw new IllegalStateException("W2 sanity check failed: G moved " + gMoved + ", D moved " + dMoved
                        + ", frozen copy equals D " + frozenIsD);
            }
            h.note("W2 sanity: one iteration updates G and D; the combined network's frozen D equals D.");
        }
        h.measure("W2", "batch=" + batch, threads, "ms/iter", Harness.MILLIS, iteration::run);
    }

    // ---------------------------------------------------------------- W3

    private static void w3(Harness h, int m, int n, int k, int threads) {
        if (!h.wants("W3")) return;
        INDArray a = uniform(1, -1f, 1f, m, k);
        INDArray b = uniform(2, -1f, 1f, k, n);
        INDArray c = Nd4j.create(DataType.FLOAT, m, n);
        double flops = 2.0 * m * n * k;
        h.measure("W3", "M=" + m + ",N=" + n + ",K=" + k, threads, "GFLOP/s", Harness.gflops(flops), () -> a.mmul(b, c));
    }
}
