#include <parley/error.hpp>
#include <parley/knowledge.hpp>

#include <unistd.h>
#include <cstdlib>
#include <fstream>

namespace parley {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::filesystem::path executable_dir() {
    std::error_code ec;
    auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : p.parent_path();
}

}  // namespace

Knowledge::Knowledge(std::filesystem::path dir) : m_dir(std::move(dir)) {
    if (!std::filesystem::is_directory(m_dir))
        throw Error(m_dir.string() + ": data directory not found (set PARLEY_DATA or --data)");
}

std::filesystem::path Knowledge::default_dir() {
    if (const char* env = std::getenv("PARLEY_DATA"); env && *env) return env;
    const auto exe = executable_dir();
    // build/parley -> ../data ; prefix/bin/parley -> ../share/parley/data
    for (const auto& cand : {exe / ".." / "data", exe / ".." / ".." / "data",
                             exe / ".." / "share" / "parley" / "data"}) {
        std::error_code ec;
        if (std::filesystem::exists(cand / "boilerplate.txt", ec))
            return std::filesystem::weakly_canonical(cand, ec);
    }
#ifdef PARLEY_INSTALL_DATA_DIR
    if (std::filesystem::exists(std::filesystem::path(PARLEY_INSTALL_DATA_DIR) / "boilerplate.txt"))
        return PARLEY_INSTALL_DATA_DIR;
#endif
#ifdef PARLEY_SOURCE_DATA_DIR
    return PARLEY_SOURCE_DATA_DIR;
#else
    return "data";
#endif
}

bool Knowledge::has(const std::string& relpath) const {
    std::error_code ec;
    return std::filesystem::is_regular_file(m_dir / relpath, ec);
}

std::vector<std::string> Knowledge::lines(const std::string& relpath) const {
    const auto path = m_dir / relpath;
    std::ifstream in(path);
    if (!in) throw Error(path.string() + ": cannot read data file");
    std::vector<std::string> out;
    std::string line;
    while (std::getline(in, line)) {
        auto t = trim(line);
        if (t.empty() || t.front() == '#') continue;
        out.emplace_back(t);
    }
    return out;
}

std::vector<std::vector<std::string>> Knowledge::rows(const std::string& relpath) const {
    std::vector<std::vector<std::string>> out;
    for (const auto& line : lines(relpath)) {
        std::vector<std::string> row;
        std::string_view rest = line;
        while (true) {
            auto tab = rest.find('\t');
            row.emplace_back(trim(rest.substr(0, tab)));
            if (tab == std::string_view::npos) break;
            rest.remove_prefix(tab + 1);
        }
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace parley
