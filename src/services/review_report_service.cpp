// Review report drafts and their documents (review_report_service.hpp).

#include "services/review_report_service.hpp"

#include <algorithm>
#include <future>
#include <set>

#include <boost/json.hpp>

#include "documents/docx_writer.hpp"
#include "documents/pdf_writer.hpp"
#include "services/audit_service.hpp"
#include "services/scope.hpp"
#include "services/validation.hpp"
#include "storage/movement_repo.hpp"
#include "storage/org_repo.hpp"
#include "storage/review_report_repo.hpp"
#include "text/format.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;

namespace {

constexpr std::size_t kBlockMax = 20000;

struct Period {
  ReviewKind kind = ReviewKind::final_review;
  int year = 0;
  std::string from;
  std::string to;
};

int year_of(const std::string& iso) { return iso.size() >= 4 ? std::atoi(iso.substr(0, 4).c_str()) : 0; }

/// The period of a report of `kind` for the year typed, or the field errors.
Result<Period> period_of(const Movement& m, const std::vector<PlanItem>& items, const std::string& kind_in,
                         const std::string& year_in) {
  Error e = invalid();
  Period p;
  auto kind = parse_review_kind(text::trim(kind_in));
  if (!kind) e.field("kind", text::trim(kind_in).empty() ? "validation.required" : "review_report.kind_invalid");
  const std::string y = std::string(text::trim(year_in));
  int year = 0;
  if (!y.empty()) {
    const bool digits = y.size() == 4 && std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; });
    year = digits ? std::atoi(y.c_str()) : -1;
    if (year < 0) e.field("year", "validation.invalid");
  }
  const int first = year_of(m.period_from), last = year_of(m.period_to);
  if (year > 0 && (year < first || year > last)) e.field("year", "review_report.year_outside");
  if (!e.fields.empty()) return fail(e);
  p.kind = *kind;
  switch (*kind) {
    case ReviewKind::annual: {
      if (year == 0) return fail(invalid().field("year", "validation.required"));
      p.year = year;
      p.from = std::max(m.period_from, std::to_string(year) + "-01-01");
      p.to = std::min(m.period_to, std::to_string(year) + "-12-31");
      break;
    }
    case ReviewKind::midterm: {
      std::string review;
      for (const auto& i : items) {
        if (i.section == PlanSection::milestone && i.code == "midterm" && !i.ref_date.empty()) review = i.ref_date;
      }
      p.year = year ? year : review.empty() ? (first + last) / 2 : year_of(review);
      p.from = m.period_from;
      p.to = !review.empty() && year_of(review) == p.year ? review : std::to_string(p.year) + "-12-31";
      p.to = std::min(p.to, m.period_to);
      break;
    }
    case ReviewKind::final_review: {
      if (year && year != last) return fail(invalid().field("year", "review_report.final_year"));
      p.year = last;
      p.from = m.period_from;
      p.to = m.period_to;
      break;
    }
  }
  return p;
}

json::object text_json(const ReviewText& t) {
  return {{"title", t.title},
          {"doc_number", t.doc_number},
          {"doc_symbol", t.doc_symbol},
          {"doc_date", t.doc_date},
          {"place", t.place},
          {"header_parent", t.header_parent},
          {"header_agency", t.header_agency},
          {"opening", t.opening},
          {"work_intro", t.work_intro},
          {"shortcomings", t.shortcomings},
          {"lessons", t.lessons},
          {"next_steps", t.next_steps},
          {"signer_mark", t.signer_mark},
          {"signer_title", t.signer_title},
          {"signer_name", t.signer_name}};
}

