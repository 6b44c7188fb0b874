package minimax.cli.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Sentences that compare strategies from their numbers, with one rule for "faster" or "more often":
 * the leader's 95 % interval must not overlap the runner-up's; otherwise the sentence says they tie.
 * Strategies whose per-seed values are equal in every seed are named together.
 */
final class Verdicts {
    private Verdicts() {}

    /** A strategy's per-seed values of one measure. */
    record Entry(String name, double[] values) {}

    /**
     * "Fastest to {@code what}" over per-seed step counts ({@code +∞} = not reached), smallest median first.
     *
     * @param within e.g. "2000 steps"
     */
    static String fastest(String what, String within, List<Entry> entries) {
        List<Entry> reaching = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Entry e : entries) {
            if (Double.isFinite(Stats.median(e.values()))) reaching.add(e);
            else missing.add(e.name() + " (" + Stats.countFinite(e.values()) + "/" + e.values().length + " seeds)");
        }
        if (reaching.isEmpty()) {
            return "Within " + within + ", no strategy reached " + what + " in most seeds; seeds that reached it: " + String.join(", ", missing) + ".";
        }
        reaching.sort(Comparator.comparingDouble(e -> Stats.median(e.values())));
        List<List<Entry>> groups = groupIdentical(reaching);
        StringBuilder s = new StringBuilder("Fastest to ").append(what).append(": ").append(describeSteps(groups.get(0)));
        if (groups.size() > 1) {
            List<Entry> next = groups.get(1);
            boolean overlap = Stats.medianInterval(groups.get(0).get(0).values()).overlaps(Stats.medianInterval(next.get(0).values()));
            s.append(overlap ? " — a tie with " : ", ahead of ").append(describeSteps(next)).append(overlap ? ": the 95 % CIs overlap" : "");
            for (List<Entry> g : groups.subList(2, groups.size())) s.append("; then ").append(describeSteps(g));
        }
        if (!missing.isEmpty()) s.append(". Not reached in most seeds by ").append(String.join(", ", missing));
        return s.append('.').toString();
    }

    private static String describeSteps(List<Entry> group) {
        double[] v = group.get(0).values();
        return names(group) + " (" + Fmt.medianCiInline(v, "steps") + "; reached in " + Stats.countFinite(v) + "/" + v.length + " seeds)";
    }

    /** "Highest {@code what}": the largest median of per-seed values, bootstrap intervals. */
    static String highest(String what, List<Entry> entries, boolean percent) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingDouble((Entry e) -> Stats.median(e.values())).reversed());
        List<List<Entry>> groups = groupIdentical(sorted);
        StringBuilder s = new StringBuilder("Highest ").append(what).append(": ").append(describe(groups.get(0), percent));
        if (groups.size() > 1) {
            List<Entry> next = groups.get(1);
            boolean overlap = Stats.medianInterval(groups.get(0).get(0).values()).overlaps(Stats.medianInterval(next.get(0).values()));
            s.append(overlap ? " — a tie with " : ", ahead of ").append(describe(next, percent)).append(overlap ? ": the 95 % CIs overlap" : "");
            for (List<Entry> g : groups.subList(2, groups.size())) s.append("; then ").append(describe(g, percent));
        }
        return s.append('.').toString();
    }

    private static String describe(List<Entry> group, boolean percent) {
        return names(group) + " (" + Fmt.medianCiInline(group.get(0).values(), percent ? "%" : "") + ")";
    }

    /**
     * "Most often {@code what}": counts of successes out of {@code n}, Wilson intervals.
     *
     * @param what a verb phrase in the past tense, e.g. "covered all 8 modes at the end"
     */
    static String mostOften(String what, List<String> names, int[] counts, int n) {
        Integer[] order = new Integer[names.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Integer.compare(counts[b], counts[a]));
        int top = counts[order[0]];
        if (top == 0) return "No run " + what + " (0 of " + n + " seeds for every strategy).";
        List<Integer> leaders = new ArrayList<>(), tied = new ArrayList<>(), behind = new ArrayList<>();
        for (Integer k : order) {
            if (counts[k] == top) leaders.add(k);
            else (Stats.wilson(top, n).overlaps(Stats.wilson(counts[k], n)) ? tied : behind).add(k);
        }
        StringBuilder s = new StringBuilder("Most often ").append(what).append(": ");
        s.append(String.join(", ", leaders.stream().map(names::get).toList())).append(leaders.size() > 1 ? ", each " : ", ").append(Fmt.share(top, n));
        if (!tied.isEmpty()) {
            s.append(" — not distinguishable (overlapping 95 % CIs) from ");
            s.append(String.join(", ", tied.stream().map(i -> names.get(i) + " " + Fmt.share(counts[i], n)).toList()));
        }
        if (!behind.isEmpty()) {
            s.append(tied.isEmpty() ? " — ahead of " : "; ahead of ");
            s.append(String.join(", ", behind.stream().map(i -> names.get(i) + " " + Fmt.share(counts[i], n)).toList()));
        }
        return s.append('.').toString();
    }

    /** Consecutive entries with equal values in every seed, as groups. */
    static List<List<Entry>> groupIdentical(List<Entry> sorted) {
        List<List<Entry>> groups = new ArrayList<>();
        for (Entry e : sorted) {
            List<Entry> match = null;
            for (List<Entry> g : groups) if (Arrays.equals(g.get(0).values(), e.values())) match = g;
            if (match != null) match.add(e);
            else groups.add(new ArrayList<>(List.of(e)));
        }
        return groups;
    }

    static String names(List<Entry> group) {
        return String.join(" = ", group.stream().map(Entry::name).toList()); // "=": identical in every seed
    }
}
