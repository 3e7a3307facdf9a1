// Demo review reports (see demo_reports.hpp). The Office wrote the mid-term review in early
// December 2023, the deputy head signed it as 86/BC-BDT on 15/12/2023 and it went out on
// 18/12/2023; the final review 2025 was started on 10/12/2025.

#include "cli/demo_reports.hpp"

#include "services/auth_service.hpp"

namespace thidua::cli {

namespace {

struct ReportClock {
  std::shared_ptr<TimePoint> now = std::make_shared<TimePoint>();
  Clock clock() const {
    auto n = now;
    return [n] { return *n; };
  }
  void at(const char* iso) { *now = *parse_iso(iso); }
};

void midterm_text(ReviewText& t) {
  t.doc_number = "86";
  t.doc_date = "2023-12-15";
  t.work_intro =
      "Ngay sau khi Kế hoạch được ban hành, Ban Dân tộc đã tổ chức phát động phong trào thi đua đến toàn thể công "
      "chức, viên chức, người lao động; các phòng chuyên môn xây dựng kế hoạch cụ thể, đăng ký chỉ tiêu thi đua hằng "
      "năm và gắn với nhiệm vụ chuyên môn.\n"
      "Công tác tuyên truyền được thực hiện thường xuyên qua các hội nghị, các chuyến công tác cơ sở và trang thông "
      "tin điện tử của Ban; Văn phòng theo dõi, đôn đốc và tổng hợp kết quả định kỳ.";
  t.shortcomings =
      "Một số đơn vị báo cáo kết quả còn chậm, minh chứng chưa đầy đủ; việc huy động nguồn lực xã hội hóa ở một số xã "
      "còn hạn chế.\n"
      "Nguyên nhân: địa bàn rộng, giao thông khó khăn; điều kiện kinh tế của người dân ở các xã đặc biệt khó khăn còn "
      "thấp; một số cán bộ chưa dành nhiều thời gian cho công tác theo dõi phong trào.";
  t.lessons =
      "Phải có sự lãnh đạo, chỉ đạo sát sao của lãnh đạo Ban và sự vào cuộc của các phòng chuyên môn; nội dung thi "
      "đua cụ thể, gắn với nhiệm vụ chính trị; kịp thời biểu dương, khen thưởng các tập thể, cá nhân tiêu biểu.";
  t.next_steps =
      "Tiếp tục đẩy mạnh tuyên truyền, vận động đồng bào các dân tộc tham gia xây dựng nông thôn mới; tập trung giúp "
      "các xã được phân công hoàn thành các tiêu chí còn thiếu trong giai đoạn 2024 - 2025.\n"
      "Đề nghị Ban Thi đua - Khen thưởng tỉnh quan tâm hướng dẫn, xem xét khen thưởng các tập thể, cá nhân có thành "
      "tích xuất sắc trong phong trào.";
}

}  // namespace

Result<void> load_demo_reports(app::Services& s, std::int64_t agency_id, std::int64_t movement_id) {
  ReportClock clock;
  auto follow_up = std::make_shared<services::FollowUpService>(s.db, clock.clock());
  services::ReviewReportService reports(s.db, follow_up, clock.clock());
  services::ReportSendingService sendings(s.db, s.files, clock.clock());
  auto op = services::operator_principal("demo");
  auto u = s.users->get_user(op, "vanphong");
  if (!u) return fail(u.error());
  auto office = s.db->read([&](storage::Tx& tx) { return services::load_principal(tx, u->id); });
  if (!office) return fail(office.error());

  // The mid-term review 2023, written, signed and sent.
  clock.at("2023-12-05T02:00:00Z");
  auto mid = reports.create(*office, movement_id, "midterm", "2023");
  if (!mid) return fail(mid.error());
  clock.at("2023-12-15T03:00:00Z");
  ReviewText t = mid->text;
  midterm_text(t);
  auto saved = reports.save(*office, mid->id, mid->version, t);
  if (!saved) return fail(saved.error());
  auto content = reports.content(*office, mid->id);
  if (!content) return fail(content.error());
  auto pdf = services::ReviewReportService::render(*content, "pdf");
  if (!pdf) return fail(pdf.error());
  auto recipients = reports.recipients(*office, mid->id);
  if (!recipients) return fail(recipients.error());
  services::SendingDraft d;
  d.agency_id = agency_id;
  d.kind = ReportKind::review_midterm;
  d.movement_id = movement_id;
  d.year = saved->year;
  d.period_from = saved->period_from;
  d.period_to = saved->period_to;
  d.title = services::review_sending_title(*saved);
  d.recipient = "Ban Thi đua Khen thưởng tỉnh, Sở Nội vụ";
  d.channel = SendChannel::egov;
  for (const auto& r : *recipients) {
    if (r.agency_id) {
      d.recipient = r.name;
      d.recipient_agency_id = r.agency_id;
      d.channel = SendChannel::system;
      break;
    }
  }
  d.sent_on = "2023-12-18";
  d.doc_ref = "86/BC-BDT";
  d.note = "Gửi kèm văn bản điện tử qua hệ thống quản lý văn bản của tỉnh.";
  d.file_name = pdf->file_name;
  d.content_type = pdf->content_type;
  d.file_bytes = std::move(pdf->bytes);
  clock.at("2023-12-18T08:00:00Z");
  if (auto sent = sendings.record(*office, d); !sent) return fail(sent.error());

  // The final review 2025: a draft with the opening only.
  clock.at("2025-12-10T02:00:00Z");
  auto final_review = reports.create(*office, movement_id, "final", "");
  if (!final_review) return fail(final_review.error());
  return {};
}

}  // namespace thidua::cli