/// The text as typed, cleaned (NFC, trimmed), or the field errors.
Result<ReviewText> clean_text(const ReviewText& in) {
  Error e = invalid();
  ReviewText t;
  required_text(e, "title", in.title, 500, t.title);
  optional_text(e, "doc_number", in.doc_number, 20, t.doc_number);
  optional_text(e, "doc_symbol", in.doc_symbol, 40, t.doc_symbol);
  t.doc_date = date_field(e, "doc_date", in.doc_date, false);
  optional_text(e, "place", in.place, 100, t.place);
  optional_text(e, "header_parent", in.header_parent, 200, t.header_parent);
  optional_text(e, "header_agency", in.header_agency, 200, t.header_agency);
  optional_text(e, "opening", in.opening, kBlockMax, t.opening);
  optional_text(e, "work_intro", in.work_intro, kBlockMax, t.work_intro);
  optional_text(e, "shortcomings", in.shortcomings, kBlockMax, t.shortcomings);
  optional_text(e, "lessons", in.lessons, kBlockMax, t.lessons);
  optional_text(e, "next_steps", in.next_steps, kBlockMax, t.next_steps);
  optional_text(e, "signer_mark", in.signer_mark, 100, t.signer_mark);
  optional_text(e, "signer_title", in.signer_title, 100, t.signer_title);
  optional_text(e, "signer_name", in.signer_name, 100, t.signer_name);
  if (!t.doc_number.empty() &&
      !std::all_of(t.doc_number.begin(), t.doc_number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    e.field("doc_number", "validation.invalid");
  }
  if (!e.fields.empty()) return fail(e);
  return t;
}

std::optional<std::int64_t> user_of(const Principal& p) {
  return p.user_id > 0 ? std::optional<std::int64_t>(p.user_id) : std::nullopt;
}

/// What the document needs from the database besides the figures.
struct Frame {
  ReviewContent content;
  std::vector<PlanItem> items;
};

Result<Frame> frame_of(storage::Tx& tx, const Principal& actor, std::int64_t movement_id) {
  auto m = storage::find_movement(tx, movement_id);
  if (!m || !reads_agency_reports(tx, actor, m->agency_id)) return fail(ErrorKind::not_found, "movement.not_found");
  Frame f;
  f.content.movement = *m;
  auto agency = storage::find_agency_row(tx, m->agency_id);
  f.content.agency_name = agency ? agency->agency.name : "";
  f.items = storage::plan_items(tx, movement_id);
  for (const auto& i : f.items) {
    if (i.section == PlanSection::recipient) f.content.recipients.push_back(i.body);
  }
  return f;
}

}  // namespace

ReviewReportService::ReviewReportService(std::shared_ptr<storage::Database> db,
                                         std::shared_ptr<FollowUpService> follow_up, Clock clock)
    : db_(std::move(db)), follow_up_(std::move(follow_up)), clock_(std::move(clock)) {}

bool ReviewReportService::can_edit(const Principal& actor, std::int64_t agency_id) const {
  return can_manage_agency(actor, agency_id);
}

Result<std::vector<ReviewReport>> ReviewReportService::list(const Principal& actor, std::int64_t movement_id) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<ReviewReport>> {
    auto m = storage::find_movement(tx, movement_id);
    if (!m || !reads_agency_reports(tx, actor, m->agency_id)) return fail(ErrorKind::not_found, "movement.not_found");
    return storage::list_review_reports(tx, movement_id);
  });
}

Result<ReviewReport> ReviewReportService::get(const Principal& actor, std::int64_t id) {
  return db_->read([&](storage::Tx& tx) -> Result<ReviewReport> {
    auto r = storage::find_review_report(tx, id);
    if (!r || !reads_agency_reports(tx, actor, r->agency_id)) return fail(ErrorKind::not_found, "review_report.not_found");
    return *r;
  });
}

Result<ReviewReport> ReviewReportService::create(const Principal& actor, std::int64_t movement_id,
                                                const std::string& kind, const std::string& year) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<ReviewReport> {
    auto frame = frame_of(tx, actor, movement_id);
    if (!frame) return fail(frame.error());
    const Movement& m = frame->content.movement;
    if (!can_edit(actor, m.agency_id)) return fail(ErrorKind::forbidden, "review_report.office_only");
    auto period = period_of(m, frame->items, kind, year);
    if (!period) return fail(period.error());
    if (storage::review_report_id(tx, movement_id, period->kind, period->year)) {
      return fail(Error{ErrorKind::conflict, "review_report.exists", {}, {{"kind", "review_report.exists"}}, ""});
    }
    ReviewReport r;
    r.agency_id = m.agency_id;
    r.movement_id = movement_id;
    r.kind = period->kind;
    r.year = period->year;
    r.period_from = period->from;
    r.period_to = period->to;
    r.text = default_review_text(m, frame->content.agency_name, r.kind, r.year);
    const std::string at = to_iso(now);
    r.id = storage::insert_review_report(tx, r, user_of(actor), at);
    const std::string content = json::serialize(text_json(r.text));
    storage::insert_review_revision(tx, r.id, 1, content, user_of(actor), at);
    json::object after{{"movement_id", movement_id},
                       {"kind", std::string(to_string(r.kind))},
                       {"year", r.year},
                       {"period_from", r.period_from},
                       {"period_to", r.period_to}};
    record_audit(tx, actor, {"report.create", "review_report", std::to_string(r.id), "", json::serialize(after)}, now);
    return *storage::find_review_report(tx, r.id);
  });
}

