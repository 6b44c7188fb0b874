package minimax.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-written cases for {@link Json}: exact round trips, RFC 8259 strictness and error messages. */
class JsonTest {

    private static Object roundTrip(Object value) throws FormatException {
        return Json.parse(Json.write(value));
    }

    /** Ordered map from alternating key/value arguments (Map.of has no order). */
    private static LinkedHashMap<String, Object> map(Object... keysAndValues) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    private static FormatException parseError(String text) {
        return assertThrows(FormatException.class, () -> Json.parse(text), () -> "should reject: " + text);
    }

    // ---------------------------------------------------------------- round trips

    @Test
    void nestedObjectsAndArraysRoundTripWithKeyOrderKept() throws FormatException {
        Object tree = map(
                "zeta", 1L,
                "alpha", Arrays.asList(true, false, null, "x", List.of(), map()),
                "mid", map("b", map("c", Arrays.asList(1L, 2.5, Arrays.asList(List.of("deep"))))),
                "empty", "");
        Object back = roundTrip(tree);
        assertEquals(tree, back);
        assertEquals(List.of("zeta", "alpha", "mid", "empty"), new ArrayList<>(((Map<?, ?>) back).keySet()));
        assertInstanceOf(LinkedHashMap.class, back);
    }

    @Test
    void parsesToTheDocumentedJavaTypes() throws FormatException {
        Map<?, ?> m = (Map<?, ?>) Json.parse(" {\"i\": -7, \"d\": 2.0, \"e\": 1e2, \"s\": \"x\", \"t\": true, \"n\": null, \"a\": []}\r\n\t");
        assertEquals(-7L, m.get("i"));
        assertEquals(2.0, m.get("d"));
        assertEquals(100.0, m.get("e"));
        assertEquals("x", m.get("s"));
        assertEquals(Boolean.TRUE, m.get("t"));
        assertTrue(m.containsKey("n"));
        assertNull(m.get("n"));
        assertEquals(List.of(), m.get("a"));
    }

    @Test
    void keyOrderIsKeptWhenParsing() throws FormatException {
        Map<?, ?> m = (Map<?, ?>) Json.parse("{\"c\":1,\"a\":2,\"b\":3}");
        assertEquals(List.of("c", "a", "b"), new ArrayList<>(m.keySet()));
    }

    @Test
    void unicodeRoundTripsIncludingSurrogatePairs() throws FormatException {
        String s = "héllo ✓ 日本 😀 𝄞 end";
        assertEquals(s, roundTrip(s));
        // A supplementary character written as an escaped surrogate pair, in both hex cases.
        assertEquals("😀", Json.parse("\"\\ud83d\\ude00\""));
        assertEquals("😀", Json.parse("\"\\uD83D\\uDE00\""));
        assertEquals("é", Json.parse("\"\\u00E9\""));
        assertEquals("\u0000", Json.parse("\"\\u0000\""));
    }

    /** A lone surrogate has no UTF-8 form, so it is escaped; a proper pair is written as is. */
    @Test
    void loneSurrogatesAreWrittenAsEscapes() throws FormatException {
        assertEquals("\"a\\ud800b\"", Json.write("a\ud800b"));
        assertEquals("\"\\udc00\\ud83d\"", Json.write("\udc00\ud83d")); // reversed pair: both lone
        assertEquals("\"\ud83d\ude00\"", Json.write("\ud83d\ude00"));
        assertEquals("x\udc00\ud800", roundTrip("x\udc00\ud800"));
    }

