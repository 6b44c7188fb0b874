package minimax.cli.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import minimax.io.BitmapFont;
import minimax.io.LineChart;
import minimax.io.RgbImage;

/**
 * A chart of curves across seeds: for each series its median as a line and its spread (e.g. the
 * interquartile range) as a translucent band, over the true x values (steps); optional dashed
 * horizontal reference lines; a legend in the top-left corner. Series {@code k} has
 * {@link LineChart#color(int)}'s colour {@code k}. Non-finite points are left out.
 */
final class BandChart {
    /** One series: {@code median[i]} (and the band {@code low[i] … high[i]}, or none if null) at {@code x[i]}. */
    record Series(String label, double[] x, double[] median, double[] low, double[] high) {}

    private record Reference(String label, double y) {}

    private static final int WIDTH = 760, HEIGHT = 380, LEFT = 64, RIGHT = 16, TOP = 12, BOTTOM = 26;
    private static final int GRID = 0xE6E6E6, AXIS = 0xB4B4B4, INK = 0x404040, REFERENCE = 0x808080;
    private static final double BAND_ALPHA = 0.18;
    private final List<Series> series = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();

    BandChart add(Series s) {
        series.add(s);
        return this;
    }

    BandChart reference(String label, double y) {
        if (Double.isFinite(y)) references.add(new Reference(label, y));
        return this;
    }

    RgbImage render() {
        double[] xr = range(true), yr = range(false);
        double yStep = niceStep(yr[1] - yr[0]);
        double yMin = Math.floor(yr[0] / yStep + 1e-9) * yStep, yMax = Math.ceil(yr[1] / yStep - 1e-9) * yStep;
        if (!(yMax > yMin)) { yMin = yr[0] - 0.5; yMax = yr[1] + 0.5; yStep = niceStep(1); }
        int w = WIDTH - LEFT - RIGHT, h = HEIGHT - TOP - BOTTOM;
        Frame f = new Frame(xr[0], xr[1], yMin, yMax, w, h);
        RgbImage image = new RgbImage(WIDTH, HEIGHT);
        image.fill(0xFFFFFF);
        for (double y = yMin; y <= yMax + yStep * 1e-6; y += yStep) {
            int row = (int) Math.round(f.py(y));
            image.fillRect(LEFT, row, w + 1, 1, GRID);
            String text = label(y, yStep);
            BitmapFont.drawText(image, LEFT - 5 - BitmapFont.textWidth(text, 1), row - 3, text, INK, 1);
        }
        double xStep = Math.max(1, niceStep((xr[1] - xr[0]) / 1.6));
        for (double x = Math.ceil(xr[0] / xStep) * xStep; x <= xr[1] + 1e-9; x += xStep) {
            int col = (int) Math.round(f.px(x));
            image.fillRect(col, TOP, 1, h + 1, GRID);
            String text = label(x, xStep);
            BitmapFont.drawText(image, col - BitmapFont.textWidth(text, 1) / 2, TOP + h + 6, text, INK, 1);
        }
        image.drawRect(LEFT - 1, TOP - 1, w + 3, h + 3, AXIS);
        for (int k = 0; k < series.size(); k++) if (series.get(k).low() != null) drawBand(image, f, series.get(k), LineChart.color(k));
        for (Reference r : references) drawReference(image, f, r);
        for (int k = 0; k < series.size(); k++) drawLine(image, f, series.get(k), LineChart.color(k));
        for (int k = 0; k < series.size(); k++) {
            int y = TOP + 8 + 12 * k;
            image.fillRect(LEFT + 8, y + 2, 16, 3, LineChart.color(k));
            String label = series.get(k).label();
            for (int j = 0; j < k; j++) {
                if (sameCurve(series.get(j), series.get(k))) {
                    label += " (same as " + series.get(j).label() + ", drawn over it)";
                    break;
                }
            }
            BitmapFont.drawText(image, LEFT + 30, y, label.toUpperCase(Locale.ROOT), INK, 1);
        }
        return image;
    }

