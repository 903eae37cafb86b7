// Runs the built `parley` for end-to-end tests: exit status, stdout and stderr.
#pragma once

#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <unistd.h>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace parley::e2e {

struct Run {
    int status = -1;
    std::string out;
    std::string err;
};

/// `parley ARGS [< stdin_file]`, stderr captured through a file in `dir`.
inline Run run_cli(const std::filesystem::path& dir, const std::string& args,
                   const std::string& stdin_file = "") {
    const auto err_path = dir / "stderr.txt";
    std::string cmd =
        std::string("'") + PARLEY_CLI + "' " + args + " 2>'" + err_path.string() + "'";
    if (!stdin_file.empty()) cmd += " <'" + stdin_file + "'";
    Run r;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf;
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    const int st = ::pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    std::ifstream e(err_path);
    std::stringstream ss;
    ss << e.rdbuf();
    r.err = ss.str();
    return r;
}

/// JSON Lines -> objects (blank lines skipped).
inline std::vector<nlohmann::json> json_lines(const std::string& out) {
    std::vector<nlohmann::json> v;
    std::istringstream in(out);
    std::string l;
    while (std::getline(in, l))
        if (!l.empty()) v.push_back(nlohmann::json::parse(l));
    return v;
}

}  // namespace parley::e2e
