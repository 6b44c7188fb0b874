package minimax.nn;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import minimax.autodiff.Variable;
import minimax.tensor.Shapes;

/** Formats {@link Model#summary()}: one row per layer, then parameter totals. */
final class Summary {
    private Summary() {}

    static String of(Model model, List<Variable> trained) {
        Map<Variable, Boolean> isTrained = new IdentityHashMap<>();
        if (trained != null) for (Variable v : trained) isTrained.put(v, Boolean.TRUE);
        StringBuilder sb = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-32s %-18s %10s  %s", "Layer (type)", "Output Shape", "Param #", trained == null ? "Trainable" : "Trained by this model");
        String rule = "─".repeat(header.length() + 4);
        sb.append("Model: \"").append(model.name()).append("\"\n").append(rule).append('\n').append(header).append('\n').append(rule).append('\n');
        rows(model, "", isTrained, trained != null, sb);
        sb.append(rule).append('\n');
        long total = 0, trainable = 0, trainedCount = 0;
        for (Variable v : model.weights()) {
            total += v.value().size();
            if (v.isTrainable()) trainable += v.value().size();
            if (isTrained.containsKey(v)) trainedCount += v.value().size();
        }
        sb.append(String.format(Locale.ROOT, "Total params: %,d%n", total));
        sb.append(String.format(Locale.ROOT, "Trainable params: %,d (flag now)%n", trainable));
        sb.append(String.format(Locale.ROOT, "Non-trainable params: %,d%n", total - trainable));
        if (trained == null) {
            sb.append("Not compiled: compile(loss, optimizer) decides what a training step updates.\n");
        } else {
            sb.append(String.format(Locale.ROOT, "Updated by this model's training step: %,d params in %d variables (captured at compile)%n", trainedCount, trained.size()));
        }
        return sb.toString();
    }

    private static void rows(Model model, String indent, Map<Variable, Boolean> isTrained, boolean compiled, StringBuilder sb) {
        for (Layer l : model.layers()) {
            String shape = l.outputShape() == null ? "?" : java.util.Arrays.toString(withBatch(l.outputShape()));
            String status;
            List<Variable> ws = l.weights();
            if (ws.isEmpty()) {
                status = "";
            } else if (compiled) {
                long n = ws.stream().filter(isTrained::containsKey).count();
                status = n == ws.size() ? "yes" : n == 0 ? "no" : "partly";
            } else {
                status = l.isTrainable() ? "yes" : "no";
            }
            String title = indent + l.name() + " (" + l.className() + ")";
            sb.append(String.format(Locale.ROOT, "%-32s %-18s %,10d  %s%n", title, shape, l.countParams(), status));
            if (l instanceof Model) rows((Model) l, indent + "  ", isTrained, compiled, sb);
        }
    }

    private static String[] withBatch(int[] perSample) {
        String[] s = new String[perSample.length + 1];
        s[0] = "None";
        for (int i = 0; i < perSample.length; i++) s[i + 1] = Integer.toString(perSample[i]);
        return s;
    }
}
