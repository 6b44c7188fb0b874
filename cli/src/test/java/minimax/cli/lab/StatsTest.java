package minimax.cli.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's statistics on hand-checked values, the CSV cell format, and the tie rule of its sentences. */
class StatsTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void quantilesInterpolateAsRsType7() {
        assertEquals(1.75, Stats.quantile(new double[] {4, 1, 3, 2}, 0.25), 1e-12);
        assertEquals(2.5, Stats.median(new double[] {4, 1, 3, 2}), 1e-12);
        assertEquals(3, Stats.median(new double[] {1, 3, INF}), "a censored value sorts last");
        assertEquals(INF, Stats.median(new double[] {1, INF, INF}), "not reached by most: the median is not reached");
        assertEquals(INF, Stats.median(new double[] {1, 2, INF, INF}));
    }

    @Test
    void wilsonIntervalsMatchPublishedValues() {
        // Wilson 95 %: 0/10 -> [0, 0.2775], 5/10 -> [0.2366, 0.7634], 20/20 -> [0.8389, 1]
        assertEquals(0.2775, Stats.wilson(0, 10).high(), 1e-4);
        assertEquals(0.2366, Stats.wilson(5, 10).low(), 1e-4);
        assertEquals(0.7634, Stats.wilson(5, 10).high(), 1e-4);
        assertEquals(0.8389, Stats.wilson(20, 20).low(), 1e-4);
        assertEquals(1.0, Stats.wilson(20, 20).high(), 1e-12);
    }

    @Test
    void theBootstrapIsDeterministicAndHoldsTheMedian() {
        double[] v = {5, 1, 9, 3, 7, 2, 8, 4, 6, 10};
        Stats.Interval a = Stats.medianInterval(v), b = Stats.medianInterval(v.clone());
        assertEquals(a, b);
        assertTrue(a.low() <= 5.5 && 5.5 <= a.high() && a.low() >= 1 && a.high() <= 10, a.toString());
        assertEquals(new Stats.Interval(3, 3), Stats.medianInterval(new double[] {3, 3, 3}));
    }

    @Test
    void cellsKeepSixSignificantDigitsAndRoundTrip() {
        assertEquals("0.123457", Table.text(0.12345678));
        assertEquals("1234570.0", Table.text(1234567.0));
        assertEquals("inf", Table.text(INF));
        assertEquals("nan", Table.text(Double.NaN));
        assertEquals("12", Table.text(12));
        assertEquals(INF, Table.parseNumber("inf"));
        Table t = new Table("name", "value");
        t.add("a, quoted \"name\"", 0.5);
        assertEquals(t.toCsv(), Table.parse(t.toCsv()).toCsv());
        assertEquals("a, quoted \"name\"", Table.parse(t.toCsv()).get(0, "name"));
    }

    @Test
    void sentencesCallATieATie() {
        double[] fast = {10, 11, 12, 10, 11, 12, 10, 11}, slow = {50, 52, 51, 53, 50, 52, 51, 53}, fastToo = {11, 12, 10, 11, 12, 10, 11, 12};
        String ahead = Verdicts.fastest("the goal", "60 steps", List.of(new Verdicts.Entry("slow", slow), new Verdicts.Entry("fast", fast)));
        assertTrue(ahead.startsWith("Fastest to the goal: fast (median 11") && ahead.contains(", ahead of slow"), ahead);
        String tie = Verdicts.fastest("the goal", "60 steps", List.of(new Verdicts.Entry("fast", fast), new Verdicts.Entry("fast too", fastToo)));
        assertTrue(tie.contains("a tie with") && tie.contains("the 95 % CIs overlap"), tie);
        String same = Verdicts.fastest("the goal", "60 steps", List.of(new Verdicts.Entry("a", fast), new Verdicts.Entry("b", fast.clone()), new Verdicts.Entry("c", slow)));
        assertTrue(same.contains("a = b (median") && same.contains("ahead of c"), same);
        String none = Verdicts.fastest("the goal", "60 steps", List.of(new Verdicts.Entry("a", new double[] {INF, INF, 3})));
        assertTrue(none.startsWith("Within 60 steps, no strategy reached the goal in most seeds") && none.contains("a (1/3 seeds)"), none);
        String often = Verdicts.mostOften("won", List.of("x", "y", "z"), new int[] {18, 17, 2}, 20);
        assertTrue(often.contains("x, 18/20") && often.contains("not distinguishable (overlapping 95 % CIs) from y") && often.contains("ahead of z 2/20"), often);
    }
}
