#pragma once
/// Pages of nominations (đề nghị khen thưởng): the list with its filters, the form to nominate
/// (also reached from the eligibility list: /nominations/new?subject=person:ID&form=CODE&year=Y),
/// a nomination with its dossier checklist, report, files and history, and its steps
/// (nomination_pages.cpp). Pages of council sessions: the list, a session with agenda,
/// attendance, quorum and items, the ballot page of a member, the minutes as DOCX and PDF, and
/// the public disclosure of candidates (council_session_pages.cpp).

#include "web/pages.hpp"

namespace thidua::web {

Result<http::Response> nominations_page(const WebDeps& deps, http::Context& ctx);
/// The list as XLSX, with the same filters.
Result<http::Response> nominations_export(const WebDeps& deps, http::Context& ctx);
Result<http::Response> nomination_new(const WebDeps& deps, http::Context& ctx);
Result<http::Response> nomination_create(const WebDeps& deps, http::Context& ctx);
Result<http::Response> nomination_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> nomination_edit(const WebDeps& deps, http::Context& ctx);
Result<http::Response> nomination_step(const WebDeps& deps, http::Context& ctx);
Result<http::Response> nomination_report(const WebDeps& deps, http::Context& ctx);
Result<http::Response> nomination_file(const WebDeps& deps, http::Context& ctx);

Result<http::Response> council_sessions_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> council_session_create(const WebDeps& deps, http::Context& ctx);
Result<http::Response> council_session_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> council_session_add_item(const WebDeps& deps, http::Context& ctx);
Result<http::Response> council_session_attendance(const WebDeps& deps, http::Context& ctx);
Result<http::Response> council_session_opinion(const WebDeps& deps, http::Context& ctx);
Result<http::Response> council_item_open(const WebDeps& deps, http::Context& ctx);
Result<http::Response> council_item_close(const WebDeps& deps, http::Context& ctx);
Result<http::Response> council_session_close(const WebDeps& deps, http::Context& ctx);
Result<http::Response> council_session_disclosure(const WebDeps& deps, http::Context& ctx);
Result<http::Response> council_ballot_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> council_ballot_vote(const WebDeps& deps, http::Context& ctx);
Result<http::Response> council_minutes_docx(const WebDeps& deps, http::Context& ctx);
Result<http::Response> council_minutes_pdf(const WebDeps& deps, http::Context& ctx);
/// No login: the candidates of a session whose disclosure is on.
Result<http::Response> council_public_candidates(const WebDeps& deps, http::Context& ctx);

/// "secondary", "info" …: one colour per meaning, as every status badge.
std::string nomination_status_color(NominationStatus s);

}  // namespace thidua::web
