package minimax.gan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minimax.autodiff.Variable;
import minimax.format.AtomicFiles;
import minimax.format.FormatException;
import minimax.format.Json;
import minimax.format.SafeTensors;
import minimax.tensor.DType;
import minimax.tensor.Tensor;

/**
 * A GAN trainer's full state in one safetensors file: both players' weights and optimizer states,
 * the step count and the history, plus the trainer's configuration (architectures, loss,
 * optimizers, latent size, seed) so that restoring into a differently configured trainer is
 * refused with the first difference named.
 *
 * <p>Tensors: {@code generator/weights/i}, {@code generator/optimizer/<key>}, the same for
 * {@code discriminator}, {@code generator/average/i} when the generator is averaged, {@code history/step} and {@code history/column/<name>} (float64; NaN marks
 * a value a row does not have). Metadata: {@code format = minimax-gan-checkpoint},
 * {@code format_version}, {@code step}, {@code configuration} (JSON).
 */
public final class GanCheckpoint {
    static final String FORMAT = "minimax-gan-checkpoint";
    static final String VERSION = "1";

    private GanCheckpoint() {}

    /** Writes {@code trainer}'s state to {@code path} (temporary file, then rename). */
    public static void save(GanTrainer trainer, Path path) throws IOException {
        LinkedHashMap<String, Tensor> tensors = new LinkedHashMap<>();
        putPlayer(tensors, "generator", trainer.generatorPlayer());
        putPlayer(tensors, "discriminator", trainer.discriminatorPlayer());
        if (trainer.average() != null) {
            List<Tensor> avg = trainer.average().tensors();
            for (int i = 0; i < avg.size(); i++) tensors.put("generator/average/" + i, avg.get(i));
        }
        putHistory(tensors, trainer.history());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("format_version", VERSION);
        meta.put("step", Long.toString(trainer.step()));
        meta.put("configuration", Json.write(configuration(trainer)));
        AtomicFiles.write(path, out -> SafeTensors.write(out, tensors, meta));
    }

    /** Settings added to the configuration after checkpoints were first written, with the value an older checkpoint implies. */
    private static final Map<String, Object> IMPLIED_WHEN_ABSENT = Map.of("r1_every", 1);

    /**
     * Restores {@code trainer} from a checkpoint that a trainer with the same configuration wrote.
     * Everything is checked before anything is changed.
     *
     * @throws FormatException if the file is not such a checkpoint, is damaged, or was written by a
     *     differently configured trainer (the message names the first differing setting)
     */
    @SuppressWarnings("unchecked")
    public static void restore(GanTrainer trainer, Path path) throws IOException {
        SafeTensors.Contents contents = SafeTensors.read(path);
        Map<String, String> meta = contents.metadata();
        if (!FORMAT.equals(meta.get("format"))) throw new FormatException(path + " is not a Minimax GAN checkpoint (metadata 'format' is " + meta.get("format") + ", expected " + FORMAT + ")");
        if (!VERSION.equals(meta.get("format_version"))) throw new FormatException(path + " has checkpoint format version " + meta.get("format_version") + "; this version reads " + VERSION);
        Object saved = Json.parse(required(meta, "configuration", path));
        Map<String, Object> current = configuration(trainer);
        for (Map.Entry<String, Object> e : current.entrySet()) {
            Object s = saved instanceof Map ? ((Map<String, Object>) saved).get(e.getKey()) : null;
            if (s == null) s = IMPLIED_WHEN_ABSENT.get(e.getKey());
            boolean architecture = e.getKey().equals("generator") || e.getKey().equals("discriminator");
            Object now = architecture ? withoutNames(e.getValue()) : e.getValue(), then = architecture ? withoutNames(s) : s;
            if (!Json.write(now).equals(Json.write(then))) {
                throw new FormatException(path + " was written by a trainer with a different " + e.getKey() + ": saved " + Json.write(s) + ", this trainer has " + Json.write(e.getValue()));
            }
        }
        long step;
        try {
            step = Long.parseLong(required(meta, "step", path));
        } catch (NumberFormatException e) {
            throw new FormatException(path + ": step must be a whole number, got " + meta.get("step"));
        }
        Map<String, Tensor> t = contents.tensors();
        List<Tensor> gWeights = weights(t, "generator", trainer.generatorPlayer(), path);
        List<Tensor> dWeights = weights(t, "discriminator", trainer.discriminatorPlayer(), path);
        List<Tensor> averages = trainer.average() == null ? null : weights(t, "generator/average", trainer.generatorPlayer(), path);
        GanHistory history = history(t, path);
        try {
            trainer.generatorPlayer().optimizer.loadState(prefixed(t, "generator/optimizer/"), trainer.generatorPlayer().variables);
            trainer.discriminatorPlayer().optimizer.loadState(prefixed(t, "discriminator/optimizer/"), trainer.discriminatorPlayer().variables);
        } catch (IllegalArgumentException e) {
            throw new FormatException(path + ": optimizer state does not fit: " + e.getMessage());
        }
        trainer.generator().setWeights(gWeights);
        trainer.discriminator().setWeights(dWeights);
        if (averages != null) trainer.average().load(averages);
        trainer.restoreStep(step);
        GanHistory target = trainer.history();
        target.clear();
        for (int i = 0; i < history.size(); i++) target.put(history.steps().get(i), history.row(i));
    }

