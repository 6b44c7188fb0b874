package minimax.cli.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import minimax.data.Mixture;
import minimax.io.BitmapFont;
import minimax.io.PlotBounds;
import minimax.io.Png;
import minimax.io.RgbImage;
import minimax.io.ScatterPlot;
import minimax.tensor.Tensor;

/** The report's part on the GAN setting: setup, conclusions, tables and charts, all from the tables (and seed 0's samples for pictures). */
final class GanSection {
    private GanSection() {}

    static String display(String name) {
        for (GanStrategy s : GanStrategy.all()) if (s.name().equals(name)) return "(" + s.numeral() + ") " + name;
        return name;
    }

    static List<String> findings(LabResult r) {
        List<GanFigures.Summary> sums = GanFigures.summarize(r.table(LabResult.GAN_RUNS));
        int n = r.settings.seeds();
        List<String> names = sums.stream().map(s -> display(s.strategy())).toList();
        List<String> out = new ArrayList<>();
        out.add(AscentSection.identity(r.table(LabResult.GAN_COMPARISONS), "(i) maximize flag and (ii) negated MSE", "the same computation, as in the literal question"));
        out.add(Verdicts.mostOften("covered all 8 modes at the end", names, sums.stream().mapToInt(GanFigures.Summary::allModes).toArray(), n));
        out.add(Verdicts.mostOften("ended diverged", names,
                sums.stream().mapToInt(GanFigures.Summary::diverged).toArray(), n));
        out.add(Verdicts.mostOften("ended in mode collapse", names,
                sums.stream().mapToInt(GanFigures.Summary::collapsed).toArray(), n));
        List<String> ever = new ArrayList<>();
        for (GanFigures.Summary s : sums) if (s.everDiverged() > s.diverged()) ever.add(display(s.strategy()) + " " + s.everDiverged() + "/" + n);
        if (!ever.isEmpty()) out.add("Runs whose samples diverged at some evaluation and came back by the end: " + String.join(", ", ever) + ".");
        out.add(Verdicts.highest("high-quality share at the end", sums.stream().map(s -> new Verdicts.Entry(display(s.strategy()), s.finalQuality())).toList(), true));
        out.add(Verdicts.fastest("its best evaluation (most modes, then the largest high-quality share)", r.settings.ganSteps() + " steps",
                sums.stream().map(s -> new Verdicts.Entry(display(s.strategy()), s.bestStep())).toList())
                + " What those bests were (medians): " + String.join(", ", sums.stream().map(s -> display(s.strategy()) + " " + Fmt.num(Fmt.median(s.bestModes())) + " modes at "
                + Fmt.pct(Fmt.median(s.bestQuality())) + " high quality").toList()) + ".");
        return out;
    }

