package minimax.nn;

import java.util.Map;
import minimax.autodiff.Value;

/**
 * {@code x > 0 ? x : slope·x}. Keras 3's layer default slope is 0.3; GANs usually take 0.2
 * ({@code new LeakyReLU(0.2f)}). No weights.
 */
public final class LeakyReLU extends ShapePreservingLayer {
    /** Keras 3's default {@code negative_slope} for the layer. */
    public static final float DEFAULT_SLOPE = 0.3f;
    private final float slope;

    /** With Keras's default slope 0.3. */
    public LeakyReLU() {
        this(DEFAULT_SLOPE);
    }

    /** @param negativeSlope the slope for negative inputs, ≥ 0 */
    public LeakyReLU(float negativeSlope) {
        super("leaky_re_lu");
        if (!(negativeSlope >= 0) || Float.isInfinite(negativeSlope)) throw new IllegalArgumentException("LeakyReLU negativeSlope must be finite and >= 0, got " + negativeSlope);
        this.slope = negativeSlope;
    }

    @Override
    protected Value forward(Value x, CallContext context) {
        return x.leakyRelu(slope);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = baseConfig();
        c.put("negative_slope", (double) slope);
        return c;
    }
}
