// thidua-certificates-bench: how long 1,000 certificates take to render as PDF.
//
//   thidua-certificates-bench [--count 1000] [--threads 1] [--paper plain|preprinted]
//                             [--json FILE] [--commit REV] [--keep DIR]
//
// The sheets are the application's: services::CertificateService::sheet_of turns a certificate
// row of an issued decision into the sheet that documents::write_certificates_pdf draws (border,
// motto, heading, name, unit, achievement, signer, decision, QR code of the verification URL),
// as GET /decisions/{id}/certificates.pdf does. Names, units and codes vary per sheet (every QR
// code is different). Two runs: (a) one PDF holding every certificate (the "print all" button),
// (b) one PDF per certificate, --threads at a time. Prints seconds, pages per second and
// megabytes of each, and the target of issue 6 (1,000 certificates <= 10 s) with PASS/FAIL; with
// --json also writes them. Exit status 0 whenever the benchmark ran.

#include <sodium.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "documents/certificate_pdf.hpp"
#include "domain/certificate.hpp"
#include "services/certificate_service.hpp"

namespace {

using namespace thidua;
using Steady = std::chrono::steady_clock;

const char* kFamily[] = {"Nông", "Hoàng", "Lương", "Đàm", "Bế", "Triệu", "Lâm", "Sầm", "Hà", "Lục", "Đinh", "Nguyễn"};
const char* kMiddle[] = {"Văn", "Thị", "Đức", "Thanh", "Minh", "Ngọc"};
const char* kGiven[] = {"Chiến", "Hoa", "Thành", "Lan", "Đức", "Thu", "Minh", "Ánh", "Hùng", "Mai", "Quang", "Vui"};
const char* kUnits[] = {"Phòng Chính sách Dân tộc", "Phòng Kế hoạch - Tổng hợp và Tuyên truyền", "Văn phòng",
                        "Thanh tra Ban", "Công đoàn cơ sở Ban Dân tộc"};

std::vector<documents::CertificateSheet> sheets(int count) {
  Decision d;
  d.number = 45;
  d.symbol = "QĐ-BDT";
  d.decision_date = "2025-12-20";
  d.place = "Cao Bằng";
  d.head_title = "TRƯỞNG BAN DÂN TỘC TỈNH CAO BẰNG";
  d.award_year = 2025;
  d.signer_mark = "KT. TRƯỞNG BAN";
  d.signer_title = "PHÓ TRƯỞNG BAN";
  d.signer_name = "Hà Văn Vui";
  std::vector<documents::CertificateSheet> out;
  out.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    storage::CertificateRow c;
    std::array<std::uint8_t, kCertificateCodeLength> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    c.code = certificate_code_from(bytes);
    c.subject = AwardSubject::person;
    c.subject_name = std::string(i % 2 ? "Bà " : "Ông ") + kFamily[i % 12] + " " + kMiddle[(i / 12) % 6] + " " +
                     kGiven[(i / 7) % 12];
    c.unit_name = kUnits[i % 5];
    c.form = i % 4 == 0 ? AwardForm::advanced_worker : AwardForm::certificate_of_merit;
    c.achievement = i % 4 == 0 ? "" : "Đã có thành tích xuất sắc trong Phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” năm 2025";
    c.decision_ref = "45/QĐ-BDT";
    c.decision_date = d.decision_date;
    c.issuer = "Ban Dân tộc tỉnh Cao Bằng";
    out.push_back(services::CertificateService::sheet_of(c, d, "https://thidua.caobang.gov.vn/verify/" + c.code));
  }
  return out;
}

double seconds_since(Steady::time_point t) { return std::chrono::duration<double>(Steady::now() - t).count(); }

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Renders certificates (Giấy khen) to PDF and reports the time"};
  int count = 1000, threads = 1;
  std::string paper = "plain", json_path, commit = "unknown", keep;
  app.add_option("--count", count, "certificates")->check(CLI::Range(1, 100000));
  app.add_option("--threads", threads, "files rendered at once in run (b)")->check(CLI::Range(1, 64));
  app.add_option("--paper", paper, "plain or preprinted")->check(CLI::IsMember({"plain", "preprinted"}));
  app.add_option("--json", json_path, "write the figures to FILE");
  app.add_option("--commit", commit, "the commit measured");
  app.add_option("--keep", keep, "keep the batch PDF in DIR");
  CLI11_PARSE(app, argc, argv);
  if (sodium_init() < 0) return 1;

  documents::CertificateOptions options;
  options.paper = paper == "plain" ? documents::CertificatePaper::plain : documents::CertificatePaper::preprinted;
  options.created = "2025-12-20T00:00:00";
  const auto all = sheets(count);

  // Warm-up: fontconfig and Pango's caches, as a running server has them.
  if (auto w = documents::write_certificates_pdf({all.front()}, options); !w) {
    std::cerr << "certificates-bench: " << w.error().detail << "\n";
    return 1;
  }

  auto t0 = Steady::now();
  auto batch = documents::write_certificates_pdf(all, options);
  const double batch_s = seconds_since(t0);
  if (!batch) {
    std::cerr << "certificates-bench: " << batch.error().detail << "\n";
    return 1;
  }
  if (!keep.empty()) std::ofstream(std::filesystem::path(keep) / "certificates-bench.pdf", std::ios::binary) << *batch;

  std::atomic<int> next{0};
  std::atomic<long long> file_bytes{0};
  std::atomic<bool> failed{false};
  auto t1 = Steady::now();
  std::vector<std::thread> pool;
  for (int k = 0; k < threads; ++k) {
    pool.emplace_back([&] {
      for (int i = next++; i < count; i = next++) {
        auto one = documents::write_certificates_pdf({all[static_cast<std::size_t>(i)]}, options);
        if (!one) {
          failed = true;
          return;
        }
        file_bytes += static_cast<long long>(one->size());
      }
    });
  }
  for (auto& t : pool) t.join();
  const double files_s = seconds_since(t1);
  if (failed) {
    std::cerr << "certificates-bench: a single certificate failed to render\n";
    return 1;
  }

  const double batch_mb = static_cast<double>(batch->size()) / 1e6, files_mb = static_cast<double>(file_bytes) / 1e6;
  std::printf("certificates (%s paper), %d of them\n", paper.c_str(), count);
  std::printf("  %-34s %8.2f s %9.1f pages/s %8.1f MB\n", "(a) one PDF of all", batch_s, count / batch_s, batch_mb);
  std::printf("  %-34s %8.2f s %9.1f pages/s %8.1f MB  (%d thread%s)\n", "(b) one PDF each", files_s,
              count / files_s, files_mb, threads, threads == 1 ? "" : "s");
  const double per_1000 = batch_s * 1000.0 / count;
  std::printf("target: 1,000 certificates <= 10 s: %.2f s for 1,000 in one PDF — %s\n", per_1000,
              per_1000 <= 10 ? "PASS" : "FAIL");
  if (!json_path.empty()) {
    std::ofstream j(json_path);
    j << "{\n  \"benchmark\": \"certificates\",\n  \"commit\": \"" << commit << "\",\n  \"paper\": \"" << paper
      << "\",\n  \"count\": " << count << ",\n  \"batch_seconds\": " << batch_s << ",\n  \"batch_bytes\": "
      << batch->size() << ",\n  \"files_seconds\": " << files_s << ",\n  \"files_threads\": " << threads
      << ",\n  \"files_bytes\": " << file_bytes << ",\n  \"target_seconds_per_1000\": 10,\n  \"pass\": "
      << (per_1000 <= 10 ? "true" : "false") << "\n}\n";
  }
  return 0;
}
