// The stacked bar chart of the follow-up dashboards: a well-formed, accessible image whose
// segments are laid side by side on one scale, labels escaped, rows linked; and the axis of
// svg_chart's bar chart stays readable with large values (a province's records, its money).

#include "documents/stacked_chart.hpp"

#include <gtest/gtest.h>

#include <expat.h>

#include <string>

#include "documents/svg_chart.hpp"

namespace thidua::documents {
namespace {

bool parses(const std::string& xml) {
  XML_Parser p = XML_ParserCreate("UTF-8");
  bool ok = XML_Parse(p, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  XML_ParserFree(p);
  return ok;
}

int occurrences(const std::string& s, const std::string& what) {
  int n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

TEST(StackedChart, SegmentsSideBySideWithLegendAndLinks) {
  StackedBarChart c;
  c.id = "tasks";
  c.title = "Nhiệm vụ: đã xong, quá hạn";
  c.description = "Mỗi thanh là một đơn vị <b>";
  c.series = {{"Đã xong", "#198754"}, {"Quá hạn", "#dc3545"}};
  c.rows = {{"Phòng Chính sách & Dân tộc", {3, 1}, "", "/movements/1#tasks"}, {"Văn phòng", {0, 2}, "2 việc", ""}};
  c.width = 500;
  auto svg = stacked_bar_chart_svg(c);
  EXPECT_TRUE(parses(svg)) << svg;
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"tasks-title\">"), std::string::npos);
  EXPECT_NE(svg.find("&lt;b&gt;"), std::string::npos);
  EXPECT_NE(svg.find("Chính sách &amp; Dân tộc"), std::string::npos);
  EXPECT_NE(svg.find("<a href=\"/movements/1#tasks\">"), std::string::npos);
  // Three segments drawn (a zero draws nothing), two legend swatches.
  EXPECT_EQ(occurrences(svg, "class=\"chart-bar\""), 3);
  EXPECT_EQ(occurrences(svg, "class=\"chart-legend\""), 2);
  EXPECT_NE(svg.find(">4</text>"), std::string::npos);  // the sum after the first bar
  EXPECT_NE(svg.find(">2 việc</text>"), std::string::npos);
  // The first row's two segments on one scale: 3 then 1 of a maximum of 4.
  EXPECT_NE(svg.find("<title>Phòng Chính sách &amp; Dân tộc – Quá hạn: 1</title>"), std::string::npos);
}

TEST(StackedChart, NoRowsStillAnImage) {
  StackedBarChart c;
  c.id = "empty";
  auto svg = stacked_bar_chart_svg(c);
  EXPECT_TRUE(parses(svg));
  EXPECT_EQ(occurrences(svg, "class=\"chart-bar\""), 0);
}

TEST(StackedChart, ABarChartOfLargeValuesKeepsAFewGridLines) {
  BarChart c;
  c.id = "records";
  c.bars = {{"Nội dung 1", 12345, "", "", false}, {"Nội dung 2", 870, "", "", false}};
  auto svg = bar_chart_svg(c);
  EXPECT_TRUE(parses(svg));
  const int lines = occurrences(svg, "class=\"chart-grid\"");
  EXPECT_GE(lines, 3);
  EXPECT_LE(lines, 8);
  EXPECT_NE(svg.find(">10000</text>"), std::string::npos);  // steps of 5000
}

}  // namespace
}  // namespace thidua::documents
