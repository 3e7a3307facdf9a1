#pragma once
/// Initiatives (sáng kiến) and research topics (đề tài khoa học) of an agency: who wrote them
/// and in what shares, where and how they were applied, the recognition they received, and
/// what each was used as a basis for. An initiative is used once as a basis per author: if it
/// supported a title it cannot support a form, and vice versa (Home Affairs official letter
/// 5007/BNV-TĐKT, 2023); a use whose nomination fails is released and frees it again.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace thidua {

enum class InitiativeKind { initiative, research_topic };
std::string_view to_string(InitiativeKind k);
std::optional<InitiativeKind> parse_initiative_kind(std::string_view s);

/// The level that recognised it: none yet, the agency itself (base), the province, the nation.
enum class RecognitionLevel { none, base, province, national };
std::string_view to_string(RecognitionLevel l);
std::optional<RecognitionLevel> parse_recognition_level(std::string_view s);

enum class InitiativeStatus { active, withdrawn };
std::string_view to_string(InitiativeStatus s);
std::optional<InitiativeStatus> parse_initiative_status(std::string_view s);

/// What a use served: an emulation title, an award form, a nomination (its id), other.
enum class BasisKind { title, form, nomination, other };
std::string_view to_string(BasisKind k);
std::optional<BasisKind> parse_basis_kind(std::string_view s);

struct InitiativeAuthor {
  std::int64_t person_id = 0;
  std::string full_name;  ///< filled by storage from the person
  std::string code;       ///< the person's code in the agency
  int share_pct = 0;      ///< whole percent; an initiative's shares add up to 100
};

struct Initiative {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  InitiativeKind kind = InitiativeKind::initiative;
  std::string title;
  std::string field;    ///< lĩnh vực, as the agency words it ("Công tác dân tộc")
  std::string summary;  ///< what it is, in a few sentences
  std::string applied_from;  ///< ISO date it was first applied (may be empty)
  std::string scope;         ///< phạm vi áp dụng
  std::string effect;        ///< hiệu quả
  RecognitionLevel recognition_level = RecognitionLevel::none;
  std::string recognition_body;    ///< the deciding body ("Ban Dân tộc tỉnh Cao Bằng")
  std::string recognition_number;  ///< the decision's number ("45/QĐ-BDT")
  std::string recognition_date;    ///< ISO
  std::optional<std::int64_t> movement_id;  ///< the movement it came from
  std::string movement_title;               ///< filled by storage
  InitiativeStatus status = InitiativeStatus::active;
  std::string withdrawn_at;
  std::string withdrawn_reason;
  std::optional<std::int64_t> created_by;
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 1;
  std::vector<InitiativeAuthor> authors;  ///< in the order given

  /// The year it belongs to in lists: the recognition's, else the year it was applied (0: none).
  int year() const;
  bool has_author(std::int64_t person_id) const;
};

/// One use of an initiative as a basis, live until released.
struct InitiativeUse {
  std::int64_t id = 0;
  std::int64_t initiative_id = 0;
  std::optional<std::int64_t> person_id;  ///< the author it served; empty: the collective
  std::string person_name;                ///< filled by storage
  BasisKind basis_kind = BasisKind::title;
  std::string basis_ref;  ///< the title or form code ("grassroots_fighter"), or the nomination's id
  int year = 0;
  std::string note;
  std::string used_by;  ///< login of whoever recorded it (empty: an operator)
  std::string used_at;
  std::string released_by;
  std::string released_at;  ///< empty while live
  std::string released_reason;

  bool live() const { return released_at.empty(); }
};

}  // namespace thidua
