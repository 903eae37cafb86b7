// The query layer on a small real corpus: the sample articles, extracted and stored here.
#include "temp_dir.hpp"

#include <parley/extract.hpp>
#include <parley/knowledge.hpp>
#include <parley/query.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace {

namespace fs = std::filesystem;
using namespace parley;

fs::path fresh_db(const std::string& name) {
    static const parley::test::TempDir dir("query");
    auto p = dir.path() / name;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p.string() + suffix);
    return p;
}

/// The samples (Annapolis process, Ivanov in London) plus two reports of one meeting.
const fs::path& sample_db() {
    static const fs::path db = [] {
        auto p = fresh_db("samples.db");
        const Knowledge kb(PARLEY_DATA_DIR);
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(fs::path(PARLEY_DATA_DIR) / "samples"))
            if (e.path().extension() == ".txt") files.push_back(e.path());
        for (const auto& e : fs::directory_iterator(fs::path(PARLEY_TEST_DATA) / "corpus"))
            if (e.path().extension() == ".txt") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        std::vector<DocumentRecord> batch;
        for (const auto& f : files) {
            auto x = extract(load_document(f, kb), kb);
            DocumentRecord r;
            r.source = f.filename().string();
            r.hash = x.document.id;
            r.publication = x.document.publication;
            r.actors = x.actors.actors;
            r.events = x.events;
            batch.push_back(std::move(r));
        }
        Store(p).add_batch(batch);
        return p;
    }();
    return db;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(Query, ResolvesNamesBySurnameAliasAndCase) {
    Corpus c(sample_db());
    EXPECT_EQ(c.resolve("olmert").name, "Ehud Olmert");
    EXPECT_EQ(c.resolve("MAHMOUD ABBAS").name, "Mahmoud Abbas");
    EXPECT_EQ(c.resolve("Bush").name, "George W. Bush");
    EXPECT_THROW(c.resolve("Nobody Atall"), Error);
}

