package minimax.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The typed accessors of {@link Json}: the value when the type fits, one message naming the key otherwise. */
class JsonAccessorsTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String json) throws FormatException {
        return (Map<String, Object>) Json.parse(json);
    }

    private static void assertMessage(String expected, Executable call) {
        String message = assertThrows(FormatException.class, call).getMessage();
        assertEquals(expected, message);
    }

    @Test
    void returnsValuesOfTheRightType() throws FormatException {
        Map<String, Object> o = object("{\"s\":\"relu\",\"i\":-3,\"d\":0.5,\"b\":false,\"a\":[1,\"x\"],\"o\":{\"k\":null}}");
        assertEquals("relu", Json.getString(o, "s"));
        assertEquals(-3L, Json.getLong(o, "i"));
        assertEquals(0.5, Json.getDouble(o, "d"));
        assertEquals(-3.0, Json.getDouble(o, "i"), "an integer is a number too");
        assertEquals(false, Json.getBoolean(o, "b"));
        assertEquals(List.of(1L, "x"), Json.getList(o, "a"));
        assertTrue(Json.getObject(o, "o").containsKey("k"));
    }

    @Test
    void aMissingKeyIsNamedWithTheExpectedType() throws FormatException {
        Map<String, Object> o = object("{\"units\":4}");
        assertMessage("missing key \"activation\", expected a string", () -> Json.getString(o, "activation"));
        assertMessage("missing key \"rate\", expected a number", () -> Json.getDouble(o, "rate"));
        assertMessage("missing key \"layers\", expected an array", () -> Json.getList(o, "layers"));
    }

    @Test
    void aWrongTypeNamesTheKeyTheExpectedTypeAndWhatCame() throws FormatException {
        Map<String, Object> o = object("{\"units\":4.5,\"name\":7,\"flag\":\"yes\",\"n\":null,\"a\":[],\"o\":{},\"long\":\"" + "x".repeat(100) + "\"}");
        assertMessage("key \"units\" must be an integer, found 4.5", () -> Json.getLong(o, "units"));
        assertMessage("key \"name\" must be a string, found 7", () -> Json.getString(o, "name"));
        assertMessage("key \"flag\" must be true or false, found the string \"yes\"", () -> Json.getBoolean(o, "flag"));
        assertMessage("key \"n\" must be a string, found null", () -> Json.getString(o, "n"));
        assertMessage("key \"a\" must be an object, found an array", () -> Json.getObject(o, "a"));
        assertMessage("key \"o\" must be an array, found an object", () -> Json.getList(o, "o"));
        assertMessage("key \"long\" must be a number, found the string \"" + "x".repeat(35) + "…\"", () -> Json.getDouble(o, "long"));
    }

    /** A raw control character or lone surrogate is shown as a code point in parse errors, since it would not print. */
    @Test
    void unprintableCharactersInParseErrorsAreShownAsCodePoints() {
        assertMessage("invalid JSON: expected a value at offset 2, found U+0001", () -> Json.parse("[\n\u0001]"));
        assertMessage("invalid JSON: expected a value at offset 1, found U+D800", () -> Json.parse("[\ud800]"));
        assertMessage("invalid JSON: expected ',' or ']' at offset 2, found U+007F", () -> Json.parse("[1\u007f]"));
        assertMessage("invalid JSON: expected a value at offset 1, found 'é'", () -> Json.parse("[é]"));
    }
}
