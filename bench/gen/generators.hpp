#pragma once
/// One generator per table group. Each reads what earlier ones left in `ctx.data`, adds its
/// own entities there, and returns its rows; gen.cpp loads each group in one transaction.
///
/// To add one: write `foo_gen.cpp` with `TableGroup generate_foo(Context&, Rng&)`, declare it
/// here, list it in kGenerators in gen.cpp after the generators it reads from, and add the file
/// to CMakeLists.txt. Each generator draws from its own random stream (seeded from --seed and
/// its name), so a new one leaves the data of the others unchanged. A generator whose rows do
/// not fit in memory at once emits them in groups instead (see generate_achievements).

#include <functional>
#include <string>
#include <vector>

#include "dataset.hpp"
#include "rng.hpp"
#include "table.hpp"

namespace thidua::gen {

/// The authority, the agencies with their name versions, units with theirs.
TableGroup generate_organisation(Context& ctx, Rng& rng);

/// People with their placements, and accounts (role staff) for about 5% of them.
TableGroup generate_people(Context& ctx, Rng& rng);

/// One council term per agency (2021 → open) with its seats.
TableGroup generate_councils(Context& ctx, Rng& rng);

/// Eight emulation clusters under the authority; every agency a member 2021–2025, one lead
/// per cluster and year.
TableGroup generate_clusters(Context& ctx, Rng& rng);

/// An Office account (role office) for the authority and every agency: `<code>.vanphong`.
TableGroup generate_office_accounts(Context& ctx, Rng& rng);

/// The province's communes with their history (2025 mergers) and difficult-area zones; about
/// four supported communes per agency with contact people.
TableGroup generate_communes(Context& ctx, Rng& rng);

/// One launched movement per agency (2021–2025) with its content items.
TableGroup generate_movements(Context& ctx, Rng& rng);

/// Half-yearly assessments 2021–2025 of every commune on the 19 criteria; recognitions.
TableGroup generate_assessments(Context& ctx, Rng& rng);

/// Pledges 2021–2025 of every unit and every working person, with targets, titles, events.
TableGroup generate_pledges(Context& ctx, Rng& rng);

/// Initiatives of the register with authors, recognitions and uses as a basis.
TableGroup generate_initiatives(Context& ctx, Rng& rng);

/// Commendation inputs of 2023 and 2024 (issue 6): ratings of people and units (some
/// corrected), sanctions, pending cases, maternity leave, imported award history.
TableGroup generate_commendation(Context& ctx, Rng& rng);

/// The achievements generator's mix, which pledges size their targets on: each year's share of
/// the five years' records (percent), and how the unit records spread over an agency's units.
inline constexpr int kYearShare[5] = {12, 18, 22, 24, 24};
inline int achievement_unit_weight(UnitKind k) { return k == UnitKind::department ? 4 : k == UnitKind::office ? 2 : 1; }

/// What a streaming generator reports for the summary (ids the benchmarks use, counts).
struct Summary {
  std::vector<std::string> lines;
};
/// Receives each group of rows a streaming generator produces, to load it at once.
using Emit = std::function<void(TableGroup&&)>;

/// Achievements 2021–2025 with their last event, emitted in groups of 50,000.
Summary generate_achievements(Context& ctx, Rng& rng, const Emit& emit);

/// The evaluation of 2024 for every agency's movement: a unit and a person template (criteria
/// by hand and computed), a sheet for every active unit and person, most self-scored and
/// submitted, some reviewed; emitted per 25 agencies.
Summary generate_evaluations(Context& ctx, Rng& rng, const Emit& emit);

}  // namespace thidua::gen
