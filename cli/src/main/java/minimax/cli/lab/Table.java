package minimax.cli.lab;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A table of text cells with named columns, written as CSV. Numbers are turned into text when a
 * row is added — doubles rounded to 6 significant digits, then written in Java's shortest form
 * ({@code inf}, {@code -inf}, {@code nan} for the non-finite ones) — and everything the report
 * computes reads them back from that text, so the report's figures are exactly what the CSVs
 * give.
 */
public final class Table {
    private static final MathContext SIX_DIGITS = new MathContext(6);
    private final List<String> columns;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<String[]> rows = new ArrayList<>();

    public Table(String... columns) {
        this(List.of(columns));
    }

    private Table(List<String> columns) {
        this.columns = List.copyOf(columns);
        for (int i = 0; i < columns.size(); i++) {
            if (index.put(columns.get(i), i) != null) throw new IllegalArgumentException("duplicate column " + columns.get(i));
        }
    }

    /** Appends a row: one value per column (String, an integer type, or a floating-point number). */
    public void add(Object... values) {
        if (values.length != columns.size()) throw new IllegalArgumentException("row of " + values.length + " values for " + columns.size() + " columns " + columns);
        String[] row = new String[values.length];
        for (int i = 0; i < values.length; i++) row[i] = text(values[i]);
        rows.add(row);
    }

    /** The cell text of a value (see the class comment). */
    static String text(Object value) {
        if (value instanceof Double || value instanceof Float) return number(((Number) value).doubleValue());
        if (value instanceof Boolean b) return b ? "1" : "0";
        return String.valueOf(value);
    }

    /** A double as its cell text: 6 significant digits. */
    static String number(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return "0.0";
        return Double.toString(new BigDecimal(v).round(SIX_DIGITS).doubleValue());
    }

    /** A cell text as a double ({@code inf}, {@code -inf}, {@code nan} included). */
    static double parseNumber(String s) {
        switch (s) {
            case "inf": return Double.POSITIVE_INFINITY;
            case "-inf": return Double.NEGATIVE_INFINITY;
            case "nan": return Double.NaN;
            default: return Double.parseDouble(s);
        }
    }

    public List<String> columns() {
        return columns;
    }

    public int size() {
        return rows.size();
    }

    public String get(int row, String column) {
        return rows.get(row)[column(column)];
    }

    public double number(int row, String column) {
        return parseNumber(get(row, column));
    }

    /** The column's values as numbers, in row order. */
    public double[] numbers(String column) {
        int c = column(column);
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) out[i] = parseNumber(rows.get(i)[c]);
        return out;
    }

    /** The rows whose {@code column} holds {@code value}, as a new table. */
    public Table where(String column, String value) {
        int c = column(column);
        Table t = new Table(columns);
        for (String[] r : rows) if (r[c].equals(value)) t.rows.add(r);
        return t;
    }

    /** The distinct values of a column, in order of first appearance. */
    public List<String> distinct(String column) {
        int c = column(column);
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (String[] r : rows) seen.add(r[c]);
        return new ArrayList<>(seen);
    }

    private int column(String name) {
        Integer c = index.get(name);
        if (c == null) throw new IllegalArgumentException("no column '" + name + "' in " + columns);
        return c;
    }

    /** RFC 4180 CSV: a header line, then one line per row; cells with commas or quotes are quoted. */
    public String toCsv() {
        StringBuilder b = new StringBuilder();
        line(b, columns.toArray(new String[0]));
        for (String[] r : rows) line(b, r);
        return b.toString();
    }

    private static void line(StringBuilder b, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) b.append(',');
            String c = cells[i];
            if (c.contains(",") || c.contains("\"") || c.contains("\n")) b.append('"').append(c.replace("\"", "\"\"")).append('"');
            else b.append(c);
        }
        b.append('\n');
    }

    /** Reads what {@link #toCsv} wrote. */
    public static Table parse(String csv) {
        List<List<String>> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') { cell.append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.append(ch);
            } else if (ch == '"') quoted = true;
            else if (ch == ',') { cells.add(cell.toString()); cell.setLength(0); }
            else if (ch == '\n') { cells.add(cell.toString()); cell.setLength(0); lines.add(cells); cells = new ArrayList<>(); }
            else cell.append(ch);
        }
        if (lines.isEmpty()) throw new IllegalArgumentException("CSV without a header line");
        Table t = new Table(lines.get(0));
        for (List<String> l : lines.subList(1, lines.size())) {
            if (l.size() != t.columns.size()) throw new IllegalArgumentException("CSV line with " + l.size() + " cells for " + t.columns.size() + " columns");
            t.rows.add(l.toArray(new String[0]));
        }
        return t;
    }
}
