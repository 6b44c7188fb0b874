package minimax.cli.lab;

/** Where the lab reports progress: training steps done since the last call, and what runs now. */
@FunctionalInterface
public interface Progress {
    /** Progress that is not shown. */
    Progress NONE = (steps, status) -> {};

    /**
     * @param steps training steps finished since the last call
     * @param status a short description of the current run, e.g. {@code "ascent: maximize flag, seed 3/20"}
     */
    void advance(long steps, String status);

    /** A new part of the run begins: {@code steps} training steps described by {@code title} (their costs differ from part to part). */
    default void phase(String title, long steps) {}
}
