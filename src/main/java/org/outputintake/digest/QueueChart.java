package org.outputintake.digest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The digest's chart, drawn by JFreeChart without a display: open requests and arrivals per working
 * day.
 */
final class QueueChart {
  private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

  static {
    // no display on a server: AWT must never look for one
    System.setProperty("java.awt.headless", "true");
  }

  /** One value of each series per working day. */
  record Series(List<LocalDate> days, List<Integer> open, List<Integer> arrivals) {}

  private QueueChart() {}

  static void writePng(Series s, Path out) throws IOException {
    Files.createDirectories(out.getParent());
    ChartUtils.saveChartAsPNG(out.toFile(), chart(s), 800, 360);
  }

  static JFreeChart chart(Series s) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int i = 0; i < s.days().size(); i++) {
      String day = LABEL.format(s.days().get(i));
      data.addValue(s.open().get(i), "Open requests (end of day)", day);
      data.addValue(s.arrivals().get(i), "Arrivals", day);
    }
    JFreeChart chart =
        ChartFactory.createLineChart(
            "Queue over the last " + s.days().size() + " working days",
            null,
            "Requests",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    chart.setBackgroundPaint(Color.WHITE);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
    r.setSeriesPaint(0, new Color(0x1f, 0x4e, 0x79));
    r.setSeriesPaint(1, new Color(0xc0, 0x50, 0x4d));
    r.setSeriesStroke(0, new BasicStroke(2.5f));
    r.setDefaultShapesVisible(true);
    // counts of requests: whole numbers from zero, even when every value is 0 (JFreeChart would
    // otherwise centre a flat line on 0 with ticks of 1E-9, negative ones included)
    NumberAxis counts = (NumberAxis) plot.getRangeAxis();
    counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    int top = 0;
    for (int i = 0; i < s.days().size(); i++)
      top = Math.max(top, Math.max(s.open().get(i), s.arrivals().get(i)));
    counts.setRange(0, Math.max(5, top * 1.1));
    return chart;
  }
}
