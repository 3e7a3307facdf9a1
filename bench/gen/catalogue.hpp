#pragma once
/// The organisation of a province as lists: agencies under the provincial People's Committee,
/// the units each kind of agency has, titles and positions, emulation clusters.

#include <string>
#include <string_view>
#include <vector>

#include "dataset.hpp"
#include "rng.hpp"

namespace thidua::gen {

struct AgencySpec {
  std::string code;
  std::string name;
  Profile profile = Profile::department;
  int cluster = 0;
  std::string address;
  int size_weight = 10;  ///< relative head count (10: an average Sở)
};

inline constexpr std::string_view kAuthorityCode = "UBND";
inline constexpr std::string_view kAuthorityName = "UBND tỉnh Cao Bằng";

/// `n` distinct agencies: the provincial departments first (codes SNV, STC, …), then district
/// committees, their service units and schools (codes A001, A002, …); past the end of the
/// lists the same kinds repeat with a number ("Trường Tiểu học Nà Giàng số 2").
std::vector<AgencySpec> agency_catalogue(int n);

struct TitlePair {
  std::string_view head;
  std::string_view deputy;
};

/// The agency's head and deputies ("Giám đốc" / "Phó Giám đốc").
TitlePair agency_titles(Profile p);

/// Department names for the profile; at least 10, distinct.
const std::vector<std::string_view>& department_names(Profile p);

/// The head and deputy of a unit, from its name ("Phòng …" → Trưởng phòng, "Khoa …" → Trưởng khoa).
TitlePair unit_titles(std::string_view unit_name);

/// A position for a member of staff without a leading role.
std::string_view staff_position(Rng& rng, Profile p, UnitKind unit_kind);

/// Civil servant, public employee or contract worker: by the position and the agency.
EmploymentKind employment_for(Rng& rng, Profile p, std::string_view position);

struct ClusterSpec {
  std::string_view code;
  std::string_view name;
};
/// The eight emulation clusters (khối thi đua); AgencySpec::cluster indexes this.
const std::vector<ClusterSpec>& cluster_catalogue();

}  // namespace thidua::gen
