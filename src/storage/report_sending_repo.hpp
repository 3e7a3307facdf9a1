#pragma once
/// The record of reports sent (report_sending): inserted once, never updated or deleted.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/report.hpp"
#include "storage/database.hpp"

namespace thidua::storage {

/// What to list: by the sending agency or by the recipient agency; narrowed by movement, kind
/// and year when set (0 / empty: any).
struct SendingQuery {
  std::optional<std::int64_t> agency_id;
  std::optional<std::int64_t> recipient_agency_id;
  std::int64_t movement_id = 0;
  std::string kind;
  int year = 0;
};

std::int64_t insert_report_sending(Tx& tx, const ReportSending& s, const std::string& at);
std::optional<ReportSending> find_report_sending(Tx& tx, std::int64_t id);
/// Newest first (sent_on, then id).
std::vector<ReportSending> list_report_sendings(Tx& tx, const SendingQuery& q);

}  // namespace thidua::storage
