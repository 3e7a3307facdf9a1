#include "documents/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace thidua::documents {

namespace {

constexpr const char* kInk = "#212529";
constexpr const char* kGrid = "#d9d4cc";
constexpr const char* kLine = "#8b1a1a";
constexpr const char* kYardstick = "#1d4ed8";
constexpr const char* kMuted = "#adb5bd";

std::string esc(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

/// A coordinate with one decimal, without trailing ".0".
std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.size() > 2 && s.substr(s.size() - 2) == ".0") s.resize(s.size() - 2);
  if (s == "-0") s = "0";
  return s;
}

std::string value_text(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9) return std::to_string(static_cast<long long>(std::llround(v)));
  return num(v);
}

std::string open_svg(const std::string& id, const std::string& title, const std::string& description, int width,
                     int height) {
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " + std::to_string(width) +
                    " " + std::to_string(height) + "\" width=\"" + std::to_string(width) + "\" height=\"" +
                    std::to_string(height) + "\" role=\"img\" aria-labelledby=\"" + esc(id) + "-title " + esc(id) +
                    "-desc\" font-family=\"sans-serif\" font-size=\"12\">";
  out += "<title id=\"" + esc(id) + "-title\">" + esc(title) + "</title>";
  out += "<desc id=\"" + esc(id) + "-desc\">" + esc(description) + "</desc>";
  return out;
}

/// Ticks for an axis from 0 to `top`: steps of 1, 2, 5, 10, … giving at most 6 intervals.
std::vector<double> ticks(double top) {
  // 1, 2, 5 times a power of ten, however large the values (a province's records run to tens
  // of thousands, its money to billions).
  double step = 1;
  for (double decade = 1; top / step > 6; decade *= 10) {
    for (double s : {1.0, 2.0, 5.0}) {
      step = s * decade;
      if (top / step <= 6) break;
    }
  }
  std::vector<double> out;
  for (double v = 0; v <= top + 1e-9; v += step) out.push_back(v);
  return out;
}

}  // namespace

std::string trend_chart_svg(const TrendChart& c) {
  const double left = 40, right = 28, top = 18, bottom = 36;
  const double w = c.width - left - right, h = c.height - top - bottom;
  double y_max = c.y_max;
  for (const auto& p : c.points) y_max = std::max(y_max, p.value);
  for (const auto& l : c.lines) y_max = std::max(y_max, l.value);
  if (y_max <= 0) y_max = 1;
  auto y_of = [&](double v) { return top + h - v / y_max * h; };
  const std::size_t n = c.points.size();
  auto x_of = [&](std::size_t i) { return n <= 1 ? left + w / 2 : left + w * static_cast<double>(i) / static_cast<double>(n - 1); };

  std::string out = open_svg(c.id, c.title, c.description, c.width, c.height);
  // Grid and y axis labels.
  for (double t : ticks(y_max)) {
    std::string y = num(y_of(t));
    out += "<line class=\"chart-grid\" x1=\"" + num(left) + "\" y1=\"" + y + "\" x2=\"" + num(left + w) + "\" y2=\"" + y +
           "\" stroke=\"" + kGrid + "\" stroke-width=\"1\"/>";
    out += "<text class=\"chart-axis\" x=\"" + num(left - 6) + "\" y=\"" + num(y_of(t) + 4) + "\" text-anchor=\"end\" fill=\"" +
           kInk + "\">" + value_text(t) + "</text>";
  }
  // Reference lines (yardsticks), dashed, labelled under their left end (the points' values
  // are written above them).
  for (const auto& l : c.lines) {
    double x1 = left, x2 = left + w;
    if (l.from_point >= 0 && static_cast<std::size_t>(l.from_point) < n) {
      x1 = std::max(left, x_of(static_cast<std::size_t>(l.from_point)) - 10);
      x2 = std::min(left + w, x_of(std::min(n - 1, static_cast<std::size_t>(std::max(l.to_point, l.from_point)))) + 10);
    }
    std::string y = num(y_of(l.value));
    out += "<line class=\"chart-yardstick\" x1=\"" + num(x1) + "\" y1=\"" + y + "\" x2=\"" + num(x2) + "\" y2=\"" + y +
           "\" stroke=\"" + kYardstick + "\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>";
    out += "<text class=\"chart-yardstick-label\" x=\"" + num(x1 + 2) + "\" y=\"" + num(y_of(l.value) + 14) +
           "\" fill=\"" + kYardstick + "\">" + esc(l.label) + "</text>";
  }
  // The line, the points with their values, the x labels.
  // One line per series; a dashed rule where a new one begins.
  std::string pts;
  std::size_t in_series = 0;
  auto flush = [&] {
    if (in_series > 1) {
      out += "<polyline class=\"chart-line\" points=\"" + pts + "\" fill=\"none\" stroke=\"" + kLine +
             "\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>";
    }
    pts.clear();
    in_series = 0;
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && c.points[i].new_series) {
      flush();
      std::string x = num((x_of(i - 1) + x_of(i)) / 2);
      out += "<line class=\"chart-series-rule\" x1=\"" + x + "\" y1=\"" + num(top) + "\" x2=\"" + x + "\" y2=\"" +
             num(top + h) + "\" stroke=\"" + kMuted + "\" stroke-width=\"1.5\" stroke-dasharray=\"3 3\"/>";
      // The label to the right of the rule, or to its left when it would run off the chart.
      double rx = (x_of(i - 1) + x_of(i)) / 2;
      bool fits = rx + 7.0 * static_cast<double>(c.points[i].series_label.size()) * 0.8 < left + w;
      out += "<text class=\"chart-series-label\" x=\"" + num(fits ? rx + 4 : rx - 4) + "\" y=\"" + num(top + 10) +
             "\"" + (fits ? "" : " text-anchor=\"end\"") + " fill=\"" + kInk + "\">" + esc(c.points[i].series_label) +
             "</text>";
    }
    if (in_series) pts += ' ';
    pts += num(x_of(i)) + "," + num(y_of(c.points[i].value));
    ++in_series;
  }
  flush();
  // Too many x labels overlap: write every k-th one.
  const std::size_t every = std::max<std::size_t>(1, (n * 62 + static_cast<std::size_t>(w) - 1) / static_cast<std::size_t>(std::max(w, 1.0)));
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = c.points[i];
    std::string x = num(x_of(i)), y = num(y_of(p.value));
    out += "<circle class=\"chart-point\" cx=\"" + x + "\" cy=\"" + y + "\" r=\"4\" fill=\"" + kLine + "\">";
    if (!p.title.empty()) out += "<title>" + esc(p.title) + "</title>";
    out += "</circle>";
    out += "<text class=\"chart-value\" x=\"" + x + "\" y=\"" + num(y_of(p.value) - 9) + "\" text-anchor=\"middle\" fill=\"" +
           kInk + "\">" + esc(p.value_label.empty() ? value_text(p.value) : p.value_label) + "</text>";
    if (i % every == 0 || i + 1 == n) {
      // The last label ends at its point: centred, a date runs off the chart's right edge.
      const bool last = n > 1 && i + 1 == n;
      out += "<text class=\"chart-axis\" x=\"" + num(x_of(i) + (last ? 4 : 0)) + "\" y=\"" + num(top + h + 18) +
             "\" text-anchor=\"" + (last ? "end" : "middle") + "\" fill=\"" + kInk + "\">" + esc(p.label) + "</text>";
    }
  }
  out += "<line class=\"chart-axis-line\" x1=\"" + num(left) + "\" y1=\"" + num(top + h) + "\" x2=\"" + num(left + w) +
         "\" y2=\"" + num(top + h) + "\" stroke=\"" + kInk + "\" stroke-width=\"1\"/>";
  out += "</svg>";
  return out;
}

