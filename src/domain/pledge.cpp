#include "domain/pledge.hpp"

#include "domain/enum_names.hpp"

namespace thidua {

namespace {

constexpr detail::EnumNames<PledgeAction, 4> kActions{{{PledgeAction::submit, "submit"},
                                                       {PledgeAction::send_back, "return"},
                                                       {PledgeAction::approve, "approve"},
                                                       {PledgeAction::withdraw, "withdraw"}}};

}  // namespace

std::string_view to_string(PledgeAction a) { return detail::name_of(kActions, a); }
std::optional<PledgeAction> parse_pledge_action(std::string_view s) { return detail::parse_from(kActions, s); }

std::optional<PledgeStatus> pledge_next(PledgeStatus from, PledgeAction action) {
  switch (action) {
    case PledgeAction::submit:
      if (from == PledgeStatus::draft || from == PledgeStatus::returned) return PledgeStatus::submitted;
      break;
    case PledgeAction::send_back:
      if (from == PledgeStatus::submitted || from == PledgeStatus::approved) return PledgeStatus::returned;
      break;
    case PledgeAction::approve:
      if (from == PledgeStatus::submitted) return PledgeStatus::approved;
      break;
    case PledgeAction::withdraw:
      if (from == PledgeStatus::draft || from == PledgeStatus::submitted || from == PledgeStatus::returned) {
        return PledgeStatus::withdrawn;
      }
      break;
  }
  return std::nullopt;
}

std::string_view pledge_event_name(PledgeStatus from, PledgeAction action) {
  switch (action) {
    case PledgeAction::submit: return from == PledgeStatus::returned ? "resubmitted" : "submitted";
    case PledgeAction::send_back: return "returned";
    case PledgeAction::approve: return "approved";
    case PledgeAction::withdraw: return "withdrawn";
  }
  return "edited";
}

bool pledge_editable(PledgeStatus s) { return s == PledgeStatus::draft || s == PledgeStatus::returned; }

bool pledge_registered(PledgeStatus s) {
  return s == PledgeStatus::submitted || s == PledgeStatus::returned || s == PledgeStatus::approved;
}

long long pledge_target_max(Measure m) {
  switch (m) {
    case Measure::cash_vnd:
    case Measure::goods_vnd: return 10'000'000'000'000LL;  // 10^13 đồng
    case Measure::participants: return 10'000'000;
    case Measure::workdays: return 1'000'000;
    case Measure::land_m2: return 100'000'000;  // 100 km²
    case Measure::initiatives: return 1'000;
    case Measure::sessions:
    case Measure::commune_tasks:
    case Measure::visits:
    case Measure::role_models: return 10'000;
    case Measure::other: return 1'000'000;
  }
  return 0;
}

bool measure_is_money(Measure m) { return m == Measure::cash_vnd || m == Measure::goods_vnd; }

}  // namespace thidua
