package minimax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SeedScenarioTest {
    @Test
    void everyStrategyRaisesTheMseAndNegativeRatesAreRefused() {
        SeedScenario.Result r = SeedScenario.run(64, 300, 100, 1e-2, 1);
        assertEquals(3, r.curves.size());
        for (SeedScenario.Curve c : r.curves.values()) {
            double first = c.mse.get(0), last = c.mse.get(c.mse.size() - 1);
            assertTrue(last > first, c.strategy + ": MSE should rise, " + first + " -> " + last);
            assertTrue(last <= r.maxReachableMse + 1e-9, c.strategy + " cannot exceed the reachable maximum");
        }
        assertEquals(r.curves.get("negated loss").mse, r.curves.get("maximize flag").mse, "negated loss and maximize flag train identically");
        assertTrue(r.negativeLearningRateMessage.contains("maximize()"), r.negativeLearningRateMessage);
    }

    @Test
    void printsATableAndTheRefusal() {
        SeedScenario.Result r = SeedScenario.run(16, 20, 10, 1e-3, 2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SeedCommand.print(r, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("negated loss") && text.contains("maximize flag") && text.contains("inverse MSE"), text);
        assertTrue(text.contains("is refused"), text);
    }

    @Test
    void badFlagsGetOneClearMessageAndExitCode2() {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, Main.execute("seed", "--steps", "ten"));
            assertEquals(2, Main.execute("seed", "--lr", "-0.001"));
            assertEquals(2, Main.execute("seeed"));
        } finally {
            System.setErr(oldErr);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("--steps") && text.contains("ten"), text);
        assertTrue(text.contains("maximize()"), text);
        assertTrue(!text.contains("at minimax."), "no stack trace: " + text);
    }
}
