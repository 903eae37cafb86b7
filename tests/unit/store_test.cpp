// The corpus store: schema, idempotent batches, merging of actors and events, bad files.
#include "store/schema.hpp"
#include "store/sqlite.hpp"

#include "temp_dir.hpp"

#include <parley/json.hpp>
#include <parley/store.hpp>

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using namespace parley;

fs::path temp_db(const std::string& name) {
    static const parley::test::TempDir dir("store");
    auto p = dir.path() / name;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p.string() + suffix);
    return p;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Participant person(std::string name, std::string country, std::string title = "") {
    return Participant{std::move(name), ActorKind::person, std::move(country), std::move(title),
                       Role::participant};
}

Event meeting(std::vector<Participant> who, date::sys_days first, date::sys_days last,
              Granularity g, std::string doc, std::string id) {
    Event e;
    e.id = std::move(id);
    e.type = EventType::meeting;
    e.cameo = "040";
    e.date = EventDate{first, last, g, "Tuesday"};
    e.participants = std::move(who);
    e.evidence = Evidence{doc, "They met.", 0, 9};
    e.sources = {doc};
    return e;
}

DocumentRecord doc(std::string source, std::string hash, std::vector<Event> events) {
    DocumentRecord d;
    d.source = std::move(source);
    d.hash = std::move(hash);
    d.events = std::move(events);
    return d;
}

constexpr date::sys_days day(int y, unsigned m, unsigned d) {
    return date::sys_days(date::year(y) / date::month(m) / date::day(d));
}

TEST(ActorKey, NormalisesParticlesAccentsCaseAndInitials) {
    EXPECT_EQ(actor_key("Saud al-Faisal"), actor_key("Saud al Faisal"));
    EXPECT_EQ(actor_key("Hafez al-Assad"), actor_key("Hafez el Assad"));
    EXPECT_EQ(actor_key("Hafez al-Assad"), "hafez assad");
    EXPECT_EQ(actor_key("George W. Bush"), actor_key("george bush"));
    EXPECT_EQ(actor_key("José Manuel Barroso"), "jose manuel barroso");
    EXPECT_EQ(actor_key("Al Gore"), "al gore");  // a first name, not a particle
    EXPECT_EQ(actor_key("al-Assad"), "assad");
}

TEST(DatesCompatible, OverlapAtCompatibleGranularity) {
    const EventDate tue{day(2008, 1, 8), day(2008, 1, 8), Granularity::day, "Tuesday"};
    const EventDate week{day(2008, 1, 7), day(2008, 1, 13), Granularity::week, "this week"};
    const EventDate wed{day(2008, 1, 9), day(2008, 1, 9), Granularity::day, "Wednesday"};
    const EventDate month{day(2008, 1, 1), day(2008, 1, 31), Granularity::month, "January"};
    EXPECT_TRUE(dates_compatible(tue, tue));
    EXPECT_TRUE(dates_compatible(tue, week));
    EXPECT_FALSE(dates_compatible(tue, wed));
    EXPECT_FALSE(dates_compatible(tue, month));  // a day and a month are too far apart in precision
    EXPECT_TRUE(dates_compatible(month, month));
    EXPECT_FALSE(dates_compatible(tue, EventDate{}));
}

TEST(Store, CreatesSchemaAndReopens) {
    auto p = temp_db("schema.db");
    {
        Store s(p);
        EXPECT_EQ(s.schema_version(), Store::kSchemaVersion);
    }
    Store s(p, Store::Mode::read_only);
    EXPECT_EQ(s.count_events(), 0u);
    EXPECT_EQ(s.integrity_check(), "ok");
}

TEST(Store, SameBatchTwiceAddsNothing) {
    auto p = temp_db("idem.db");
    Store s(p);
    std::vector<DocumentRecord> batch = {doc(
        "a.txt", "h1",
        {meeting({person("Ehud Olmert", "ISR", "Prime Minister"), person("Mahmoud Abbas", "PSE")},
                 day(2008, 1, 8), day(2008, 1, 8), Granularity::day, "a.txt", "e1")})};
    auto first = s.add_batch(batch);
    EXPECT_EQ(first.documents_added, 1u);
    EXPECT_EQ(first.events_added, 1u);
    auto again = s.add_batch(batch);
    EXPECT_EQ(again.documents_unchanged, 1u);
    EXPECT_EQ(again.events_added, 0u);
    EXPECT_EQ(s.count_events(), 1u);
    EXPECT_EQ(s.count_sources(), 1u);
    // The same content under another name is the same article.
    batch[0].source = "copy/a.txt";
    EXPECT_EQ(s.add_batch(batch).documents_unchanged, 1u);
    EXPECT_EQ(s.count_documents(), 1u);
}

