package minimax.nn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minimax.autodiff.Variable;
import minimax.format.AtomicFiles;
import minimax.format.FormatException;
import minimax.format.Json;
import minimax.format.SafeTensors;
import minimax.losses.Loss;
import minimax.losses.Losses;
import minimax.optim.Optimizer;
import minimax.optim.Optimizers;
import minimax.tensor.Shapes;
import minimax.tensor.Tensor;

/**
 * The saved-model file: one safetensors file whose metadata holds the architecture as JSON and the
 * training state (step count, loss, optimizer settings, which variables the compiled model trains),
 * and whose tensors are the weights ({@code weights/<i>/<name>}) and the optimizer's slots
 * ({@code optimizer/<key>}).
 *
 * <p>Written to a temporary file and renamed, so a crash never leaves a half-written model. Loading
 * maps class names through a fixed table and never runs code from the file; any inconsistency is
 * one {@link FormatException} naming what was expected and what was found.
 */
final class ModelFile {
    static final String FORMAT = "minimax-model";
    static final String VERSION = "1";

    private ModelFile() {}

    static void save(Model model, Path path) throws IOException {
        if (!model.isBuilt()) throw new IllegalStateException("model '" + model.name() + "' is not built yet: give the first layer an input size or train it on a batch before saving");
        List<Variable> vars = model.weights();
        LinkedHashMap<String, Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < vars.size(); i++) tensors.put("weights/" + i + "/" + vars.get(i).name(), vars.get(i).value());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("format_version", VERSION);
        meta.put("architecture", Json.write(model.config()));
        meta.put("trainable_flags", Json.write(trainableFlags(model)));
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("steps", model.steps());
        if (model.isCompiled()) {
            Map<String, Object> lossConfig = Losses.config(model.loss());
            training.put("loss", lossConfig == null ? "custom" : lossConfig);
            training.put("optimizer", model.optimizer().config());
            List<Variable> trained = model.trainedVariables();
            training.put("trained_variables", indices(vars, trained));
            for (Map.Entry<String, Tensor> e : model.optimizer().state(trained).entrySet()) tensors.put("optimizer/" + e.getKey(), e.getValue());
        }
        meta.put("training", Json.write(training));
        AtomicFiles.write(path, out -> SafeTensors.write(out, tensors, meta));
    }

    static Model load(Path path) throws IOException {
        return load(path, null);
    }

    @SuppressWarnings("unchecked")
    static Model load(Path path, Loss customLoss) throws IOException {
        SafeTensors.Contents contents = SafeTensors.read(path);
        Map<String, String> meta = contents.metadata();
        if (!FORMAT.equals(meta.get("format"))) throw new FormatException(path + " is not a Minimax model file (metadata 'format' is " + meta.get("format") + ", expected " + FORMAT + ")");
        if (!VERSION.equals(meta.get("format_version"))) throw new FormatException(path + " has model format version " + meta.get("format_version") + "; this version reads " + VERSION);
        try {
            Object arch = Json.parse(required(meta, "architecture", path));
            if (!(arch instanceof Map)) throw new FormatException(path + ": architecture must be a JSON object");
            Layer root = Layers.fromConfig((Map<String, Object>) arch);
            if (!(root instanceof Model)) throw new FormatException(path + ": the root of the architecture must be a model, got " + root.className());
            Model model = (Model) root;
            if (!model.isBuilt()) throw new FormatException(path + ": the architecture has no input shape, so the model cannot be built");
            List<Variable> vars = model.weights();
            List<Tensor> weights = weights(contents.tensors(), vars, path);
            model.setWeights(weights);
            restoreTrainableFlags(model, (List<Object>) Json.parse(required(meta, "trainable_flags", path)), path);
            Map<String, Object> training = (Map<String, Object>) Json.parse(required(meta, "training", path));
            model.restoreSteps(((Number) training.get("steps")).longValue());
            if (training.containsKey("optimizer")) {
                Object lossConfig = training.get("loss");
                Loss loss = "custom".equals(lossConfig) ? customLoss : Losses.fromConfig((Map<String, Object>) lossConfig);
                if (loss == null) {
                    throw new FormatException(path + " was saved with a custom loss, which cannot be stored as data; load it with Sequential.load(path, loss) giving the same loss");
                }
                Optimizer optimizer = Optimizers.fromConfig((Map<String, Object>) training.get("optimizer"));
                List<Variable> trained = new ArrayList<>();
                for (Object i : (List<Object>) training.get("trained_variables")) trained.add(vars.get(((Number) i).intValue()));
                model.compileWith(loss, optimizer, trained);
                LinkedHashMap<String, Tensor> state = new LinkedHashMap<>();
                contents.tensors().forEach((k, v) -> { if (k.startsWith("optimizer/")) state.put(k.substring("optimizer/".length()), v); });
                optimizer.loadState(state, trained);
            }
            return model;
        } catch (ClassCastException | NullPointerException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new FormatException(path + " has inconsistent model metadata: " + e.getMessage());
        }
    }

    private static String required(Map<String, String> meta, String key, Path path) throws FormatException {
        String v = meta.get(key);
        if (v == null) throw new FormatException(path + " lacks the metadata entry '" + key + "'");
        return v;
    }

    private static List<Tensor> weights(Map<String, Tensor> tensors, List<Variable> vars, Path path) throws FormatException {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            String key = "weights/" + i + "/" + vars.get(i).name();
            Tensor t = tensors.get(key);
            if (t == null) throw new FormatException(path + " lacks tensor '" + key + "' required by the architecture");
            if (!Arrays.equals(t.shape(), vars.get(i).shape())) throw new FormatException(path + ": tensor '" + key + "' has shape " + Shapes.str(t.shape()) + ", the architecture needs " + Shapes.str(vars.get(i).shape()));
            out.add(t);
        }
        long extra = tensors.keySet().stream().filter(k -> k.startsWith("weights/")).count() - vars.size();
        if (extra != 0) throw new FormatException(path + " holds " + (vars.size() + extra) + " weight tensors, the architecture has " + vars.size());
        return out;
    }

    private static List<Object> trainableFlags(Model model) {
        List<Object> flags = new ArrayList<>();
        for (Layer l : model.leafLayers()) flags.add(l.isTrainable());
        return flags;
    }

    private static void restoreTrainableFlags(Model model, List<Object> flags, Path path) throws FormatException {
        List<Layer> leaves = model.leafLayers();
        if (flags.size() != leaves.size()) throw new FormatException(path + ": " + flags.size() + " trainable flags for " + leaves.size() + " layers");
        for (int i = 0; i < leaves.size(); i++) leaves.get(i).setTrainable(Boolean.TRUE.equals(flags.get(i)));
    }

    private static List<Object> indices(List<Variable> all, List<Variable> subset) {
        Map<Variable, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < all.size(); i++) position.put(all.get(i), i);
        List<Object> out = new ArrayList<>();
        for (Variable v : subset) out.add((long) position.get(v));
        return out;
    }
}
