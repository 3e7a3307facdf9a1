#pragma once
/// Proposals of higher awards (khen cao): for a form decided above the agency (the provincial
/// chairman's Bằng khen, the province's emulation fighter, flags…), the Office drafts the
/// submission (Tờ trình) listing the proposed subjects, downloads it as DOCX/PDF and the
/// dossier bundle (ZIP: the submission, each subject's evidence files from the verified records
/// of the year, a manifest), sends it, and records what the province answers: returned (edited
/// and sent again) or decided — the province's decision number and date, which writes each
/// subject's award into the history with the province as issuer. Every step is an event.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/decision.hpp"
#include "domain/error.hpp"
#include "domain/role.hpp"
#include "services/file_store.hpp"
#include "storage/database.hpp"
#include "storage/decision_repo.hpp"

namespace thidua::services {

struct HigherAwardInput {
  std::string form = "diploma_of_merit";
  std::string basis = "yearly";
  std::string award_year;
  std::string number;
  std::string submission_date;
  std::string place;
  std::string header_parent;
  std::string header_agency;
  std::string addressee;
  std::string title;
  std::string body;
  std::string signer_mark;
  std::string signer_title;
  std::string signer_name;
  std::string decider;
};

struct ProposedInput {
  std::string subject;  ///< person / unit / household
  std::int64_t subject_id = 0;
  std::string achievement;
};

struct HigherAwardView {
  HigherAward award;
  std::vector<storage::DecisionEventRow> history;
  bool can_edit = false;  ///< the Office, while draft or returned
  bool can_send = false;
  bool can_answer = false;  ///< the Office records the province's answer once sent
};

struct BundleFile {
  std::string bytes;
  std::string file_name;
};

class HigherAwardService {
 public:
  HigherAwardService(std::shared_ptr<storage::Database> db, std::shared_ptr<FileStore> files,
                     Clock clock = system_clock());

  Result<std::vector<HigherAward>> list(const Principal& actor, std::int64_t agency_id);
  /// A new proposal's defaults: the agency's header and signer, "TTr-<code>", the addressee.
  Result<HigherAward> defaults(const Principal& actor, std::int64_t agency_id);
  Result<HigherAward> create(const Principal& actor, std::int64_t agency_id, const HigherAwardInput& input);
  Result<HigherAward> update(const Principal& actor, std::int64_t id, std::int64_t version,
                             const HigherAwardInput& input);
  Result<HigherAwardView> get(const Principal& actor, std::int64_t id);
  Result<HigherAward> add_subjects(const Principal& actor, std::int64_t id, const std::vector<ProposedInput>& subjects);
  Result<HigherAward> remove_subject(const Principal& actor, std::int64_t id, std::int64_t subject_row_id);
  Result<HigherAwardView> send(const Principal& actor, std::int64_t id, std::int64_t version);
  Result<HigherAwardView> give_back(const Principal& actor, std::int64_t id, std::int64_t version,
                                    const std::string& reason);
  /// The province's decision: its number and date; every proposed subject's award enters the
  /// history (source "imported": typed from the province's paper, issuer the decider).
  Result<HigherAwardView> record_decision(const Principal& actor, std::int64_t id, std::int64_t version,
                                          const std::string& number, const std::string& date);
  /// The submission as DOCX or PDF ("docx" / "pdf").
  Result<BundleFile> submission(const Principal& actor, std::int64_t id, const std::string& format);
  /// The ZIP for the province.
  Result<BundleFile> bundle(const Principal& actor, std::int64_t id);

 private:
  std::shared_ptr<storage::Database> db_;
  std::shared_ptr<FileStore> files_;
  Clock clock_;
};

}  // namespace thidua::services
