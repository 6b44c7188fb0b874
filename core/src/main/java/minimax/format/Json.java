package minimax.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader and writer (RFC 8259), enough for model metadata.
 *
 * <p>Reading maps objects to {@code LinkedHashMap<String, Object>} (key order kept), arrays to
 * {@code List<Object>}, strings to {@code String}, {@code true/false} to {@code Boolean},
 * {@code null} to {@code null}, integers without fraction or exponent that fit to {@code Long}, and
 * other numbers to {@code Double} (numbers beyond the double range are refused). Writing accepts
 * those types plus {@code Float}, {@code Integer}, {@code Short}, {@code Byte} and a
 * {@code BigInteger} that fits a long; other numbers are refused rather than rounded. Doubles are
 * written with {@link Double#toString}, floats as the double they widen to, so they read back
 * exactly. Nesting is limited to {@value #MAX_DEPTH} levels so hostile input cannot exhaust the stack.
 *
 * <p>Typed accessors such as {@link #getLong} read the fields of a parsed object with one clear
 * {@link FormatException} naming the key when it is missing or of the wrong type.
 *
 * <pre>{@code
 * Map<String, Object> layer = (Map<String, Object>) Json.parse("{\"class\":\"Dense\",\"units\":4}");
 * long units = Json.getLong(layer, "units");   // 4
 * String text = Json.write(layer);             // {"class":"Dense","units":4}
 * }</pre>
 */
public final class Json {
    /** Deepest nesting accepted. */
    public static final int MAX_DEPTH = 256;

    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    /**
     * Parses one JSON value, which must be the whole text (surrounding whitespace allowed).
     *
     * @throws FormatException with the offset and what was expected and found
     */
    public static Object parse(String text) throws FormatException {
        Json p = new Json(text);
        p.skipWhitespace();
        Object v = p.value(0);
        p.skipWhitespace();
        if (p.pos != text.length()) throw p.error("end of input");
        return v;
    }

    private Object value(int depth) throws FormatException {
        if (pos >= text.length()) throw error("a value");
        char c = text.charAt(pos);
        // depth counts the containers around this value; opening one more must stay within MAX_DEPTH
        if ((c == '{' || c == '[') && depth >= MAX_DEPTH) throw new FormatException("JSON nested deeper than " + MAX_DEPTH + " levels at offset " + pos);
        switch (c) {
            case '{': return object(depth);
            case '[': return array(depth);
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            default:
                if (c == '-' || isDigit(c)) return number();
                throw error("a value");
        }
    }

    private Map<String, Object> object(int depth) throws FormatException {
        Map<String, Object> m = new LinkedHashMap<>();
        pos++;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return m;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') throw error("a string key");
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            if (m.containsKey(key)) throw new FormatException("duplicate JSON key \"" + key + "\" at offset " + pos);
            m.put(key, value(depth + 1));
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') return m;
            if (c != ',') {
                pos--;
                throw error("',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) throws FormatException {
        List<Object> list = new ArrayList<>();
        pos++;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipWhitespace();
            list.add(value(depth + 1));
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') return list;
            if (c != ',') {
                pos--;
                throw error("',' or ']'");
            }
        }
    }

    private String string() throws FormatException {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw error("a closing '\"'");
            char c = text.charAt(pos++);
            if (c == '"') return sb.toString();
            if (c < 0x20) {
                pos--;
                throw error("an escaped control character");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) throw error("an escape character");
            char e = text.charAt(pos++);
            switch (e) {
                case '"': sb.append('"'); break;
                case '\\': sb.append('\\'); break;
                case '/': sb.append('/'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'u': {
                    if (pos + 4 > text.length()) throw error("four hex digits");
                    int code = 0;
                    for (int i = pos; i < pos + 4; i++) {
                        char h = text.charAt(i);
                        int digit = isDigit(h) ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                        if (digit < 0) throw error("four hex digits");
                        code = code * 16 + digit;
                    }
                    sb.append((char) code);
                    pos += 4;
                    break;
                }
                default:
                    pos--;
                    throw error("a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
            }
        }
    }

    private Object number() throws FormatException {
        int start = pos;
        if (peek() == '-') pos++;
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) throw error("'.', 'e' or the end of the number (JSON forbids leading zeros)");
        } else if (isDigit(peek())) {
            while (isDigit(peek())) pos++;
        } else {
            throw error("a digit");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) throw error("a digit after '.'");
            while (isDigit(peek())) pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!isDigit(peek())) throw error("a digit in the exponent");
            while (isDigit(peek())) pos++;
        }
        String s = text.substring(start, pos);
        if (integral) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException tooLarge) {
                // fall through to double
            }
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) throw new FormatException("invalid JSON: the number at offset " + start + " is out of range for a double");
        return d;
    }

    /** ASCII digits only: {@link Character#isDigit} also accepts other scripts' digits, which JSON does not. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) throws FormatException {
        if (!text.startsWith(word, pos)) throw error("'" + word + "'");
        pos += word.length();
        return value;
    }

    private void expect(char c) throws FormatException {
        if (peek() != c) throw error("'" + c + "'");
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            pos++;
        }
    }

    private FormatException error(String expected) {
        String found = pos >= text.length() ? "end of input" : describe(text.charAt(pos));
        return new FormatException("invalid JSON: expected " + expected + " at offset " + pos + ", found " + found);
    }

    /** A character as a message shows it: control characters and lone surrogates would not print. */
    private static String describe(char c) {
        return c < 0x20 || c == 0x7f || Character.isSurrogate(c) ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    // ---------------------------------------------------------------- typed access

    /** The string at {@code key} of a parsed object; throws naming the key when it is missing or not a string. */
    public static String getString(Map<String, Object> object, String key) throws FormatException {
        return get(object, key, String.class, "a string");
    }

    /** The integer at {@code key} of a parsed object (a JSON number without fraction or exponent). */
    public static long getLong(Map<String, Object> object, String key) throws FormatException {
        return get(object, key, Long.class, "an integer");
    }

    /** The number at {@code key} of a parsed object, integer or not, as a double. */
    public static double getDouble(Map<String, Object> object, String key) throws FormatException {
        return get(object, key, Number.class, "a number").doubleValue();
    }

    /** The boolean at {@code key} of a parsed object. */
    public static boolean getBoolean(Map<String, Object> object, String key) throws FormatException {
        return get(object, key, Boolean.class, "true or false");
    }

    /** The array at {@code key} of a parsed object. */
    @SuppressWarnings("unchecked")
    public static List<Object> getList(Map<String, Object> object, String key) throws FormatException {
        return get(object, key, List.class, "an array");
    }

    /** The object at {@code key} of a parsed object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> getObject(Map<String, Object> object, String key) throws FormatException {
        return get(object, key, Map.class, "an object");
    }

    private static <T> T get(Map<String, Object> object, String key, Class<T> type, String expected) throws FormatException {
        Object v = object.get(key);
        if (type.isInstance(v)) return type.cast(v);
        if (v == null && !object.containsKey(key)) throw new FormatException("missing key \"" + key + "\", expected " + expected);
        String found = v == null ? "null"
                : v instanceof String ? "the string " + shorten(write(v))
                : v instanceof Map ? "an object"
                : v instanceof List ? "an array"
                : write(v);
        throw new FormatException("key \"" + key + "\" must be " + expected + ", found " + found);
    }

    private static String shorten(String quoted) {
        return quoted.length() <= 40 ? quoted : quoted.substring(0, 36) + "…\"";
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes a value as compact JSON.
     *
     * @throws IllegalArgumentException for NaN or infinite numbers and unsupported types
     */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb);
        return sb.toString();
    }

    private static void write(Object v, StringBuilder sb) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String) {
            quote((String) v, sb);
        } else if (v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) throw new IllegalArgumentException("JSON cannot hold the number " + v);
            // a Float as the exact double it widens to: readers parse numbers as doubles, and parsing
            // Float.toString's shorter text as a double then narrowing can land one ulp off (7.038531E-26f)
            sb.append(Double.toString(d));
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            sb.append(((Number) v).longValue());
        } else if (v instanceof java.math.BigInteger && ((java.math.BigInteger) v).bitLength() < 64) {
            sb.append(v); // reads back as a Long
        } else if (v instanceof Map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (!(e.getKey() instanceof String)) throw new IllegalArgumentException("JSON object keys must be strings, got " + e.getKey());
                if (!first) sb.append(',');
                first = false;
                quote((String) e.getKey(), sb);
                sb.append(':');
                write(e.getValue(), sb);
            }
            sb.append('}');
        } else if (v instanceof List) {
            sb.append('[');
            boolean first = true;
            for (Object o : (List<?>) v) {
                if (!first) sb.append(',');
                first = false;
                write(o, sb);
            }
            sb.append(']');
        } else {
            String hint = v instanceof Number ? " (" + v + "); convert it to a Long or a finite Double" : "";
            throw new IllegalArgumentException("JSON cannot hold a " + v.getClass().getName() + hint);
        }
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                default:
                    // a lone surrogate has no UTF-8 form, so escape it to keep the text encodable losslessly
                    if (c < 0x20 || isLoneSurrogate(s, i)) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
            }
        }
        sb.append('"');
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        if (Character.isLowSurrogate(c)) return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        return false;
    }
}
