package minimax.gan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import minimax.data.Mixture;
import minimax.nn.Dense;
import minimax.nn.LeakyReLU;
import minimax.nn.Sequential;
import minimax.optim.Adam;
import minimax.tensor.Rng;
import org.junit.jupiter.api.Test;

/**
 * A short GAN on PacGAN's ring with a fixed seed: the number of covered modes and the share of
 * high-quality samples rise. (The full quality runs are {@code ./minimax gan}; see the README.)
 */
class RingSmokeTest {
    @Test
    void modeCoverageRisesOnTheRing() {
        Mixture ring = Mixture.ring();
        Sequential g = new Sequential(1, new Dense(64, "relu", 2), new Dense(64, "relu"), new Dense(64, "relu"), new Dense(2));
        Sequential d = new Sequential(2, new Dense(64, "linear", 2), new LeakyReLU(0.2f), new Dense(64), new LeakyReLU(0.2f), new Dense(64), new LeakyReLU(0.2f), new Dense(1));
        GanTrainer gan = GanTrainer.builder().generator(g, new Adam(2e-3, 0.5)).discriminator(d, new Adam(2e-3, 0.5))
                .loss(GanLoss.NON_SATURATING.fromLogits()).latent(2).seed(0).build();
        ModeCoverage before = ModeCoverage.score(gan.sample(2500, new Rng(9)), ring.modes(), ring.sigma());
        gan.fit((draw, n) -> ring.sample(n, new Rng(Rng.mix(5, draw))), 1500, 128);
        ModeCoverage after = ModeCoverage.score(gan.sample(2500, new Rng(9)), ring.modes(), ring.sigma());
        System.out.println("ring smoke: " + before + " -> " + after);
        assertTrue(after.modesCovered() > before.modesCovered() && after.modesCovered() >= 6, "modes: " + before + " -> " + after);
        assertTrue(after.highQualityFraction() > 0.3 && after.highQualityFraction() > before.highQualityFraction() + 0.25, "high quality: " + before + " -> " + after);
    }
}
