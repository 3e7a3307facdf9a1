#pragma once
/// The communes the agency supports under /api/v1: the agency's communes, a commune (history,
/// assignments, latest assessment, support ledger, recognitions), assessments, assignments
/// (/commune-assignments), recognition events, criteria sets (/criteria-sets) and the
/// catalogue (/commune-catalogue, addressed by official code: it is installation-wide reference
/// data, not any one agency's records).

#include "api/handlers.hpp"

namespace thidua::api {

Result<http::Response> list_communes(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> get_commune(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> list_assessments(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> create_assessment(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> get_assessment(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> withdraw_assessment(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> add_assessment_evidence(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> withdraw_assessment_evidence(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> create_recognition(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> withdraw_recognition(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> create_assignment(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> get_assignment(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> update_assignment(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> end_assignment(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> list_criteria_sets(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> add_indicator(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> retire_indicator(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> list_catalogue(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> create_catalogue_commune(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> change_catalogue_commune(const ApiDeps& deps, http::Context& ctx);

}  // namespace thidua::api
