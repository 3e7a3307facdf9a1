// A scoring template: its page (groups, criteria, formulas, bands) and its form. The form is a
// fixed number of criterion rows (a row's group is typed beside it; rows of the same group
// follow each other) and band rows; a refused form comes back as typed, each message under
// its field.

#include <cstdlib>

#include "web/evaluation_pages.hpp"

namespace thidua::web {

namespace {

constexpr std::size_t kEmptyRows = 4;
constexpr std::size_t kMinRows = 8;
constexpr std::size_t kBandRows = 4;

const char* const kMeasures[] = {"sessions", "participants", "cash_vnd", "goods_vnd", "workdays", "land_m2",
                                 "initiatives", "commune_tasks", "visits", "role_models", "other"};

std::string thresholds_text(const ScoreFormula& f) {
  std::string out;
  for (const auto& t : f.thresholds) {
    if (!out.empty()) out += "; ";
    out += std::to_string(t.at_least) + ":" + format_points(t.points);
  }
  return out;
}

/// "5:2; 10:5" → thresholds (a piece without ':' keeps its text as the value, for the service to name).
std::vector<services::ThresholdInput> parse_thresholds(const std::string& text) {
  std::vector<services::ThresholdInput> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(';', start);
    std::string piece = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    start = end == std::string::npos ? text.size() + 1 : end + 1;
    if (piece.find_first_not_of(" \t") == std::string::npos) continue;
    auto colon = piece.find(':');
    out.push_back({piece.substr(0, colon), colon == std::string::npos ? "" : piece.substr(colon + 1)});
  }
  return out;
}

/// One criterion row as the form shows it.
struct Row {
  std::string group, title, max, kind = "normal", guidance, evidence, measure, aggregate = "sum",
                                   mapping = "linear", per_unit = "1", thresholds;
};

std::vector<Row> rows_of(const ScoreTemplate& t) {
  std::vector<Row> out;
  for (const auto& g : t.groups) {
    for (const auto& c : g.criteria) {
      Row r;
      r.group = g.title;
      r.title = c.title;
      r.max = format_points(c.max_points);
      r.kind = std::string(to_string(c.kind));
      r.guidance = c.guidance;
      r.evidence = c.evidence_expected;
      if (c.formula) {
        r.measure = c.formula->measure;
        r.aggregate = std::string(to_string(c.formula->aggregate));
        r.mapping = std::string(to_string(c.formula->mapping));
        r.per_unit = format_points(c.formula->per_unit);
        r.thresholds = thresholds_text(*c.formula);
      }
      out.push_back(std::move(r));
    }
  }
  return out;
}

std::size_t row_count(const http::FormData& f) {
  std::size_t n = 0;
  while (n < 200 && !f.value("c" + std::to_string(n) + "_present").empty()) ++n;
  return n;
}

Row row_from(const http::FormData& f, std::size_t i) {
  const std::string p = "c" + std::to_string(i) + "_";
  Row r;
  r.group = f.value(p + "group");
  r.title = f.value(p + "title");
  r.max = f.value(p + "max");
  r.kind = f.value(p + "kind");
  r.guidance = f.value(p + "guidance");
  r.evidence = f.value(p + "evidence");
  r.measure = f.value(p + "measure");
  r.aggregate = f.value(p + "aggregate");
  r.mapping = f.value(p + "mapping");
  r.per_unit = f.value(p + "per_unit");
  r.thresholds = f.value(p + "thresholds");
  return r;
}

/// The input of the form, and which row each criterion came from (for the messages).
struct Parsed {
  services::TemplateInput input;
  std::vector<std::vector<std::size_t>> rows;  ///< group → criterion → form row
};

Parsed parse(const http::FormData& f) {
  Parsed p;
  p.input.movement_id = f.value("movement");
  p.input.year = f.value("year");
  p.input.subject = f.value("subject");
  p.input.title = f.value("title");
  std::string group;
  for (std::size_t i = 0, n = row_count(f); i < n; ++i) {
    Row r = row_from(f, i);
    if (r.title.empty() && r.max.empty() && r.guidance.empty()) continue;  // an empty row
    const std::string g = r.group.empty() ? group : r.group;
    if (p.input.groups.empty() || g != group) {
      p.input.groups.push_back({g, {}});
      p.rows.emplace_back();
      group = g;
    }
    services::CriterionInput c;
    c.title = r.title;
    c.guidance = r.guidance;
    c.evidence_expected = r.evidence;
    c.kind = r.kind.empty() ? "normal" : r.kind;
    c.max_points = r.max;
    c.measure = r.measure;
    c.aggregate = r.aggregate.empty() ? "sum" : r.aggregate;
    c.mapping = r.mapping.empty() ? "linear" : r.mapping;
    c.per_unit = r.per_unit.empty() ? "1" : r.per_unit;
    if (c.mapping == "thresholds") c.thresholds = parse_thresholds(r.thresholds);
    p.input.groups.back().criteria.push_back(std::move(c));
    p.rows.back().push_back(i);
  }
  for (std::size_t j = 0; j < kBandRows; ++j) {
    const std::string s = std::to_string(j);
    services::BandInput b{f.value("band_code_" + s), f.value("band_name_" + s), f.value("band_at_" + s)};
    if (b.code.empty() && b.name.empty() && b.at_least.empty()) continue;
    p.input.bands.push_back(std::move(b));
  }
  return p;
}

/// A service field ("groups.1.criteria.0.formula.per_unit") → the form's ("c4_per_unit").
std::string form_field(const Parsed& p, const std::string& field) {
  auto num = [](const std::string& s, std::size_t at, std::size_t& end) {
    end = s.find('.', at);
    return static_cast<std::size_t>(std::atoi(s.substr(at, end - at).c_str()));
  };
  if (field.rfind("bands.", 0) == 0) {
    std::size_t end = 0;
    auto j = num(field, 6, end);
    if (end == std::string::npos) return "band_at_" + std::to_string(j);
    std::string rest = field.substr(end + 1);
    return (rest == "code" ? "band_code_" : rest == "name" ? "band_name_" : "band_at_") + std::to_string(j);
  }
  if (field.rfind("groups.", 0) != 0) return field;
  std::size_t end = 0;
  auto g = num(field, 7, end);
  if (g >= p.rows.size() || p.rows[g].empty()) return field;
  std::string rest = end == std::string::npos ? "" : field.substr(end + 1);
  if (rest.rfind("criteria.", 0) != 0) return "c" + std::to_string(p.rows[g].front()) + "_group";
  std::size_t cend = 0;
  auto c = num(rest, 9, cend);
  if (c >= p.rows[g].size()) return "c" + std::to_string(p.rows[g].front()) + "_title";
  const std::string row = "c" + std::to_string(p.rows[g][c]) + "_";
  std::string what = cend == std::string::npos ? "" : rest.substr(cend + 1);
  if (what.find("threshold") != std::string::npos) return row + "thresholds";
  if (what.find("per_unit") != std::string::npos) return row + "per_unit";
  if (what.find("measure") != std::string::npos) return row + "measure";
  if (what.find("max") != std::string::npos) return row + "max";
  if (what.find("kind") != std::string::npos) return row + "kind";
  if (what.find("guidance") != std::string::npos) return row + "guidance";
  if (what.find("evidence") != std::string::npos) return row + "evidence";
  return row + "title";
}

mustache::list select_of(const std::vector<std::pair<std::string, std::string>>& values, const std::string& selected) {
  mustache::list out;
  for (const auto& [v, label] : values) {
    mustache::data o;
    o.set("value", v);
    o.set("label", label);
    if (v == selected) o.set("selected", true);
    out.push_back(o);
  }
  return out;
}

struct FormState {
  std::string action, movement, year, subject, title, version, template_id;
  std::vector<Row> rows;
  std::vector<services::BandInput> bands;
  std::map<std::string, std::string> errors;
  std::string summary;
};

http::Response render_form(const WebDeps& deps, http::Context& ctx, const FormState& s, unsigned status) {
  mustache::data d;
  d.set("action", s.action);
  d.set("movement", s.movement);
  d.set("year", s.year);
  d.set("subject", s.subject);
  d.set("subject_label", ctx.t("eval_subject." + s.subject));
  d.set("title", s.title);
  d.set("version", s.version);
  if (!s.template_id.empty()) d.set("template_id", s.template_id);
  if (!s.summary.empty()) d.set("error", s.summary);
  auto err = [&](mustache::data& x, const std::string& field, const std::string& key) {
    if (auto it = s.errors.find(field); it != s.errors.end()) x.set("e_" + key, it->second);
  };
  if (auto it = s.errors.find("title"); it != s.errors.end()) d.set("title_error", it->second);
  std::vector<std::pair<std::string, std::string>> kinds, measures, aggregates, mappings;
  for (const char* k : {"normal", "bonus", "penalty"}) kinds.emplace_back(k, ctx.t(std::string("criterion_kind.") + k));
  measures.emplace_back("", ctx.t("evaluation_page.by_hand"));
  for (const char* m : kMeasures) measures.emplace_back(m, ctx.t(std::string("pledge_measure.") + m));
  for (const char* a : {"sum", "count"}) aggregates.emplace_back(a, ctx.t(std::string("evaluation_page.aggregate_") + a));
  for (const char* m : {"linear", "thresholds"}) mappings.emplace_back(m, ctx.t(std::string("evaluation_page.mapping_") + m));
  mustache::list rows;
  std::vector<Row> all = s.rows;
  const std::size_t n = std::max(kMinRows, all.size() + kEmptyRows);
  all.resize(std::max(all.size(), n));
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto& r = all[i];
    const std::string p = "c" + std::to_string(i) + "_";
    mustache::data x;
    x.set("i", std::to_string(i));
    x.set("n", std::to_string(i + 1));
    x.set("group", r.group);
    x.set("title", r.title);
    x.set("max", r.max);
    x.set("guidance", r.guidance);
    x.set("evidence", r.evidence);
    x.set("per_unit", r.per_unit);
    x.set("thresholds", r.thresholds);
    x.set("kinds", select_of(kinds, r.kind));
    x.set("measures", select_of(measures, r.measure));
    x.set("aggregates", select_of(aggregates, r.aggregate));
    x.set("mappings", select_of(mappings, r.mapping));
    for (const char* f : {"group", "title", "max", "kind", "guidance", "evidence", "measure", "per_unit", "thresholds"}) {
      err(x, p + f, f);
    }
    rows.push_back(x);
  }
  d.set("rows", rows);
  mustache::list bands;
  auto b = s.bands;
  b.resize(std::max(b.size(), kBandRows));
  for (std::size_t j = 0; j < b.size(); ++j) {
    mustache::data x;
    const std::string js = std::to_string(j);
    x.set("j", js);
    x.set("code", b[j].code);
    x.set("name", b[j].name);
    x.set("at_least", b[j].at_least);
    err(x, "band_code_" + js, "code");
    err(x, "band_name_" + js, "name");
    err(x, "band_at_" + js, "at_least");
    bands.push_back(x);
  }
  d.set("bands", bands);
  return deps.views->page(ctx, "pages/evaluation_template_form",
                          s.template_id.empty() ? ctx.t("evaluation_page.new_template") : s.title, std::move(d), status);
}

