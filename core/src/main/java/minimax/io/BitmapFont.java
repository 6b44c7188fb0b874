package minimax.io;

/**
 * A built-in 5×7 pixel font (the classic character-LCD shapes) for short labels on plots: digits,
 * the letters A–Z (lower case is drawn as upper case), space and {@code . , : - + = / % ( ) _ # ?}.
 * Any other character is drawn as {@code ?}, so a label never fails.
 *
 * <p>Each glyph is 5 pixels wide and 7 high and advances the pen by 6 pixels (one blank column), all
 * multiplied by an integer {@code scale}.
 */
public final class BitmapFont {
    private BitmapFont() {}

    /** Glyph width in pixels at scale 1. */
    public static final int GLYPH_WIDTH = 5;
    /** Glyph height in pixels at scale 1. */
    public static final int GLYPH_HEIGHT = 7;
    /** Horizontal pen advance per character at scale 1. */
    public static final int ADVANCE = 6;

    private static final String CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ .,:-+=/%()_#?";
    /** Seven rows per glyph, two hex digits each; bit 4 is the leftmost column. */
    private static final String[] GLYPHS = {
        "0E11131519110E", "040C040404040E", "0E11010204081F", "1F02040201110E", "02060A121F0202",
        "1F101E0101110E", "0608101E11110E", "1F010204080808", "0E11110E11110E", "0E11110F01020C",
        "0E1111111F1111", "1E11111E11111E", "0E11101010110E", "1C12111111121C", "1F10101E10101F",
        "1F10101E101010", "0E11101711110F", "1111111F111111", "0E04040404040E", "0702020202120C",
        "11121418141211", "1010101010101F", "111B1515111111", "11111915131111", "0E11111111110E",
        "1E11111E101010", "0E11111115120D", "1E11111E141211", "0F10100E01011E", "1F040404040404",
        "1111111111110E", "11111111110A04", "1111111515150A", "11110A040A1111", "1111110A040404",
        "1F01020408101F", "00000000000000", "00000000000C0C", "000000000C0408", "000C0C000C0C00",
        "0000001F000000", "0004041F040400", "00001F001F0000", "00010204081000", "18190204081303",
        "02040808080402", "08040202020408", "0000000000001F", "0A0A1F0A1F0A0A", "0E110102040004"};

    /** Width in pixels of {@code text} drawn at {@code scale} (no trailing blank column). */
    public static int textWidth(String text, int scale) {
        return text.isEmpty() ? 0 : (text.length() * ADVANCE - 1) * scale;
    }

    /**
     * Draws {@code text} with its top-left corner at {@code (x, y)} in {@code color} ({@code 0xRRGGBB}),
     * each font pixel as a {@code scale × scale} block; clipped to the image, which is modified.
     */
    public static void drawText(RgbImage image, int x, int y, String text, int color, int scale) {
        if (scale < 1) throw new IllegalArgumentException("font scale must be at least 1, got " + scale);
        for (int k = 0; k < text.length(); k++) {
            String glyph = glyph(text.charAt(k));
            int left = x + k * ADVANCE * scale;
            for (int row = 0; row < GLYPH_HEIGHT; row++) {
                int bits = Integer.parseInt(glyph, 2 * row, 2 * row + 2, 16);
                for (int col = 0; col < GLYPH_WIDTH; col++) {
                    if ((bits & (0x10 >> col)) != 0) image.fillRect(left + col * scale, y + row * scale, scale, scale, color);
                }
            }
        }
    }

    private static String glyph(char c) {
        int i = CHARACTERS.indexOf(Character.toUpperCase(c));
        return GLYPHS[i >= 0 ? i : CHARACTERS.indexOf('?')];
    }
}
