// End-to-end: runs the built `parley` on real articles and checks what it prints and writes.
#include "../unit/temp_dir.hpp"
#include "run_cli.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

using namespace parley;
namespace fs = std::filesystem;
using nlohmann::json;

using e2e::Run;

fs::path temp_dir() {
    static const parley::test::TempDir dir("e2e");
    return dir.path();
}

Run run(const std::string& args, const std::string& stdin_file = "") {
    return e2e::run_cli(temp_dir(), args, stdin_file);
}

std::vector<json> lines(const std::string& out) {
    return e2e::json_lines(out);
}

const std::string kSeed = std::string(PARLEY_TEST_DATA) + "/seed/ivanov-arrives-for-talks.txt";

bool has_participant(const json& ev, const std::string& name) {
    for (const auto& p : ev["participants"])
        if (p["name"] == name) return true;
    return false;
}

const json* find_event(const std::vector<json>& evs, const std::string& type, const std::string& a,
                       const std::string& b) {
    for (const auto& e : evs)
        if (e["type"] == type && has_participant(e, a) && has_participant(e, b)) return &e;
    return nullptr;
}

const json& participant(const json& ev, const std::string& name) {
    for (const auto& p : ev["participants"])
        if (p["name"] == name) return p;
    throw std::runtime_error("no participant " + name);
}

TEST(Cli, VersionAndHelp) {
    auto v = run("--version");
    EXPECT_EQ(v.status, 0);
    EXPECT_NE(v.out.find("parley 0."), std::string::npos);
    for (const char* cmd : {"extract", "timeline", "graph"}) {
        auto h = run(std::string(cmd) + " --help");
        EXPECT_EQ(h.status, 0) << cmd;
        EXPECT_NE(h.out.find("Usage"), std::string::npos) << cmd;
    }
}

TEST(Cli, SeedArticleGivesTheThreeEvents) {
    auto r = run("extract --date 1999-07-21 '" + kSeed + "'");
    ASSERT_EQ(r.status, 0) << r.err;
    auto evs = lines(r.out);

    const json* blair = find_event(evs, "meeting", "Tony Blair", "Igor Ivanov");
    ASSERT_NE(blair, nullptr) << r.out;
    EXPECT_EQ((*blair)["date"]["first"], "1999-07-21");
    EXPECT_EQ((*blair)["date"]["last"], "1999-07-21");
    EXPECT_EQ((*blair)["status"], "scheduled");
    EXPECT_EQ((*blair)["location"], "London");
    EXPECT_EQ(participant(*blair, "Igor Ivanov")["country"], "RUS");
    EXPECT_EQ(participant(*blair, "Igor Ivanov")["title"], "Foreign Minister");
    EXPECT_EQ(participant(*blair, "Igor Ivanov")["kind"], "person");
    EXPECT_EQ(participant(*blair, "Tony Blair")["kind"], "person");
    EXPECT_EQ(participant(*blair, "Tony Blair")["country"], "GBR");
    // The article never says it; the office holders of data/gazetteer know it.
    EXPECT_EQ(participant(*blair, "Tony Blair")["title"], "Prime Minister");

    const json* gore = find_event(evs, "meeting", "Sergei Stepashin", "Al Gore");
    ASSERT_NE(gore, nullptr) << r.out;
    EXPECT_EQ((*gore)["date"]["first"], "1999-07-24");
    EXPECT_EQ((*gore)["date"]["last"], "1999-07-25");
    EXPECT_EQ((*gore)["date"]["granularity"], "weekend");
    EXPECT_EQ((*gore)["status"], "scheduled");
    EXPECT_EQ(participant(*gore, "Sergei Stepashin")["country"], "RUS");
    EXPECT_EQ(participant(*gore, "Sergei Stepashin")["title"], "Prime Minister");
    EXPECT_EQ(participant(*gore, "Al Gore")["country"], "USA");
    EXPECT_EQ(participant(*gore, "Al Gore")["title"], "Vice-President");

    const json* call = find_event(evs, "phone_call", "Madeleine Albright", "Igor Ivanov");
    ASSERT_NE(call, nullptr) << r.out;
    EXPECT_EQ((*call)["date"]["first"], "1999-07-20");
    EXPECT_EQ((*call)["date"]["expression"], "yesterday");
    EXPECT_EQ((*call)["status"], "occurred");
    EXPECT_EQ((*call)["cameo"], "041");
    EXPECT_EQ(participant(*call, "Madeleine Albright")["country"], "USA");
    EXPECT_EQ(participant(*call, "Madeleine Albright")["title"], "Secretary of State");
    EXPECT_EQ(participant(*call, "Igor Ivanov")["country"], "RUS");

    // Nothing comes from the publisher's boilerplate.
    for (const auto& e : evs) {
        const std::string s = e["evidence"]["sentence"];
        for (const char* b : {"Independent", "commenting forum", "registering", "Your support"})
            EXPECT_EQ(s.find(b), std::string::npos) << s;
    }
}