Result<ReviewReport> ReviewReportService::save(const Principal& actor, std::int64_t id, std::int64_t version,
                                              const ReviewText& text_in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<ReviewReport> {
    auto r = storage::find_review_report(tx, id);
    if (!r || !reads_agency_reports(tx, actor, r->agency_id)) return fail(ErrorKind::not_found, "review_report.not_found");
    if (!can_edit(actor, r->agency_id)) return fail(ErrorKind::forbidden, "review_report.office_only");
    if (r->version != version) return fail(ErrorKind::conflict, "edit.stale");
    auto t = clean_text(text_in);
    if (!t) return fail(t.error());
    const std::string at = to_iso(now);
    if (!storage::update_review_text(tx, id, version, *t, user_of(actor), at)) {
      return fail(ErrorKind::conflict, "edit.stale");
    }
    const std::string content = json::serialize(text_json(*t));
    storage::insert_review_revision(tx, id, version + 1, content, user_of(actor), at);
    record_audit(tx, actor,
                 {"report.save", "review_report", std::to_string(id), json::serialize(text_json(r->text)), content},
                 now);
    return *storage::find_review_report(tx, id);
  });
}

Result<std::vector<ReviewRevision>> ReviewReportService::history(const Principal& actor, std::int64_t id) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<ReviewRevision>> {
    auto r = storage::find_review_report(tx, id);
    if (!r || !reads_agency_reports(tx, actor, r->agency_id)) return fail(ErrorKind::not_found, "review_report.not_found");
    return storage::review_revisions(tx, id);
  });
}

namespace {

/// The sub-periods the splits cut the period into: each boundary where a rule set or a
/// criteria set starts, with the names in force.
std::vector<std::pair<std::pair<std::string, std::string>, std::string>> sub_periods(const MovementFigures& f) {
  std::set<std::string> starts{f.from};
  for (const auto& s : f.splits) {
    if (s.from > f.from && s.from <= f.to) starts.insert(s.from);
  }
  std::vector<std::string> bounds(starts.begin(), starts.end());
  std::vector<std::pair<std::pair<std::string, std::string>, std::string>> out;
  for (std::size_t k = 0; k < bounds.size(); ++k) {
    std::string to = f.to;
    if (k + 1 < bounds.size()) {
      // The day before the next start.
      if (auto d = text::parse_iso_date(bounds[k + 1])) to = text::previous_day(*d).iso();
    }
    std::string names;
    for (const auto& s : f.splits) {
      if (s.from <= bounds[k] && s.to >= bounds[k]) names += (names.empty() ? "" : "; ") + s.name;
    }
    out.push_back({{bounds[k], to}, names});
  }
  return out;
}

/// The figures of the report's period, and of each sub-period when the period is split.
Result<void> gather(FollowUpService& follow_up, const Principal& actor, ReviewContent& c) {
  FollowUpQuery q;
  q.agency_id = c.report.agency_id;
  q.movement_id = c.report.movement_id;
  q.from = c.report.period_from;
  q.to = c.report.period_to;
  auto figures = follow_up.figures(actor, q);
  if (!figures) return fail(figures.error());
  c.figures = std::move(*figures);
  if (c.figures.splits.empty()) return {};
  // The sub-periods are independent reads: gathered side by side, each in its own snapshot.
  std::vector<std::future<Result<MovementFigures>>> pending;
  for (const auto& [span, names] : sub_periods(c.figures)) {
    FollowUpQuery part = q;
    part.from = span.first;
    part.to = span.second;
    part.rule_bound_only = true;  // only the awards and the communes' criteria are split
    pending.push_back(std::async(std::launch::async, [&follow_up, &actor, part] { return follow_up.figures(actor, part); }));
    c.part_labels.push_back(names);
  }
  for (auto& p : pending) {
    auto part = p.get();
    if (!part) return fail(part.error());
    c.parts.push_back(std::move(*part));
  }
  if (c.parts.size() < 2) {
    c.parts.clear();
    c.part_labels.clear();
  }
  return {};
}

}  // namespace

