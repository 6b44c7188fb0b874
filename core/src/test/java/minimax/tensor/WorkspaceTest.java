package minimax.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Arrays come back for reuse when the outermost workspace closes, zeroed when reused, and only on the opening thread. */
class WorkspaceTest {
    @Test
    void closingTakesArraysBackAndTheNextScopeReusesThemZeroed() {
        float[] first;
        try (Workspace w = Workspace.open()) {
            Tensor t = Tensor.zeros(10, 10);
            first = t.floatData();
            java.util.Arrays.fill(first, 7f);
            assertEquals(1, Workspace.handedOutCount());
        }
        assertEquals(0, Workspace.handedOutCount());
        try (Workspace w = Workspace.open()) {
            Tensor t = Tensor.zeros(100);
            assertSame(first, t.floatData(), "same length: the array is reused");
            assertArrayEquals(new float[100], t.floatData(), "and zeroed");
            assertNotSame(first, Tensor.zeros(100).floatData(), "a second array while the first is in use");
        }
    }

    @Test
    void outsideAWorkspaceSmallArraysAndFloat64ComeFromTheHeap() {
        float[] before;
        try (Workspace w = Workspace.open()) {
            before = Tensor.zeros(Workspace.MIN_SIZE).floatData();
            assertEquals(0, countAfter(() -> Tensor.zeros(Workspace.MIN_SIZE - 1)), "small: from the heap");
            assertEquals(0, countAfter(() -> Tensor.zeros(DType.FLOAT64, 200)), "float64: from the heap");
        }
        assertNotSame(before, Tensor.zeros(Workspace.MIN_SIZE).floatData(), "no workspace open: a fresh array");
    }

    private static int countAfter(Runnable r) {
        int before = Workspace.handedOutCount();
        r.run();
        return Workspace.handedOutCount() - before;
    }

    @Test
    void onlyTheOutermostCloseTakesArraysBack() {
        try (Workspace outer = Workspace.open()) {
            Tensor kept;
            try (Workspace inner = Workspace.open()) {
                kept = Tensor.ones(8, 8);
            }
            assertEquals(1, Workspace.handedOutCount());
            assertEquals(64f, kept.sum().item(), "still valid after the inner close");
        }
        assertEquals(0, Workspace.handedOutCount());
    }

    @Test
    void otherThreadsAreNotAffected() throws Exception {
        try (Workspace w = Workspace.open()) {
            int other = CompletableFuture.supplyAsync(() -> {
                Tensor.zeros(500);
                return Workspace.handedOutCount();
            }).get();
            assertEquals(0, other);
        }
    }

    @Test
    void disabledWorkspacesHandOutNothing() {
        Workspace.setEnabled(false);
        try (Workspace w = Workspace.open()) {
            Tensor.zeros(500);
            assertEquals(0, Workspace.handedOutCount());
        } finally {
            Workspace.setEnabled(true);
        }
    }

    @Test
    void closingMoreOftenThanOpeningIsAnError() {
        Workspace w = Workspace.open();
        w.close();
        assertThrows(IllegalStateException.class, w::close);
    }

    @Test
    void underTheTestSuitesPoisonATensorUsedAfterItsStepIsNaN() {
        assertTrue(Boolean.getBoolean("minimax.workspace.poison"), "the build runs tests with -Dminimax.workspace.poison=true");
        Tensor escaped;
        try (Workspace w = Workspace.open()) {
            escaped = Tensor.ones(100);
        }
        assertTrue(Float.isNaN(escaped.floatData()[0]), "poisoned");
    }

    @Test
    void onlyTheLastStepsLengthsAreKept() {
        try (Workspace w = Workspace.open()) {
            Tensor.zeros(300);
            Tensor.zeros(300);
        }
        try (Workspace w = Workspace.open()) {
            Tensor.zeros(400); // another shape: the 300-float arrays were not used in this step
        }
        assertEquals(1, Workspace.freeCount(), "only the 400-float array is held");
    }

    @Test
    void aStepThatNeedsFewerArraysKeepsTheSurplusForTheNextBiggerOne() {
        try (Workspace w = Workspace.open()) { // e.g. a step with lazy R1: three arrays
            Tensor.zeros(300);
            Tensor.zeros(300);
            Tensor.zeros(300);
        }
        try (Workspace w = Workspace.open()) { // a step without it: one
            Tensor.zeros(300);
        }
        assertEquals(3, Workspace.freeCount(), "the next R1 step finds all three again");
    }
}
