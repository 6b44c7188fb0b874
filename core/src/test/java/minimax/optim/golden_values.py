"""Golden values for the optimizer tests in this folder, evaluated in double from Keras 3's update rules.

Run with `python3 golden_values.py` (needs numpy only for float32 casts). Each function is the rule as
written in the Javadoc of the optimizer; the only float32 effects kept are Keras's casts that change the
result by more than the tests' tolerance (Adam's beta**t, taken in float32 from a float32 beta).
"""
import math

import numpy as np


def f32(x):
    return float(np.float32(x))


def adam(w, grads, lr, b1, b2, eps, amsgrad, wd=0.0):
    w = np.array(w, float); m = np.zeros_like(w); v = np.zeros_like(w); vhat = np.zeros_like(w)
    for t, g in enumerate(grads, 1):
        g = np.array(g, float)
        w = w - w * wd * lr                                     # decoupled weight decay first
        # Keras casts beta to float32 and takes the power in float32: 1 - beta**t then cancels digits,
        # so this rounding shows in the result (1 - 0.999f**2 is off by 1.5e-5 relative from 1 - 0.999**2)
        alpha = lr * math.sqrt(1 - f32(f32(b2) ** t)) / (1 - f32(f32(b1) ** t))
        m = m + (g - m) * (1 - b1)
        v = v + (g * g - v) * (1 - b2)
        if amsgrad:
            vhat = np.maximum(vhat, v)
        w = w - m * alpha / (np.sqrt(vhat if amsgrad else v) + eps)
        print("   ", [repr(float(x)) for x in w])


def rmsprop(w, lr, rho, momentum, eps, centered, steps):
    """On f(w) = w²/2, so g = w (the example in Keras's RMSprop docstring)."""
    v = a = p = 0.0
    for _ in range(steps):
        g = w
        v = rho * v + (1 - rho) * g * g
        if centered:
            a = rho * a + (1 - rho) * g
            d = v - a * a + eps
        else:
            d = v + eps
        inc = lr * g / math.sqrt(d)
        if momentum > 0:
            p = momentum * p + inc
            w = w - p
        else:
            w = w - inc
        print("   ", repr(w))


def optimistic_sgd(w, grads, lr, wd=0.0, maximize=False):
    """OptimisticSGD: w <- w - lr*(2g - g_prev), with g_prev = g on the first step (a plain SGD step)."""
    w = np.array(w, float); prev = None
    for g in grads:
        g = -np.array(g, float) if maximize else np.array(g, float)   # maximize negates first
        prev = g if prev is None else prev
        w = w - w * wd * lr                                          # decoupled weight decay, then the step
        w = w - lr * (2 * g - prev)
        prev = g
        print("   ", [repr(float(x)) for x in w])


def bilinear_rates(eta):
    """f(x, y) = x*y, x descends, y ascends, simultaneously; z = x + iy.
    SGD: z <- z*(1 + i*eta), so |z| grows by sqrt(1 + eta^2) per step.
    OGDA: z_{t+1} = z_t + i*eta*(2 z_t - z_{t-1}); roots of l^2 - (1 + 2i*eta) l + i*eta = 0 are
    l = ((1 + 2i*eta) +- sqrt(1 - 4 eta^2)) / 2, the larger of modulus sqrt((1 + sqrt(1 - 4 eta^2)) / 2)."""
    sgd = math.sqrt(1 + eta * eta)
    roots = np.roots([1, -(1 + 2j * eta), 1j * eta])
    ogda = math.sqrt((1 + math.sqrt(1 - 4 * eta * eta)) / 2)
    assert abs(max(abs(roots)) - ogda) < 1e-12
    # with a plain first step, z_1 = z_0 (1 + i*eta), so z_t = A l+^t + B l-^t with |A| / |z_0| =
    # |1 + i*eta - l-| / |l+ - l-|; the norm falls below 1e-3 of the start after about
    # log(1e-3 / |A|) / log(|l+|) steps
    lp, lm = sorted(roots, key=abs, reverse=True)
    a = abs(1 + 1j * eta - lm) / abs(lp - lm)
    print("    sgd growth %r, ogda contraction %r, |A| %r, steps to 1e-3 ~ %.1f"
          % (sgd, ogda, float(a), math.log(1e-3 / a) / math.log(ogda)))


def adagrad(w, grads, lr, acc, eps):
    for g in grads:
        acc += g * g
        w = w - lr * g / math.sqrt(acc + eps)
        print("   ", repr(w))


print("Adam defaults"); adam([0, 0], [[1, -2], [0.01, 3], [0.01, 0.5]], 1e-3, 0.9, 0.999, 1e-7, False)
print("Adam defaults, amsgrad"); adam([0, 0], [[1, -2], [0.01, 3], [0.01, 0.5]], 1e-3, 0.9, 0.999, 1e-7, True)
print("Adam lr 0.1, betas 0.5"); adam([0], [[1], [0], [0.5]], 0.1, 0.5, 0.5, 1e-7, False)
print("Adam lr 0.1, betas 0.5, amsgrad"); adam([0], [[1], [0], [0.5]], 0.1, 0.5, 0.5, 1e-7, True)
print("AdamW defaults"); adam([1, -2], [[0.5, 0.5], [0.5, 0.5]], 1e-3, 0.9, 0.999, 1e-7, False, 0.004)
print("Adam lr 0.1, betas 0.5, weight decay 0.25"); adam([1], [[1], [0], [0.5]], 0.1, 0.5, 0.5, 1e-7, False, 0.25)
print("RMSprop lr 0.1"); rmsprop(10.0, 0.1, 0.9, 0, 1e-7, False, 3)
print("RMSprop lr 0.1, centered"); rmsprop(10.0, 0.1, 0.9, 0, 1e-7, True, 3)
print("RMSprop lr 0.1, momentum 0.5"); rmsprop(10.0, 0.1, 0.9, 0.5, 1e-7, False, 3)
print("Adagrad lr 0.1"); adagrad(1.0, [1, 0.5, -1], 0.1, 0.1, 1e-7)
print("OptimisticSGD lr 1/4"); optimistic_sgd([1, -2], [[0.5, -1], [1, 1], [-2, 0.25]], 0.25)
print("OptimisticSGD lr 1/4, weight decay 1/2, maximize"); optimistic_sgd([2], [[1], [0], [-1]], 0.25, 0.5, True)
print("Bilinear game, eta 0.1"); bilinear_rates(0.1)
print("Bilinear game, eta 0.2"); bilinear_rates(0.2)