FormState state_of(const ScoreTemplate& t) {
  FormState s;
  s.movement = std::to_string(t.movement_id);
  s.year = std::to_string(t.year);
  s.subject = std::string(to_string(t.subject));
  s.title = t.title;
  s.version = std::to_string(t.version);
  s.template_id = std::to_string(t.id);
  s.action = "/evaluations/templates/" + s.template_id;
  s.rows = rows_of(t);
  for (const auto& b : t.bands) s.bands.push_back({b.code, b.name, format_points(b.at_least)});
  return s;
}

template <class T>
Result<http::Response> after_save(const WebDeps& deps, http::Context& ctx, const http::FormData& form,
                                  const Parsed& parsed, FormState s, const Result<T>& r) {
  if (r) {
    ctx.set_flash("flash.evaluation.template_saved");
    return http::Response::redirect("/evaluations/templates/" + std::to_string(r->id));
  }
  if (!shows_again(r.error())) return fail(r.error());
  const Error& e = r.error();
  s.summary = ctx.message(e);
  for (const auto& f : e.fields) s.errors[form_field(parsed, f.field)] = field_message(ctx, e, f);
  s.title = form.value("title");
  for (std::size_t i = 0, n = row_count(form); i < n; ++i) s.rows.push_back(row_from(form, i));
  // The empty rows at the end come back as the form's usual empty rows, not on top of them.
  while (!s.rows.empty() && s.rows.back().title.empty() && s.rows.back().max.empty() &&
         s.rows.back().guidance.empty() && s.rows.back().group.empty()) {
    s.rows.pop_back();
  }
  for (std::size_t j = 0; j < kBandRows; ++j) {
    const std::string js = std::to_string(j);
    s.bands.push_back({form.value("band_code_" + js), form.value("band_name_" + js), form.value("band_at_" + js)});
  }
  return render_form(deps, ctx, s, http::status_for(e));
}

}  // namespace