TEST(Cli, ReadsStdin) {
    auto r = run("extract --date 1999-07-21 -", kSeed);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(find_event(lines(r.out), "phone_call", "Madeleine Albright", "Igor Ivanov"), nullptr);
}

TEST(Cli, BadInputIsRefusedWithOneLineNamingTheFile) {
    const auto dir = temp_dir();
    const auto bin = (dir / "blob.bin").string();
    {
        std::ofstream f(bin, std::ios::binary);
        for (int i = 0; i < 256; ++i) f.put(static_cast<char>(i));
    }
    const auto latin1 = (dir / "latin1.txt").string();
    std::ofstream(latin1, std::ios::binary) << "Le pr\xe9sident a rencontr\xe9 le ministre.\n";
    const auto empty = (dir / "empty.txt").string();
    std::ofstream(empty).close();
    for (const auto& f : {bin, latin1, empty}) {
        auto r = run("extract --date 2000-01-01 '" + f + "'");
        EXPECT_NE(r.status, 0) << f;
        EXPECT_NE(r.err.find(f), std::string::npos) << r.err;
        EXPECT_EQ(r.out, "");
    }
    auto missing = run("extract '" + (dir / "nope.txt").string() + "'");
    EXPECT_NE(missing.status, 0);
    EXPECT_NE(missing.err.find("nope.txt"), std::string::npos);
    auto bad_date = run("extract --date 1999-02-31 '" + kSeed + "'");
    EXPECT_NE(bad_date.status, 0);
    EXPECT_NE(bad_date.err.find("1999-02-31"), std::string::npos);
}

TEST(Cli, TimelineAndGraphFromArticleAndFromJsonl) {
    const auto dir = temp_dir();
    auto ex = run("extract --date 1999-07-21 '" + kSeed + "'");
    ASSERT_EQ(ex.status, 0);
    const auto jsonl = (dir / "events.jsonl").string();
    std::ofstream(jsonl) << ex.out;

    const auto svg = (dir / "timeline.svg").string();
    auto t = run("timeline '" + jsonl + "' -o '" + svg + "'");
    ASSERT_EQ(t.status, 0) << t.err;
    std::ifstream in(svg);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string s = ss.str();
    EXPECT_NE(s.find("<svg"), std::string::npos);
    EXPECT_NE(s.find("Igor Ivanov"), std::string::npos);
    EXPECT_NE(s.find("Madeleine Albright"), std::string::npos);
    EXPECT_NE(s.find("1999"), std::string::npos);

    for (const char* ext : {".svg", ".dot", ".png"}) {
        const auto out = (dir / (std::string("relations") + ext)).string();
        auto g = run("graph '" + kSeed + "' --date 1999-07-21 -o '" + out + "'");
        ASSERT_EQ(g.status, 0) << g.err;
        EXPECT_GT(fs::file_size(out), 100u) << out;
    }
    auto bad = run("graph '" + jsonl + "' -o '" + (dir / "x.gif").string() + "'");
    EXPECT_NE(bad.status, 0);
}

