// The Office's account of every agency (and of the authority): who verifies achievements,
// approves pledges and records commune assessments in the generated data. Login
// `<agency code>.vanphong` in lower case ("bdt.vanphong"), the run's password, role office.

#include "generators.hpp"
#include "util.hpp"

namespace thidua::gen {

TableGroup generate_office_accounts(Context& ctx, Rng& rng) {
  (void)rng;  // nothing to draw: one account per agency
  Table user_account = user_account_table();
  Table role_grant = role_grant_table();
  const std::string& at = ctx.options.now;
  auto add = [&](GenAgency& a) {
    a.office_user = ctx.ids.next("user_account");
    user_account.add({a.office_user, lower_ascii(a.code) + ".vanphong", "Văn phòng " + a.name, ctx.password_hash,
                      "active", a.id, "vi", at, at, std::int64_t{1}});
    role_grant.add({ctx.ids.next("role_grant"), a.office_user, "office", a.id, kNull, at});
  };
  add(ctx.data.authority);
  for (auto& a : ctx.data.agencies) add(a);
  return {"office accounts", {std::move(user_account), std::move(role_grant)}};
}

}  // namespace thidua::gen
