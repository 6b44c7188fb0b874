package minimax.cli.lab;

import java.util.List;
import minimax.gan.GanLoss;

/**
 * One way to train the generator against a discriminator that is trained with MSE.
 *
 * @param name the name in CSVs and tables
 * @param numeral the strategy's numeral in the issue: i to iv
 * @param generator what the generator does, in words and formula
 * @param code the {@code GanLoss} that does it
 */
record GanStrategy(String name, String numeral, String generator, String code, GanLoss loss) {
    static final String MAXIMIZE = "maximize flag", NEGATED = "negated MSE", LSGAN = "LSGAN", BCE = "non-saturating BCE";

    static List<GanStrategy> all() {
        return List.of(
                new GanStrategy(MAXIMIZE, "i", "maximizes D's MSE on fakes, ½·mean D(G(z))², through Adam's maximize flag",
                        "GanLoss.leastSquaresMaximizing(0, 1)", GanLoss.leastSquaresMaximizing(0, 1)),
                new GanStrategy(NEGATED, "ii", "minimizes the negated MSE, −½·mean D(G(z))²",
                        "GanLoss.leastSquaresNegated(0, 1)", GanLoss.leastSquaresNegated(0, 1)),
                new GanStrategy(LSGAN, "iii", "minimizes the MSE toward the real label, ½·mean (D(G(z)) − 1)²",
                        "GanLoss.LEAST_SQUARES", GanLoss.LEAST_SQUARES),
                new GanStrategy(BCE, "iv", "minimizes BCE(1, D(G(z))) against a discriminator trained with BCE instead of MSE",
                        "GanLoss.NON_SATURATING.fromLogits()", GanLoss.NON_SATURATING.fromLogits()));
    }
}