TEST(Store, SameEventFromTwoArticlesIsOneEventWithTwoSources) {
    auto p = temp_db("merge.db");
    Store s(p);
    // "on Tuesday" in one, "this week" in the other; participants in another order and spelling.
    auto a = meeting({person("Ehud Olmert", "ISR"), person("Mahmoud Abbas", "PSE")},
                     day(2008, 1, 8), day(2008, 1, 8), Granularity::day, "a.txt", "e1");
    auto b = meeting({person("Mahmoud Abbas", ""), person("Ehud  Olmert", "ISR")}, day(2008, 1, 7),
                     day(2008, 1, 13), Granularity::week, "b.txt", "e2");
    a.location = "";
    b.location = "Jerusalem";
    auto stats = s.add_batch({doc("b.txt", "hb", {b}), doc("a.txt", "ha", {a})});
    EXPECT_EQ(stats.events_added, 1u);
    EXPECT_EQ(stats.events_merged, 1u);
    auto evs = s.events({});
    ASSERT_EQ(evs.size(), 1u);
    EXPECT_EQ(evs[0].event.sources, (std::vector<std::string>{"b.txt", "a.txt"}));
    // The finer date wins; the location comes from whichever report had one.
    EXPECT_EQ(evs[0].event.date.first, day(2008, 1, 8));
    EXPECT_EQ(evs[0].event.date.last, day(2008, 1, 8));
    EXPECT_EQ(evs[0].event.location, "Jerusalem");
    // A meeting of the same two on another day is another event.
    auto c = meeting({person("Ehud Olmert", "ISR"), person("Mahmoud Abbas", "PSE")},
                     day(2008, 2, 19), day(2008, 2, 19), Granularity::day, "c.txt", "e3");
    EXPECT_EQ(s.add_batch({doc("c.txt", "hc", {c})}).events_added, 1u);
    EXPECT_EQ(s.count_events(), 2u);
}

TEST(Store, AliasesAcrossArticlesAreOneActor) {
    auto p = temp_db("alias.db");
    Store s(p);
    auto d1 = day(1999, 7, 20);
    s.add_batch({doc("1.txt", "h1",
                     {meeting({person("Saud al-Faisal", "SAU"), person("Hafez al-Assad", "SYR")},
                              d1, d1, Granularity::day, "1.txt", "x1")}),
                 doc("2.txt", "h2",
                     {meeting({person("Saud al Faisal", ""), person("Hafez el Assad", "")}, d1, d1,
                              Granularity::day, "2.txt", "x2")})});
    EXPECT_EQ(s.count_actors(), 2u);
    EXPECT_EQ(s.count_events(), 1u);
    auto found = s.find_actors("hafez EL-assad");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].name, "Hafez al-Assad");
    EXPECT_EQ(found[0].country, "SYR");
    ASSERT_EQ(s.find_actors("Assad").size(), 1u);  // by surname
}

TEST(Store, SurnameAloneJoinsTheFullName) {
    auto p = temp_db("surname.db");
    Store s(p);
    auto d1 = day(2008, 1, 9), d2 = day(2008, 1, 10);
    // The surname first, the full name later: the actor is promoted, not duplicated.
    s.add_batch({doc("1.txt", "h1",
                     {meeting({person("Bush", "USA"), person("Olmert", "ISR")}, d1, d1,
                              Granularity::day, "1.txt", "x1")})});
    s.add_batch({doc("2.txt", "h2",
                     {meeting({person("George W. Bush", "USA"), person("Ehud Olmert", "ISR")}, d2,
                              d2, Granularity::day, "2.txt", "x2")})});
    EXPECT_EQ(s.count_actors(), 2u);
    auto bush = s.find_actors("bush");
    ASSERT_EQ(bush.size(), 1u);
    EXPECT_EQ(bush[0].name, "George W. Bush");
    EXPECT_EQ(bush[0].events, 2u);
}

