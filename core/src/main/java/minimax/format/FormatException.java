package minimax.format;

import java.io.IOException;

/** A file that is corrupt, truncated or not of the expected kind; the message says what was expected and what came. */
public class FormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message names the file when known, what was expected and what was found */
    public FormatException(String message) {
        super(message);
    }
}
