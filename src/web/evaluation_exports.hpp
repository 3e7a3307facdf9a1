#pragma once
/// Downloads of an evaluation's ranked list (the evaluation pages link to them): the XLSX the
/// Office works on and the annex of the evaluation minutes as DOCX and PDF, for the whole
/// template or one unit (`?unit=ID`). The service checks who may read the list; another
/// agency's template is "not found".

#include "web/pages.hpp"

namespace thidua::web {

Result<http::Response> evaluation_ranking_xlsx(const WebDeps& deps, http::Context& ctx);
Result<http::Response> evaluation_ranking_docx(const WebDeps& deps, http::Context& ctx);
Result<http::Response> evaluation_ranking_pdf(const WebDeps& deps, http::Context& ctx);

}  // namespace thidua::web