TEST(Store, ChangedArticleReplacesItsEvents) {
    auto p = temp_db("replace.db");
    Store s(p);
    auto d1 = day(2008, 1, 8), d2 = day(2008, 3, 1);
    s.add_batch({doc("a.txt", "v1",
                     {meeting({person("Ehud Olmert", "ISR"), person("Mahmoud Abbas", "PSE")}, d1,
                              d1, Granularity::day, "a.txt", "e1")})});
    auto st =
        s.add_batch({doc("a.txt", "v2",
                         {meeting({person("Ehud Olmert", "ISR"), person("Condoleezza Rice", "USA")},
                                  d2, d2, Granularity::day, "a.txt", "e2")})});
    EXPECT_EQ(st.documents_replaced, 1u);
    auto evs = s.events({});
    ASSERT_EQ(evs.size(), 1u);
    EXPECT_EQ(evs[0].event.participants[1].name, "Condoleezza Rice");
    EXPECT_EQ(s.count_documents(), 1u);
    // Batches run with foreign keys off: the old event's participants went with it all the same.
    const std::string cmd = "sqlite3 '" + p.string() +
                            "' 'SELECT count(*) FROM participants; PRAGMA foreign_key_check;' "
                            "2>/dev/null";
    FILE* out = ::popen(cmd.c_str(), "r");
    ASSERT_NE(out, nullptr);
    std::string text;
    char buf[256];
    while (std::fgets(buf, sizeof buf, out)) text += buf;
    if (::pclose(out) != 0) GTEST_SKIP() << "sqlite3 tool not available";
    EXPECT_EQ(text, "2\n");
}

TEST(Store, ReadOnlyStoreRefusesBatches) {
    auto p = temp_db("rollback.db");
    Store s(p);
    auto d1 = day(2008, 1, 8);
    s.add_batch({doc("a.txt", "h1",
                     {meeting({person("Ehud Olmert", "ISR"), person("Mahmoud Abbas", "PSE")}, d1,
                              d1, Granularity::day, "a.txt", "e1")})});
    // (Atomicity under a kill is tested end to end in tests/e2e/corpus_test.cpp.)
    Store ro(p, Store::Mode::read_only);
    EXPECT_THROW(ro.add_batch({doc("b.txt", "h2", {})}), Error);
    EXPECT_EQ(s.count_documents(), 1u);
}

TEST(Store, FiltersByWindowTypeAndActor) {
    auto p = temp_db("filter.db");
    Store s(p);
    auto e1 = meeting({person("Ehud Olmert", "ISR"), person("Mahmoud Abbas", "PSE")},
                      day(2008, 1, 8), day(2008, 1, 8), Granularity::day, "a.txt", "e1");
    auto e2 = meeting({person("Ehud Olmert", "ISR"), person("Condoleezza Rice", "USA")},
                      day(2008, 3, 1), day(2008, 3, 1), Granularity::day, "a.txt", "e2");
    e2.type = EventType::phone_call;
    auto e3 = meeting({person("Mahmoud Abbas", "PSE"), person("Hosni Mubarak", "EGY")},
                      day(2008, 1, 9), day(2008, 1, 9), Granularity::day, "a.txt", "e3");
    e3.date = EventDate{};
    s.add_batch({doc("a.txt", "h", {e1, e2, e3})});
    EXPECT_EQ(s.events({}).size(), 3u);
    EventFilter f;
    f.from = day(2008, 2, 1);
    EXPECT_EQ(s.events(f).size(), 1u);  // undated dropped by a window
    EventFilter t;
    t.types = {EventType::meeting};
    EXPECT_EQ(s.events(t).size(), 2u);
    EventFilter a;
    a.actors = {s.find_actors("Rice").at(0).id};
    ASSERT_EQ(s.events(a).size(), 1u);
    EXPECT_EQ(s.events(a)[0].event.type, EventType::phone_call);
    auto actors = s.actors(f);
    ASSERT_EQ(actors.size(), 2u);  // Olmert and Rice
}

