package minimax.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link BitmapFont}: glyph shapes, placement, scaling and the fallback for unknown characters. */
class BitmapFontTest {
    private static final String SUPPORTED = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ .,:-+=/%()_#?";

    /** The text as rows of '#' and '.', drawn at (1, 1) on a blank image. */
    static String render(String text, int scale) {
        RgbImage image = new RgbImage(BitmapFont.textWidth(text, scale) + 2, BitmapFont.GLYPH_HEIGHT * scale + 2);
        BitmapFont.drawText(image, 1, 1, text, 0xFFFFFF, scale);
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) out.append(image.getPixel(x, y) == 0xFFFFFF ? '#' : '.');
            out.append('\n');
        }
        return out.toString();
    }

    @Test
    void digitOneHasItsShapeAtTheGivenCorner() {
        assertEquals(String.join("\n",
                ".......",
                "...#...",
                "..##...",
                "...#...",
                "...#...",
                "...#...",
                "...#...",
                "..###..",
                ".......") + "\n", render("1", 1));
    }

    @Test
    void scaleEnlargesEachFontPixelAndTheAdvanceKeepsOneBlankColumn() {
        // "LL" at scale 2, first 14 columns: a blank column, the first L (10 wide), the 2-pixel gap, the next L
        assertEquals(String.join("\n",
                "..............",
                ".##..........#",
                ".##..........#",
                ".##..........#",
                ".##..........#",
                ".##..........#",
                ".##..........#",
                ".##..........#",
                ".##..........#",
                ".##..........#",
                ".##..........#",
                ".##..........#",
                ".##..........#",
                ".##########..#",
                ".##########..#",
                "..............") + "\n", firstColumns(render("LL", 2), 14));
    }

    private static String firstColumns(String rendered, int count) {
        StringBuilder out = new StringBuilder();
        for (String line : rendered.split("\n")) out.append(line, 0, count).append('\n');
        return out.toString();
    }

    @Test
    void lowerCaseIsDrawnAsUpperCaseAndUnknownCharactersAsQuestionMarks() {
        assertEquals(render("STEP 12", 1), render("step 12", 1));
        assertEquals(render("?", 1), render("é", 1));
        assertEquals(render("A?B", 3), render("A\tB", 3));
    }

    @Test
    void everySupportedCharacterHasItsOwnGlyph() {
        Map<String, Character> seen = new HashMap<>();
        for (char c : SUPPORTED.toCharArray()) {
            Character before = seen.put(render(String.valueOf(c), 1), c);
            assertEquals(null, before, "'" + c + "' looks like '" + before + "'");
        }
        assertNotEquals(render("O", 1), render("0", 1));
    }

    @Test
    void widthCountsFiveColumnsPerGlyphAndOneBetween() {
        assertEquals(0, BitmapFont.textWidth("", 1));
        assertEquals(5, BitmapFont.textWidth("A", 1));
        assertEquals(17, BitmapFont.textWidth("ABC", 1));
        assertEquals(34, BitmapFont.textWidth("ABC", 2));
        assertThrows(IllegalArgumentException.class, () -> BitmapFont.drawText(new RgbImage(5, 5), 0, 0, "A", 0, 0));
    }
}