Result<http::Response> evaluation_template_new(const WebDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  FormState s;
  s.action = "/evaluations/templates";
  s.movement = q->value("movement");
  s.year = q->value("year");
  s.subject = parse_eval_subject(q->value("subject")) ? q->value("subject") : "person";
  s.version = "0";
  s.bands = {{"excellent", ctx.t("evaluation_page.band_excellent"), "90"},
             {"good", ctx.t("evaluation_page.band_good"), "75"},
             {"completed", ctx.t("evaluation_page.band_completed"), "50"}};
  return render_form(deps, ctx, s, 200);
}

Result<http::Response> evaluation_template_create(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  Parsed parsed = parse(*form);
  auto r = deps.evaluations->create_template(*ctx.principal, *agency, parsed.input);
  FormState s;
  s.action = "/evaluations/templates";
  s.movement = form->value("movement");
  s.year = form->value("year");
  s.subject = parse_eval_subject(form->value("subject")) ? form->value("subject") : "person";
  s.version = "0";
  return after_save(deps, ctx, *form, parsed, s, r);
}

Result<http::Response> evaluation_template_edit(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto t = deps.evaluations->get_template(*ctx.principal, *id);
  if (!t) return fail(t.error());
  return render_form(deps, ctx, state_of(*t), 200);
}

