#pragma once
/// Pages of the register of initiatives: the list (search, filters, Excel), a new or edited
/// initiative, its page (authors, recognition, uses as a basis, history), withdrawal, and the
/// Office's recording and release of uses by hand.

#include "web/pages.hpp"

namespace thidua::web {

Result<http::Response> initiatives_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> initiatives_export(const WebDeps& deps, http::Context& ctx);
Result<http::Response> initiative_page(const WebDeps& deps, http::Context& ctx);
Result<http::Response> initiative_withdraw(const WebDeps& deps, http::Context& ctx);
Result<http::Response> initiative_use_add(const WebDeps& deps, http::Context& ctx);
Result<http::Response> initiative_use_release(const WebDeps& deps, http::Context& ctx);

// The form (initiative_form.cpp).
Result<http::Response> initiative_new(const WebDeps& deps, http::Context& ctx);
Result<http::Response> initiative_create(const WebDeps& deps, http::Context& ctx);
Result<http::Response> initiative_edit(const WebDeps& deps, http::Context& ctx);
Result<http::Response> initiative_update(const WebDeps& deps, http::Context& ctx);

/// The initiative's page, with the refused form `refused` (withdraw, use, release) shown again.
Result<http::Response> render_initiative(const WebDeps& deps, http::Context& ctx, std::int64_t id,
                                         const Refused* refused, unsigned status);
/// Display helpers shared by the two files.
std::string recognition_color(RecognitionLevel l);
/// "Chiến sĩ thi đua cơ sở", "Đề nghị khen thưởng số 12", or the text of an "other" basis.
std::string basis_label(http::Context& ctx, const InitiativeUse& u);

}  // namespace thidua::web
