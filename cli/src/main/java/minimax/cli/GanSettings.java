package minimax.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import minimax.format.FormatException;
import minimax.format.Json;
import minimax.gan.GanLoss;
import minimax.gan.GanTrainer;

/** The settings of a {@code minimax gan} run, as stored in its {@code run.json}. */
final class GanSettings {
    String dataset;
    String dataDir;
    String loss;
    long steps;
    /** The steps the learning-rate decay spans: the run's first {@code steps}, kept when a resume extends it. */
    long scheduleSteps;
    int batch;
    long seed;
    double learningRate;
    long evalEvery;
    long checkpointEvery;
    /**
     * Settings the recipe decides and later versions may change, so run.json keeps them: R1 weight γ,
     * its interval in discriminator updates, the generator average's β, and the 2-D discriminator's
     * width and number of hidden layers.
     */
    double r1;
    int r1Every;
    double average;
    int discriminatorWidth;
    int discriminatorDepth;
    Path folder;

    /** Takes the settings of {@code recipe} that run.json keeps (for a new run). */
    void recipeSettingsFrom(GanRecipe recipe) {
        r1 = recipe.r1();
        r1Every = recipe.r1Every();
        average = recipe.average();
        discriminatorWidth = recipe.discriminatorWidth();
        discriminatorDepth = recipe.discriminatorDepth();
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset);
        if (dataDir != null) m.put("data_dir", dataDir);
        m.put("loss", loss);
        m.put("steps", steps);
        m.put("schedule_steps", scheduleSteps);
        m.put("batch", (long) batch);
        m.put("seed", seed);
        m.put("learning_rate", learningRate);
        m.put("eval_every", evalEvery);
        m.put("checkpoint_every", checkpointEvery);
        m.put("r1", r1);
        m.put("r1_every", (long) r1Every);
        m.put("generator_average", average);
        m.put("discriminator_width", (long) discriminatorWidth);
        m.put("discriminator_depth", (long) discriminatorDepth);
        return m;
    }

    @SuppressWarnings("unchecked")
    static GanSettings fromJson(String text, Path file) throws FormatException {
        Object parsed = Json.parse(text);
        if (!(parsed instanceof Map)) throw new FormatException(file + " must hold a JSON object");
        Map<String, Object> m = (Map<String, Object>) parsed;
        GanSettings s = new GanSettings();
        s.dataset = Json.getString(m, "dataset");
        s.dataDir = m.containsKey("data_dir") ? Json.getString(m, "data_dir") : null;
        s.loss = Json.getString(m, "loss");
        s.steps = Json.getLong(m, "steps");
        s.scheduleSteps = Json.getLong(m, "schedule_steps");
        s.batch = Math.toIntExact(Json.getLong(m, "batch"));
        s.seed = Json.getLong(m, "seed");
        s.learningRate = Json.getDouble(m, "learning_rate");
        s.evalEvery = Json.getLong(m, "eval_every");
        s.checkpointEvery = Json.getLong(m, "checkpoint_every");
        if (m.containsKey("r1")) {
            s.r1 = Json.getDouble(m, "r1");
            s.r1Every = Math.toIntExact(Json.getLong(m, "r1_every"));
            s.average = Json.getDouble(m, "generator_average");
        } else { // run.json written before these were kept: the recipe of that version (R1 and average on the grid only)
            boolean grid = s.dataset.equals("grid");
            s.r1 = grid ? 0.1 : 0;
            s.r1Every = 1;
            s.average = grid ? 0.999 : 0;
        }
        if (m.containsKey("discriminator_depth")) {
            s.discriminatorWidth = Math.toIntExact(Json.getLong(m, "discriminator_width"));
            s.discriminatorDepth = Math.toIntExact(Json.getLong(m, "discriminator_depth"));
        } else { // written before the grid's discriminator lost a layer: 128 wide, 3 hidden layers (ignored by images' recipe)
            s.discriminatorWidth = 128;
            s.discriminatorDepth = 3;
        }
        return s;
    }

    /**
     * The trainer these settings describe: the recipe's players seeded from {@code seed}, the loss,
     * and Adam for each player (the rate's decay spans the run's {@code steps}).
     */
    GanTrainer trainer(GanDataset data, GanRecipe recipe) {
        GanLoss l = recipe.loss(loss);
        int size = data.sampleSize();
        return GanTrainer.builder()
                .generator(recipe.generator(seed * 2 + 1, size), recipe.optimizer(learningRate, scheduleSteps, 1))
                .discriminator(recipe.withDiscriminator(discriminatorWidth, discriminatorDepth).discriminator(seed * 2 + 2, size, l),
                        recipe.optimizer(learningRate, scheduleSteps, 1))
                .loss(l)
                .latent(recipe.latent())
                .r1(r1, r1Every)
                .generatorAverage(average)
                .seed(seed)
                .build();
    }
}
