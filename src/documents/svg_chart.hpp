#pragma once
/// Charts drawn by the server as SVG (house style: the same SVG serves pages and PDF reports).
/// Colours are presentation attributes, so the chart draws the same without a stylesheet and
/// under a CSP that forbids inline styles; classes (chart-*) let a page's stylesheet adjust it.
/// Each chart is an image with a title and a description (role="img", aria-labelledby); a page
/// shows the same figures in a table beside it, since a picture alone is not accessible.

#include <string>
#include <vector>

namespace thidua::documents {

/// A horizontal (trend) or vertical (bars) reference line, such as a programme's yardstick.
struct ChartLine {
  double value = 0;
  std::string label;
  /// Trend charts: the line spans these points only (a yardstick of one set of criteria);
  /// -1: the whole width.
  int from_point = -1;
  int to_point = -1;
};

struct TrendPoint {
  std::string label;  ///< the x-axis label ("06/2022")
  double value = 0;
  std::string value_label;  ///< written above the point ("11/19"); empty: the value
  std::string title;        ///< the point's tooltip
  /// The point starts a new series (a new set of criteria): the line breaks before it at a
  /// dashed vertical rule labelled `series_label`.
  bool new_series = false;
  std::string series_label;
};

/// Values over time, one point per date, evenly spaced, joined by a line.
struct TrendChart {
  std::string id;  ///< unique on the page: the ids of the title and description derive from it
  std::string title;
  std::string description;
  std::vector<TrendPoint> points;
  double y_max = 0;  ///< the top of the axis (at least the largest value)
  std::vector<ChartLine> lines;
  int width = 640;
  int height = 260;
};

std::string trend_chart_svg(const TrendChart& chart);

struct Bar {
  std::string label;        ///< written left of the bar
  double value = 0;
  std::string value_label;  ///< written after the bar ("16/19"); empty: the value
  std::string href;         ///< the bar links here when set
  bool muted = false;       ///< drawn grey (no value yet, or no longer current)
};

/// One horizontal bar per row, on a common scale from 0 to `x_max`.
struct BarChart {
  std::string id;
  std::string title;
  std::string description;
  std::vector<Bar> bars;
  double x_max = 0;
  std::vector<ChartLine> lines;
  int width = 640;
  int bar_height = 18;
};

std::string bar_chart_svg(const BarChart& chart);

}  // namespace thidua::documents
