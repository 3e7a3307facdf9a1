// The SVG charts drawn by the server: well-formed (expat parses them), accessible (an image with
// a title and a description), values and labels escaped, points placed on the scale, a series
// broken where a new set of criteria begins, yardsticks where they apply.

#include "documents/svg_chart.hpp"

#include <gtest/gtest.h>

#include <expat.h>

#include <regex>
#include <string>
#include <vector>

namespace thidua::documents {
namespace {

/// Whether `xml` is well-formed XML.
bool well_formed(const std::string& xml) {
  XML_Parser p = XML_ParserCreate("UTF-8");
  bool ok = XML_Parse(p, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  XML_ParserFree(p);
  return ok;
}

int count(const std::string& s, const std::string& what) {
  int n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

/// The cy of every point, in order.
std::vector<double> point_ys(const std::string& svg) {
  std::vector<double> out;
  std::regex re(R"re(<circle class="chart-point" cx="[0-9.]+" cy="([0-9.]+)")re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator(); ++it) {
    out.push_back(std::stod((*it)[1]));
  }
  return out;
}

TEST(SvgChart, TrendIsAnAccessibleWellFormedImage) {
  TrendChart c;
  c.id = "trend";
  c.title = "Số tiêu chí đạt — Xã <Lý Bôn> & \"Nà\"";
  c.description = "Biểu đồ đường";
  c.y_max = 19;
  for (auto [label, v] : {std::pair{"12/2022", 11}, {"06/2023", 12}, {"12/2023", 16}}) {
    c.points.push_back({label, static_cast<double>(v), std::to_string(v) + "/19", "tooltip " + std::string(label), false, ""});
  }
  c.lines.push_back({15, "Mức tối thiểu: 15 tiêu chí", 0, 2});
  auto svg = trend_chart_svg(c);
  EXPECT_TRUE(well_formed(svg)) << svg;
  EXPECT_NE(svg.find(R"(role="img" aria-labelledby="trend-title trend-desc")"), std::string::npos);
  EXPECT_NE(svg.find("Xã &lt;Lý Bôn&gt; &amp; &quot;Nà&quot;"), std::string::npos) << "text is escaped";
  EXPECT_NE(svg.find(">16/19<"), std::string::npos);
  EXPECT_EQ(count(svg, "<polyline"), 1);
  EXPECT_EQ(count(svg, "class=\"chart-yardstick\""), 1);
  EXPECT_EQ(svg.find("style="), std::string::npos) << "no inline styles (the CSP forbids them)";
  // Higher values sit higher (smaller y); the same value at the same height.
  auto ys = point_ys(svg);
  ASSERT_EQ(ys.size(), 3u);
  EXPECT_GT(ys[0], ys[1]);
  EXPECT_GT(ys[1], ys[2]);
}

TEST(SvgChart, ANewSeriesBreaksTheLineAtARule) {
  TrendChart c;
  c.id = "t";
  c.y_max = 19;
  c.points.push_back({"12/2024", 14, "14/19", "", false, ""});
  c.points.push_back({"12/2025", 16, "16/19", "", false, ""});
  c.points.push_back({"06/2026", 6, "6/10", "", true, "Bộ tiêu chí mới"});
  c.points.push_back({"12/2026", 7, "7/10", "", false, ""});
  auto svg = trend_chart_svg(c);
  EXPECT_TRUE(well_formed(svg)) << svg;
  EXPECT_EQ(count(svg, "<polyline"), 2) << "one line per set of criteria";
  EXPECT_EQ(count(svg, "chart-series-rule"), 1);
  EXPECT_NE(svg.find("Bộ tiêu chí mới"), std::string::npos);
}

TEST(SvgChart, OnePointOrNoneStillDraws) {
  TrendChart c;
  c.id = "one";
  c.points.push_back({"06/2024", 12, "", "", false, ""});
  auto one = trend_chart_svg(c);
  EXPECT_TRUE(well_formed(one));
  EXPECT_EQ(count(one, "<polyline"), 0);
  EXPECT_NE(one.find(">12<"), std::string::npos) << "the value itself when no label is given";
  c.points.clear();
  EXPECT_TRUE(well_formed(trend_chart_svg(c)));
}

TEST(SvgChart, BarsScaleToTheMaximumWithTheYardstick) {
  BarChart c;
  c.id = "bars";
  c.title = "Số tiêu chí đạt";
  c.x_max = 19;
  c.lines.push_back({15, "15 tiêu chí"});
  c.bars.push_back({"Lý Bôn", 19, "19/19", "/communes/1", false});
  c.bars.push_back({"Nam Cao", 0, "Chưa đánh giá", "", true});
  auto svg = bar_chart_svg(c);
  EXPECT_TRUE(well_formed(svg)) << svg;
  EXPECT_EQ(count(svg, "<rect"), 2);
  EXPECT_EQ(count(svg, "<a href=\"/communes/1\">"), 1);
  EXPECT_NE(svg.find("chart-bar-muted"), std::string::npos);
  // The full bar reaches the right end of the scale: its width equals the yardstick's x
  // (15/19 of it) scaled back to 19.
  std::smatch m;
  ASSERT_TRUE(std::regex_search(svg, m, std::regex(R"re(<rect class="chart-bar" x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)")re")));
  double x0 = std::stod(m[1]), full = std::stod(m[2]);
  ASSERT_TRUE(std::regex_search(svg, m, std::regex(R"re(<line class="chart-yardstick" x1="([0-9.]+)")re")));
  EXPECT_NEAR(std::stod(m[1]) - x0, full * 15 / 19, 0.2);
  // The picture grows with the rows.
  auto height = [](const std::string& s) {
    std::smatch h;
    std::regex_search(s, h, std::regex(R"re(height="([0-9]+)")re"));
    return std::stoi(h[1]);
  };
  c.bars.push_back({"Hồng Trị", 10, "", "", false});
  EXPECT_GT(height(bar_chart_svg(c)), height(svg));
}

}  // namespace
}  // namespace thidua::documents
