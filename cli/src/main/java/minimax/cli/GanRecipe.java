package minimax.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import minimax.gan.GanLoss;
import minimax.nn.Layer;
import minimax.nn.Dense;
import minimax.nn.LeakyReLU;
import minimax.nn.Sequential;
import minimax.optim.Adam;
import minimax.optim.ExponentialDecay;
import minimax.optim.Optimizer;

/**
 * The default players and settings of {@code minimax gan} for a kind of data, chosen by measurement
 * (see the README's quality table).
 *
 * <ul>
 *   <li>Ring and grid: G {@code z(2) → 64 → 64 → 64 → 2} (ReLU), D {@code 2 → 128 → 128 → 128 → 1}
 *       on the ring and {@code 2 → 128 → 128 → 1} on the grid (LeakyReLU 0.2, a logit; on the grid's
 *       four weakest seeds the shallower D was as sharp, 96.0–97.3 % against 95.2–97.2 %, in about
 *       two thirds of the time), non-saturating loss on logits, Adam 2e-3 with β1 = 0.5 decaying
 *       exponentially to a tenth over the run, batch 256, samples drawn from a generator weight
 *       average (β = 0.999: without it 2 of 10 ring seeds stopped under 97 % high quality, with it
 *       1); 12,000 steps on the ring. The grid adds an R1 penalty (γ = 0.1), which kept all 25
 *       modes where plain training dropped some (on the ring R1 only blurred the modes), applied
 *       lazily on every 4th discriminator update with weight 4γ (StyleGAN2's trick: about half the
 *       time per step, and sharper modes on the two seeds that fell short with R1 on every
 *       update), and runs 20,000 steps (at 15,000 those two seeds stayed at 94.2–94.5 %).</li>
 *   <li>Images: the W2 MLP GAN — G {@code 100 → 256 → 512 → 784} (LeakyReLU 0.2, tanh), D
 *       {@code 784 → 512 → 256 → 1} (LeakyReLU 0.2, sigmoid), non-saturating BCE, Adam 2e-4, β1 0.5.</li>
 * </ul>
 */
record GanRecipe(String name, int latent, int generatorWidth, int generatorDepth, int discriminatorWidth, int discriminatorDepth, long steps, int batch, double learningRate, double finalRateFraction, double r1, int r1Every, double average, String defaultLoss) {
    /** The recipe for a {@code --dataset} value: the 2-D one for {@code ring} and {@code grid}, W2 for images. */
    static GanRecipe forDataset(String dataset) {
        if (dataset.equals("ring")) return new GanRecipe("mlp-2d", 2, 64, 3, 128, 3, 12000, 256, 2e-3, 0.1, 0, 1, 0.999, "non-saturating");
        if (dataset.equals("grid")) return new GanRecipe("mlp-2d", 2, 64, 3, 128, 2, 20000, 256, 2e-3, 0.1, 0.1, 4, 0.999, "non-saturating");
        return new GanRecipe("mlp-w2", 100, 256, 2, 512, 2, 20000, 64, 2e-4, 1.0, 0, 1, 0, "non-saturating");
    }

    /** This recipe with another 2-D discriminator ({@code depth} hidden layers of {@code width}), e.g. the one a saved run was made with. */
    GanRecipe withDiscriminator(int width, int depth) {
        return new GanRecipe(name, latent, generatorWidth, generatorDepth, width, depth, steps, batch, learningRate, finalRateFraction, r1, r1Every, average, defaultLoss);
    }

    /** A fresh generator for samples of {@code sampleSize} values, its layers named {@code generator_<i>_<kind>}. */
    Sequential generator(long seed, int sampleSize) {
        List<Layer> layers = new ArrayList<>();
        if (name.equals("mlp-w2")) {
            layers.add(new Dense(256, "linear", latent));
            layers.add(new LeakyReLU(0.2f));
            layers.add(new Dense(512));
            layers.add(new LeakyReLU(0.2f));
            layers.add(new Dense(sampleSize, "tanh"));
        } else {
            layers.add(new Dense(generatorWidth, "relu", latent));
            for (int i = 1; i < generatorDepth; i++) layers.add(new Dense(generatorWidth, "relu"));
            layers.add(new Dense(sampleSize));
        }
        return named(seed, "generator", layers);
    }

    /** A fresh discriminator; its output is a probability for BCE losses read as such, a raw score otherwise. */
    Sequential discriminator(long seed, int sampleSize, GanLoss loss) {
        List<Layer> layers = new ArrayList<>();
        int[] widths = name.equals("mlp-w2") ? new int[] {512, 256} : repeat(discriminatorWidth, discriminatorDepth);
        for (int i = 0; i < widths.length; i++) {
            layers.add(i == 0 ? new Dense(widths[i], "linear", sampleSize) : new Dense(widths[i]));
            layers.add(new LeakyReLU(0.2f));
        }
        layers.add(new Dense(1, readsProbabilities(loss) ? "sigmoid" : "linear"));
        return named(seed, "discriminator", layers);
    }

    private static int[] repeat(int value, int times) {
        int[] a = new int[times];
        java.util.Arrays.fill(a, value);
        return a;
    }

    /**
     * A model of {@code layers} named {@code prefix}, its layers {@code prefix_<i>_<kind>}: names that
     * do not depend on how many layers this JVM made before, so saved files are reproducible.
     */
    private static Sequential named(long seed, String prefix, List<Layer> layers) {
        Sequential model = new Sequential(seed);
        model.setName(prefix);
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            l.setName(prefix + "_" + i + "_" + l.className().toLowerCase(Locale.ROOT));
            model.add(l);
        }
        return model;
    }

    /** The loss as this recipe uses it: the 2-D recipe reads BCE losses from logits. */
    GanLoss loss(String name) {
        GanLoss loss = GanLoss.byName(name);
        boolean bce = name.equals("non-saturating") || name.equals("minimax");
        return bce && !this.name.equals("mlp-w2") ? loss.fromLogits() : loss;
    }

    private boolean readsProbabilities(GanLoss loss) {
        return loss.config().get("from_logits") == Boolean.FALSE;
    }

    /** Adam with β1 = 0.5 at {@code rate}, decaying to {@code rate · finalRateFraction} at {@code steps}. */
    Optimizer optimizer(double rate, long steps, int updatesPerStep) {
        if (finalRateFraction >= 1) return new Adam(rate, 0.5);
        return new Adam(new ExponentialDecay(rate, Math.max(1, steps * updatesPerStep), finalRateFraction, false), 0.5, 0.999, 1e-7, false);
    }
}
