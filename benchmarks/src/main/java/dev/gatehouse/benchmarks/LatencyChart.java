package dev.gatehouse.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the two axes where a naive design grows and Gatehouse's must stay flat, as a PNG with plain java.awt
 * (headless): the p50 of {@code check} (idle CPU) against tree depth, and against the number of the subject's
 * groups, one line per contender and database (Gatehouse's solid, the peers' dashed), both axes logarithmic.
 */
final class LatencyChart {
    private static final int PANEL_WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final int MARGIN_LEFT = 70;
    private static final int MARGIN_RIGHT = 20;
    private static final int MARGIN_TOP = 40;
    private static final int PLOT_HEIGHT = 300;
    private static final List<Color> COLORS = List.of(
            new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
            new Color(0x393b79), new Color(0x637939));

    private LatencyChart() {}

    static void write(BenchmarkSuite.Results results, Path file) throws IOException {
        var report = new Report(results);
        var image = new BufferedImage(PANEL_WIDTH * 2, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, PANEL_WIDTH * 2, HEIGHT);
            var depth = report.axisSeries(Operation.CHECK_AT_DEPTH);
            var groups = report.axisSeries(Operation.CHECK_WITH_GROUPS);
            double[] range = latencyRange(depth, groups);
            var names = new ArrayList<>(new LinkedHashSet<>(depth.keySet()));
            groups.keySet().stream().filter(name -> !names.contains(name)).forEach(names::add);
            panel(graphics, 0, "check p50 against tree depth (size " + results.settings().size() + ")", "depth",
                    report.points(Operation.CHECK_AT_DEPTH), depth, range, names);
            panel(graphics, PANEL_WIDTH, "check p50 against the subject's groups", "groups",
                    report.points(Operation.CHECK_WITH_GROUPS), groups, range, names);
            legend(graphics, names);
        } finally {
            graphics.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    /** @return the smallest and largest decade that hold every point of both axes */
    private static double[] latencyRange(Map<String, Map<Integer, Measurement>> first,
            Map<String, Map<Integer, Measurement>> second) {
        double low = Double.MAX_VALUE;
        double high = 0;
        for (var axis : List.of(first, second)) {
            for (var series : axis.values()) {
                for (var measurement : series.values()) {
                    double value = measurement.idleMicros().orElse(Double.NaN);
                    if (!Double.isNaN(value) && value > 0) {
                        low = Math.min(low, value);
                        high = Math.max(high, value);
                    }
                }
            }
        }
        if (high == 0) {
            return new double[] {1, 1_000};
        }
        return new double[] {Math.pow(10, Math.floor(Math.log10(low))), Math.pow(10, Math.ceil(Math.log10(high)))};
    }

    private static void panel(Graphics2D graphics, int left, String title, String xLabel, List<Integer> points,
            Map<String, Map<Integer, Measurement>> series, double[] range, List<String> names) {
        int plotLeft = left + MARGIN_LEFT;
        int plotWidth = PANEL_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
        int plotBottom = MARGIN_TOP + PLOT_HEIGHT;
        graphics.setColor(Color.BLACK);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        graphics.drawString(title, plotLeft, MARGIN_TOP - 15);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        double minX = Math.log(points.get(0));
        double maxX = Math.log(points.get(points.size() - 1));
        double minY = Math.log10(range[0]);
        double maxY = Math.log10(range[1]);
        for (double decade = minY; decade <= maxY + 1e-9; decade++) {
            int y = plotBottom - (int) Math.round((decade - minY) / Math.max(maxY - minY, 1e-9) * PLOT_HEIGHT);
            graphics.setColor(new Color(0xdddddd));
            graphics.drawLine(plotLeft, y, plotLeft + plotWidth, y);
            graphics.setColor(Color.DARK_GRAY);
            graphics.drawString(Report.time(Math.pow(10, decade)), left + 5, y + 4);
        }
        for (int point : points) {
            int x = xOf(point, minX, maxX, plotLeft, plotWidth);
            graphics.setColor(new Color(0xeeeeee));
            graphics.drawLine(x, MARGIN_TOP, x, plotBottom);
            graphics.setColor(Color.DARK_GRAY);
            graphics.drawString(Integer.toString(point), x - 8, plotBottom + 15);
        }
        graphics.drawString(xLabel + " (log scale)", plotLeft + plotWidth / 2 - 40, plotBottom + 32);
        graphics.setColor(Color.BLACK);
        graphics.drawRect(plotLeft, MARGIN_TOP, plotWidth, PLOT_HEIGHT);
        for (var entry : series.entrySet()) {
            var line = entry.getValue();
            graphics.setColor(COLORS.get(names.indexOf(entry.getKey()) % COLORS.size()));
            graphics.setStroke(strokeFor(entry.getKey()));
            int previousX = -1;
            int previousY = -1;
            for (int point : points) {
                var measurement = line.get(point);
                if (measurement == null || measurement.idleMicros().isEmpty()) {
                    continue;
                }
                int x = xOf(point, minX, maxX, plotLeft, plotWidth);
                double logValue = Math.log10(measurement.idleMicros().getAsDouble());
                int y = plotBottom - (int) Math.round((logValue - minY) / Math.max(maxY - minY, 1e-9) * PLOT_HEIGHT);
                graphics.fillOval(x - 3, y - 3, 7, 7);
                if (previousX >= 0) {
                    graphics.drawLine(previousX, previousY, x, y);
                }
                previousX = x;
                previousY = y;
            }
        }
        graphics.setStroke(new BasicStroke(1f));
    }

    /** @return a solid line for Gatehouse's backends, a dashed one for the peers */
    private static BasicStroke strokeFor(String seriesName) {
        return seriesName.startsWith("gatehouse-")
                ? new BasicStroke(2.5f)
                : new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f);
    }

    private static int xOf(int point, double minX, double maxX, int plotLeft, int plotWidth) {
        return plotLeft + (int) Math.round((Math.log(point) - minX) / Math.max(maxX - minX, 1e-9) * plotWidth);
    }

    private static void legend(Graphics2D graphics, List<String> names) {
        graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int columns = 3;
        int columnWidth = PANEL_WIDTH * 2 / columns;
        int top = MARGIN_TOP + PLOT_HEIGHT + 55;
        for (int i = 0; i < names.size(); i++) {
            int x = 20 + (i % columns) * columnWidth;
            int y = top + (i / columns) * 20;
            graphics.setColor(COLORS.get(i % COLORS.size()));
            graphics.setStroke(strokeFor(names.get(i)));
            graphics.drawLine(x, y - 4, x + 18, y - 4);
            graphics.setColor(Color.BLACK);
            graphics.drawString(names.get(i), x + 25, y);
        }
    }
}
