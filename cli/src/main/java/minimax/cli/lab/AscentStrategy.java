package minimax.cli.lab;

import java.util.List;
import java.util.function.Supplier;
import minimax.losses.Loss;
import minimax.losses.Losses;
import minimax.optim.Adam;
import minimax.optim.Optimizer;

/**
 * One answer to "how do I make my model maximize the MSE?", as the user would write it in Minimax.
 *
 * @param name the name in CSVs and tables
 * @param letter the answer's letter in the issue: a, b, d (c, the negative rate, is refused)
 * @param code the user's line of code
 */
record AscentStrategy(String name, String letter, String code, Supplier<Loss> loss, Supplier<Optimizer> optimizer) {
    static final String NEGATED = "negated loss", INVERSE = "inverse MSE", MAXIMIZE = "maximize flag";

    /** The three answers Minimax accepts, in the order. */
    static List<AscentStrategy> all() {
        double lr = LabSettings.ADAM_RATE;
        float eps = LabSettings.INVERSE_EPSILON;
        return List.of(
                new AscentStrategy(NEGATED, "a", "generator.compile(Losses.mse().negate(), new Adam(1e-3))",
                        () -> Losses.mse().negate(), () -> new Adam(lr)),
                new AscentStrategy(INVERSE, "b", "generator.compile((t, p) -> p.sub(t).square().add(1e-7f).reciprocal().mean(), new Adam(1e-3))",
                        () -> (t, p) -> p.sub(t).square().add(eps).reciprocal().mean(), () -> new Adam(lr)),
                new AscentStrategy(MAXIMIZE, "d", "generator.compile(Losses.mse(), new Adam(1e-3).maximize())",
                        Losses::mse, () -> new Adam(lr).maximize()));
    }
}