TEST(Store, TextFileIsNotAParleyDatabaseAndStaysUntouched) {
    auto p = temp_db("notes.db");
    { std::ofstream(p) << "shopping list\nmilk\n"; }
    const auto before = slurp(p);
    try {
        Store s(p);
        FAIL() << "opened a text file";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()),
                  p.string() + ": not a Parley database (file is not a database)");
    }
    EXPECT_EQ(slurp(p), before);
    EXPECT_FALSE(fs::exists(p.string() + "-wal"));
}

TEST(Store, ForeignSqliteDatabaseIsRefusedAndStaysUntouched) {
    auto p = temp_db("foreign.db");
    {
        const std::string cmd =
            "sqlite3 '" + p.string() + "' 'CREATE TABLE recipes(name TEXT);' 2>/dev/null";
        if (std::system(cmd.c_str()) != 0) GTEST_SKIP() << "sqlite3 tool not available";
    }
    const auto before = slurp(p);
    try {
        Store s(p);
        FAIL() << "opened a foreign database";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()),
                  p.string() + ": not a Parley database (it has other tables: recipes)");
    }
    EXPECT_EQ(slurp(p), before);
}

/// `docs` ten-event documents among 40 people; every tenth event re-reports an earlier one.
std::vector<DocumentRecord> many_docs(int docs, const std::string& version = "v1") {
    std::vector<DocumentRecord> out;
    for (int d = 0; d < docs; ++d) {
        std::vector<Event> evs;
        for (int k = 0; k < 10; ++k) {
            const int n = k == 9 && d > 0 ? (d - 1) * 10 + 3 : d * 10 + k;
            const auto when = day(2000 + n % 20, 1 + n % 12, 1 + n % 28);
            const std::string src = "doc" + std::to_string(d) + ".txt";
            evs.push_back(
                meeting({person("Amina Person" + std::to_string(n % 40), "USA", "Envoy"),
                         person("Boris Person" + std::to_string((n * 7 + 1) % 40), "RUS")},
                        when, when, Granularity::day, src, src + "#" + std::to_string(k)));
        }
        out.push_back(
            doc("doc" + std::to_string(d) + ".txt", version + std::to_string(d), std::move(evs)));
    }
    return out;
}

std::string dump_events(const Store& s) {
    std::string out;
    for (const auto& e : s.events({})) out += to_json_line(e.event) + "\n";
    return out;
}

std::string sqlite_tool(const fs::path& db, const std::string& sql) {
    const std::string cmd = "sqlite3 '" + db.string() + "' '" + sql + "' 2>/dev/null";
    FILE* out = ::popen(cmd.c_str(), "r");
    if (!out) return "";
    std::string text;
    char buf[256];
    while (std::fgets(buf, sizeof buf, out)) text += buf;
    return ::pclose(out) == 0 ? text : "";
}

TEST(Store, LargeBatchRebuildsItsIndexesAndStoresWhatSmallBatchesStore) {
    // A batch as large as what is stored is written without the secondary indexes, which are
    // rebuilt before it commits; one-document batches keep them up row by row.
    const auto docs = many_docs(300);
    auto bulk_path = temp_db("bulk.db");
    auto rows_path = temp_db("rows.db");
    Store bulk(bulk_path), rows(rows_path);
    const auto st = bulk.add_batch(docs);
    IngestStats st_rows;
    for (const auto& d : docs) st_rows += rows.add_batch({d});
    EXPECT_EQ(st.events_added, st_rows.events_added);
    EXPECT_EQ(st.events_merged, st_rows.events_merged);
    EXPECT_GT(st.events_merged, 200u);
    EXPECT_EQ(dump_events(bulk), dump_events(rows));

    // A second large batch replaces every article (their old reports are found through the
    // indexes, which come back first) and adds as many new ones.
    const auto st2 = bulk.add_batch(many_docs(600, "v2"));
    EXPECT_EQ(st2.documents_replaced, 300u);
    EXPECT_EQ(st2.documents_added, 300u);
    EXPECT_EQ(bulk.integrity_check(), "ok");
    EXPECT_EQ(bulk.count_documents(), 600u);
    IngestStats st_rows2;
    for (const auto& d : many_docs(600, "v2")) st_rows2 += rows.add_batch({d});
    EXPECT_EQ(dump_events(bulk), dump_events(rows));

    const auto indexes = sqlite_tool(bulk_path,
                                     "SELECT name FROM sqlite_master WHERE type=\"index\" AND "
                                     "name NOT LIKE \"sqlite_%\" ORDER BY name;");
    if (indexes.empty()) GTEST_SKIP() << "sqlite3 tool not available";
    EXPECT_EQ(indexes,
              "actors_surname\ndocuments_hash\nparticipants_actor\nsources_document\n"
              "sources_event\n");
}

