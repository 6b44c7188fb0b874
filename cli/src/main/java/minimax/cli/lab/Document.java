package minimax.cli.lab;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The report as a list of blocks, rendered twice: as Markdown ({@code summary.md}, without the
 * pictures) and as one self-contained HTML page ({@code report.html}: inline CSS, pictures as PNG
 * data URIs, no script, nothing fetched). Text may hold {@code `code`} spans.
 */
final class Document {
    private sealed interface Block permits Heading, Paragraph, Bullets, Grid, Picture, Code {}
    private record Heading(int level, String text) implements Block {}
    private record Paragraph(String text) implements Block {}
    private record Bullets(List<String> items) implements Block {}
    private record Grid(List<String> header, List<List<String>> rows) implements Block {}
    /** A PNG picture; {@code png} may be null when it cannot be drawn (the caption is kept). */
    private record Picture(String caption, byte[] png) implements Block {}
    private record Code(String text) implements Block {}

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    Document(String title) {
        this.title = title;
    }

    Document heading(int level, String text) { blocks.add(new Heading(level, text)); return this; }
    Document paragraph(String text) { blocks.add(new Paragraph(text)); return this; }
    Document bullets(List<String> items) { blocks.add(new Bullets(List.copyOf(items))); return this; }
    Document table(List<String> header, List<List<String>> rows) { blocks.add(new Grid(List.copyOf(header), List.copyOf(rows))); return this; }
    Document picture(String caption, byte[] png) { blocks.add(new Picture(caption, png)); return this; }
    Document code(String text) { blocks.add(new Code(text)); return this; }

    String markdown() {
        StringBuilder b = new StringBuilder("# ").append(title).append("\n\n");
        for (Block block : blocks) {
            if (block instanceof Heading h) b.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            else if (block instanceof Paragraph p) b.append(p.text()).append("\n\n");
            else if (block instanceof Bullets l) { for (String item : l.items()) b.append("- ").append(item).append('\n'); b.append('\n'); }
            else if (block instanceof Grid g) {
                b.append(row(g.header())).append(row(g.header().stream().map(h -> "---").toList()));
                for (List<String> r : g.rows()) b.append(row(r));
                b.append('\n');
            } else if (block instanceof Picture p) b.append("*Chart in report.html: ").append(p.caption()).append("*\n\n");
            else if (block instanceof Code c) b.append("```\n").append(c.text()).append("\n```\n\n");
        }
        return b.toString();
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList()) + " |\n";
    }

    String html() {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}\n")
                .append("table{border-collapse:collapse;margin:1em 0;font-size:0.9em}th,td{border:1px solid #ccc;padding:0.3em 0.6em;text-align:left;vertical-align:top}\n")
                .append("th{background:#f3f3f3}code,pre{background:#f6f6f6;font-family:ui-monospace,monospace;font-size:0.9em}pre{padding:0.8em;overflow-x:auto}\n")
                .append("figure{margin:1.2em 0}figcaption{font-size:0.9em;color:#555}img{max-width:100%;border:1px solid #ddd}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(inline(title)).append("</h1>\n");
        for (Block block : blocks) {
            if (block instanceof Heading h) b.append("<h").append(h.level()).append('>').append(inline(h.text())).append("</h").append(h.level()).append(">\n");
            else if (block instanceof Paragraph p) b.append("<p>").append(inline(p.text())).append("</p>\n");
            else if (block instanceof Bullets l) {
                b.append("<ul>\n");
                for (String item : l.items()) b.append("<li>").append(inline(item)).append("</li>\n");
                b.append("</ul>\n");
            } else if (block instanceof Grid g) {
                b.append("<table>\n<tr>");
                for (String h : g.header()) b.append("<th>").append(inline(h)).append("</th>");
                b.append("</tr>\n");
                for (List<String> r : g.rows()) {
                    b.append("<tr>");
                    for (String c : r) b.append("<td>").append(inline(c)).append("</td>");
                    b.append("</tr>\n");
                }
                b.append("</table>\n");
            } else if (block instanceof Picture p && p.png() == null) {
                b.append("<p><em>(").append(inline(p.caption())).append(" Not available: the pictures of samples are drawn only by the run itself.)</em></p>\n");
            } else if (block instanceof Picture p) {
                b.append("<figure><img alt=\"").append(escape(p.caption())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(p.png())).append("\"><figcaption>").append(inline(p.caption())).append("</figcaption></figure>\n");
            } else if (block instanceof Code c) b.append("<pre>").append(escape(c.text())).append("</pre>\n");
        }
        return b.append("</body>\n</html>\n").toString();
    }

    /** Escapes, then turns {@code `x`} into {@code <code>x</code>}. */
    private static String inline(String text) {
        return escape(text).replaceAll("`([^`]*)`", "<code>$1</code>");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
