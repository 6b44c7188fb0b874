package minimax.format;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Random JSON-able trees and random text against {@link Json}. */
class JsonPropertiesTest {

    /** Strings over every char, including lone surrogates, control characters and quotes. */
    private static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(8),
                Arbitraries.strings().withChars("\"\\/\b\f\n\r\t\u0000\u001f\u007fé😀 a").ofMaxLength(8));
    }

    private static Arbitrary<Object> leaves() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.of(true, false),
                Arbitraries.longs(),
                Arbitraries.doubles().filter(Double::isFinite),
                // raw bit patterns reach subnormals, -0.0 and the extremes that Arbitraries.doubles() rarely hits
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
                strings());
    }

    /** A JSON tree: nulls, booleans, longs, finite doubles, strings, lists and insertion-ordered maps. */
    @Provide
    Arbitrary<Object> trees() {
        return Arbitraries.recursive(JsonPropertiesTest::leaves, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(strings(), inner).ofMaxSize(4).map(m -> (Object) new LinkedHashMap<>(m))), 0, 4);
    }

    @Property(tries = 300)
    boolean writeThenParseGivesAnEqualTree(@ForAll("trees") Object tree) throws FormatException {
        return sameTree(tree, Json.parse(Json.write(tree)));
    }

    /**
     * Deep equality that also compares map key order and distinguishes -0.0 from 0.0 ({@code Double.equals}
     * compares bits).
     */
    private static boolean sameTree(Object a, Object b) {
        if (a instanceof Map && b instanceof Map) {
            Map<?, ?> x = (Map<?, ?>) a, y = (Map<?, ?>) b;
            if (!new ArrayList<>(x.keySet()).equals(new ArrayList<>(y.keySet()))) return false;
            for (Object k : x.keySet()) if (!sameTree(x.get(k), y.get(k))) return false;
            return true;
        }
        if (a instanceof List && b instanceof List) {
            List<?> x = (List<?>) a, y = (List<?>) b;
            if (x.size() != y.size()) return false;
            Iterator<?> i = x.iterator(), j = y.iterator();
            while (i.hasNext()) if (!sameTree(i.next(), j.next())) return false;
            return true;
        }
        return Objects.equals(a, b);
    }

    @Property(tries = 2000)
    boolean everyFiniteFloatReadsBackBitForBit(@ForAll int bits) throws FormatException {
        float f = Float.intBitsToFloat(bits);
        if (!Float.isFinite(f)) return true;
        return Float.floatToRawIntBits((float) (double) (Double) Json.parse(Json.write(f))) == bits;
    }

    /** Json.parse may reject anything, but only ever with a FormatException. */
    @Property(tries = 2000)
    void randomTextIsParsedOrRejectedWithFormatExceptionOnly(@ForAll("jsonishText") String text) {
        try {
            Json.parse(text);
        } catch (FormatException expected) {
            // fine
        }
    }

    @Provide
    Arbitrary<String> jsonishText() {
        return Arbitraries.strings().withChars("{}[],:\"\\/ -+.0123456789eEtruefalsnbu\u0663\uff11\n\t").ofMaxLength(24);
    }

    /** Deleting one character of valid JSON gives valid JSON or a FormatException, never another exception. */
    @Property(tries = 200)
    void cuttingValidTextNeverThrowsAnythingButFormatException(@ForAll("trees") Object tree, @ForAll @IntRange(min = 0, max = 10_000) int at) {
        String text = Json.write(tree);
        if (text.isEmpty()) return;
        int i = at % text.length();
        String cut = text.substring(0, i) + text.substring(i + 1);
        try {
            Json.parse(cut);
        } catch (FormatException expected) {
            // fine
        }
    }
}
