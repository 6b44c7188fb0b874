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
