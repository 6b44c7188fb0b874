package minimax.nn;

import minimax.tensor.Rng;

/** A layer without weights whose output has the shape of its input (activations, dropout). */
abstract class ShapePreservingLayer extends Layer {
    ShapePreservingLayer(String prefix) {
        super(prefix);
    }

    @Override
    protected final int[] onBuild(int[] inputShape, Rng rng) {
        return inputShape;
    }
}