std::string actor_summary(const Store& s, const EventFilter& f = {}) {
    std::string out;
    for (const auto& a : s.actors(f))
        out += a.name + "|" + std::to_string(a.events) + "|" +
               (a.first ? date::format("%F", *a.first) : "-") + "|" +
               (a.last ? date::format("%F", *a.last) : "-") + "\n";
    return out;
}

TEST(Store, KilledBulkLoadLeavesACorrectDatabaseAndTheNextWriterRebuildsItsIndexes) {
    const auto docs = many_docs(300);
    auto ref_path = temp_db("bulk-ref.db");
    auto path = temp_db("bulk-killed.db");
    Store ref(ref_path);
    ref.add_batch({docs.begin(), docs.begin() + 200});
    // A child process starts a bulk load, commits two batches and dies without any cleanup,
    // as a killed `parley ingest` does.
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        int code = 1;
        try {
            Store s(path);
            if (s.begin_bulk_load(3000) && s.bulk_loading()) {
                s.add_batch({docs.begin(), docs.begin() + 100});
                s.add_batch({docs.begin() + 100, docs.begin() + 200});
                ::_exit(s.bulk_loading() ? 0 : 2);  // no destructor: it would end the load
            }
        } catch (...) {
            code = 3;
        }
        ::_exit(code);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_EQ(WEXITSTATUS(status), 0);

    const char* kIndexes =
        "SELECT name FROM sqlite_master WHERE type=\"index\" AND name NOT LIKE \"sqlite_%\" "
        "ORDER BY name;";
    const auto left = sqlite_tool(path, kIndexes);
    const bool tool = !left.empty();
    if (tool) {
        EXPECT_EQ(left, "actors_surname\ndocuments_hash\n");
    }
    {
        // Read-only queries answer as with the indexes, only slower.
        Store r(path, Store::Mode::read_only);
        EXPECT_EQ(r.integrity_check(), "ok");
        EXPECT_EQ(dump_events(r), dump_events(ref));
        EXPECT_EQ(actor_summary(r), actor_summary(ref));
        EventFilter window;
        window.from = day(2005, 1, 1);
        window.to = day(2012, 12, 31);
        window.types = {EventType::meeting};
        EXPECT_EQ(actor_summary(r, window), actor_summary(ref, window));
        const auto amina = r.find_actors("Amina Person3");
        ASSERT_EQ(amina.size(), 1u);
        EXPECT_EQ(amina[0].events, ref.find_actors("Amina Person3").at(0).events);
        EXPECT_GT(amina[0].events, 0u);
        EXPECT_EQ(r.event_ids_of(amina[0].id, {}), ref.event_ids_of(amina[0].id, {}));
        EventFilter by_actor;
        by_actor.actors = {amina[0].id};
        EXPECT_EQ(r.events(by_actor).size(), ref.events(by_actor).size());
        if (tool) {
            EXPECT_EQ(sqlite_tool(path, kIndexes), left);  // a reader changes nothing
        }
    }
    {
        // The next writable open rebuilds them before anything else.
        Store w(path);
        EXPECT_FALSE(w.bulk_loading());
        if (tool) {
            EXPECT_EQ(sqlite_tool(path, kIndexes),
                      "actors_surname\ndocuments_hash\nparticipants_actor\nsources_document\n"
                      "sources_event\n");
        }
        EXPECT_EQ(w.integrity_check(), "ok");
    }
}

