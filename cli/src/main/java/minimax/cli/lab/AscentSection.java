package minimax.cli.lab;

import java.util.ArrayList;
import java.util.List;
import minimax.io.Png;

/** The report's part on the literal question: setup, conclusions, tables and charts, all from the tables. */
final class AscentSection {
    private AscentSection() {}

    static String display(String name) {
        for (AscentStrategy s : AscentStrategy.all()) if (s.name().equals(name)) return "(" + s.letter() + ") " + name;
        return name;
    }

    /** The conclusions, in order: equivalence, speed, the claim, final level, saturation and gradients, failures, the negative rate. */
    static List<String> findings(LabResult r) {
        LabSettings st = r.settings;
        List<AscentFigures.Summary> sums = AscentFigures.summarize(r.table(LabResult.ASCENT_RUNS));
        Table comparisons = r.table(LabResult.NEGATIVE_RATE);
        List<String> out = new ArrayList<>();
        out.add(identity(comparisons.where("comparison", "negated loss vs maximize flag (Adam)"), "(a) negated loss and (d) maximize flag",
                "the sign flip in the loss and the flag in the optimizer are the same computation, so every figure below is the same for both"));
        String within = st.steps() + " steps";
        out.add(Verdicts.fastest("90 % of the largest reachable MSE", within, entries(sums, AscentFigures.Summary::stepsLargest)));
        out.add(Verdicts.fastest("90 % of the best constant output's MSE", within, entries(sums, AscentFigures.Summary::stepsConstant)));
        out.add(claim(find(sums, AscentStrategy.NEGATED), find(sums, AscentStrategy.INVERSE), within));
        Table runs = r.table(LabResult.ASCENT_RUNS);
        for (AscentFigures.Summary s : sums) out.add(level(s, runs.where("strategy", s.strategy())));
        out.add(nonFinite(sums));
        out.add("(c) a negative learning rate is refused: `new Adam(-0.001)` throws “" + r.refusal + "”");
        out.add(identity(comparisons.where("comparison", "maximize flag vs negative rate (SGD)"), "Measured outside the library, an explicit negative-rate SGD update and `new SGD(0.01).maximize()`", null));
        out.add(identity(comparisons.where("comparison", "maximize flag vs negative rate (Adam)"), "An explicit negative-rate Adam update and (d) `new Adam(1e-3).maximize()`", null));
        out.add(weightDecay(comparisons.where("comparison", "maximize flag vs negative rate (AdamW)"), st));
        return out;
    }

    private static List<Verdicts.Entry> entries(List<AscentFigures.Summary> sums, java.util.function.Function<AscentFigures.Summary, double[]> f) {
        return sums.stream().map(s -> new Verdicts.Entry(display(s.strategy()), f.apply(s))).toList();
    }

    private static AscentFigures.Summary find(List<AscentFigures.Summary> sums, String name) {
        return sums.stream().filter(s -> s.strategy().equals(name)).findFirst().orElseThrow();
    }

    /** "X trained identically, bit for bit, in k of n seeds" (or where they differed), from a comparisons table. */
    static String identity(Table c, String what, String consequence) {
        int n = c.size(), same = 0;
        for (double v : c.numbers("bit_identical")) if (v == 1) same++;
        String largest = Fmt.num(Stats.max(c.numbers("max_abs_weight_difference")));
        if (same == n) return what + " trained identically, bit for bit, in all " + n + " seeds (largest weight difference " + largest + ")" + (consequence == null ? "." : ": " + consequence + ".");
        return what + " ended with different weights in " + (n - same) + " of " + n + " seeds (largest weight difference " + largest + "); bit-identical in " + same + ".";
    }

    private static String claim(AscentFigures.Summary a, AscentFigures.Summary b, String within) {
        String head = "The claim that −MSE (a) “converged a bit faster” than the inverse loss (b): ";
        for (int k = 0; k < 2; k++) {
            double[] va = k == 0 ? a.stepsLargest() : a.stepsConstant(), vb = k == 0 ? b.stepsLargest() : b.stepsConstant();
            String what = k == 0 ? "90 % of the largest reachable MSE" : "90 % of the best constant output's MSE";
            boolean fa = Double.isFinite(Stats.median(va)), fb = Double.isFinite(Stats.median(vb));
            if (!fa && !fb) continue;
            String ra = Stats.countFinite(va) + "/" + va.length, rb = Stats.countFinite(vb) + "/" + vb.length;
            if (fa && !fb) return head + "(a) was faster, by more than “a bit”: it reached " + what + " in " + ra + " seeds (" + Fmt.medianCiInline(va, "steps") + "), (b) within " + within + " in only " + rb + ".";
            if (!fa) return head + "contradicted: (b) reached " + what + " in " + rb + " seeds (" + Fmt.medianCiInline(vb, "steps") + "), (a) in only " + ra + ".";
            boolean overlap = Stats.medianInterval(va).overlaps(Stats.medianInterval(vb));
            String numbers = "to " + what + ", (a) " + Fmt.medianCiInline(va, "steps") + ", (b) " + Fmt.medianCiInline(vb, "steps");
            if (overlap) return head + "not settled by these runs: " + numbers + " — the 95 % CIs overlap.";
            return head + (Stats.median(va) < Stats.median(vb) ? "holds: " : "contradicted, (b) was faster: ") + numbers + ".";
        }
        return head + "neither reached 90 % of either reference in most seeds within " + within + "; final MSE (a) " + Fmt.medianCiInline(a.finalMse(), "") + ", (b) " + Fmt.medianCiInline(b.finalMse(), "") + ".";
    }