    private static boolean sameCurve(Series a, Series b) {
        return Arrays.equals(a.x(), b.x()) && Arrays.equals(a.median(), b.median()) && Arrays.equals(a.low(), b.low()) && Arrays.equals(a.high(), b.high());
    }

    /** Maps data to pixels: x from LEFT, y from TOP + h down. */
    private record Frame(double xMin, double xMax, double yMin, double yMax, int w, int h) {
        double px(double x) {
            return LEFT + (xMax > xMin ? (x - xMin) / (xMax - xMin) * w : w / 2.0);
        }

        double py(double y) {
            return TOP + h - (y - yMin) / (yMax - yMin) * h;
        }
    }

    private double[] range(boolean x) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double[] a : x ? new double[][] {s.x()} : new double[][] {s.median(), s.low(), s.high()}) {
                if (a == null) continue;
                for (double v : a) if (Double.isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); }
            }
        }
        if (!x) for (Reference r : references) { min = Math.min(min, r.y()); max = Math.max(max, r.y()); }
        if (min > max) return new double[] {0, 1};
        if (min == max) return new double[] {min - (min == 0 ? 1 : Math.abs(min) * 0.1), max + (max == 0 ? 1 : Math.abs(max) * 0.1)};
        return new double[] {min, max};
    }

    private static void drawBand(RgbImage image, Frame f, Series s, int color) {
        double[] x = s.x(), lo = s.low(), hi = s.high();
        for (int i = 0; i + 1 < x.length; i++) {
            if (!(Double.isFinite(lo[i]) && Double.isFinite(hi[i]) && Double.isFinite(lo[i + 1]) && Double.isFinite(hi[i + 1]))) continue;
            int c0 = (int) Math.round(f.px(x[i])), c1 = (int) Math.round(f.px(x[i + 1]));
            for (int c = c0; c < Math.max(c0 + 1, c1); c++) {
                double t = c1 == c0 ? 0 : (double) (c - c0) / (c1 - c0);
                int top = (int) Math.round(f.py(hi[i] + t * (hi[i + 1] - hi[i]))), bottom = (int) Math.round(f.py(lo[i] + t * (lo[i + 1] - lo[i])));
                for (int r = Math.max(TOP, top); r <= Math.min(TOP + f.h(), bottom); r++) image.blendPixel(c, r, color, BAND_ALPHA);
            }
        }
    }

    private static void drawLine(RgbImage image, Frame f, Series s, int color) {
        double[] x = s.x(), y = s.median();
        for (int i = 0; i + 1 < x.length; i++) {
            if (!(Double.isFinite(y[i]) && Double.isFinite(y[i + 1]))) continue;
            double y0 = clampRow(f, f.py(y[i])), y1 = clampRow(f, f.py(y[i + 1]));
            image.drawLine(f.px(x[i]), y0, f.px(x[i + 1]), y1, color);
            image.drawLine(f.px(x[i]), y0 + 1, f.px(x[i + 1]), y1 + 1, color); // two pixels thick
        }
    }

    private static double clampRow(Frame f, double row) {
        return Math.max(TOP, Math.min(TOP + f.h() - 1, row));
    }

    private static void drawReference(RgbImage image, Frame f, Reference r) {
        int row = (int) Math.round(f.py(r.y()));
        for (int c = LEFT; c <= LEFT + f.w(); c++) if ((c / 6) % 2 == 0) image.setPixel(c, row, REFERENCE);
        String text = r.label().toUpperCase(Locale.ROOT);
        BitmapFont.drawText(image, LEFT + f.w() - 4 - BitmapFont.textWidth(text, 1), row - 10, text, REFERENCE, 1);
    }

    /** The smallest 1, 2 or 5 × 10^k that splits {@code span} into at most 5 parts. */
    private static double niceStep(double span) {
        double raw = span / 5, magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5}) if (m * magnitude >= raw * (1 - 1e-9)) return m * magnitude;
        return 10 * magnitude;
    }

    private static String label(double v, double step) {
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        String s = String.format(Locale.ROOT, "%." + Math.min(decimals, 6) + "f", v);
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }
}
