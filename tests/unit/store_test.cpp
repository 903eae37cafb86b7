// The corpus store: schema, idempotent batches, merging of actors and events, bad files.
#include <parley/store.hpp>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using namespace parley;

fs::path temp_db(const std::string& name) {
    auto dir = fs::temp_directory_path() / ("parley-store-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    auto p = dir / name;
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

}  // namespace