TEST(Cli, ActorsAcrossArticlesAreOneActorWithEverySpelling) {
    const auto dir = temp_dir();
    const auto a = (dir / "a.txt").string();
    const auto b = (dir / "b.txt").string();
    std::ofstream(a) << "Saudi envoy in Paris\n\nSaudi Foreign Minister Saud al-Faisal met French "
                        "President Jacques Chirac in Paris on Monday.\n";
    std::ofstream(b)
        << "Talks in Cairo\n\nSaudi Foreign Minister Saud al Faisal arrived in Cairo on "
           "Tuesday for talks with Egyptian President Hosni Mubarak.\n";
    auto r = run("actors --date 2003-05-14 '" + a + "' '" + b + "'");
    ASSERT_EQ(r.status, 0) << r.err;
    int found = 0;
    for (const auto& j : lines(r.out)) {
        if (j["kind"] != "person") continue;
        const std::string name = j["name"];
        if (name.find("Faisal") == std::string::npos) continue;
        ++found;
        EXPECT_EQ(j["documents"].size(), 2u);
        EXPECT_EQ(j["aliases"].size(), 2u) << j.dump();
        EXPECT_EQ(j["country"], "SAU");
    }
    EXPECT_EQ(found, 1);
}

TEST(Cli, ASurnameAloneJoinsTheOneFullNameOfOtherArticles) {
    const auto dir = temp_dir();
    const auto a = (dir / "a.txt").string();
    const auto b = (dir / "b.txt").string();
    const auto c = (dir / "c.txt").string();
    // The surname-only article comes first: the join does not depend on the order.
    std::ofstream(a) << "Tavola said on Tuesday that the talks with Australia went well.\n";
    std::ofstream(b) << "Fiji's Foreign Minister Kaliopate Tavola met Australian ministers in "
                        "Suva on Monday.\n";
    std::ofstream(c)
        << "Bill Clinton met Hillary Clinton.\n\nClinton said on Monday he was glad.\n";
    auto r = run("actors --date 2003-05-14 '" + a + "' '" + b + "'");
    ASSERT_EQ(r.status, 0) << r.err;
    int tavola = 0;
    for (const auto& j : lines(r.out)) {
        const std::string name = j["name"];
        if (name.find("Tavola") == std::string::npos) continue;
        ++tavola;
        EXPECT_EQ(name, "Kaliopate Tavola");
        EXPECT_EQ(j["documents"].size(), 2u) << j.dump();
    }
    EXPECT_EQ(tavola, 1);
    // Two full names share the surname: a lone "Clinton" of another article is not guessed.
    const auto d = (dir / "d.txt").string();
    std::ofstream(d) << "Clinton arrived in Cairo on Tuesday.\n";
    auto r2 = run("actors --date 2003-05-14 '" + c + "' '" + d + "'");
    ASSERT_EQ(r2.status, 0) << r2.err;
    for (const auto& j : lines(r2.out)) {
        if (j["name"] == "Bill Clinton" || j["name"] == "Hillary Clinton") {
            EXPECT_EQ(j["documents"].size(), 1u) << j.dump();
        }
    }
}

TEST(Cli, DevArticlesRunWithoutErrors) {
    const fs::path dev = fs::path(PARLEY_TEST_DATA) / "dev";
    std::size_t files = 0, events = 0;
    for (const auto& e : fs::directory_iterator(dev)) {
        if (e.path().extension() != ".txt") continue;
        auto r = run("extract --date 2000-01-01 '" + e.path().string() + "'");
        EXPECT_EQ(r.status, 0) << e.path() << r.err;
        events += lines(r.out).size();
        ++files;
    }
    EXPECT_GE(files, 10u);
    EXPECT_GE(events, 10u);
}

}  // namespace