    @Test
    void everyEscapeIsReadAndWrittenBackReadably() throws FormatException {
        assertEquals("\" \\ / \b \f \n \r \t", Json.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\""));
        String all = "\"\\/\b\f\n\r\t";
        assertEquals("\"\\\"\\\\/\\b\\f\\n\\r\\t\"", Json.write(all));
        assertEquals(all, roundTrip(all));
    }

    @Test
    void everyControlCharacterIsEscapedAndRoundTrips() throws FormatException {
        StringBuilder sb = new StringBuilder();
        for (char c = 0; c < 0x20; c++) sb.append(c);
        sb.append('\u007f');
        String text = Json.write(sb.toString());
        for (int i = 0; i < text.length(); i++) assertTrue(text.charAt(i) >= 0x20, "raw control character in " + text);
        assertTrue(text.contains("\\u0001") && text.contains("\\u001f"), text);
        assertEquals(sb.toString(), Json.parse(text));
    }

    @Test
    void largeLongsRoundTripExactly() throws FormatException {
        for (long v : new long[] {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 9007199254740993L /* 2^53 + 1, not a double */}) {
            assertEquals(v, roundTrip(v));
        }
        // Integers beyond long become doubles, as documented.
        assertEquals(9.223372036854775808E18, Json.parse("9223372036854775808"));
    }

    @Test
    void integerBoxesAreWrittenAsIntegers() throws FormatException {
        assertEquals("[1,-2,3,4]", Json.write(List.of(1, (short) -2, (byte) 3, 4L)));
    }

    @Test
    void doublesRoundTripBitForBit() throws FormatException {
        double[] values = {0.1, 1e-7, -0.0, 0.0, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL, 1.0, 1e22, 123456.789e-300, Math.PI};
        for (double v : values) {
            Object back = roundTrip(v);
            assertInstanceOf(Double.class, back, "for " + v);
            assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits((Double) back), "for " + v + " written as " + Json.write(v));
        }
        assertEquals("1.7976931348623157E308", Json.write(1.7976931348623157E308));
        assertEquals(Double.MAX_VALUE, Json.parse("1.7976931348623157E308"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) Json.parse("-0.0")));
    }

    @Test
    void floatsRoundTripExactlyThroughTheDoubleTheyWidenTo() throws FormatException {
        // 7.038531E-26f: Float.toString's short text, parsed as a double and narrowed, lands one ulp off
        float[] values = {0.1f, 1e-7f, -0.0f, Float.MAX_VALUE, Float.MIN_VALUE, Float.MIN_NORMAL, 16777217f, 3.4e-39f, 1f / 3,
            Float.intBitsToFloat(0x15ae43fd)};
        for (float v : values) {
            String text = Json.write(v);
            assertEquals(Double.toString(v), text);
            double back = (Double) Json.parse(text);
            assertEquals(Float.floatToRawIntBits(v), Float.floatToRawIntBits((float) back), "for " + v + " written as " + text);
        }
    }

    @Test
    void numberGrammarAcceptsRfcForms() throws FormatException {
        assertEquals(0L, Json.parse("0"));
        assertEquals(0L, Json.parse("-0"));
        assertEquals(0.5, Json.parse("0.5"));
        assertEquals(-0.5, Json.parse("-0.5"));
        assertEquals(1e5, Json.parse("1E+5"));
        assertEquals(1e-5, Json.parse("1e-5"));
        assertEquals(0.0, Json.parse("0e0"));
        assertEquals(10L, Json.parse("10"));
    }

    // ---------------------------------------------------------------- errors

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // text                | expected                      | offset | found
            "[1 2]                 | ',' or ']'                    | 3      | '2'",
            "{\"a\":1 \"b\":2}     | ',' or '}'                    | 7      | '\"'",
            "[1,]                  | a value                       | 3      | ']'",
            "{\"a\":1,}            | a string key                  | 7      | '}'",
            "{,}                   | a string key                  | 1      | ','",
            "{\"a\" 1}             | ':'                           | 5      | '1'",
            "{1:2}                 | a string key                  | 1      | '1'",
            "\"abc                 | a closing '\"'                | 4      | end of input",
            "[\"abc                | a closing '\"'                | 5      | end of input",
            "\"a\\x\"              | a valid escape                | 3      | 'x'",
            "\"a\\                 | an escape character           | 3      | end of input",
            "\"\\u12G4\"           | four hex digits               | 3      | '1'",
            "\"\\u12\"             | four hex digits               | 3      | '1'",
            "{} x                  | end of input                  | 3      | 'x'",
            "[1]]                  | end of input                  | 3      | ']'",
            "truex                 | end of input                  | 4      | 'x'",
            "tru                   | 'true'                        | 0      | 't'",
            "nul                   | 'null'                        | 0      | 'n'",
            "``                    | a value                       | 0      | end of input",
            "`   `                 | a value                       | 3      | end of input",
            "[                     | a value                       | 1      | end of input",
            "{                     | a string key                  | 1      | end of input",
            "[1                    | ',' or ']'                    | 2      | end of input",
            "NaN                   | a value                       | 0      | 'N'",
            "Infinity              | a value                       | 0      | 'I'",
            "-Infinity             | a digit                       | 1      | 'I'",
            "+1                    | a value                       | 0      | '+'",
            ".5                    | a value                       | 0      | '.'",
            "-                     | a digit                       | 1      | end of input",
            "1.                    | a digit after '.'             | 2      | end of input",
            "1.e5                  | a digit after '.'             | 2      | 'e'",
            "1e                    | a digit in the exponent       | 2      | end of input",
            "1e+                   | a digit in the exponent       | 3      | end of input",
            "'a'                   | a value                       | 0      | '''",
            "[1,,2]                | a value                       | 3      | ','",
            "\u00a01               | a value                       | 0      | '\u00a0'",
    })
    void malformedTextNamesOffsetExpectedAndFound(String text, String expected, int offset, String found) {
        String message = parseError(text).getMessage();
        assertTrue(message.contains("expected " + expected), message);
        assertTrue(message.contains("at offset " + offset + ","), message);
        assertTrue(message.endsWith("found " + found), message);
    }

    /** RFC 8259 §6: "Leading zeros are not allowed." */
    @ParameterizedTest
    @ValueSource(strings = {"012", "00", "-012", "-00", "01.5", "[012]", "{\"a\":07}", "00e1"})
    void leadingZerosAreRejected(String text) {
        String message = parseError(text).getMessage();
        assertTrue(message.contains("offset"), message);
        assertTrue(message.contains("leading zero"), message);
    }

    @Test
    void rawControlCharactersInStringsAreRejected() {
        for (char c : new char[] {'\n', '\t', '\u0000', '\u001f'}) {
            String message = parseError("\"a" + c + "b\"").getMessage();
            assertTrue(message.contains("expected an escaped control character at offset 2"), message);
        }
    }

    @Test
    void duplicateKeysAreRejectedNamingTheKey() {
        String message = parseError("{\"a\":1,\"b\":{\"a\":2},\"a\":3}").getMessage();
        assertTrue(message.contains("duplicate JSON key \"a\""), message);
        assertTrue(message.contains("offset"), message);
        // Also inside a nested object, even with equal values.
        assertTrue(parseError("{\"x\":{\"k\":1,\"k\":1}}").getMessage().contains("duplicate JSON key \"k\""));
    }

    @Test
    void sameKeyInDifferentObjectsIsAllowed() throws FormatException {
        assertEquals(2, ((List<?>) Json.parse("[{\"k\":1},{\"k\":2}]")).size());
    }

    /** Signs or non-ASCII digits must not slip through Java's lenient number parsers. */
    @ParameterizedTest
    @ValueSource(strings = {"\"\\u+123\"", "\"\\u-123\"", "\"\\u 123\"", "1\u0663", "1.\u0663", "[1e\u0663]", "\u0661", "-\u0661", "\uff11"})
    void onlyAsciiDigitsCount(String text) {
        assertThrows(FormatException.class, () -> Json.parse(text));
    }

    @Test
    void numbersTooLargeForADoubleAreRejectedRatherThanReadAsInfinity() {
        for (String text : new String[] {"1e400", "-1e400", "1" + "0".repeat(400) + ".0"}) {
            String message = parseError(text).getMessage();
            assertTrue(message.contains("out of range") && message.contains("offset 0"), message);
        }
    }

    @Test
    void underflowingNumbersBecomeZeroAsInEveryJsonReader() throws FormatException {
        assertEquals(0.0, Json.parse("1e-400"));
    }

    @Test
    void nestingUpToMaxDepthIsAcceptedAndOneMoreIsRejected() throws FormatException {
        int n = Json.MAX_DEPTH;
        Json.parse("[".repeat(n) + "]".repeat(n));
        Json.parse("[".repeat(n) + "1" + "]".repeat(n));
        Json.parse("{\"k\":".repeat(n - 1) + "{}" + "}".repeat(n - 1));
        for (String text : new String[] {
                "[".repeat(n + 1) + "]".repeat(n + 1),
                "[".repeat(n + 1) + "1" + "]".repeat(n + 1),
                "{\"k\":".repeat(n) + "{}" + "}".repeat(n)}) {
            String message = parseError(text).getMessage();
            assertTrue(message.contains("deeper than " + Json.MAX_DEPTH), message);
            assertTrue(message.contains("offset"), message);
        }
    }

    @Test
    void hostileDepthIsAFormatExceptionNotAStackOverflow() {
        assertThrows(FormatException.class, () -> Json.parse("[".repeat(1_000_000)));
        assertThrows(FormatException.class, () -> Json.parse("{\"a\":".repeat(200_000)));
    }

    // ---------------------------------------------------------------- writing errors

    @Test
    void writeRefusesNonFiniteNumbersNamingThem() {
        Object[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (Object v : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.write(List.of(1L, map("x", v))));
            assertTrue(e.getMessage().contains("JSON cannot hold the number " + v), e.getMessage());
        }
    }

    @Test
    void writeRefusesUnsupportedTypesNamingTheClass() {
        Object[] bad = {new Object(), new int[] {1}, 'c', java.time.Duration.ZERO};
        for (Object v : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.write(map("k", v)));
            assertTrue(e.getMessage().contains(v.getClass().getName()), e.getMessage());
        }
    }

    @Test
    void writeRefusesNonStringKeys() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(1, "one");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.write(m));
        assertTrue(e.getMessage().contains("keys must be strings, got 1"), e.getMessage());
        Map<Object, Object> nullKey = new LinkedHashMap<>();
        nullKey.put(null, "x");
        assertThrows(IllegalArgumentException.class, () -> Json.write(nullKey));
    }

    /** Writing a Number with {@code longValue()} would silently truncate 1.5 to 1 or wrap 2^64. */
    @Test
    void writeNeverTruncatesOtherNumberTypes() throws FormatException {
        for (Object v : new Object[] {new BigDecimal("1.5"), BigInteger.ONE.shiftLeft(64)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.write(v));
            assertTrue(e.getMessage().contains(v.getClass().getName()), e.getMessage());
        }
        assertEquals(Long.MIN_VALUE, roundTrip(BigInteger.valueOf(Long.MIN_VALUE)));
    }

    @Test
    void writeIsCompactAndKeepsInsertionOrder() {
        assertEquals("{\"b\":[1,true,null],\"a\":{\"s\":\"\u00e9/\"}}", Json.write(map("b", Arrays.asList(1L, true, null), "a", map("s", "é/"))));
        assertEquals("null", Json.write(null));
    }
}
