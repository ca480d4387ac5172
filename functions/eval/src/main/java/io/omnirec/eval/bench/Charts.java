package io.omnirec.eval.bench;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/** The report's plots, drawn by JFreeChart into inline SVG. */
final class Charts {
    private static final Color OMNIREC = new Color(0x1b6ac9);
    private static final Color MEASURED = new Color(0x8a9bb0);
    private static final Color REFERENCE = new Color(0xd9a441);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private Charts() {
    }

    /**
     * Horizontal bars, one per label, in the given order; {@code highlighted} bars in Omnirec's colour and
     * {@code reference} bars (copied figures, same-run references) in another.
     */
    static String bars(String title, String valueLabel, Map<String, Double> values, IntPredicate highlighted,
                       IntPredicate reference) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.forEach((label, value) -> data.addValue(value, valueLabel, label));
        JFreeChart chart = ChartFactory.createBarChart(title, null, valueLabel, data, PlotOrientation.HORIZONTAL,
                false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return highlighted.test(column) ? OMNIREC : reference.test(column) ? REFERENCE : MEASURED;
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.08);
        plot.setRenderer(renderer);
        plot.getDomainAxis().setTickLabelFont(FONT);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        return svg(style(chart), 760, 60 + 26 * values.size());
    }

    /** Stacked horizontal bars: per label, one segment per part (e.g. init and first call). */
    static String stacked(String title, String valueLabel, List<String> parts, Map<String, double[]> values) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.forEach((label, segments) -> {
            for (int i = 0; i < parts.size(); i++) {
                data.addValue(segments[i], parts.get(i), label);
            }
        });
        JFreeChart chart = ChartFactory.createStackedBarChart(title, null, valueLabel, data,
                PlotOrientation.HORIZONTAL, true, false, false);
        BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, OMNIREC);
        renderer.setSeriesPaint(1, REFERENCE);
        renderer.setMaximumBarWidth(0.1);
        return svg(style(chart), 760, 100 + 34 * values.size());
    }

    /** Cumulative distributions of latency samples, one line per operation, cut at the largest p99. */
    static String distributions(String title, Map<String, double[]> samplesMs) {
        XYSeriesCollection data = new XYSeriesCollection();
        double cut = 0;
        for (Map.Entry<String, double[]> entry : samplesMs.entrySet()) {
            double[] sorted = entry.getValue().clone();
            Arrays.sort(sorted);
            XYSeries series = new XYSeries(entry.getKey());
            for (int i = 0; i < sorted.length; i++) {
                series.add(sorted[i], 100.0 * (i + 1) / sorted.length);
            }
            data.addSeries(series);
            cut = Math.max(cut, sorted[(int) Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length))]);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "milliseconds", "share of calls at or below (%)",
                data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.getDomainAxis().setRange(0, cut * 1.05);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, OMNIREC);
        renderer.setSeriesPaint(1, REFERENCE);
        renderer.setSeriesPaint(2, MEASURED);
        plot.setRenderer(renderer);
        return svg(style(chart), 760, 360);
    }

    /** Growth on log-log axes: one line per measure, against the history size. */
    static String growth(String title, String xLabel, String yLabel, Map<String, double[][]> lines) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, double[][]> line : lines.entrySet()) {
            XYSeries series = new XYSeries(line.getKey());
            for (double[] point : line.getValue()) {
                series.add(point[0], point[1]);
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis x = new LogAxis(xLabel);
        x.setSmallestValue(1);
        x.setTickUnit(new NumberTickUnit(1.0), false, true); // one tick per power of ten
        x.setNumberFormatOverride(new DecimalFormat("#,##0"));
        LogAxis y = new LogAxis(yLabel);
        y.setSmallestValue(0.01);
        y.setTickUnit(new NumberTickUnit(0.5), false, true); // 1, 3.2, 10, 32, ...
        y.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, OMNIREC);
        renderer.setSeriesPaint(1, REFERENCE);
        plot.setRenderer(renderer);
        return svg(style(chart), 760, 360);
    }

    /** Label to value in insertion order, for {@link #bars}. */
    static Map<String, Double> ordered() {
        return new LinkedHashMap<>();
    }

    private static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        chart.getPlot().setBackgroundPaint(new Color(0xf7f8fa));
        return chart;
    }

    private static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGElement();
    }
}
