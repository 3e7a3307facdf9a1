#pragma once
/// A horizontal stacked bar chart drawn as SVG (issue 7, the follow-up dashboards): one bar per
/// row made of the series' segments side by side — tasks done, due and late per unit; criteria
/// met at the start, gained since and still missing per commune; awards given and proposed per
/// form. Like svg_chart: colours as presentation attributes (CSP), a title and a description
/// (role="img"), a legend above, each row's label a link when it has one; the page shows the
/// same figures in a table beside it.

#include <string>
#include <vector>

namespace thidua::documents {

struct StackSeries {
  std::string name;    ///< in the legend and each segment's tooltip
  std::string colour;  ///< "#198754"
};

struct StackedRow {
  std::string label;
  std::vector<double> values;  ///< one per series (missing: 0)
  std::string total_label;     ///< written after the bar; empty: the sum
  std::string href;
};

struct StackedBarChart {
  std::string id;
  std::string title;
  std::string description;
  std::vector<StackSeries> series;
  std::vector<StackedRow> rows;
  double x_max = 0;  ///< at least the largest sum
  int width = 640;
  int bar_height = 18;
};

std::string stacked_bar_chart_svg(const StackedBarChart& chart);

}  // namespace thidua::documents
