#include "documents/stacked_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "documents/markup.hpp"

namespace thidua::documents {

namespace {

std::string coord(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string amount(double v) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 1e-9) std::snprintf(buf, sizeof buf, "%lld", std::llround(v));
  else std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

std::string stacked_bar_chart_svg(const StackedBarChart& c) {
  const double label_w = std::min(200.0, c.width * 0.34), value_w = 60, legend_h = 24, gap = 6;
  const double left = label_w + 8, w = c.width - left - value_w;
  const double top = legend_h + 6;
  const double bottom_y = top + static_cast<double>(c.rows.size()) * (c.bar_height + gap);
  const int height = static_cast<int>(bottom_y + 8);
  double x_max = c.x_max;
  for (const auto& r : c.rows) {
    double sum = 0;
    for (double v : r.values) sum += std::max(0.0, v);
    x_max = std::max(x_max, sum);
  }
  if (x_max <= 0) x_max = 1;
  const std::string id = escape_markup(c.id);
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-stacked\" viewBox=\"0 0 " +
                    std::to_string(c.width) + " " + std::to_string(height) + "\" width=\"" + std::to_string(c.width) +
                    "\" height=\"" + std::to_string(height) + "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id +
                    "-desc\" font-family=\"sans-serif\" font-size=\"12\">";
  out += "<title id=\"" + id + "-title\">" + escape_markup(c.title) + "</title>";
  out += "<desc id=\"" + id + "-desc\">" + escape_markup(c.description) + "</desc>";
  // The legend: a swatch and the series' name, left to right.
  double lx = left;
  for (const auto& s : c.series) {
    out += "<rect class=\"chart-legend\" x=\"" + coord(lx) + "\" y=\"6\" width=\"12\" height=\"12\" fill=\"" +
           escape_markup(s.colour) + "\"/><text x=\"" + coord(lx + 16) + "\" y=\"16\" fill=\"#212529\">" +
           escape_markup(s.name) + "</text>";
    std::size_t chars = 0;
    for (char ch : s.name) chars += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    lx += 28 + 6.6 * static_cast<double>(chars);
  }
  for (std::size_t i = 0; i < c.rows.size(); ++i) {
    const auto& r = c.rows[i];
    const double y = top + static_cast<double>(i) * (c.bar_height + gap);
    const double text_y = y + c.bar_height * 0.7;
    std::string label = "<text class=\"chart-label\" x=\"" + coord(label_w) + "\" y=\"" + coord(text_y) +
                        "\" text-anchor=\"end\" fill=\"#212529\">" + escape_markup(r.label) + "</text>";
    out += r.href.empty() ? label : "<a href=\"" + escape_markup(r.href) + "\">" + label + "</a>";
    double x = left, sum = 0;
    for (std::size_t s = 0; s < c.series.size() && s < r.values.size(); ++s) {
      const double v = std::max(0.0, r.values[s]);
      if (v <= 0) continue;
      const double seg = v / x_max * w;
      out += "<rect class=\"chart-bar\" x=\"" + coord(x) + "\" y=\"" + coord(y) + "\" width=\"" + coord(seg) +
             "\" height=\"" + std::to_string(c.bar_height) + "\" fill=\"" + escape_markup(c.series[s].colour) +
             "\"><title>" + escape_markup(r.label + " – " + c.series[s].name + ": " + amount(v)) + "</title></rect>";
      x += seg;
      sum += v;
    }
    out += "<text class=\"chart-value\" x=\"" + coord(x + 5) + "\" y=\"" + coord(text_y) + "\" fill=\"#212529\">" +
           escape_markup(r.total_label.empty() ? amount(sum) : r.total_label) + "</text>";
  }
  out += "<line class=\"chart-grid\" x1=\"" + coord(left) + "\" y1=\"" + coord(top - 3) + "\" x2=\"" + coord(left) +
         "\" y2=\"" + coord(bottom_y) + "\" stroke=\"#d9d4cc\" stroke-width=\"1\"/>";
  out += "</svg>";
  return out;
}

}  // namespace thidua::documents