    /** An architecture config without its {@code name} entries: layer names are labels, not structure. */
    @SuppressWarnings("unchecked")
    private static Object withoutNames(Object config) {
        if (config instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) config).forEach((k, v) -> { if (!k.equals("name")) out.put(k, withoutNames(v)); });
            return out;
        }
        if (config instanceof List) return ((List<Object>) config).stream().map(GanCheckpoint::withoutNames).toList();
        return config;
    }

    private static Map<String, Object> configuration(GanTrainer trainer) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("generator", trainer.generator().config());
        c.put("discriminator", trainer.discriminator().config());
        c.put("generator_optimizer", trainer.generatorOptimizer().config());
        c.put("discriminator_optimizer", trainer.discriminatorOptimizer().config());
        c.put("loss", trainer.loss().config());
        c.put("latent", trainer.latentDim());
        c.put("discriminator_steps", trainer.discriminatorSteps());
        c.put("r1", trainer.r1Gamma());
        c.put("r1_every", trainer.r1Every());
        c.put("generator_average", trainer.generatorAverageDecay());
        c.put("packing", trainer.packing());
        c.put("seed", trainer.seed());
        return c;
    }

    private static void putPlayer(LinkedHashMap<String, Tensor> tensors, String role, Player p) {
        List<Variable> all = p.model.weights();
        for (int i = 0; i < all.size(); i++) tensors.put(role + "/weights/" + i, all.get(i).value());
        p.optimizer.state(p.variables).forEach((k, v) -> tensors.put(role + "/optimizer/" + k, v));
    }

    private static void putHistory(LinkedHashMap<String, Tensor> tensors, GanHistory h) {
        double[] steps = new double[h.size()];
        for (int i = 0; i < steps.length; i++) steps[i] = h.steps().get(i);
        tensors.put("history/step", Tensor.of(steps, steps.length));
        for (String col : h.columns()) tensors.put("history/column/" + col, Tensor.of(h.column(col), h.size()));
    }

    private static List<Tensor> weights(Map<String, Tensor> t, String role, Player p, Path path) throws FormatException {
        List<Variable> all = p.model.weights();
        List<Tensor> out = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String key = (role.contains("/") ? role : role + "/weights") + "/" + i;
            Tensor w = t.get(key);
            if (w == null) throw new FormatException(path + " lacks " + key + " (" + all.get(i).name() + ")");
            if (!java.util.Arrays.equals(w.shape(), all.get(i).shape()) || w.dtype() != DType.FLOAT32) {
                throw new FormatException(path + ": " + key + " must be float32 of shape " + java.util.Arrays.toString(all.get(i).shape()) + ", got " + w.dtype() + " " + java.util.Arrays.toString(w.shape()));
            }
            out.add(w);
        }
        return out;
    }

    private static GanHistory history(Map<String, Tensor> t, Path path) throws FormatException {
        Tensor steps = t.get("history/step");
        if (steps == null || steps.rank() != 1) throw new FormatException(path + " lacks a 1-D history/step tensor");
        int rows = steps.dim(0);
        Map<String, Tensor> columns = prefixed(t, "history/column/");
        for (Map.Entry<String, Tensor> e : columns.entrySet()) {
            if (e.getValue().rank() != 1 || e.getValue().dim(0) != rows) throw new FormatException(path + ": history column " + e.getKey() + " must have " + rows + " values");
        }
        GanHistory h = new GanHistory();
        try {
            for (int i = 0; i < rows; i++) {
                Map<String, Double> row = new LinkedHashMap<>();
                for (Map.Entry<String, Tensor> e : columns.entrySet()) {
                    double v = e.getValue().getFlat(i);
                    if (!Double.isNaN(v)) row.put(e.getKey(), v);
                }
                h.put((long) steps.getFlat(i), row);
            }
        } catch (IllegalArgumentException e) {
            throw new FormatException(path + ": " + e.getMessage());
        }
        return h;
    }

    private static LinkedHashMap<String, Tensor> prefixed(Map<String, Tensor> t, String prefix) {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        t.forEach((k, v) -> { if (k.startsWith(prefix)) out.put(k.substring(prefix.length()), v); });
        return out;
    }

    private static String required(Map<String, String> meta, String key, Path path) throws FormatException {
        String v = meta.get(key);
        if (v == null) throw new FormatException(path + " lacks metadata '" + key + "'");
        return v;
    }
}
