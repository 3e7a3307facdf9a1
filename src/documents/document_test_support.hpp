#pragma once
/// Helpers for the document writers' tests (included by *_test.cpp only): running the
/// command-line tools that read our files back (poppler's pdftotext/pdffonts/pdfinfo,
/// LibreOffice), temporary folders, golden files and white-space normalisation.
///
/// Golden files live in tests/golden/documents/. After an intended change of output, rerun
/// the tests with THIDUA_UPDATE_GOLDEN=1 to rewrite them, and review the diff before
/// committing. THIDUA_DOCUMENTS_KEEP=DIR keeps every file the tests render in DIR, to look at.

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace thidua::documents::testing {

namespace fs = std::filesystem;

struct CommandResult {
  int status = -1;  ///< the exit status, or -1 when the command could not run
  std::string output;  ///< standard output (and error, when the command line redirects it)
};

/// Runs `command` through the shell and collects its standard output.
inline CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

/// True when `tool` is on the PATH.
inline bool have_tool(const std::string& tool) {
  return run_command("command -v " + tool + " >/dev/null 2>&1").status == 0;
}

/// A folder of its own under the system's temporary folder, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "thidua-docs-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

inline void write_file(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Keeps a copy of a rendered file in $THIDUA_DOCUMENTS_KEEP, when set.
inline void keep(const std::string& name, std::string_view bytes) {
  if (const char* dir = std::getenv("THIDUA_DOCUMENTS_KEEP"); dir != nullptr && *dir != '\0') {
    fs::create_directories(dir);
    write_file(fs::path(dir) / name, bytes);
  }
}

/// The checkout's root: $THIDUA_SOURCE_DIR, else the first folder above the test binary (the
/// build folders live inside the checkout) or the current folder that holds tests/golden.
inline fs::path source_root() {
  if (const char* dir = std::getenv("THIDUA_SOURCE_DIR"); dir != nullptr && *dir != '\0') return dir;
  std::error_code ec;
  for (fs::path start : {fs::read_symlink("/proc/self/exe", ec).parent_path(), fs::current_path()}) {
    for (fs::path p = start; !p.empty(); p = p.parent_path()) {
      if (fs::is_directory(p / "tests" / "golden") && fs::is_directory(p / "src" / "documents")) return p;
      if (p == p.parent_path()) break;
    }
  }
  return {};
}

inline fs::path golden_path(const std::string& name) { return source_root() / "tests" / "golden" / "documents" / name; }

inline bool updating_golden() {
  const char* v = std::getenv("THIDUA_UPDATE_GOLDEN");
  return v != nullptr && std::string_view(v) == "1";
}

/// Compares `actual` with the golden file `name`; with THIDUA_UPDATE_GOLDEN=1 rewrites it.
inline void expect_golden(const std::string& name, const std::string& actual) {
  const fs::path path = golden_path(name);
  ASSERT_FALSE(source_root().empty()) << "cannot find the checkout (tests/golden); set THIDUA_SOURCE_DIR";
  if (updating_golden()) {
    fs::create_directories(path.parent_path());
    write_file(path, actual);
    return;
  }
  ASSERT_TRUE(fs::exists(path)) << path << " is missing: run the tests with THIDUA_UPDATE_GOLDEN=1 to create it";
  const std::string expected = read_file(path);
  if (expected == actual) return;
  // Name the first line that differs; the whole diff is one `diff` away.
  std::istringstream e(expected);
  std::istringstream a(actual);
  std::string el;
  std::string al;
  int line = 0;
  while (true) {
    const bool more_e = static_cast<bool>(std::getline(e, el));
    const bool more_a = static_cast<bool>(std::getline(a, al));
    ++line;
    if (!more_e && !more_a) break;
    if (el != al || more_e != more_a) break;
  }
  ADD_FAILURE() << path << " differs from the output at line " << line << ":\n  golden: " << el
                << "\n  actual: " << al
                << "\nIf the change is intended, rerun with THIDUA_UPDATE_GOLDEN=1 and review the diff.";
}

/// Runs of white space (and form feeds) folded to one space, trimmed.
inline std::string normalise_space(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

/// The lines of `text`, without empty ones.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

/// Text extracted by poppler with page numbers dropped (a line holding only digits), so that
/// a paragraph split across pages reads as one once white space is normalised.
inline std::string text_without_page_numbers(const std::string& pdftotext_output) {
  std::string out;
  std::istringstream in(pdftotext_output);
  std::string line;
  while (std::getline(in, line)) {
    std::string trimmed = normalise_space(line);
    if (!trimmed.empty() && trimmed.find_first_not_of("0123456789") == std::string::npos) continue;
    out += line;
    out += '\n';
  }
  return out;
}

// A4 in points, and the default text column: 30 mm from the left, 165 mm wide.
inline constexpr double kA4Width = 595.276;
inline constexpr double kTextCentre = (30.0 + 165.0 / 2) * 72 / 25.4;
inline constexpr double kTopMargin = 20.0 * 72 / 25.4;

/// Poppler reads the PDFs back; without it the tests cannot say anything.
inline void require_poppler() {
  for (const char* tool : {"pdftotext", "pdffonts", "pdfinfo"}) {
    ASSERT_TRUE(have_tool(tool)) << tool << " is missing (Debian: poppler-utils; run scripts/install-deps.sh)";
  }
}

/// A word as `pdftotext -bbox` sees it: its page (from 1) and box in points, y down.
struct Word {
  int page = 0;
  double x0 = 0;
  double y0 = 0;
  double x1 = 0;
  double y1 = 0;
  std::string text;
  double centre() const { return (x0 + x1) / 2; }
};

inline bool is_number(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

/// A PDF file read with poppler's tools.
class PdfFile {
 public:
  explicit PdfFile(fs::path path) : path_(std::move(path)) {}
  const fs::path& path() const { return path_; }

  /// The output of `tool options file` (pdftotext to standard output).
  std::string run(const std::string& tool, const std::string& options = {}) const {
    const CommandResult r = run_command(tool + " " + options + " '" + path_.string() + "'" +
                                        (tool == "pdftotext" ? " -" : "") + " 2>&1");
    EXPECT_EQ(r.status, 0) << tool << ": " << r.output;
    return r.output;
  }

  std::vector<Word> words() const {
    static const std::regex kWord(
        R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">(.*)</word>)re");
    std::vector<Word> words;
    std::istringstream in(run("pdftotext", "-bbox"));
    int page = 0;
    for (std::string line; std::getline(in, line);) {
      if (line.find("<page ") != std::string::npos) ++page;
      std::smatch m;
      if (!std::regex_search(line, m, kWord)) continue;
      words.push_back(Word{page, std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), m[5]});
    }
    return words;
  }

  /// The value of `key` in pdfinfo's output ("Title:    …" → "…").
  std::string info(const std::string& key, const std::string& options = {}) const {
    std::istringstream in(run("pdfinfo", options));
    for (std::string line; std::getline(in, line);) {
      if (line.rfind(key + ":", 0) != 0) continue;
      const std::size_t start = line.find_first_not_of(' ', key.size() + 1);
      return start == std::string::npos ? std::string() : line.substr(start);
    }
    return "(no " + key + ")";
  }

 protected:
  fs::path path_;
};

inline const Word* find_word(const std::vector<Word>& words, int page, const std::string& text) {
  for (const Word& w : words) {
    if (w.page == page && w.text == text) return &w;
  }
  return nullptr;
}

inline int page_count(const std::vector<Word>& words) {
  int pages = 0;
  for (const Word& w : words) pages = std::max(pages, w.page);
  return pages;
}

/// Page numbers: none on page 1; on each later page its number, centred above the text.
inline void expect_page_numbers(const std::vector<Word>& words, int min_pages) {
  const int pages = page_count(words);
  ASSERT_GE(pages, min_pages);
  for (const Word& w : words) {
    if (w.page == 1) EXPECT_FALSE(w.y1 < kTopMargin && is_number(w.text)) << "a number on page 1: " << w.text;
  }
  for (int page = 2; page <= pages; ++page) {
    const Word* number = find_word(words, page, std::to_string(page));
    ASSERT_NE(number, nullptr) << "no number on page " << page;
    EXPECT_LT(number->y1, kTopMargin) << "page " << page;
    EXPECT_NEAR(number->centre(), kTextCentre, 2) << "page " << page;
  }
}

/// Every line of plain_text() is in the text pdftotext reads (white space normalised).
inline void expect_every_line(const std::string& plain, const PdfFile& pdf) {
  const std::string text = normalise_space(text_without_page_numbers(pdf.run("pdftotext", "-raw")));
  for (const std::string& line : lines_of(plain)) {
    EXPECT_NE(text.find(normalise_space(line)), std::string::npos) << "missing from the PDF: " << line;
  }
}

}  // namespace thidua::documents::testing
