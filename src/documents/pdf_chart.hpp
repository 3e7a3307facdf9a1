#pragma once
/// Bar charts in the PDF (ChartBlock): the title centred, then one row per bar — the label
/// right-aligned in the left column, a filled rectangle on the common scale, the value after
/// it — with the axis drawn at the bars' origin. Rows never break across pages. Internal to
/// documents/.

#include "documents/document.hpp"
#include "documents/pdf_flow.hpp"

namespace thidua::documents::pdf {

/// The height the chart needs at least where it starts: its title and first bar.
double chart_min_height(const Flow& flow, const ChartBlock& chart);

/// Places the chart at the cursor across the text column.
void place_chart(Flow& flow, const ChartBlock& chart);

}  // namespace thidua::documents::pdf