std::string bar_chart_svg(const BarChart& c) {
  const double label_w = std::min(200.0, c.width * 0.34), value_w = 52, top = 26, bottom = 22, gap = 6;
  const double left = label_w + 8, w = c.width - left - value_w;
  const int height = static_cast<int>(top + bottom + static_cast<double>(c.bars.size()) * (c.bar_height + gap));
  double x_max = c.x_max;
  for (const auto& b : c.bars) x_max = std::max(x_max, b.value);
  for (const auto& l : c.lines) x_max = std::max(x_max, l.value);
  if (x_max <= 0) x_max = 1;
  auto x_of = [&](double v) { return left + v / x_max * w; };

  std::string out = open_svg(c.id, c.title, c.description, c.width, height);
  const double bottom_y = top + static_cast<double>(c.bars.size()) * (c.bar_height + gap);
  for (double t : ticks(x_max)) {
    std::string x = num(x_of(t));
    out += "<line class=\"chart-grid\" x1=\"" + x + "\" y1=\"" + num(top - 4) + "\" x2=\"" + x + "\" y2=\"" +
           num(bottom_y) + "\" stroke=\"" + kGrid + "\" stroke-width=\"1\"/>";
    out += "<text class=\"chart-axis\" x=\"" + x + "\" y=\"" + num(bottom_y + 15) + "\" text-anchor=\"middle\" fill=\"" +
           kInk + "\">" + value_text(t) + "</text>";
  }
  for (std::size_t i = 0; i < c.bars.size(); ++i) {
    const auto& b = c.bars[i];
    double y = top + static_cast<double>(i) * (c.bar_height + gap);
    std::string bar = "<rect class=\"chart-bar" + std::string(b.muted ? " chart-bar-muted" : "") + "\" x=\"" + num(left) +
                      "\" y=\"" + num(y) + "\" width=\"" + num(std::max(0.0, x_of(b.value) - left)) + "\" height=\"" +
                      std::to_string(c.bar_height) + "\" fill=\"" + (b.muted ? kMuted : kLine) + "\"><title>" +
                      esc(b.label + ": " + (b.value_label.empty() ? value_text(b.value) : b.value_label)) +
                      "</title></rect>";
    std::string label = "<text class=\"chart-label\" x=\"" + num(label_w) + "\" y=\"" + num(y + c.bar_height * 0.7) +
                        "\" text-anchor=\"end\" fill=\"" + kInk + "\">" + esc(b.label) + "</text>";
    if (!b.href.empty()) {
      out += "<a href=\"" + esc(b.href) + "\">" + label + bar + "</a>";
    } else {
      out += label + bar;
    }
    out += "<text class=\"chart-value\" x=\"" + num(x_of(b.value) + 5) + "\" y=\"" + num(y + c.bar_height * 0.7) +
           "\" fill=\"" + kInk + "\">" + esc(b.value_label.empty() ? value_text(b.value) : b.value_label) + "</text>";
  }
  for (const auto& l : c.lines) {
    std::string x = num(x_of(l.value));
    out += "<line class=\"chart-yardstick\" x1=\"" + x + "\" y1=\"" + num(top - 8) + "\" x2=\"" + x + "\" y2=\"" +
           num(bottom_y) + "\" stroke=\"" + kYardstick + "\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>";
    out += "<text class=\"chart-yardstick-label\" x=\"" + x + "\" y=\"" + num(top - 12) + "\" text-anchor=\"middle\" fill=\"" +
           kYardstick + "\">" + esc(l.label) + "</text>";
  }
  out += "</svg>";
  return out;
}

}  // namespace thidua::documents
