package io.jitprovisioning.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

import javax.imageio.ImageIO;

/**
 * Scenarios 6 to 8 as one picture: the growth curve on the left (ratio to the smallest point against the realm's
 * roles, one line per number of values sent, 95% intervals, the +-5% band), the paired comparisons on the right
 * (median of per-pair ratios with its 95% interval, and each target).
 */
final class ScaleChart {

    private static final int WIDTH = 1300;
    private static final int HEIGHT = 500;
    private static final int PANEL = WIDTH / 2;
    private static final int MARGIN = 70;
    private static final Color[] LINES = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0x9467bd)};

    private ScaleChart() {
    }

    static void write(Path png, GrowthCurve.Result growth, List<ScaleRun.Ratio> ratios) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        if (growth != null) {
            growth(g, growth);
        }
        g.translate(PANEL, 0);
        if (!ratios.isEmpty()) {
            comparisons(g, ratios);
        }
        g.dispose();
        try {
            ImageIO.write(image, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void growth(Graphics2D g, GrowthCurve.Result growth) {
        TreeSet<Integer> roles = new TreeSet<>();
        TreeSet<Integer> values = new TreeSet<>();
        double low = 0.9;
        double high = 1.1;
        List<GrowthCurve.PointResult> everything = new java.util.ArrayList<>(growth.points());
        everything.addAll(growth.builtIns());
        for (GrowthCurve.PointResult p : everything) {
            roles.add(p.point().roles());
            values.add(p.point().values());
            for (GrowthCurve.Basis basis : GrowthCurve.Basis.values()) {
                low = Math.min(low, finite(p.at(basis).ci().low(), p.at(basis).ratio()));
                high = Math.max(high, finite(p.at(basis).ci().high(), p.at(basis).ratio()));
            }
        }
        low = Math.min(0.85, Math.floor(low * 20) / 20);
        high = Math.ceil(high * 20) / 20;
        double xMin = Math.log10(roles.first()) - 0.3;
        double xMax = Math.log10(roles.last()) + 0.3;
        title(g, "Returning sign-in: time / time at " + growth.baseline().label(), "realm roles (log scale)", "ratio (median, 95% CI)");
        g.setColor(new Color(0xdff0d8));
        int bandTop = y(1 + GrowthCurve.TOLERANCE, low, high);
        g.fillRect(MARGIN, bandTop, PANEL - 2 * MARGIN, y(1 - GrowthCurve.TOLERANCE, low, high) - bandTop);
        box(g);
        for (int tick = 0; tick <= 4; tick++) {
            double value = low + tick * (high - low) / 4;
            int py = y(value, low, high);
            g.setColor(Color.BLACK);
            g.drawLine(MARGIN - 4, py, MARGIN, py);
            g.drawString(Markdown.fixed(value, 2), MARGIN - 40, py + 4);
        }
        for (int r : roles) {
            int px = x(Math.log10(r), xMin, xMax);
            g.drawLine(px, HEIGHT - MARGIN, px, HEIGHT - MARGIN + 4);
            g.drawString(String.format("%,d", r), px - 15, HEIGHT - MARGIN + 18);
        }
        dashed(g, MARGIN, y(1, low, high), PANEL - MARGIN, y(1, low, high), Color.GRAY);
        g.setColor(new Color(0x3c763d));
        g.drawString("+-" + Markdown.fixed(100 * GrowthCurve.TOLERANCE, 0) + "% band", PANEL - MARGIN - 80, bandTop - 4);
        int line = 0;
        for (int v : values) {
            Color color = LINES[line % LINES.length];
            int offset = (line++ - values.size() / 2) * 6;
            for (GrowthCurve.Basis basis : GrowthCurve.Basis.values()) {
                boolean whole = basis == GrowthCurve.Basis.WHOLE;
                int previousX = -1;
                int previousY = -1;
                for (GrowthCurve.PointResult p : growth.points()) {
                    if (p.point().values() != v) {
                        continue;
                    }
                    GrowthCurve.Ratios r = p.at(basis);
                    int px = x(Math.log10(p.point().roles()), xMin, xMax) + offset + (whole ? 0 : 3);
                    int py = y(r.ratio(), low, high);
                    g.setColor(color);
                    g.setStroke(whole ? new BasicStroke(2f)
                            : new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{5f, 4f}, 0f));
                    if (previousX >= 0) {
                        g.drawLine(previousX, previousY, px, py);
                    }
                    if (!Double.isNaN(r.ci().low())) {
                        g.setStroke(new BasicStroke(1f));
                        g.drawLine(px, y(r.ci().low(), low, high), px, y(r.ci().high(), low, high));
                    }
                    if (whole) {
                        g.fillOval(px - 4, py - 4, 8, 8);
                    } else {
                        g.setColor(Color.WHITE);
                        g.fillOval(px - 4, py - 4, 8, 8);
                        g.setColor(color);
                        g.drawOval(px - 4, py - 4, 8, 8);
                    }
                    previousX = px;
                    previousY = py;
                }
            }
            for (GrowthCurve.PointResult p : growth.builtIns()) {
                if (p.point().values() == v) {
                    int px = x(Math.log10(p.point().roles()), xMin, xMax) - 18 + offset / 2;
                    g.setColor(color);
                    diamond(g, px, y(p.at(GrowthCurve.Basis.WHOLE).ratio(), low, high), true);
                    diamond(g, px - 8, y(p.at(GrowthCurve.Basis.BROKER).ratio(), low, high), false);
                }
            }
        }
        // The legend sits low in the plot, under the band, where the ratios (about 1 and up) are not.
        List<String> texts = new java.util.ArrayList<>();
        for (int v : values) {
            texts.add(v + " value" + (v == 1 ? "" : "s") + " sent");
        }
        texts.add("filled, solid: the whole sign-in");
        texts.add("hollow, dashed: at the broker (IdP's requests left out)");
        if (!growth.builtIns().isEmpty()) {
            texts.add("diamonds: built-in mappers, same values (vs 1 value)");
        }
        int top = HEIGHT - MARGIN - 8 - 16 * texts.size();
        for (int i = 0; i < texts.size(); i++) {
            int ty = top + 16 * i;
            if (i < values.size()) {
                g.setColor(LINES[i % LINES.length]);
                g.fillRect(MARGIN + 10, ty, 14, 10);
            }
            g.setColor(Color.BLACK);
            g.drawString(texts.get(i), MARGIN + 30, ty + 10);
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static void diamond(Graphics2D g, int px, int py, boolean filled) {
        int[] xs = {px, px + 5, px, px - 5};
        int[] ys = {py - 5, py, py + 5, py};
        g.setStroke(new BasicStroke(1.5f));
        if (filled) {
            g.fillPolygon(xs, ys, 4);
        } else {
            g.drawPolygon(xs, ys, 4);
        }
    }

    private static void comparisons(Graphics2D g, List<ScaleRun.Ratio> ratios) {
        double low = 0.9;
        double high = 1.15;
        for (ScaleRun.Ratio ratio : ratios) {
            Paired.Comparison c = ratio.comparison();
            low = Math.min(low, finite(c.orderCi().low(), c.medianRatio()));
            high = Math.max(high, Math.max(finite(c.orderCi().high(), c.medianRatio()), ratio.targetMedian()));
        }
        low = Math.floor(low * 20) / 20;
        high = Math.ceil(high * 20) / 20;
        title(g, "Paired comparisons: median of per-pair ratios A / B", "ratio", "");
        box(g);
        for (int tick = 0; tick <= 5; tick++) {
            double value = low + tick * (high - low) / 5;
            int px = xr(value, low, high);
            g.setColor(Color.BLACK);
            g.drawLine(px, HEIGHT - MARGIN, px, HEIGHT - MARGIN + 4);
            g.drawString(Markdown.fixed(value, 2), px - 12, HEIGHT - MARGIN + 18);
        }
        dashed(g, xr(1, low, high), MARGIN, xr(1, low, high), HEIGHT - MARGIN, Color.GRAY);
        int rowHeight = (HEIGHT - 2 * MARGIN) / (ratios.size() + 1);
        for (int i = 0; i < ratios.size(); i++) {
            ScaleRun.Ratio ratio = ratios.get(i);
            Paired.Comparison c = ratio.comparison();
            int py = MARGIN + rowHeight * (i + 1);
            int target = xr(ratio.targetMedian(), low, high);
            g.setColor(new Color(0xd62728));
            g.setStroke(new BasicStroke(2f));
            g.drawLine(target, py - 14, target, py + 14);
            g.setStroke(new BasicStroke(1f));
            g.drawString("target " + Markdown.fixed(ratio.targetMedian(), 2), target + 3, py + 26);
            g.setColor(ratio.met() ? new Color(0x1f77b4) : new Color(0xd62728));
            if (!Double.isNaN(c.orderCi().low())) {
                g.setStroke(new BasicStroke(3f));
                g.drawLine(xr(c.orderCi().low(), low, high), py, xr(c.orderCi().high(), low, high), py);
                g.setStroke(new BasicStroke(1f));
            }
            int px = xr(c.medianRatio(), low, high);
            g.fillOval(px - 5, py - 5, 10, 10);
            g.setColor(Color.BLACK);
            g.drawString(ratio.label() + ": " + Markdown.fixed(c.medianRatio(), 3) + " (" + c.pairs() + " pairs)", MARGIN + 6, py - 16);
        }
    }

    private static double finite(double value, double fallback) {
        return Double.isNaN(value) ? fallback : value;
    }

    private static void title(Graphics2D g, String title, String xLabel, String yLabel) {
        g.setColor(Color.BLACK);
        g.setFont(g.getFont().deriveFont(Font.BOLD, 14f));
        g.drawString(title, MARGIN - 40, MARGIN - 30);
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
        g.drawString(xLabel, PANEL / 2 - 50, HEIGHT - 20);
        g.drawString(yLabel, 5, MARGIN - 8);
    }

    private static void box(Graphics2D g) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(MARGIN, MARGIN, PANEL - 2 * MARGIN, HEIGHT - 2 * MARGIN);
    }

    private static void dashed(Graphics2D g, int x1, int y1, int x2, int y2, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{5f, 4f}, 0f));
        g.drawLine(x1, y1, x2, y2);
        g.setStroke(new BasicStroke(1f));
    }

    private static int x(double value, double min, double max) {
        return MARGIN + (int) Math.round((value - min) / (max - min) * (PANEL - 2 * MARGIN));
    }

    private static int xr(double value, double min, double max) {
        return x(Math.max(min, Math.min(max, value)), min, max);
    }

    private static int y(double value, double min, double max) {
        double clamped = Math.max(min, Math.min(max, value));
        return HEIGHT - MARGIN - (int) Math.round((clamped - min) / (max - min) * (HEIGHT - 2 * MARGIN));
    }
}