TEST(Query, AmbiguousNameListsTheCandidates) {
    auto p = fresh_db("ambiguous.db");
    {
        Store s(p);
        auto d = date::sys_days(date::year(2001) / 1 / 20);
        Event e;
        e.type = EventType::meeting;
        e.date = EventDate{d, d, Granularity::day, "Saturday"};
        e.participants = {{"George W. Bush", ActorKind::person, "USA", "", Role::participant},
                          {"Laura Bush", ActorKind::person, "USA", "", Role::participant}};
        s.add_batch({DocumentRecord{"x.txt", "hx", "", d, {}, {e}}});
    }
    Corpus c(p);
    try {
        c.resolve("bush");
        FAIL() << "guessed";
    } catch (const AmbiguousActor& e) {
        ASSERT_EQ(e.candidates().size(), 2u);
        EXPECT_NE(std::string(e.what()).find("George W. Bush"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("Laura Bush"), std::string::npos);
    }
    EXPECT_EQ(c.resolve("laura bush").name, "Laura Bush");
}

TEST(Query, WhoOlmertMet) {
    Corpus c(sample_db());
    const auto olmert = c.resolve("Olmert");
    const auto abbas = c.resolve("Abbas");
    auto all = c.met(olmert.id, std::nullopt, {});
    ASSERT_FALSE(all.empty());
    for (const auto& enc : all) {
        EXPECT_TRUE(std::find(enc.event.actors.begin(), enc.event.actors.end(), olmert.id) !=
                    enc.event.actors.end());
        EXPECT_FALSE(has(enc.with, "Ehud Olmert"));
        EXPECT_FALSE(enc.event.event.sources.empty());
    }
    auto with = c.met(olmert.id, abbas.id, {});
    ASSERT_FALSE(with.empty());
    for (const auto& enc : with) EXPECT_TRUE(has(enc.with, "Mahmoud Abbas"));
    // The meeting of 8 January 2008, reported by two articles, is one encounter with both sources.
    EventFilter jan8;
    jan8.from = jan8.to = date::sys_days(date::year(2008) / 1 / 8);
    auto day = c.met(olmert.id, abbas.id, jan8);
    bool merged = false;
    for (const auto& enc : day)
        if (has(enc.event.event.sources, "olmert-abbas-a.txt") &&
            has(enc.event.event.sources, "olmert-abbas-b.txt"))
            merged = true;
    EXPECT_TRUE(merged);
}

/// Everything met() reports, as text, to compare the ways of answering it.
std::vector<std::string> describe(const std::vector<Encounter>& encs) {
    std::vector<std::string> out;
    for (const auto& enc : encs) {
        const Event& e = enc.event.event;
        std::string s = std::to_string(enc.event.id) + "|" + e.id + "|" + to_string(e.type) + "|" +
                        e.cameo + "|" + e.date.expression + "|" + e.location + "|" +
                        e.evidence.document + "|" + e.evidence.sentence + "|" +
                        std::to_string(e.evidence.begin) + "|" + std::to_string(e.confidence);
        if (e.date.first) s += "|" + format_iso_day(*e.date.first);
        for (std::size_t i = 0; i < e.participants.size(); ++i)
            s += "|" + std::to_string(enc.event.actors[i]) + ":" + e.participants[i].name + ":" +
                 e.participants[i].title + ":" + e.participants[i].country + ":" +
                 to_string(e.participants[i].role);
        for (const auto& src : e.sources) s += "|" + src;
        for (const auto& w : enc.with) s += "|with " + w;
        out.push_back(std::move(s));
    }
    return out;
}

TEST(Query, MetIsTheSameWithoutTheGraphAndWithTheCache) {
    // A one-shot query asks the store; a loaded graph and the event cache give the same answer.
    Corpus plain(sample_db());
    Corpus loaded(sample_db());
    loaded.preload();
    EventFilter jan;
    jan.from = date::sys_days(date::year(2008) / 1 / 1);
    jan.to = date::sys_days(date::year(2008) / 1 / 31);
    for (const auto* who : {"Olmert", "Abbas", "Blair", "Ivanov"}) {
        const auto a = plain.resolve(who);
        for (const auto& f : {EventFilter{}, jan}) {
            const auto expect = describe(plain.met(a.id, std::nullopt, f));
            EXPECT_EQ(describe(loaded.met(a.id, std::nullopt, f)), expect) << who;
            if (std::string(who) == "Olmert") {
                EXPECT_FALSE(expect.empty());
                const auto abbas = plain.resolve("Abbas").id;
                EXPECT_EQ(describe(loaded.met(a.id, abbas, f)),
                          describe(plain.met(a.id, abbas, f)));
                EXPECT_TRUE(plain.met(a.id, a.id, f).empty());
                EXPECT_TRUE(loaded.met(a.id, a.id, f).empty());
            }
        }
    }
    // And every event, cached or read row by row.
    const auto all = plain.events({});
    std::vector<int64_t> ids;
    for (const auto& e : all) ids.push_back(e.id);
    ids.push_back(1 << 30);  // unknown: skipped by both
    auto as_encounters = [](std::vector<StoredEvent> evs) {
        std::vector<Encounter> out;
        for (auto& e : evs) out.push_back(Encounter{std::move(e), {}});
        return out;
    };
    EXPECT_EQ(describe(as_encounters(loaded.store().events_by_id(ids))),
              describe(as_encounters(plain.store().events_by_id(ids))));
}

TEST(Query, EventsAreChronological) {
    Corpus c(sample_db());
    auto evs = c.events({});
    ASSERT_GT(evs.size(), 5u);
    std::optional<date::sys_days> prev;
    bool undated_seen = false;
    for (const auto& e : evs) {
        if (!e.event.date.first) {
            undated_seen = true;
            continue;
        }
        EXPECT_FALSE(undated_seen) << "a dated event after an undated one";
        if (prev) {
            EXPECT_LE(*prev, *e.event.date.first);
        }
        prev = e.event.date.first;
    }
}

TEST(Query, PathAndCentrality) {
    Corpus c(sample_db());
    auto blair = c.resolve("Tony Blair"), albright = c.resolve("Albright");
    auto p = c.path(blair.id, albright.id, {});
    ASSERT_EQ(p.size(), 3u);  // Blair - Ivanov - Albright
    EXPECT_EQ(p[1].actor.name, "Igor Ivanov");
    ASSERT_TRUE(p[1].via.has_value());
    EXPECT_TRUE(c.path(blair.id, c.resolve("Olmert").id, {}).empty());
    auto central = c.central({}, 3);
    ASSERT_FALSE(central.empty());
    EXPECT_LE(central.size(), 3u);
    EXPECT_GE(central[0].betweenness, central.back().betweenness);
}

}  // namespace
