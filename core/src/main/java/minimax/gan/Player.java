package minimax.gan;

import java.util.ArrayList;
import java.util.List;
import minimax.autodiff.Gradients;
import minimax.autodiff.Value;
import minimax.autodiff.Variable;
import minimax.nn.Model;
import minimax.nn.NonFiniteLossException;
import minimax.optim.Optimizer;
import minimax.tensor.Tensor;

/**
 * One side of the game as data: a model, its optimizer, and the parameters it trains — the
 * model's trainable variables when the trainer was built. A step is the core's training step:
 * gradients of the player's loss with respect to its own parameters, then its optimizer's update.
 */
final class Player {
    final String role;
    final Model model;
    final Optimizer optimizer;
    final List<Variable> variables;

    Player(String role, Model model, Optimizer optimizer) {
        this.role = role;
        this.model = model;
        this.optimizer = optimizer;
        List<Variable> trainable = new ArrayList<>();
        for (Variable v : model.weights()) if (v.isTrainable()) trainable.add(v);
        this.variables = List.copyOf(trainable);
    }

    /**
     * Updates this player's parameters to lower (or, with a maximizing optimizer, raise) {@code loss}.
     *
     * @return the loss value, its natural sign
     * @throws NonFiniteLossException before any update if the loss is NaN or infinite
     */
    float step(Value loss, long step) {
        float value = loss.item();
        if (!Float.isFinite(value)) {
            throw new NonFiniteLossException("the " + role + "'s loss is " + value + " at GAN step " + step + "; training stopped before updating the " + role
                    + ". Lower the learning rates, use a bounded loss (non-saturating, least-squares), or check the data for NaN", step);
        }
        List<Value> leaves = new ArrayList<>(variables.size());
        for (Variable v : variables) leaves.add(Value.of(v));
        List<Tensor> grads = Gradients.of(loss, leaves);
        optimizer.apply(grads, variables);
        return value;
    }
}