Result<http::Response> evaluation_template_update(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto t = deps.evaluations->get_template(*ctx.principal, *id);
  if (!t) return fail(t.error());
  Parsed parsed = parse(*form);
  auto r = deps.evaluations->update_template(*ctx.principal, *id, std::atoll(form->value("version").c_str()),
                                             parsed.input);
  FormState s = state_of(*t);
  s.rows.clear();
  s.bands.clear();
  s.version = form->value("version");
  return after_save(deps, ctx, *form, parsed, s, r);
}

Result<http::Response> evaluation_template_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto t = deps.evaluations->get_template(*ctx.principal, *id);
  if (!t) return fail(t.error());
  mustache::data d;
  d.set("id", std::to_string(t->id));
  d.set("title", t->title);
  d.set("year", std::to_string(t->year));
  d.set("movement_id", std::to_string(t->movement_id));
  d.set("subject_label", ctx.t("eval_subject." + std::string(to_string(t->subject))));
  d.set("potential", format_points(t->potential()));
  if (ctx.principal->has_role_in(Role::office, t->agency_id) || ctx.principal->is_admin()) {
    // A template in use is not edited any more (the service refuses it): say so instead of a link.
    auto uses = deps.evaluations->template_uses(*ctx.principal, t->id);
    if (!uses) return fail(uses.error());
    if (*uses == 0) {
      d.set("can_edit", true);
    } else {
      d.set("in_use", ctx.catalogue().format(ctx.lang, "evaluation_page.in_use", {{"count", std::to_string(*uses)}}));
    }
  }
  mustache::list groups;
  for (const auto& g : t->groups) {
    mustache::data gd;
    gd.set("title", g.title);
    mustache::list rows;
    for (const auto& c : g.criteria) {
      mustache::data x;
      x.set("title", c.title);
      x.set("max", format_points(c.max_points));
      set_text(x, "guidance", c.guidance);
      set_text(x, "evidence_expected", c.evidence_expected);
      if (c.kind != CriterionKind::normal) {
        x.set("kind_label", ctx.t("criterion_kind." + std::string(to_string(c.kind))));
        x.set("kind_color", c.kind == CriterionKind::bonus ? "success" : "danger");
      }
      if (c.formula) {
        std::string how = ctx.t("pledge_measure." + c.formula->measure) + " (" +
                          ctx.t("evaluation_page.aggregate_" + std::string(to_string(c.formula->aggregate))) + "): ";
        if (c.formula->mapping == Mapping::linear) {
          how += format_points(c.formula->per_unit) + " " + ctx.t("evaluation_page.points_per_unit");
        } else {
          how += ctx.t("evaluation_page.mapping_thresholds") + " " + thresholds_text(*c.formula);
        }
        x.set("formula", how);
      }
      rows.push_back(x);
    }
    gd.set("rows", rows);
    groups.push_back(gd);
  }
  d.set("groups", groups);
  mustache::list bands;
  for (const auto& b : t->bands) {
    mustache::data x;
    x.set("name", b.name);
    x.set("at_least", format_points(b.at_least));
    bands.push_back(x);
  }
  d.set("bands", bands);
  return deps.views->page(ctx, "pages/evaluation_template", t->title, std::move(d));
}

}  // namespace thidua::web
