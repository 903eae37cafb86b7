// End-to-end: the corpus commands (ingest, events, met, actors, path, central, timeline --db)
// on the sample articles, bad database files, and an ingest killed with SIGKILL.
#include "../unit/temp_dir.hpp"
#include "run_cli.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <array>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <thread>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using parley::e2e::Run;

fs::path temp_dir() {
    static const parley::test::TempDir dir("corpus-e2e");
    return dir.path();
}

std::string q(const fs::path& p) {
    return "'" + p.string() + "'";
}

Run run(const std::string& args) {
    return parley::e2e::run_cli(temp_dir(), args);
}

std::vector<json> lines(const std::string& out) {
    return parley::e2e::json_lines(out);
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const std::string kSamples = std::string(PARLEY_SOURCE_DIR) + "/data/samples";
const std::string kTwoReports = std::string(PARLEY_TEST_DATA) + "/corpus";

/// The samples and the two reports of one meeting, ingested once for the query tests.
const fs::path& corpus() {
    static const fs::path db = [] {
        auto p = temp_dir() / "samples.db";
        auto r = run("ingest --db " + q(p) + " --jobs 2 '" + kSamples + "' '" + kTwoReports + "'");
        EXPECT_EQ(r.status, 0) << r.err;
        return p;
    }();
    return db;
}

bool contains(const json& arr, const std::string& s) {
    for (const auto& x : arr)
        if (x == s) return true;
    return false;
}

TEST(Corpus, IngestPrintsASummaryAndNoProgressBarWhenPiped) {
    auto p = temp_dir() / "summary.db";
    auto r = run("ingest --db " + q(p) + " '" + kTwoReports + "'");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(r.out.empty());
    EXPECT_EQ(r.err.find('\r'), std::string::npos);
    EXPECT_NE(r.err.find("2 new"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("1 merged"), std::string::npos) << r.err;
}

TEST(Corpus, ReingestAddsNothing) {
    const auto before = run("events --db " + q(corpus()) + " --format json");
    ASSERT_EQ(before.status, 0) << before.err;
    auto again = run("ingest --db " + q(corpus()) + " '" + kSamples + "' '" + kTwoReports + "'");
    ASSERT_EQ(again.status, 0) << again.err;
    EXPECT_NE(again.err.find(" 0 new,"), std::string::npos) << again.err;
    EXPECT_NE(again.err.find("0 new events"), std::string::npos) << again.err;
    const auto after = run("events --db " + q(corpus()) + " --format json");
    EXPECT_EQ(before.out, after.out);
}

TEST(Corpus, TheSameMeetingFromTwoArticlesIsOneEventWithBothSources) {
    auto r = run("events --db " + q(corpus()) +
                 " --format json --actor Olmert --from 2008-01-08 --to 2008-01-08");
    ASSERT_EQ(r.status, 0) << r.err;
    bool found = false;
    for (const auto& e : lines(r.out)) {
        ASSERT_TRUE(e.contains("sources"));
        ASSERT_TRUE(e.contains("participants"));  // the event-schema.md object
        bool a = false, b = false;
        for (const auto& s : e["sources"]) {
            a = a || s.get<std::string>().ends_with("olmert-abbas-a.txt");
            b = b || s.get<std::string>().ends_with("olmert-abbas-b.txt");
        }
        if (a && b) {
            found = true;
            EXPECT_EQ(e["type"], "meeting");
            EXPECT_EQ(e["location"], "Jerusalem");
        }
    }
    EXPECT_TRUE(found) << r.out;
}

TEST(Corpus, MetWithPrintsOneObjectPerEncounter) {
    auto r = run("met Olmert --with abbas --db " + q(corpus()) + " --format json");
    ASSERT_EQ(r.status, 0) << r.err;
    auto encounters = lines(r.out);
    ASSERT_FALSE(encounters.empty());
    for (const auto& e : encounters) {
        for (const char* key : {"date", "type", "status", "with", "location", "sources", "event"})
            EXPECT_TRUE(e.contains(key)) << key << " missing in " << e.dump();
        EXPECT_TRUE(e["date"].contains("first") && e["date"].contains("last"));
        EXPECT_TRUE(contains(e["with"], "Mahmoud Abbas")) << e.dump();
        EXPECT_FALSE(contains(e["with"], "Ehud Olmert"));
    }
    auto table = run("met olmert --db " + q(corpus()));
    ASSERT_EQ(table.status, 0) << table.err;
    EXPECT_NE(table.out.find("Ehud Olmert:"), std::string::npos);
    EXPECT_NE(table.out.find("Mahmoud Abbas"), std::string::npos);
    auto csv = run("met Olmert --db " + q(corpus()) + " --format csv --type meeting");
    ASSERT_EQ(csv.status, 0) << csv.err;
    EXPECT_EQ(csv.out.rfind("date,type,status,with,location,sources\n", 0), 0u) << csv.out;
}

TEST(Corpus, ActorsOfTheCorpus) {
    auto r = run("actors --db " + q(corpus()) + " --format json");
    ASSERT_EQ(r.status, 0) << r.err;
    bool olmert = false;
    for (const auto& a : lines(r.out))
        if (a["name"] == "Ehud Olmert") {
            olmert = true;
            EXPECT_EQ(a["kind"], "person");
            EXPECT_EQ(a["country"], "ISR");
            EXPECT_GE(a["events"].get<int>(), 2);
            EXPECT_TRUE(a["first"].is_string());
            EXPECT_TRUE(contains(a["titles"], "Prime Minister"));
        }
    EXPECT_TRUE(olmert) << r.out;
    // The article mode is unchanged.
    auto art = run("actors '" + kTwoReports + "/olmert-abbas-a.txt'");
    ASSERT_EQ(art.status, 0) << art.err;
    EXPECT_NE(art.out.find("\"documents\""), std::string::npos);
}

TEST(Corpus, PathCentralAndTimeline) {
    auto path = run("path Blair Albright --db " + q(corpus()) + " --format json");
    ASSERT_EQ(path.status, 0) << path.err;
    auto steps = lines(path.out);
    ASSERT_EQ(steps.size(), 2u) << path.out;
    EXPECT_EQ(steps[0]["to"], "Igor Ivanov");
    auto none = run("path Blair Olmert --db " + q(corpus()));
    EXPECT_EQ(none.status, 1);
    EXPECT_NE(none.err.find("no chain"), std::string::npos);
    auto central = run("central --db " + q(corpus()) + " --format csv --top 3");
    ASSERT_EQ(central.status, 0) << central.err;
    EXPECT_EQ(central.out.rfind("rank,actor,country,degree,betweenness\n", 0), 0u);
    const auto svg = temp_dir() / "timeline.svg";
    auto tl = run("timeline --db " + q(corpus()) + " --actor Olmert -o " + q(svg));
    ASSERT_EQ(tl.status, 0) << tl.err;
    EXPECT_NE(slurp(svg).find("Ehud Olmert"), std::string::npos);
}

TEST(Corpus, AmbiguousNameListsCandidates) {
    const auto jsonl = temp_dir() / "bushes.jsonl";
    {
        std::ofstream f(jsonl);
        f << R"({"id":"a1","type":"meeting","cameo":"040","status":"occurred","date":{"first":"2001-01-20","last":"2001-01-20","granularity":"day","expression":"Saturday"},"participants":[{"name":"George W. Bush","kind":"person","country":"USA","title":"President","role":"source"},{"name":"Laura Bush","kind":"person","country":"USA","title":null,"role":"target"}],"location":null,"evidence":{"document":"bushes.txt","sentence":"They met.","begin":0,"end":9},"sources":["bushes.txt"],"confidence":0.8})"
          << "\n";
    }
    const auto db = temp_dir() / "bushes.db";
    ASSERT_EQ(run("ingest --db " + q(db) + " " + q(jsonl)).status, 0);
    auto r = run("met Bush --db " + q(db));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("ambiguous"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("George W. Bush"), std::string::npos);
    EXPECT_NE(r.err.find("Laura Bush"), std::string::npos);
    EXPECT_TRUE(r.out.empty());
    EXPECT_EQ(run("met 'laura bush' --db " + q(db) + " --format json").status, 0);
}

TEST(Corpus, NotAParleyDatabaseChangesNothing) {
    const auto notes = temp_dir() / "notes.db";
    { std::ofstream(notes) << "not a database\n"; }
    const auto before = slurp(notes);
    for (const std::string& cmd :
         {"events --db " + q(notes), "ingest --db " + q(notes) + " '" + kTwoReports + "'"}) {
        auto r = run(cmd);
        EXPECT_EQ(r.status, 1) << cmd;
        EXPECT_EQ(r.err, "parley: " + notes.string() +
                             ": not a Parley database (file is not a database)\n")
            << cmd;
    }
    EXPECT_EQ(slurp(notes), before);
    EXPECT_FALSE(fs::exists(notes.string() + "-wal"));

    const auto foreign = temp_dir() / "foreign.db";
    if (std::system(
            ("sqlite3 " + q(foreign) + " 'CREATE TABLE t(x); INSERT INTO t VALUES(1);'").c_str()) !=
        0)
        GTEST_SKIP() << "no sqlite3 tool";
    const auto fbefore = slurp(foreign);
    auto r = run("ingest --db " + q(foreign) + " '" + kTwoReports + "'");
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err,
              "parley: " + foreign.string() + ": not a Parley database (it has other tables: t)\n");
    EXPECT_EQ(slurp(foreign), fbefore);
    auto missing = run("events --db " + q(temp_dir() / "missing.db"));
    EXPECT_EQ(missing.status, 1);
    EXPECT_NE(missing.err.find("no such database"), std::string::npos);
}

/// Pre-extracted events: `docs` documents of 10 events among 200 actors.
fs::path synthetic_jsonl(int docs) {
    const auto p = temp_dir() / ("synthetic-" + std::to_string(docs) + ".jsonl");
    std::ofstream f(p);
    for (int d = 0; d < docs; ++d)
        for (int k = 0; k < 10; ++k) {
            const int n = d * 10 + k;
            const int a = (n * 7) % 200,
                      b = (n * 13 + 1) % 200 == a ? (a + 1) % 200 : (n * 13 + 1) % 200;
            char day[32];  // room for any int, so gcc sees no truncation
            std::snprintf(day, sizeof day, "20%02d-%02d-%02d", n % 20, 1 + n % 12, 1 + n % 28);
            json e = {{"id", std::to_string(n)},
                      {"type", "meeting"},
                      {"cameo", "040"},
                      {"status", "occurred"},
                      {"date",
                       {{"first", day},
                        {"last", day},
                        {"granularity", "day"},
                        {"expression", "Tuesday"}}},
                      {"participants",
                       {{{"name", "Minister Person" + std::to_string(a)},
                         {"kind", "person"},
                         {"country", "USA"},
                         {"role", "source"}},
                        {{"name", "Envoy Person" + std::to_string(b)},
                         {"kind", "person"},
                         {"country", "RUS"},
                         {"role", "target"}}}},
                      {"location", nullptr},
                      {"evidence",
                       {{"document", "doc" + std::to_string(d)},
                        {"sentence", "They met."},
                        {"begin", 0},
                        {"end", 9}}},
                      {"sources", {"doc" + std::to_string(d)}},
                      {"confidence", 0.8}};
            f << e.dump() << '\n';
        }
    return p;
}

std::string counts(const fs::path& db) {
    // Events with their sources, as CSV: equal corpora print the same.
    auto r = run("events --db " + q(db) + " --format csv");
    EXPECT_EQ(r.status, 0) << r.err;
    return r.out;
}

// Runs `parley ingest` of `input` into `db` in batches of 2000 events and SIGKILLs it once
// `ready()` holds (or after 30 s). Whether the kill landed before the ingest finished; nothing
// when the process could not be started.
std::optional<bool> ingest_killed_when(const fs::path& db, const fs::path& input,
                                       const std::function<bool()>& ready) {
    const pid_t pid = ::fork();
    if (pid < 0) return std::nullopt;
    if (pid == 0) {
        int devnull = ::open("/dev/null", O_WRONLY);
        ::dup2(devnull, 2);
        ::execl(PARLEY_CLI, PARLEY_CLI, "ingest", "--db", db.c_str(), "--batch-events", "2000",
                input.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline && !ready())
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFSIGNALED(status);
}

TEST(Corpus, KilledIngestLeavesAConsistentDatabaseThatASecondIngestCompletes) {
    const auto input = synthetic_jsonl(3000);  // 30,000 events
    const auto clean = temp_dir() / "clean.db";
    ASSERT_EQ(run("ingest --db " + q(clean) + " " + q(input)).status, 0);

    const auto db = temp_dir() / "killed.db";
    // Kill once the first batches are in the write-ahead log, i.e. in the middle of the work.
    const auto wal = db.string() + "-wal";
    std::error_code ec;
    const auto killed = ingest_killed_when(
        db, input, [&] { return fs::exists(wal, ec) && fs::file_size(wal, ec) > 400000; });
    ASSERT_TRUE(killed.has_value());
    if (!*killed) GTEST_SKIP() << "ingest finished before it could be killed";

    // Consistent: it opens, queries work, and it holds whole batches only.
    auto partial = run("events --db " + q(db) + " --format csv");
    ASSERT_EQ(partial.status, 0) << partial.err;
    const auto partial_lines = std::count(partial.out.begin(), partial.out.end(), '\n');
    const auto clean_out = counts(clean);
    EXPECT_LT(partial_lines, std::count(clean_out.begin(), clean_out.end(), '\n'));

    // The run is large next to what is stored (nothing), so it drops the secondary indexes for
    // the whole run (a bulk load) and would rebuild them at its end: a kill leaves the database
    // without them. The next writable open rebuilds them.
    const auto index_names = [](const fs::path& p) {
        const std::string cmd = "sqlite3 " + q(p) +
                                " 'SELECT name FROM sqlite_master WHERE type=\"index\" "
                                "ORDER BY name; PRAGMA integrity_check;' 2>/dev/null";
        std::string text;
        if (FILE* out = ::popen(cmd.c_str(), "r")) {
            char buf[256];
            while (std::fgets(buf, sizeof buf, out)) text += buf;
            if (::pclose(out) != 0) text.clear();
        }
        return text;
    };
    const auto killed_indexes = index_names(db);
    if (!killed_indexes.empty()) {
        EXPECT_EQ(killed_indexes.find("participants_actor\n"), std::string::npos);
        EXPECT_NE(killed_indexes.find("\nok\n"), std::string::npos);  // integrity check
    }

    auto second = run("ingest --db " + q(db) + " " + q(input));
    ASSERT_EQ(second.status, 0) << second.err;
    EXPECT_EQ(counts(db), clean_out);
    if (!killed_indexes.empty()) {
        EXPECT_EQ(index_names(db), index_names(clean));
    }
}

/// `sqlite3 DB SQL`, or "" without the sqlite3 tool.
std::string sqlite_tool(const fs::path& db, const std::string& sql) {
    const std::string cmd = "sqlite3 " + q(db) + " '" + sql + "' 2>/dev/null";
    std::string text;
    if (FILE* out = ::popen(cmd.c_str(), "r")) {
        char buf[256];
        while (std::fgets(buf, sizeof buf, out)) text += buf;
        if (::pclose(out) != 0) text.clear();
    }
    return text;
}

TEST(Corpus, IngestKilledDuringABulkLoadAnswersQueriesAndTheNextIngestRestoresIndexes) {
    const auto input = synthetic_jsonl(3000);  // 30,000 events: a bulk load into a new corpus
    const auto db = temp_dir() / "killed-bulk.db";
    // Killed once a batch is committed: a large WAL alone may hold only uncommitted pages (on a
    // loaded machine the first batch can still be in flight).
    const auto wal = db.string() + "-wal";
    std::error_code ec;
    const auto committed = [&] {
        if (!(fs::exists(wal, ec) && fs::file_size(wal, ec) > 400000)) return false;
        const auto n = sqlite_tool(db, "SELECT count(*) FROM events;");
        return n.empty() || n != "0\n";  // without the sqlite3 tool, the WAL's size must do
    };
    const auto killed = ingest_killed_when(db, input, committed);
    ASSERT_TRUE(killed.has_value());
    if (!*killed) GTEST_SKIP() << "ingest finished before it could be killed";

    const std::string indexes =
        "SELECT name FROM sqlite_master WHERE type=\"index\" AND name NOT LIKE \"sqlite_%\" "
        "ORDER BY name;";
    const auto left = sqlite_tool(db, indexes);
    if (left.empty()) GTEST_SKIP() << "no sqlite3 tool";
    EXPECT_EQ(left, "actors_surname\ndocuments_hash\n");  // the bulk load's are gone
    const auto stored = sqlite_tool(db, "SELECT count(*) FROM events;");
    ASSERT_NE(stored, "0\n");

    // A read-only query answers from the tables alone: the same as the same rows with every
    // index, which a copy of the database rebuilt by the sqlite3 tool has.
    const auto indexed = temp_dir() / "killed-bulk-indexed.db";
    ASSERT_NE(sqlite_tool(db, "VACUUM INTO \"" + indexed.string() + "\"; SELECT 1;"), "");
    ASSERT_NE(sqlite_tool(indexed,
                          "CREATE INDEX participants_actor ON participants(actor_id, event_id);"
                          "CREATE INDEX sources_event ON sources(event_id);"
                          "CREATE INDEX sources_document ON sources(document_id); SELECT 1;"),
              "");
    for (const std::string& query :
         {std::string("met \"Minister Person7\" --format json"),
          std::string("events --actor \"Envoy Person8\" --format csv"),
          std::string("actors --format csv"),
          std::string("actors --type meeting --from 2005-01-01 --to 2009-12-31 --format csv")}) {
        const auto a = run(query + " --db " + q(db));
        const auto b = run(query + " --db " + q(indexed));
        ASSERT_EQ(a.status, 0) << query << ": " << a.err;
        EXPECT_FALSE(a.out.empty()) << query;
        EXPECT_EQ(a.out, b.out) << query;
    }
    EXPECT_EQ(sqlite_tool(db, indexes), left);  // queries leave the database as it is

    // The next writable open rebuilds the indexes, even for an ingest too small to be a bulk load.
    const auto one = temp_dir() / "one-event.jsonl";
    {
        std::ifstream in(input);
        std::string line;
        std::getline(in, line);
        auto e = json::parse(line);  // the same event, reported by a new document
        e["evidence"]["document"] = "another-doc";
        e["sources"] = {"another-doc"};
        std::ofstream(one) << e.dump() << '\n';
    }
    auto small = run("ingest --db " + q(db) + " " + q(one));
    ASSERT_EQ(small.status, 0) << small.err;
    EXPECT_EQ(sqlite_tool(db, indexes),
              "actors_surname\ndocuments_hash\nparticipants_actor\nsources_document\n"
              "sources_event\n");
    EXPECT_EQ(sqlite_tool(db, "SELECT count(*) FROM events;"), stored);  // merged into one
    EXPECT_NE(small.err.find("0 new events, 1 merged"), std::string::npos) << small.err;
    EXPECT_EQ(sqlite_tool(db, "PRAGMA integrity_check;"), "ok\n");
}

}  // namespace