TEST(Store, BulkLoadStoresWhatRowByRowBatchesStore) {
    auto bulk_path = temp_db("bulk-run.db");
    auto rows_path = temp_db("bulk-rows.db");
    Store bulk(bulk_path), rows(rows_path);
    EXPECT_FALSE(bulk.begin_bulk_load(999));  // too small to gain from it
    EXPECT_TRUE(bulk.begin_bulk_load(3000));
    const auto docs = many_docs(300);
    IngestStats st, st_rows;
    for (std::size_t i = 0; i < docs.size(); i += 50) {
        st += bulk.add_batch({docs.begin() + long(i), docs.begin() + long(i + 50)});
        EXPECT_TRUE(bulk.bulk_loading());
    }
    for (const auto& d : docs) st_rows += rows.add_batch({d});
    EXPECT_EQ(st.events_added, st_rows.events_added);
    EXPECT_EQ(st.events_merged, st_rows.events_merged);
    // A replaced article needs the indexes: they come back inside its batch, and the bulk load
    // is over.
    const auto st2 = bulk.add_batch(many_docs(600, "v2"));
    EXPECT_EQ(st2.documents_replaced, 300u);
    EXPECT_FALSE(bulk.bulk_loading());
    bulk.end_bulk_load();  // nothing left to do
    for (const auto& d : many_docs(600, "v2")) rows.add_batch({d});
    EXPECT_EQ(dump_events(bulk), dump_events(rows));
    EXPECT_EQ(actor_summary(bulk), actor_summary(rows));
    EXPECT_EQ(bulk.integrity_check(), "ok");
    // A run of half as many events as are stored is a bulk load again. Its indexes go at the
    // first batch with a new document: a batch of unchanged ones keeps them.
    const auto stored = bulk.count_events();
    EXPECT_FALSE(bulk.begin_bulk_load(stored / 2 - 1));
    EXPECT_TRUE(bulk.begin_bulk_load(std::max<std::size_t>(stored / 2 + 1, 1000)));
    EXPECT_EQ(bulk.add_batch(many_docs(600, "v2")).documents_unchanged, 600u);
    EXPECT_TRUE(bulk.bulk_loading());
    const auto kept = sqlite_tool(bulk_path,
                                  "SELECT count(*) FROM sqlite_master WHERE type=\"index\" "
                                  "AND name NOT LIKE \"sqlite_%\";");
    if (!kept.empty()) {
        EXPECT_EQ(kept, "5\n");
    }
    bulk.end_bulk_load();
    EXPECT_FALSE(bulk.bulk_loading());
    const auto indexes = sqlite_tool(bulk_path,
                                     "SELECT count(*) FROM sqlite_master WHERE type=\"index\" "
                                     "AND name NOT LIKE \"sqlite_%\";");
    if (!indexes.empty()) {
        EXPECT_EQ(indexes, "5\n");
    }
}

/// The merge key that version 1 wrote: FNV-1a over the type and the sorted actor ids, >> 1.
int64_t v1_merge_key(EventType type, std::vector<int64_t> ids) {
    std::sort(ids.begin(), ids.end());
    uint64_t h = 14695981039346656037ull;
    auto mix = [&](const void* data, std::size_t n) {
        const auto* b = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 1099511628211ull;
    };
    const auto t = static_cast<uint8_t>(type);
    mix(&t, 1);
    for (auto id : ids) mix(&id, sizeof id);
    return static_cast<int64_t>(h >> 1);
}