    static void addTo(Document d, LabResult r, List<String> findings) {
        LabSettings st = r.settings;
        Mixture ring = Mixture.ring();
        d.heading(2, "2. The GAN setting: a discriminator trained with MSE");
        d.paragraph("Data: the 8-Gaussian ring (modes at (cos 2πk/8, sin 2πk/8), σ = " + Fmt.num(ring.sigma()) + "), fresh samples at every step. A fixed small setup of the lab's own "
                + "(not `minimax gan`'s tuned recipe): G `z(" + LabSettings.LATENT + ") → " + LabSettings.WIDTH + " → " + LabSettings.WIDTH + " → " + LabSettings.WIDTH + " → 2` (ReLU), "
                + "D `2 → " + LabSettings.WIDTH + " → " + LabSettings.WIDTH + " → " + LabSettings.WIDTH + " → 1` (LeakyReLU " + Fmt.num(LabSettings.LEAKY_SLOPE) + ", a raw score), "
                + "Adam lr " + Fmt.num(LabSettings.GAN_RATE) + ", β1 " + Fmt.num(LabSettings.GAN_BETA1) + " for both, batch " + LabSettings.BATCH + ", one D step per G step, "
                + st.ganSteps() + " steps; per seed the same initial weights and noise for every strategy. "
                + "The discriminator of (i)–(iii) minimizes the least-squares loss `½·mean(D(x) − 1)² + ½·mean D(G(z))²`; in (iv) it minimizes BCE on its score read as a logit. "
                + "Scoring as PacGAN: " + LabSettings.EVAL_SAMPLES + " samples from fixed latents, each high quality within 3σ of its nearest mode; a mode is covered if it has a high-quality sample; "
                + "evaluated before training and every " + st.evalEvery() + " steps. Outcome of a run, from its last evaluation: diverged (a NaN or infinite loss or gradient "
                + "stopped it, or its samples' median distance from the origin exceeds " + Fmt.num(LabSettings.DIVERGED_RADIUS) + "), else all modes (8 of 8 covered), "
                + "mode collapse (at most " + LabSettings.COLLAPSED_MODES + " covered) or partial (5–7). A run's best evaluation: the most modes, then the largest high-quality share.");
        List<List<String>> setup = new ArrayList<>();
        for (GanStrategy s : GanStrategy.all()) setup.add(List.of(display(s.name()), "the generator " + s.generator(), "`" + s.code() + "`"));
        d.table(List.of("strategy", "objective", "code"), setup);
        d.heading(3, "Conclusions");
        d.bullets(findings);
        d.heading(3, "Per strategy (" + st.seeds() + " seeds)");
        List<List<String>> rows = new ArrayList<>();
        for (GanFigures.Summary s : GanFigures.summarize(r.table(LabResult.GAN_RUNS))) {
            rows.add(List.of(display(s.strategy()), Fmt.share(s.allModes(), s.runs()), Fmt.share(s.partial(), s.runs()), Fmt.share(s.collapsed(), s.runs()), Fmt.share(s.diverged(), s.runs()),
                    Fmt.medianIqr(s.finalModes()), Fmt.medianIqrPct(s.finalQuality()), Fmt.medianIqr(s.finalReverseKl()), Fmt.medianCi(s.bestStep())));
        }
        d.table(List.of("strategy", "all 8 modes at end", "partial (5–7)", "collapsed (≤ " + LabSettings.COLLAPSED_MODES + ")", "diverged", "modes at end, median [IQR]",
                "high quality at end [IQR]", "reverse KL at end [IQR]", "steps to its best, median (95 % CI)"), rows);
        Table ev = r.table(LabResult.GAN_EVALUATIONS);
        chart(d, ev, "modes", v -> v, "Modes covered over steps: median across seeds (line) and interquartile range (band).");
        chart(d, ev, "high_quality", v -> v, "High-quality share over steps: median and interquartile range.");
        chart(d, ev, "median_radius", Curves::log10, "log10 of the samples' median distance from the origin (the ring has radius 1, log10 = 0): median and interquartile range.");
        d.picture("Seed 0's samples at the end, one panel per strategy, over the 8 modes and their 3σ circles (view: ±1.6; samples outside it are not drawn, so a diverged generator's panel is empty).", scatter(r.ganSamples, ring));
    }

    private static void chart(Document d, Table ev, String column, java.util.function.DoubleUnaryOperator f, String caption) {
        BandChart c = new BandChart();
        for (String n : ev.distinct("strategy")) c.add(Curves.band(ev, n, column, display(n), f));
        d.picture(caption, Png.encode(c.render()));
    }

    /** The panels side by side, or null when no samples were kept (a result read back from CSVs). */
    private static byte[] scatter(Map<String, Tensor> samples, Mixture ring) {
        if (samples.isEmpty()) return null;
        int size = 280, gap = 8;
        RgbImage all = new RgbImage(samples.size() * (size + gap) - gap, size);
        all.fill(0xFFFFFF);
        int k = 0;
        for (var e : samples.entrySet()) {
            RgbImage panel = ScatterPlot.of(ring.modes(), ring.sigma()).bounds(PlotBounds.square(0, 0, 1.6)).size(size).render(e.getValue());
            BitmapFont.drawText(panel, 6, 6, display(e.getKey()).toUpperCase(java.util.Locale.ROOT), 0x202020, 1);
            for (int y = 0; y < size; y++) for (int x = 0; x < size; x++) all.setPixel(k * (size + gap) + x, y, panel.getPixel(x, y));
            k++;
        }
        return Png.encode(all);
    }
}
