package minimax.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No method of the vector kernels takes or returns a Vector API type. C2 boxes the vectors that
 * cross a call it does not inline, and whether it inlines a helper varied between JVM runs: with
 * exp's polynomial in a helper, W1's step at batch 1,024 ran 2–3× slower and allocated 0.4–1.6 MB a
 * step in 5 of 6 fresh JVMs (see VectorMath). This keeps such helpers from coming back.
 */
class VectorCodeShapeTest {
    @Test
    void noKernelMethodPassesVectorsAcrossACall() {
        List<String> offenders = new ArrayList<>();
        for (Class<?> c : new Class<?>[] {VectorGemm.class, VectorMath.class}) {
            for (Method m : c.getDeclaredMethods()) {
                if (isVectorType(m.getReturnType())) offenders.add(c.getSimpleName() + "." + m.getName() + " returns " + m.getReturnType().getSimpleName());
                for (Class<?> p : m.getParameterTypes()) {
                    if (isVectorType(p)) offenders.add(c.getSimpleName() + "." + m.getName() + " takes " + p.getSimpleName());
                }
            }
        }
        assertEquals(List.of(), offenders, "write the vector code out in the loop instead of a helper");
    }

    private static boolean isVectorType(Class<?> t) {
        return t.getPackageName().equals("jdk.incubator.vector");
    }
}
