#pragma once
/// Rule sets of commendation shipped as data files (rules/commendation/*.toml, compiled into
/// the binary), parsed into `RuleSetLayer`s, and the merged rule set in force on a date. An
/// installation may put edited copies in `<dir>/*.toml` (e.g. the province layer once its
/// articles are confirmed): a file there with the same code replaces the shipped one.
///
/// A malformed file is refused as a whole: validation error "rule_set.bad_file" with the
/// file, the key (e.g. `rule[2].condition[1].type`) and the reason.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/rule_set.hpp"

namespace thidua::services {

/// Parses one rule file; `path` names it in errors.
Result<RuleSetLayer> parse_rule_file(std::string_view toml_text, std::string_view path);

/// Every rules/commendation/*.toml compiled into the binary, parsed once, then the files of
/// `override_dir` (if not empty and present) replacing those of the same code. Read once per
/// directory and process: an edited file takes effect at the next start.
Result<std::shared_ptr<const std::vector<RuleSetLayer>>> commendation_rule_layers(const std::string& override_dir = {});

/// The date a year's titles are judged on: 31 December of that year.
std::string evaluation_date(int year);

/// The rule set in force for a year (on `evaluation_date(year)`) for an agency in `scopes`
/// (the province code, e.g. "cao_bang").
Result<RuleSet> rule_set_for_year(int year, const std::vector<std::string>& scopes,
                                  const std::string& override_dir = {});

}  // namespace thidua::services