/// A database written by schema version 1 (built here from its own SQL, which never changes)
/// opens with the current code: migrated forward in place, every row intact.
TEST(Store, MigratesAVersionOneDatabase) {
    auto p = temp_db("v1.db");
    {
        detail::Db db;
        db.open(p.string(), true);
        db.exec(detail::kMigrations[0]);
        // Dates: 13886 is 2008-01-08. Event 1 has two reports, the older one (rowid 4) from
        // b.txt, which must stay first: it supplies the evidence.
        const std::string mkey = std::to_string(v1_merge_key(EventType::meeting, {1, 2}));
        db.exec((R"sql(
INSERT INTO parley_meta VALUES ('schema_version', '1');
INSERT INTO documents(id, source, hash, title, publication) VALUES
    (1, 'a.txt', 'ha', 'A', 13886), (2, 'b.txt', 'hb', NULL, NULL);
INSERT INTO actors(id, name, key, surname, kind, country, sector) VALUES
    (1, 'Ehud Olmert', 'ehud olmert', 'olmert', 0, 'ISR', NULL),
    (2, 'Mahmoud Abbas', 'mahmoud abbas', 'abbas', 0, 'PSE', NULL);
INSERT INTO aliases VALUES ('olmert', 1, 'Olmert');
INSERT INTO roles VALUES (1, 'Prime Minister', 13886, 13886);
INSERT INTO events(id, uid, type, cameo, status, first, last, granularity, expression,
                   location, confidence, mkey) VALUES
    (1, 'e1', 0, '040', 0, 13886, 13886, 1, 'Tuesday', 'Jerusalem', 0.9, )sql" +
                 mkey +
                 R"sql(),
    (2, 'e2', 0, '040', 1, NULL, NULL, 0, NULL, NULL, 0.5, )sql" +
                 mkey + R"sql();
INSERT INTO participants VALUES (1, 1, 0, 0, 'Prime Minister'), (1, 2, 1, 0, NULL),
    (2, 2, 0, 0, NULL), (2, 1, 1, 0, NULL);
INSERT INTO sources(id, event_id, document_id, uid, status, first, last, sentence, begin, end,
                    confidence) VALUES
    (4, 1, 2, 'e1', 0, 13886, 13886, 'Olmert met Abbas.', 0, 17, 0.9),
    (7, 1, 1, 'e1', 0, 13886, 13886, 'They met.', 3, 12, 0.9),
    (5, 2, 1, 'e2', 1, NULL, NULL, 'They will meet.', 0, 15, 0.5);
)sql")
                    .c_str());
    }
    EXPECT_THROW(Store(p, Store::Mode::read_only), Error);  // queries do not migrate
    {
        Store s(p);
        EXPECT_EQ(s.schema_version(), Store::kSchemaVersion);
        EXPECT_EQ(s.integrity_check(), "ok");
        {
            detail::Db raw;
            raw.open(p.string(), false);
            detail::Stmt st(raw, "SELECT count(*) FROM sqlite_master WHERE name = 'events_first'");
            ASSERT_TRUE(st.step());
            EXPECT_EQ(st.i64(0), 0);
        }
        EXPECT_EQ(s.count_documents(), 2u);
        EXPECT_EQ(s.count_actors(), 2u);
        EXPECT_EQ(s.count_sources(), 3u);
        const auto evs = s.events(EventFilter{});
        ASSERT_EQ(evs.size(), 2u);
        const Event& e = evs[0].event;
        EXPECT_EQ(e.id, "e1");
        EXPECT_EQ(e.date.first, day(2008, 1, 8));
        EXPECT_EQ(e.location, "Jerusalem");
        ASSERT_EQ(e.participants.size(), 2u);
        EXPECT_EQ(e.participants[0].name, "Ehud Olmert");
        EXPECT_EQ(e.participants[0].title, "Prime Minister");
        EXPECT_EQ(e.participants[1].name, "Mahmoud Abbas");
        EXPECT_EQ(e.sources, (std::vector<std::string>{"b.txt", "a.txt"}));
        EXPECT_EQ(e.evidence.document, "b.txt");
        EXPECT_EQ(e.evidence.sentence, "Olmert met Abbas.");
        EXPECT_EQ(evs[1].event.id, "e2");
        EXPECT_EQ(evs[1].event.sources, (std::vector<std::string>{"a.txt"}));
        const auto olmert = s.find_actors("Olmert");
        ASSERT_EQ(olmert.size(), 1u);
        EXPECT_EQ(olmert[0].titles, (std::vector<std::string>{"Prime Minister"}));
        EXPECT_EQ(olmert[0].events, 2u);

        // The migrated store takes new reports: one merges into e1 and is listed after the
        // old ones; re-ingesting a.txt unchanged adds nothing.
        const auto st = s.add_batch(
            {doc("c.txt", "hc",
                 {meeting({person("Mahmoud Abbas", "PSE"), person("Ehud Olmert", "ISR")},
                          day(2008, 1, 8), day(2008, 1, 8), Granularity::day, "c.txt", "e3")}),
             doc("a.txt", "ha", {})});
        EXPECT_EQ(st.events_merged, 1u);
        EXPECT_EQ(st.documents_unchanged, 1u);
        const auto after = s.events(EventFilter{});
        ASSERT_EQ(after.size(), 2u);
        EXPECT_EQ(after[0].event.sources, (std::vector<std::string>{"b.txt", "a.txt", "c.txt"}));
        EXPECT_EQ(after[0].event.evidence.document, "b.txt");
        EXPECT_EQ(s.integrity_check(), "ok");
    }
    Store again(p, Store::Mode::read_only);  // the version was recorded
    EXPECT_EQ(again.schema_version(), Store::kSchemaVersion);
    EXPECT_EQ(again.count_sources(), 4u);
}