    private static String level(AscentFigures.Summary s, Table runs) {
        double[] ofConstant = ratio(runs.numbers("final_mse"), runs.numbers("best_constant_mse"));
        double saturated = Fmt.median(s.finalSaturated()), g0 = Fmt.median(s.initialGradient()), g1 = Fmt.median(s.finalGradient());
        String text = display(s.strategy()) + ": final MSE median " + Fmt.medianIqr(s.finalMse()) + ", that is " + Fmt.pct(Fmt.median(s.finalShare()))
                + " of the largest reachable and " + Fmt.pct(Fmt.median(ofConstant)) + " of the best constant output's; " + Fmt.pct(saturated)
                + " of outputs saturated at the end (median); gradient norm " + Fmt.num(g0) + " at the start, " + Fmt.num(g1) + " at the end (medians)";
        if (saturated >= 0.5 && g1 < g0) text += " — the outputs sit where the sigmoid is flat, so the gradient has shrunk";
        return text + ".";
    }

    private static double[] ratio(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] / b[i];
        return out;
    }

    private static String nonFinite(List<AscentFigures.Summary> sums) {
        List<String> parts = new ArrayList<>();
        int runs = 0;
        for (AscentFigures.Summary s : sums) {
            runs += s.runs();
            if (s.nonFiniteSteps() > 0) parts.add(display(s.strategy()) + " " + s.nonFiniteSteps() + " steps in " + s.runsWithNonFinite() + " of " + s.runs() + " runs");
        }
        String largest = "largest gradient norms (max over runs): " + String.join(", ", sums.stream().map(s -> display(s.strategy()) + " " + Fmt.num(s.maxGradient())).toList());
        if (parts.isEmpty()) return "NaN or infinite losses or gradients: none in " + runs + " runs; " + largest + ".";
        return "NaN or infinite losses or gradients (step skipped): " + String.join("; ", parts) + "; " + largest + ".";
    }

    private static String weightDecay(Table c, LabSettings st) {
        int n = c.size(), differ = 0, grew = 0;
        double[] identical = c.numbers("bit_identical"), first = c.numbers("weight_norm_first"), second = c.numbers("weight_norm_second");
        for (int i = 0; i < n; i++) {
            if (identical[i] == 0) differ++;
            if (second[i] > first[i]) grew++;
        }
        return "With decoupled weight decay " + Fmt.num(LabSettings.WEIGHT_DECAY) + " (AdamW), `maximize()` and an explicit negative rate differ in " + differ + " of " + n + " seeds (largest weight difference "
                + Fmt.num(Stats.max(c.numbers("max_abs_weight_difference"))) + "): after " + st.steps() + " steps the median weight norm is " + Fmt.num(Fmt.median(first))
                + " with `maximize()` and " + Fmt.num(Fmt.median(second)) + " with the negative rate, larger in " + grew + " of " + n
                + " seeds — the negative rate turns the decay term `w ← w − w·wd·lr` into growth.";
    }

    /** Setup, conclusions, tables and charts. */
    static void addTo(Document d, LabResult r, List<String> findings) {
        LabSettings st = r.settings;
        d.heading(2, "1. The literal question: maximize the MSE");
        d.paragraph("The generator `Dense(50, sigmoid, input 15) → Dense(1, sigmoid)` is trained full-batch for " + st.steps() + " steps to maximize its MSE against fixed targets: "
                + "per seed, data x ~ U(−1, 1) of shape [" + st.samples() + ", 15], targets y ~ U(0, 1), and one set of initial weights shared by every strategy; Adam with Keras's defaults (lr 1e-3). "
                + "Outputs lie in (0, 1), so no model can exceed the largest reachable MSE `mean(max(y, 1 − y)²)`; pushing every output to the same end gives the best constant output's MSE `max(mean y², mean (1 − y)²)`. "
                + "An output counts as saturated within " + Fmt.num(LabSettings.SATURATION) + " of 0 or 1; gradient norms are the L2 norm over all weights of the strategy's own loss gradient.");
        d.table(List.of("strategy", "code"), AscentStrategy.all().stream().map(s -> List.of(display(s.name()), "`" + s.code() + "`")).toList());
        d.heading(3, "Conclusions");
        d.bullets(findings);
        d.heading(3, "Per strategy (" + st.seeds() + " seeds)");
        List<List<String>> rows = new ArrayList<>();
        for (AscentFigures.Summary s : AscentFigures.summarize(r.table(LabResult.ASCENT_RUNS))) {
            rows.add(List.of(display(s.strategy()), Fmt.share(s.reached(s.stepsLargest()), s.runs()), Fmt.medianCi(s.stepsLargest()),
                    Fmt.share(s.reached(s.stepsConstant()), s.runs()), Fmt.medianCi(s.stepsConstant()), Fmt.medianIqr(s.finalMse()), Fmt.medianIqrPct(s.finalShare()),
                    Fmt.medianIqrPct(s.finalSaturated()), Fmt.num(Fmt.median(s.initialGradient())) + " → " + Fmt.num(Fmt.median(s.finalGradient())),
                    Fmt.num(s.maxGradient()), s.nonFiniteSteps() + " in " + s.runsWithNonFinite() + " runs"));
        }
        d.table(List.of("strategy", "reached 90 % of largest (95 % CI)", "steps to it, median (95 % CI)", "reached 90 % of best constant (95 % CI)", "steps to it, median (95 % CI)",
                "final MSE, median [IQR]", "share of largest [IQR]", "saturated at end [IQR]", "gradient norm start → end (medians)", "largest gradient norm", "NaN/Inf steps"), rows);
        addCharts(d, r);
        d.heading(3, "(c) The negative learning rate, and what maximize() does instead");
        d.paragraph("Minimax refuses `new Adam(-0.001)` with: “" + r.refusal + "” To measure the refused answer anyway, the lab trains the same generator with explicit updates outside the library "
                + "— SGD and Adam with the rate's sign flipped, in the same float32 arithmetic as Minimax's optimizers — and compares the final weights with `maximize()` seed by seed.");
        addComparisons(d, r.table(LabResult.NEGATIVE_RATE));
        Table demo = r.table(LabResult.NEGATIVE_RATE_CURVES);
        BandChart chart = new BandChart();
        for (String name : demo.distinct("strategy")) chart.add(Curves.band(demo, name, "weight_norm", name, v -> v));
        d.picture("Weight norm over steps (median and interquartile band across seeds): maximize() vs an explicit negative rate, with Adam (identical: the lines coincide) and with AdamW, weight decay "
                + Fmt.num(LabSettings.WEIGHT_DECAY) + ".", Png.encode(chart.render()));
    }

    private static void addCharts(Document d, LabResult r) {
        Table curves = r.table(LabResult.ASCENT_CURVES);
        List<String> names = curves.distinct("strategy");
        double[] largest = r.table(LabResult.ASCENT_SEEDS).numbers("largest_reachable_mse"), constant = r.table(LabResult.ASCENT_SEEDS).numbers("best_constant_mse");
        BandChart mse = new BandChart();
        for (String n : names) mse.add(Curves.band(curves, n, "mse", display(n), v -> v));
        mse.reference("90 % of largest reachable (median)", LabSettings.THRESHOLD * Stats.median(largest));
        mse.reference("best constant output (median)", Stats.median(constant));
        d.picture("MSE over steps: median across seeds (line) and interquartile range (band). Dashed: the seeds' median 90 % of the largest reachable MSE, and the best constant output's MSE.",
                Png.encode(mse.render()));
        chart(d, curves, names, "saturated_share", v -> v, "Share of saturated outputs (within " + Fmt.num(LabSettings.SATURATION) + " of 0 or 1) over steps: median and interquartile range.");
        chart(d, curves, names, "gradient_norm", Curves::log10, "log10 of the gradient norm of each strategy's own loss over steps: median and interquartile range.");
    }

    private static void chart(Document d, Table curves, List<String> names, String column, java.util.function.DoubleUnaryOperator f, String caption) {
        BandChart c = new BandChart();
        for (String n : names) c.add(Curves.band(curves, n, column, display(n), f));
        d.picture(caption, Png.encode(c.render()));
    }

    private static void addComparisons(Document d, Table c) {
        List<List<String>> rows = new ArrayList<>();
        for (String comparison : c.distinct("comparison")) {
            Table t = c.where("comparison", comparison);
            int same = 0;
            for (double v : t.numbers("bit_identical")) if (v == 1) same++;
            rows.add(List.of(comparison, Fmt.num(t.number(0, "weight_decay")), same + "/" + t.size(), Fmt.num(Stats.max(t.numbers("max_abs_weight_difference"))),
                    Fmt.num(Fmt.median(t.numbers("weight_norm_first"))) + " / " + Fmt.num(Fmt.median(t.numbers("weight_norm_second"))),
                    Fmt.num(Fmt.median(t.numbers("final_mse_first"))) + " / " + Fmt.num(Fmt.median(t.numbers("final_mse_second")))));
        }
        d.table(List.of("first vs second", "weight decay", "bit-identical seeds", "largest weight difference", "final weight norm, medians (first / second)", "final MSE, medians (first / second)"), rows);
    }
}
