#include "names.hpp"

#include <string_view>
#include <vector>

namespace thidua::gen {

namespace {

struct Weighted {
  std::string_view text;
  int weight;
};

// Family names: the national common ones, and the Tày/Nùng/Dao names frequent in Cao Bằng.
constexpr Weighted kFamily[] = {
    {"Nguyễn", 140}, {"Hoàng", 100}, {"Nông", 100}, {"Lương", 55}, {"Trần", 50}, {"Lê", 45},
    {"Hà", 45},      {"Đàm", 40},    {"Bế", 40},    {"Triệu", 40}, {"Phạm", 30}, {"Lục", 30},
    {"Lâm", 28},     {"Lý", 28},     {"Sầm", 20},   {"Vi", 18},    {"Hứa", 18},  {"Đinh", 18},
    {"Ma", 16},      {"Dương", 16},  {"Đặng", 14},  {"Vũ", 14},    {"Đỗ", 12},   {"Mông", 10},
    {"La", 10},      {"Chu", 10},    {"Lăng", 8},   {"Nịnh", 8},   {"Mã", 8},    {"Phan", 8},
    {"Bùi", 8},      {"Ngô", 8},     {"Tô", 6},     {"Ngọc", 4},   {"Đoàn", 6},  {"Trương", 6},
};

constexpr Weighted kMiddleMale[] = {
    {"Văn", 400}, {"Đức", 60}, {"Minh", 50}, {"Quang", 40}, {"Hữu", 30}, {"Xuân", 30}, {"Ngọc", 25},
    {"Thanh", 25}, {"Trung", 20}, {"Mạnh", 15}, {"Công", 20}, {"Đình", 20}, {"Tiến", 15}, {"Anh", 10},
};
constexpr Weighted kMiddleFemale[] = {
    {"Thị", 500}, {"Thu", 40}, {"Thanh", 35}, {"Ngọc", 30}, {"Minh", 20}, {"Hồng", 25},
    {"Kim", 20},  {"Thuỳ", 15}, {"Phương", 15}, {"Bích", 10}, {"Hải", 10}, {"Diệu", 8},
};
// Second middle names after "Thị" ("Nguyễn Thị Thu Hà").
constexpr std::string_view kSecondMiddleFemale[] = {"Thu", "Thanh", "Ngọc", "Minh", "Hồng", "Kim",
                                                    "Thuý", "Phương", "Mai", "Lan", "Hải", "Bích"};

constexpr std::string_view kGivenMale[] = {
    "An",   "Bình", "Cường", "Chiến", "Công",  "Dũng",  "Duy",  "Đạt",  "Định", "Đức",  "Giang", "Hải",
    "Hiếu", "Hoàng", "Hùng", "Huy",   "Hưng",  "Khánh", "Khoa", "Kiên", "Lâm",  "Linh", "Long",  "Lợi",
    "Mạnh", "Minh", "Nam",   "Nghĩa", "Ninh",  "Phong", "Phúc", "Quân", "Quang", "Quý", "Sơn",   "Tài",
    "Thắng", "Thành", "Thọ", "Toàn",  "Trung", "Tú",    "Tuấn", "Tùng", "Việt", "Vinh", "Vui",   "Vượng",
    "Hoà",  "Thái", "Tiến",  "Hậu",   "Đông",  "Bảo",
};
constexpr std::string_view kGivenFemale[] = {
    "Anh",  "Bích",  "Chi",   "Dung",  "Duyên", "Giang", "Hà",   "Hạnh",  "Hằng", "Hiền", "Hoa",  "Huế",
    "Hương", "Hường", "Huyền", "Lan",  "Liên",  "Linh",  "Loan", "Mai",   "Ngân", "Nga",  "Ngọc", "Nhung",
    "Oanh", "Phương", "Quyên", "Quỳnh", "Sen",  "Thảo",  "Thơ",  "Thu",   "Thuý", "Thuỷ", "Trang", "Tuyết",
    "Vân",  "Xuân",  "Yến",   "Nguyệt", "Diệp", "Hoà",   "Lý",   "Dịu",   "Thắm", "Vui",
};

template <std::size_t N>
std::string_view pick_weighted(Rng& rng, const Weighted (&list)[N]) {
  std::vector<int> weights;
  weights.reserve(N);
  for (const auto& w : list) weights.push_back(w.weight);
  return list[rng.weighted(weights)].text;
}

template <std::size_t N>
std::string_view pick(Rng& rng, const std::string_view (&list)[N]) {
  return list[rng.below(N)];
}

}  // namespace

std::string person_name(Rng& rng, Gender gender) {
  std::string out(pick_weighted(rng, kFamily));
  out += ' ';
  // "Nguyễn Minh Minh", "Nguyễn Thị Thu Thu" do not happen: such a given name is drawn again,
  // once (deterministic either way).
  if (gender == Gender::male) {
    const std::string_view middle = pick_weighted(rng, kMiddleMale);
    std::string_view given = pick(rng, kGivenMale);
    if (given == middle) given = pick(rng, kGivenMale);
    out += middle;
    out += ' ';
    out += given;
    return out;
  }
  std::string_view middle = pick_weighted(rng, kMiddleFemale);
  out += middle;
  out += ' ';
  if (middle == "Thị" && rng.chance(150)) {
    middle = pick(rng, kSecondMiddleFemale);
    out += middle;
    out += ' ';
  }
  std::string_view given = pick(rng, kGivenFemale);
  if (given == middle) given = pick(rng, kGivenFemale);
  out += given;
  return out;
}

}  // namespace thidua::gen
