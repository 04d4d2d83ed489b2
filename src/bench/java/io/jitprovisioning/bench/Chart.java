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

import javax.imageio.ImageIO;

/**
 * Scenario 1 as a picture, drawn with plain Java2D: the latency distribution (CDF) of both IdPs on the left, the
 * per-pair ratios with their median and its 95% interval on the right.
 */
final class Chart {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 480;
    private static final int PANEL = WIDTH / 2;
    private static final int MARGIN = 60;
    private static final Color JIT = new Color(0x1f77b4);
    private static final Color STOCK = new Color(0xff7f0e);

    private Chart() {
    }

    static void write(Path png, double[] jitMillis, double[] stockMillis, double[] ratios, Stats.Interval interval, double medianRatio) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        cdf(g, jitMillis, stockMillis);
        g.translate(PANEL, 0);
        ratioHistogram(g, ratios, interval, medianRatio);
        g.dispose();
        try {
            ImageIO.write(image, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cdf(Graphics2D g, double[] jit, double[] stock) {
        double[] a = Stats.sorted(jit);
        double[] b = Stats.sorted(stock);
        double max = Math.max(Stats.percentile(a, 99.5), Stats.percentile(b, 99.5)) * 1.05;
        double min = Math.min(a[0], b[0]) * 0.95;
        frame(g, "Returning-user login latency (CDF)", "latency (ms)", "fraction of logins", min, max, 0, 1);
        curve(g, a, min, max, JIT);
        curve(g, b, min, max, STOCK);
        legend(g, PANEL - 200, HEIGHT - MARGIN - 40, "jit (" + a.length + " logins)", JIT);
        legend(g, PANEL - 200, HEIGHT - MARGIN - 22, "stock (" + b.length + " logins)", STOCK);
    }

    private static void curve(Graphics2D g, double[] sorted, double min, double max, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke(2f));
        int previousX = x(sorted[0], min, max);
        int previousY = y(0, 0, 1);
        for (int i = 0; i < sorted.length; i++) {
            int px = x(Math.min(sorted[i], max), min, max);
            int py = y((i + 1.0) / sorted.length, 0, 1);
            g.drawLine(previousX, previousY, px, previousY);
            g.drawLine(px, previousY, px, py);
            previousX = px;
            previousY = py;
        }
    }

    private static void ratioHistogram(Graphics2D g, double[] ratios, Stats.Interval interval, double median) {
        double[] sorted = Stats.sorted(ratios);
        double min = Math.min(Stats.percentile(sorted, 2), 0.8);
        double max = Math.max(Stats.percentile(sorted, 98), 1.2);
        int bins = 60;
        int[] counts = new int[bins];
        for (double ratio : sorted) {
            int bin = (int) ((ratio - min) / (max - min) * bins);
            if (bin >= 0 && bin < bins) {
                counts[bin]++;
            }
        }
        int highest = java.util.Arrays.stream(counts).max().orElse(1);
        frame(g, "Per-pair ratio jit / stock (" + ratios.length + " pairs, 2-98%)", "latency ratio", "pairs", min, max, 0, highest);
        g.setColor(new Color(0x9ecae1));
        for (int bin = 0; bin < bins; bin++) {
            int left = x(min + bin * (max - min) / bins, min, max);
            int right = x(min + (bin + 1) * (max - min) / bins, min, max);
            int top = y(counts[bin], 0, highest);
            g.fillRect(left, top, Math.max(1, right - left - 1), y(0, 0, highest) - top);
        }
        vertical(g, 1.0, min, max, Color.GRAY, "1.00");
        vertical(g, 1.05, min, max, new Color(0xd62728), "target 1.05");
        vertical(g, median, min, max, Color.BLACK, "median " + Markdown.fixed(median, 3));
        if (!Double.isNaN(interval.low())) {
            g.setColor(new Color(0, 0, 0, 40));
            int left = x(interval.low(), min, max);
            g.fillRect(left, MARGIN, Math.max(2, x(interval.high(), min, max) - left), HEIGHT - 2 * MARGIN);
            g.setColor(Color.DARK_GRAY);
            g.drawString("shaded: 95% CI of the median ratio", PANEL - MARGIN - 215, HEIGHT - MARGIN - 8);
        }
    }

    private static void vertical(Graphics2D g, double value, double min, double max, Color color, String label) {
        if (value < min || value > max) {
            return;
        }
        int px = x(value, min, max);
        g.setColor(color);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{5f, 4f}, 0f));
        g.drawLine(px, MARGIN, px, HEIGHT - MARGIN);
        g.setStroke(new BasicStroke(1f));
        int row = label.startsWith("median") ? 1 : label.startsWith("target") ? 2 : 0;
        g.drawString(label, px + 3, MARGIN + 14 + 16 * row);
    }

    private static void frame(Graphics2D g, String title, String xLabel, String yLabel, double xMin, double xMax, double yMin, double yMax) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(MARGIN, MARGIN, PANEL - 2 * MARGIN, HEIGHT - 2 * MARGIN);
        g.setFont(g.getFont().deriveFont(Font.BOLD, 14f));
        g.drawString(title, MARGIN, MARGIN - 20);
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
        g.drawString(xLabel, PANEL / 2 - 30, HEIGHT - 15);
        g.drawString(yLabel, 5, MARGIN - 5);
        for (int tick = 0; tick <= 5; tick++) {
            double xv = xMin + tick * (xMax - xMin) / 5;
            double yv = yMin + tick * (yMax - yMin) / 5;
            int px = x(xv, xMin, xMax);
            int py = y(yv, yMin, yMax);
            g.drawLine(px, HEIGHT - MARGIN, px, HEIGHT - MARGIN + 4);
            g.drawString(Markdown.fixed(xv, xMax - xMin < 5 ? 2 : 0), px - 12, HEIGHT - MARGIN + 18);
            g.drawLine(MARGIN - 4, py, MARGIN, py);
            g.drawString(Markdown.fixed(yv, yMax <= 5 ? 1 : 0), MARGIN - 40, py + 4);
        }
    }

    private static void legend(Graphics2D g, int px, int py, String label, Color color) {
        g.setColor(color);
        g.fillRect(px, py - 9, 14, 10);
        g.setColor(Color.BLACK);
        g.drawString(label, px + 20, py);
    }

    private static int x(double value, double min, double max) {
        return MARGIN + (int) Math.round((value - min) / (max - min) * (PANEL - 2 * MARGIN));
    }

    private static int y(double value, double min, double max) {
        return HEIGHT - MARGIN - (int) Math.round((value - min) / (max - min) * (HEIGHT - 2 * MARGIN));
    }
}
