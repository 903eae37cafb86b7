// Tests of the scorer: gold loading, the matching rules of event-schema.md, the one-to-one
// alignment and the arithmetic, on the dev and seed gold files in tests/data/dev.
#include <parley/error.hpp>
#include <parley/eval.hpp>
#include <parley/knowledge.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace parley;

namespace {

const fs::path kDev = fs::path(PARLEY_TEST_DATA) / "dev";

date::sys_days day(const char* iso) {
    return parse_day_span(iso)->first;
}

Participant person(std::string name) {
    Participant p;
    p.name = std::move(name);
    p.kind = ActorKind::person;
    return p;
}
Participant country(std::string name, std::string code = "") {
    Participant p;
    p.name = std::move(name);
    p.kind = ActorKind::country;
    p.country = std::move(code);
    return p;
}
Participant organisation(std::string name) {
    Participant p;
    p.name = std::move(name);
    p.kind = ActorKind::organisation;
    return p;
}
Participant group(std::string name) {
    Participant p;
    p.name = std::move(name);
    p.kind = ActorKind::group;
    return p;
}

/// An extracted event; `date` is "YYYY-MM-DD", "A/B" or "" for none.
Event event(EventType type, std::vector<Participant> ps, const std::string& date,
            const std::string& sentence = "") {
    Event e;
    e.type = type;
    e.participants = std::move(ps);
    if (!date.empty()) {
        auto span = parse_day_span(date);
        EXPECT_TRUE(span) << date;
        e.date.first = span->first;
        e.date.last = span->last;
    }
    e.evidence.sentence = sentence;
    return e;
}

GoldEvent gold_event(EventType type, std::vector<std::string> actors, const std::string& date) {
    GoldEvent g;
    g.type = type;
    g.actors = std::move(actors);
    if (!date.empty()) g.date = parse_day_span(date);
    return g;
}

/// The five seed events as a perfect extractor would give them.
std::vector<Event> seed_events() {
    return {
        event(EventType::meeting, {person("Tony Blair"), person("Igor Ivanov")}, "1999-07-21"),
        event(EventType::meeting, {person("Sergei Stepashin"), person("Al Gore")},
              "1999-07-24/1999-07-25"),
        event(EventType::phone_call, {person("Madeleine Albright"), person("Igor Ivanov")},
              "1999-07-20"),
        event(EventType::statement, {person("Madeleine Albright"), person("Igor Ivanov")},
              "1999-07-20"),
        event(EventType::statement, {group("Russian defence officials"), organisation("NATO")},
              "1999-07-20"),
    };
}

/// A scratch data directory with a tiny gazetteer, removed at the end of the test.
class TempData {
  public:
    TempData() {
        m_dir = fs::temp_directory_path() / ("parley-eval-test-" + std::to_string(::getpid()));
        fs::create_directories(m_dir / "gazetteer");
        std::ofstream(m_dir / "boilerplate.txt") << "";
        std::ofstream(m_dir / "gazetteer" / "countries.tsv")
            << "# code\tname\taliases\tadjectives\tmetonyms\n"
            << "GBR\tUnited Kingdom\tUK|U.K.|Britain|Great Britain\tBritish|Briton\tLondon\n"
            << "USA\tUnited States\tUS|U.S.|America\tAmerican\tWashington|White House\n"
            << "RUS\tRussia\tRussian Federation\tRussian\tMoscow|Kremlin\n"
            << "USR|SUN\tSoviet Union\tUSSR\tSoviet\t\n";
        std::ofstream(m_dir / "gazetteer" / "titles.tsv")
            << "# title\tsector\thead\n"
            << "President\tGOV\t\t1\nSecretary of State\tGOV\t\t0\nForeign Minister\tGOV\t\t0\n"
            << "Vice-President\tGOV\tvice president\t0\n";
    }
    ~TempData() {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    const fs::path& dir() const { return m_dir; }

  private:
    fs::path m_dir;
};

fs::path write_temp(const std::string& name, const std::string& text) {
    const auto p = fs::temp_directory_path() / (std::to_string(::getpid()) + "-" + name);
    std::ofstream(p) << text;
    return p;
}

}  // namespace

// ---- Gold files ----------------------------------------------------------------------------

TEST(EvalGold, LoadsTheSeed) {
    const auto g = load_gold(kDev / "ivanov-arrives-for-talks.gold.json");
    EXPECT_EQ(g.document, "ivanov-arrives-for-talks.txt");
    // Date and time in the file: the date part is the anchor.
    ASSERT_TRUE(g.publication);
    EXPECT_EQ(*g.publication, day("1999-07-21"));
    ASSERT_EQ(g.events.size(), 5u);
    const auto& talks = g.events[0];
    EXPECT_EQ(talks.type, EventType::meeting);
    EXPECT_EQ(talks.actors, (std::vector<std::string>{"Tony Blair", "Igor Ivanov"}));
    ASSERT_TRUE(talks.date);
    EXPECT_EQ(format_day_span(*talks.date), "1999-07-21");
    ASSERT_EQ(talks.date_also_accepted.size(), 1u);
    EXPECT_EQ(format_day_span(talks.date_also_accepted[0]), "1999-07-22");
    EXPECT_EQ(talks.location, "London");
    EXPECT_EQ(talks.status, EventStatus::scheduled);
    EXPECT_EQ(format_day_span(*g.events[1].date), "1999-07-24/1999-07-25");
    EXPECT_EQ(g.events[2].type, EventType::phone_call);
    EXPECT_TRUE(g.events[2].location.empty());  // null
}

TEST(EvalGold, LoadsEveryDevFile) {
    std::size_t files = 0, events = 0, undated = 0;
    for (const auto& entry : fs::directory_iterator(kDev)) {
        const auto name = entry.path().filename().string();
        if (!name.ends_with(".gold.json")) continue;
        const auto g = load_gold(entry.path());
        ++files;
        events += g.events.size();
        EXPECT_TRUE(g.publication) << name;
        EXPECT_TRUE(fs::exists(kDev / g.document)) << name;
        for (const auto& e : g.events) {
            EXPECT_FALSE(e.actors.empty()) << name;
            if (!e.date) ++undated;
        }
    }
    EXPECT_EQ(files, 11u);
    EXPECT_EQ(events, 62u);
    EXPECT_EQ(undated, 4u);  // 002 Rabin talks, 006 IMF negotiation, 018 dialogue and G20
    const auto g = load_gold(kDev / "002.gold.json");
    EXPECT_FALSE(g.events[1].date);  // "date": null
    EXPECT_EQ(format_day_span(*load_gold(kDev / "012.gold.json").events[1].date),
              "2006-11-01/2006-11-30");
}

TEST(EvalGold, MalformedGoldNamesTheFile) {
    auto expect_error = [](const std::string& name, const std::string& text,
                           const std::string& reason) {
        const auto p = write_temp(name, text);
        try {
            load_gold(p);
            ADD_FAILURE() << name << ": no error";
        } catch (const Error& e) {
            const std::string what = e.what();
            EXPECT_EQ(what.rfind(p.string() + ": ", 0), 0u) << what;
            EXPECT_NE(what.find(reason), std::string::npos) << what;
        }
        fs::remove(p);
    };
    expect_error("a.gold.json", "{\"events\": [", "invalid JSON");
    expect_error("b.gold.json", "[]", "JSON object");
    expect_error("c.gold.json", "{\"document\": \"c.txt\"}", "'events'");
    expect_error("d.gold.json", R"({"events": [{"type": "lunch", "actors": ["A"], "date": null}]})",
                 "unknown type 'lunch'");
    expect_error("e.gold.json",
                 R"({"events": [{"type": "meeting", "actors": ["A"], "date": "1999-02-30"}]})",
                 "bad date '1999-02-30'");
    expect_error("f.gold.json", R"({"events": [{"type": "meeting", "actors": [3], "date": null}]})",
                 "actor");
    expect_error("g.gold.json", R"({"events": [{"type": "meeting", "actors": ["A"]}]})",
                 "'date' missing");
    expect_error("h.gold.json", R"({"publication": "21 July 1999", "events": []})",
                 "bad 'publication'");
    EXPECT_THROW(load_gold(kDev / "no-such.gold.json"), Error);
}

TEST(EvalGold, DaySpans) {
    EXPECT_EQ(format_day_span(*parse_day_span("1999-07-24/1999-07-25")), "1999-07-24/1999-07-25");
    EXPECT_FALSE(parse_day_span("1999-07-25/1999-07-24"));  // reversed
    EXPECT_FALSE(parse_day_span("1999-7-24"));
    EXPECT_FALSE(parse_day_span(""));
    EXPECT_EQ(format_event_date(EventDate{}), "null");
}

// ---- Matching ------------------------------------------------------------------------------

TEST(EvalMatch, SeedEventsMatchTheSeedGoldStrictly) {
    const NameMatcher names;
    const auto gold = load_gold(kDev / "ivanov-arrives-for-talks.gold.json");
    const auto events = seed_events();
    for (std::size_t i = 0; i < events.size(); ++i) {
        EXPECT_TRUE(matches(events[i], gold.events[i], true, names)) << i;
        EXPECT_TRUE(matches(events[i], gold.events[i], false, names)) << i;
    }
    // The call is not the statement of the same sentence: types differ.
    EXPECT_FALSE(matches(events[2], gold.events[3], false, names));
    // Nor the Blair meeting the Stepashin one.
    EXPECT_FALSE(matches(events[0], gold.events[1], false, names));

    Scorer scorer(names);
    scorer.add(events, gold);
    const auto& r = scorer.report();
    EXPECT_EQ(r.overall.strict.tp, 5u);
    EXPECT_EQ(r.overall.strict.fp, 0u);
    EXPECT_EQ(r.overall.strict.fn, 0u);
    EXPECT_DOUBLE_EQ(r.overall.strict.f1(), 1.0);
    EXPECT_EQ(r.by_type.at(EventType::statement).gold, 2u);
    EXPECT_EQ(r.by_type.at(EventType::statement).strict.tp, 2u);
    EXPECT_EQ(r.dates.matched, 5u);
    EXPECT_EQ(r.dates.exact, 5u);
}

TEST(EvalMatch, DatesStrictAndLenient) {
    const auto gold = load_gold(kDev / "ivanov-arrives-for-talks.gold.json");
    const GoldEvent& call = gold.events[2];  // 1999-07-20
    auto date_of = [](const std::string& d) { return event(EventType::phone_call, {}, d).date; };

    EXPECT_TRUE(date_matches(date_of("1999-07-20"), call, true));
    // Overlapping and at most 7 days: lenient only.
    EXPECT_FALSE(date_matches(date_of("1999-07-19/1999-07-21"), call, true));
    EXPECT_TRUE(date_matches(date_of("1999-07-19/1999-07-21"), call, false));
    EXPECT_TRUE(date_matches(date_of("1999-07-14/1999-07-20"), call, false));   // 7 days
    EXPECT_FALSE(date_matches(date_of("1999-07-13/1999-07-20"), call, false));  // 8 days
    EXPECT_FALSE(date_matches(date_of("1999-07-15/1999-07-24"), call, false));  // 10 days
    // A wrong day does not overlap.
    EXPECT_FALSE(date_matches(date_of("1999-07-19"), call, false));
    // No date for a dated gold event: no match at all.
    EXPECT_FALSE(date_matches(EventDate{}, call, false));
    EXPECT_FALSE(date_matches(EventDate{}, call, true));

    // "today" in the print edition: also accepted, strictly.
    const GoldEvent& talks = gold.events[0];
    EXPECT_TRUE(date_matches(date_of("1999-07-22"), talks, true));
    EXPECT_FALSE(date_matches(date_of("1999-07-23"), talks, true));

    // The weekend: the span exactly, or a day of it leniently.
    const GoldEvent& weekend = gold.events[1];
    EXPECT_TRUE(date_matches(date_of("1999-07-24/1999-07-25"), weekend, true));
    EXPECT_FALSE(date_matches(date_of("1999-07-24"), weekend, true));
    EXPECT_TRUE(date_matches(date_of("1999-07-24"), weekend, false));

    // Gold null wants null strictly, accepts anything leniently.
    const auto rabin = load_gold(kDev / "002.gold.json").events[1];
    ASSERT_FALSE(rabin.date);
    EXPECT_TRUE(date_matches(EventDate{}, rabin, true));
    EXPECT_FALSE(date_matches(date_of("1994-08-06"), rabin, true));
    EXPECT_TRUE(date_matches(date_of("1994-08-06"), rabin, false));
    EXPECT_TRUE(date_matches(EventDate{}, rabin, false));

    // A gold month matched exactly is a strict (hence lenient) match, though longer than 7 days.
    const auto hanoi = load_gold(kDev / "012.gold.json").events[1];
    EXPECT_TRUE(date_matches(date_of("2006-11-01/2006-11-30"), hanoi, true));
    EXPECT_TRUE(date_matches(date_of("2006-11-01/2006-11-30"), hanoi, false));
    EXPECT_TRUE(date_matches(date_of("2006-11-18/2006-11-19"), hanoi, false));
}

TEST(EvalMatch, WrongDateFailsStrictPassesLenient) {
    const NameMatcher names;
    const auto gold = load_gold(kDev / "ivanov-arrives-for-talks.gold.json");
    auto e = event(EventType::phone_call, {person("Madeleine Albright"), person("Mr Ivanov")},
                   "1999-07-19/1999-07-20");
    EXPECT_FALSE(matches(e, gold.events[2], true, names));
    EXPECT_TRUE(matches(e, gold.events[2], false, names));
    e = event(EventType::phone_call, {person("Madeleine Albright"), person("Igor Ivanov")},
              "1999-07-11/1999-07-20");
    EXPECT_FALSE(matches(e, gold.events[2], false, names));  // 10 days
}

TEST(EvalNames, SurnamesInitialsParticlesAccents) {
    const NameMatcher names;
    // A surname alone, with or without an honorific.
    EXPECT_TRUE(names.same_name("Igor Ivanov", "Ivanov"));
    EXPECT_TRUE(names.same_name("Igor Ivanov", "Mr Ivanov"));
    EXPECT_TRUE(names.same_name("Igor Ivanov", "Mr. Ivanov"));
    EXPECT_TRUE(names.same_name("Igor Ivanov", "IGOR IVANOV"));
    // First names must agree where both are given.
    EXPECT_FALSE(names.same_name("Igor Ivanov", "Sergei Ivanov"));
    EXPECT_FALSE(names.same_name("Bill Clinton", "Hillary Clinton"));
    EXPECT_FALSE(names.same_name("Igor Ivanov", "Igor Sergeyev"));
    // Middle initials do not count; an initial agrees with its name.
    EXPECT_TRUE(names.same_name("Warren Christopher", "Warren M. Christopher"));
    EXPECT_TRUE(names.same_name("George W. Bush", "George W.Bush"));
    EXPECT_TRUE(names.same_name("George W. Bush", "G. Bush"));
    // Particles.
    EXPECT_TRUE(names.same_name("Hafez al-Assad", "Hafez el Assad"));
    EXPECT_TRUE(names.same_name("Hafez al-Assad", "Assad"));
    EXPECT_TRUE(names.same_name("Hafez al-Assad", "al-Assad"));
    EXPECT_TRUE(names.same_name("Walid Al-Moualem", "Moualem"));
    EXPECT_EQ(names.name_tokens("Hafez el Assad"), (std::vector<std::string>{"hafez", "assad"}));
    // Accents and case.
    EXPECT_TRUE(names.same_name("António Guterres", "Antonio Guterres"));
    EXPECT_TRUE(names.same_name("Stéphane Dujarric", "stephane dujarric"));
    EXPECT_TRUE(names.same_name("René Harris", "Harris"));
    // Surname first.
    EXPECT_TRUE(names.same_name("Hu Jintao", "Hu"));
    EXPECT_TRUE(names.same_name("Ban Ki-moon", "Ban"));
    EXPECT_FALSE(names.same_name("Hu Jintao", "Wang"));
    // Acronyms.
    EXPECT_TRUE(names.same_name("International Monetary Fund", "IMF"));
    EXPECT_TRUE(names.same_name("International Organization for Migration", "IOM"));
    EXPECT_TRUE(names.same_name("United Nations High Commissioner for Refugees", "UNHCR"));
    EXPECT_TRUE(names.same_name("UN Security Council", "United Nations Security Council"));
    EXPECT_TRUE(names.same_name("United Nations General Assembly", "U.N. General Assembly"));
    EXPECT_FALSE(names.same_name("International Monetary Fund", "IMO"));
    EXPECT_TRUE(names.same_name("NATO", "Nato"));
}

TEST(EvalNames, ParticipantsAndAlternatives) {
    const NameMatcher names;
    EXPECT_TRUE(names.actor_matches("Igor Ivanov", person("Mr Ivanov")));
    // "A|B": the canonical name or the article's spelling.
    EXPECT_TRUE(names.actor_matches("Yury Luzhkov|Yuri Luzhkov", person("Yuri Luzhkov")));
    EXPECT_TRUE(names.actor_matches("Yury Luzhkov|Yuri Luzhkov", person("Yury Luzhkov")));
    EXPECT_FALSE(names.actor_matches("Yury Luzhkov|Yuri Luzhkov", person("Yuri Andropov")));
    // Surname rules are for people: an organisation's last word is not the organisation.
    EXPECT_FALSE(names.actor_matches("UN Security Council", organisation("Council")));
    EXPECT_TRUE(names.actor_matches("UN Security Council", organisation("U.N. Security Council")));
    EXPECT_TRUE(names.actor_matches("International Monetary Fund", organisation("IMF")));
}

TEST(EvalNames, TitlesAndCountriesFromData) {
    TempData data;
    const Knowledge kb(data.dir());
    const NameMatcher names(kb);
    EXPECT_EQ(names.title_count(), 5u + 5u);  // titles.tsv with an alias + honorifics
    EXPECT_EQ(names.country_count(), 5u);     // codes, with the alternate SUN

    // Titles and nationalities before a name.
    EXPECT_TRUE(names.same_name("René Harris", "President Harris"));
    EXPECT_TRUE(names.same_name("Igor Ivanov", "Russian Foreign Minister Igor Ivanov"));
    EXPECT_TRUE(names.same_name("Igor Ivanov", "Moscow's Foreign Minister, Igor Ivanov"));
    EXPECT_TRUE(names.same_name("Madeleine Albright", "US Secretary of State Madeleine Albright"));
    EXPECT_TRUE(names.same_name("Al Gore", "the US Vice-President, Al Gore"));
    EXPECT_TRUE(names.same_name("Al Gore", "American vice president Al Gore"));
    EXPECT_EQ(names.name_tokens("Secretary of State Warren M. Christopher"),
              (std::vector<std::string>{"warren", "m", "christopher"}));
    // Without titles.tsv the title stays part of the name.
    EXPECT_FALSE(NameMatcher().same_name("René Harris", "President Harris"));

    // Countries: name, common name, code.
    EXPECT_EQ(names.country_code("Britain"), "GBR");
    EXPECT_EQ(names.country_code("the UK"), "GBR");
    EXPECT_EQ(names.country_code("U.S."), "USA");
    EXPECT_EQ(names.country_code("GBR"), "GBR");
    EXPECT_EQ(names.country_code("SUN"), "USR");
    EXPECT_EQ(names.country_code("British"), "");  // an adjective is not a name
    EXPECT_EQ(names.country_code("Igor Ivanov"), "");
    EXPECT_TRUE(names.actor_matches("United Kingdom", country("Britain")));
    EXPECT_TRUE(names.actor_matches("Britain", country("United Kingdom")));
    EXPECT_TRUE(names.actor_matches("GBR", country("the UK")));
    EXPECT_TRUE(names.actor_matches("United Kingdom", country("GBR")));
    EXPECT_TRUE(names.actor_matches("United Kingdom", country("London", "GBR")));  // by code
    EXPECT_TRUE(names.actor_matches("United States", country("the US")));
    EXPECT_TRUE(names.actor_matches("Soviet Union", country("USSR", "SUN")));
    EXPECT_FALSE(names.actor_matches("United Kingdom", country("United States", "USA")));
    // A gold country is a participant of kind country only.
    EXPECT_FALSE(names.actor_matches("Russia", person("Russia")));
    EXPECT_FALSE(names.actor_matches("Russia", organisation("Russia")));
}

TEST(EvalNames, RealCountryTableWhenPresent) {
    const Knowledge kb(PARLEY_DATA_DIR);
    if (!kb.has("gazetteer/countries.tsv")) GTEST_SKIP() << "no data/gazetteer/countries.tsv yet";
    const NameMatcher names(kb);
    EXPECT_EQ(names.country_code("Britain"), "GBR");
    EXPECT_EQ(names.country_code("United Kingdom"), "GBR");
    EXPECT_EQ(names.country_code("the US"), "USA");
    EXPECT_TRUE(names.actor_matches("United Kingdom", country("Britain")));
    EXPECT_TRUE(names.actor_matches("Syria", country("Syria", "SYR")));
    if (!kb.has("gazetteer/titles.tsv")) return;
    // Titles and their aliases from the real list.
    EXPECT_TRUE(names.same_name("Warren Christopher", "Secretary of State Warren M. Christopher"));
    EXPECT_TRUE(names.same_name("António Guterres", "UN Secretary General Antonio Guterres"));
    EXPECT_TRUE(names.same_name("Ban Ki-moon", "Secretary-General Ban Ki-moon"));
    EXPECT_TRUE(names.same_name("René Harris", "President Harris"));
    if (!kb.has("gazetteer/organisations.tsv")) return;
    EXPECT_TRUE(names.actor_matches("UN Security Council", organisation("Security Council")));
    EXPECT_FALSE(names.actor_matches("UN Security Council", organisation("United Nations")));
}

TEST(EvalMatch, GatheringsNeedThreeInFour) {
    const NameMatcher names;
    const auto dinner = load_gold(kDev / "014.gold.json").events[2];
    ASSERT_EQ(dinner.actors.size(), 4u);
    auto e = event(EventType::meeting,
                   {person("Hu Jintao"), person("Barack Obama"), person("Hillary Clinton")},
                   "2011-01-18");
    EXPECT_TRUE(matches(e, dinner, true, names));  // 3 of 4
    e.participants.pop_back();
    EXPECT_FALSE(matches(e, dinner, true, names));  // 2 of 4
    // Two participants cannot stand for three gold actors: "Clinton" is one of them.
    e.participants = {person("Hu Jintao"), person("Clinton")};
    EXPECT_FALSE(matches(e, dinner, true, names));

    // Up to three gold actors: all of them.
    const auto gold = load_gold(kDev / "ivanov-arrives-for-talks.gold.json");
    auto talks = event(EventType::meeting, {person("Tony Blair")}, "1999-07-21");
    EXPECT_FALSE(matches(talks, gold.events[0], false, names));
    // Extra participants do not hurt.
    talks.participants = {person("Blair"), person("Ivanov"), person("Robin Cook")};
    EXPECT_TRUE(matches(talks, gold.events[0], true, names));

    // Five (Downer's tour): four needed.
    TempData data;
    const Knowledge kb(data.dir());
    const NameMatcher with_countries(kb);
    const auto tour = load_gold(kDev / "010.gold.json").events[0];
    ASSERT_EQ(tour.actors.size(), 5u);
    auto v =
        event(EventType::visit,
              {person("Alexander Downer"), country("Nauru"), country("Fiji"), country("Vanuatu")},
              "2001-12-10/2001-12-16");
    EXPECT_TRUE(matches(v, tour, true, with_countries));
    v.participants.pop_back();
    EXPECT_FALSE(matches(v, tour, true, with_countries));
}

// ---- Alignment and counts ------------------------------------------------------------------

TEST(EvalScore, EachGoldMatchedOnce) {
    const NameMatcher names;
    auto gold = load_gold(kDev / "ivanov-arrives-for-talks.gold.json");
    // The call found twice: one hit, one false positive.
    std::vector<Event> events = {
        event(EventType::phone_call, {person("Albright"), person("Ivanov")}, "1999-07-20"),
        event(EventType::phone_call, {person("Madeleine Albright"), person("Igor Ivanov")},
              "1999-07-20"),
    };
    Scorer scorer(names);
    const auto& d = scorer.add(events, gold);
    EXPECT_EQ(d.strict.pairs.size(), 1u);
    EXPECT_EQ(d.strict.unmatched_extracted.size(), 1u);
    EXPECT_EQ(d.strict.unmatched_gold.size(), 4u);
    const auto& r = scorer.report();
    EXPECT_EQ(r.overall.strict.tp, 1u);
    EXPECT_EQ(r.overall.strict.fp, 1u);
    EXPECT_EQ(r.overall.strict.fn, 4u);
    EXPECT_EQ(r.by_type.at(EventType::phone_call).strict.fp, 1u);
    EXPECT_EQ(r.by_type.at(EventType::meeting).strict.fn, 2u);
    EXPECT_EQ(r.by_type.at(EventType::meeting).extracted, 0u);
}

TEST(EvalScore, MaximumMatchingDoesNotDependOnOrder) {
    // A matches g1 exactly and g2 leniently; B matches g1 leniently only. A greedy pairing by best
    // score (A-g1) leaves B alone; the maximum matching pairs A-g2 and B-g1.
    const NameMatcher names;
    GoldDocument gold;
    gold.document = "x.txt";
    gold.events = {gold_event(EventType::meeting, {"Igor Ivanov"}, "1999-07-20"),
                   gold_event(EventType::meeting, {"Madeleine Albright"}, "1999-07-19/1999-07-21")};
    const auto a = event(EventType::meeting, {person("Albright"), person("Ivanov")}, "1999-07-20");
    const auto b = event(EventType::meeting, {person("Ivanov")}, "1999-07-20/1999-07-22");
    for (const auto& events : {std::vector<Event>{a, b}, std::vector<Event>{b, a}}) {
        const auto al = align(events, gold.events, MatchMode::lenient, names);
        EXPECT_EQ(al.pairs.size(), 2u);
        EXPECT_TRUE(al.unmatched_extracted.empty());
        const auto st = align(events, gold.events, MatchMode::strict, names);
        EXPECT_EQ(st.pairs.size(), 1u);
    }
    // Same with the gold in the other order.
    std::swap(gold.events[0], gold.events[1]);
    EXPECT_EQ(align({a, b}, gold.events, MatchMode::lenient, names).pairs.size(), 2u);
}

TEST(EvalScore, PrecisionRecallF1) {
    Counts c;
    c.tp = 2;
    c.fp = 1;
    c.fn = 3;
    EXPECT_DOUBLE_EQ(c.precision(), 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(c.recall(), 0.4);
    EXPECT_DOUBLE_EQ(c.f1(), 0.5);
    const Counts none;
    EXPECT_FALSE(none.has_precision());
    EXPECT_DOUBLE_EQ(none.f1(), 0.0);

    // The same numbers through the scorer: 2 right, 1 wrong, 3 missed.
    const NameMatcher names;
    auto gold = load_gold(kDev / "ivanov-arrives-for-talks.gold.json");
    auto events = seed_events();
    events.resize(2);  // both meetings right
    events.push_back(event(EventType::visit, {person("Igor Ivanov"), country("United Kingdom")},
                           "1999-07-21"));  // not in the gold
    Scorer scorer(names);
    scorer.add(events, gold);
    const auto& o = scorer.report().overall;
    EXPECT_EQ(o.strict.tp, 2u);
    EXPECT_EQ(o.strict.fp, 1u);
    EXPECT_EQ(o.strict.fn, 3u);
    EXPECT_DOUBLE_EQ(o.strict.f1(), 0.5);
    EXPECT_EQ(o.gold, 5u);
    EXPECT_EQ(o.extracted, 3u);
}

TEST(EvalScore, DateAccuracyAndReports) {
    const NameMatcher names;
    auto gold = load_gold(kDev / "ivanov-arrives-for-talks.gold.json");
    auto events = seed_events();
    events[0].date.first = events[0].date.last = day("1999-07-23");  // wrong by two days
    events[1].date.first = events[1].date.last = day("1999-07-24");  // a day of the weekend
    Scorer scorer(names);
    const auto& d = scorer.add(events, gold);
    const auto& r = scorer.report();
    EXPECT_EQ(r.overall.strict.tp, 3u);
    EXPECT_EQ(r.overall.lenient.tp, 4u);
    EXPECT_EQ(r.dates.matched, 5u);
    EXPECT_EQ(r.dates.exact, 3u);
    EXPECT_EQ(r.dates.lenient, 4u);
    EXPECT_DOUBLE_EQ(r.dates.exact_share(), 0.6);

    const auto table = format_report_table(r);
    EXPECT_NE(table.find("overall"), std::string::npos) << table;
    EXPECT_NE(table.find("phone_call"), std::string::npos) << table;
    EXPECT_NE(table.find("3 of 5"), std::string::npos) << table;

    const auto j = nlohmann::json::parse(format_report_json(r));
    EXPECT_EQ(j["documents"], 1);
    EXPECT_EQ(j["overall"]["strict"]["tp"], 3);
    EXPECT_EQ(j["overall"]["lenient"]["fn"], 1);
    EXPECT_DOUBLE_EQ(j["overall"]["lenient"]["precision"].get<double>(), 0.8);
    EXPECT_EQ(j["by_type"]["meeting"]["gold"], 2);
    EXPECT_DOUBLE_EQ(j["date_accuracy"]["exact_share"].get<double>(), 0.6);
    EXPECT_TRUE(j["date_accuracy"]["definition"].is_string());

    const auto errors = format_document_errors(d);
    EXPECT_NE(errors.find("FP   meeting [Tony Blair, Igor Ivanov] 1999-07-23"), std::string::npos)
        << errors;
    EXPECT_NE(errors.find("FN   meeting [Tony Blair, Igor Ivanov] 1999-07-21"), std::string::npos)
        << errors;
    EXPECT_NE(errors.find("type and actors found, dated 1999-07-23"), std::string::npos) << errors;
    EXPECT_NE(errors.find("DATE meeting [Sergei Stepashin, Al Gore]: extracted 1999-07-24, gold "
                          "1999-07-24/1999-07-25"),
              std::string::npos)
        << errors;
}

TEST(EvalScore, EmptyInputs) {
    const NameMatcher names;
    GoldDocument gold;
    Scorer scorer(names);
    scorer.add({}, gold);
    const auto& r = scorer.report();
    EXPECT_EQ(r.overall.strict.tp + r.overall.strict.fp + r.overall.strict.fn, 0u);
    const auto j = nlohmann::json::parse(format_report_json(r));
    EXPECT_TRUE(j["overall"]["strict"]["precision"].is_null());
    EXPECT_TRUE(j["date_accuracy"]["exact_share"].is_null());
}
