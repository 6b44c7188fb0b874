package minimax.nn;

import java.util.Map;
import minimax.autodiff.Value;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;

/**
 * Inverted dropout: in training, each element is zeroed with probability {@code rate} and the rest
 * are scaled by {@code 1/(1−rate)}, so inference needs no rescaling; outside training it is the
 * identity. Masks come from the call's generator ({@link CallContext#rng()}).
 */
public final class Dropout extends ShapePreservingLayer {
    private final float rate;

    /** @param rate the fraction to drop, in {@code [0, 1)} */
    public Dropout(float rate) {
        super("dropout");
        if (!(rate >= 0 && rate < 1)) throw new IllegalArgumentException("Dropout rate must be in [0, 1), got " + rate);
        this.rate = rate;
    }

    @Override
    protected Value forward(Value x, CallContext context) {
        if (!context.training() || rate == 0f) return x;
        Rng rng = context.rng().split();
        float keep = 1f - rate;
        float scale = 1f / keep;
        float[] mask = new float[x.data().size()];
        for (int i = 0; i < mask.length; i++) mask[i] = rng.nextDouble() < keep ? scale : 0f;
        Tensor m = Tensor.wrap(mask, x.shape());
        return x.mul(x.data().dtype() == minimax.tensor.DType.FLOAT64 ? m.toFloat64() : m);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = baseConfig();
        c.put("rate", (double) rate);
        return c;
    }
}