/// event_from_jsonl (SAX, no DOM) must give what event_from_json gives: the same Event, or
/// the same error.
std::string parsed(std::string_view line, bool sax) {
    try {
        const Event e =
            sax ? event_from_jsonl(line, "f.jsonl", 7) : event_from_json(line, "f.jsonl:7");
        return to_json_line(e) + " confidence=" + std::to_string(e.confidence);
    } catch (const std::exception& ex) {
        return std::string("error: ") + ex.what();
    }
}

TEST(Json, SaxReaderGivesTheEventsAndErrorsOfTheDomReader) {
    std::vector<std::string> lines;
    for (const auto& d : many_docs(3))
        for (const auto& e : d.events) lines.push_back(to_json_line(e));
    const char* odd[] = {
        R"({"type":"meeting","date":null,"participants":null,"evidence":null,"sources":null})",
        R"({"type":"meeting","id":null,"cameo":null,"status":null,"location":null})",
        R"({"type":"meeting","date":{"first":"2008-01-08","last":null,"x":[1,{"a":[]}]}})",
        R"({"type":"meeting","date":{"first":"2008-01-08T10:00:00Z","granularity":"week"}})",
        R"({"type":"meeting","date":{"first":"2008-13-45"}})",
        R"({"type":"meeting","date":{"first":5}})",
        R"({"type":"meeting","date":"2008"})",
        R"({"type":"nonsense"})",
        R"({"id":"x"})",
        R"({"type":"meeting","type":"visit"})",
        R"({"type":"meeting","participants":[{"name":"A","kind":"state","role":"x","y":null}]})",
        R"({"type":"meeting","participants":[{"name":""}]})",
        R"({"type":"meeting","participants":[null]})",
        R"({"type":"meeting","participants":[{"name":"A","name":"B"}]})",
        R"({"type":"meeting","evidence":{"document":"d","sentence":"s","begin":3,"end":7}})",
        R"({"type":"meeting","evidence":{"begin":-3}})",
        R"({"type":"meeting","evidence":{"begin":3.0}})",
        R"({"type":"meeting","evidence":{"begin":null}})",
        R"({"type":"meeting","evidence":{"begin":99999999999}})",
        R"({"type":"meeting","sources":["a",null,3,"b",{"x":1},["y"]]})",
        R"({"type":"meeting","sources":["a",null,"b"]})",
        R"({"type":"meeting","confidence":1})",
        R"({"type":"meeting","confidence":"0.5"})",
        R"({"type":"meeting","id":5,"cameo":true,"location":[]})",
        R"({"type":"meeting","unknown":{"deep":[[[{"a":"b"}]]]},"other":true,"f":1.5})",
        R"({"type":"meeting"} trailing)",
        R"([{"type":"meeting"}])",
        R"({"type":"meeting")",
        R"({"type":"meeting","participants":[{"name":"Caf\u00e9 \"Q\""}],"location":"\ud83d\ude00"})",
        R"(  {"type":"visit"}  )",
        R"({"type":"meeting","participants":{"name":"A"}})",
    };
    for (const char* l : odd) lines.emplace_back(l);
    for (const auto& l : lines) EXPECT_EQ(parsed(l, true), parsed(l, false)) << l;
    EXPECT_EQ(parsed(R"({"type":"meeting","date":{"first":"2008-13-45"}})", true),
              "error: f.jsonl:7: date \"2008-13-45\" does not parse as YYYY-MM-DD");
}

}  // namespace
