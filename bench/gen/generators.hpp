#pragma once
/// One generator per table group. Each reads what earlier ones left in `ctx.data`, adds its
/// own entities there, and returns its rows; gen.cpp loads each group in one transaction.
///
/// To add one (achievements, communes, assessments…): write `foo_gen.cpp` with
/// `TableGroup generate_foo(Context&, Rng&)`, declare it here, list it in kGenerators in
/// gen.cpp after the generators it reads from, and add the file to CMakeLists.txt. Each
/// generator draws from its own random stream (seeded from --seed and its name), so a new
/// one leaves the data of the others unchanged.

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

}  // namespace thidua::gen