Result<ReviewContent> ReviewReportService::content(const Principal& actor, std::int64_t id) {
  auto frame = db_->read([&](storage::Tx& tx) -> Result<Frame> {
    auto r = storage::find_review_report(tx, id);
    if (!r || !reads_agency_reports(tx, actor, r->agency_id)) return fail(ErrorKind::not_found, "review_report.not_found");
    auto f = frame_of(tx, actor, r->movement_id);
    if (!f) return fail(f.error());
    f->content.report = *r;
    return f;
  });
  if (!frame) return fail(frame.error());
  ReviewContent c = std::move(frame->content);
  if (auto g = gather(*follow_up_, actor, c); !g) return fail(g.error());
  return c;
}

Result<ReviewContent> ReviewReportService::content_for(const Principal& actor, std::int64_t movement_id,
                                                      const std::string& kind, const std::string& year) {
  auto found = db_->read([&](storage::Tx& tx) -> Result<std::pair<std::optional<std::int64_t>, Frame>> {
    auto f = frame_of(tx, actor, movement_id);
    if (!f) return fail(f.error());
    auto period = period_of(f->content.movement, f->items, kind, year);
    if (!period) return fail(period.error());
    auto id = storage::review_report_id(tx, movement_id, period->kind, period->year);
    ReviewReport& r = f->content.report;
    r.agency_id = f->content.movement.agency_id;
    r.movement_id = movement_id;
    r.movement_title = f->content.movement.title;
    r.kind = period->kind;
    r.year = period->year;
    r.period_from = period->from;
    r.period_to = period->to;
    r.text = default_review_text(f->content.movement, f->content.agency_name, r.kind, r.year);
    return std::make_pair(id, std::move(*f));
  });
  if (!found) return fail(found.error());
  if (found->first) return content(actor, *found->first);
  // No draft: the default text over the figures, made the same way.
  ReviewContent c = std::move(found->second.content);
  if (auto g = gather(*follow_up_, actor, c); !g) return fail(g.error());
  return c;
}

Result<ReviewFile> ReviewReportService::render(const ReviewContent& c, const std::string& format) {
  ReviewFile out;
  Result<std::string> bytes = fail(ErrorKind::internal, "internal");
  if (format == "pdf") {
    bytes = documents::write_pdf(review_document(c));
    out.content_type = "application/pdf";
  } else if (format == "docx") {
    bytes = documents::write_docx(review_document(c));
    out.content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  } else if (format == "xlsx") {
    bytes = review_xlsx(c);
    out.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  } else {
    return fail(invalid().field("format", "review_report.format_invalid"));
  }
  if (!bytes) return fail(bytes.error());
  out.bytes = std::move(*bytes);
  out.file_name = review_file_name(c.report, format);
  return out;
}

Result<std::vector<ReviewRecipient>> ReviewReportService::recipients(const Principal& actor, std::int64_t id) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<ReviewRecipient>> {
    auto r = storage::find_review_report(tx, id);
    if (!r || !reads_agency_reports(tx, actor, r->agency_id)) return fail(ErrorKind::not_found, "review_report.not_found");
    std::vector<ReviewRecipient> out;
    auto agency = storage::find_agency_row(tx, r->agency_id);
    if (agency && agency->parent_id) {
      if (auto parent = storage::find_agency_row(tx, *agency->parent_id)) out.push_back({parent->agency.name, parent->agency.id});
    }
    for (const auto& i : storage::plan_items(tx, r->movement_id)) {
      if (i.section != PlanSection::recipient || i.body.rfind("Lưu", 0) == 0) continue;
      if (!out.empty() && out.front().name == i.body) continue;
      out.push_back({i.body, std::nullopt});
    }
    return out;
  });
}

}  // namespace thidua::services
