// The PETRARCH2 unit-test records (tests/data/petrarch2): record parsing, the validation
// dictionary overlay, actor codes, and floors just below the measured figures
// (docs/evaluation.md).
#include "eval/petrarch_eval.hpp"
#include "actors/actor_codes.hpp"

#include <parley/error.hpp>
#include <parley/knowledge.hpp>

#include <gtest/gtest.h>

#include <filesystem>

namespace fs = std::filesystem;
using namespace parley;

namespace {

const fs::path kDir = fs::path(PARLEY_TEST_DATA) / "petrarch2";

const Knowledge& kb() {
    static const Knowledge k(PARLEY_DATA_DIR);
    return k;
}

date::sys_days day(int y, unsigned m, unsigned d) {
    return date::sys_days(date::year{y} / date::month{m} / date::day{d});
}

Participant participant(std::string name, ActorKind kind, std::string country = "",
                        std::string title = "") {
    Participant p;
    p.name = std::move(name);
    p.kind = kind;
    p.country = std::move(country);
    p.title = std::move(title);
    return p;
}

TEST(PetrarchRecords, ParsesAttributesTextAndCodings) {
    const std::string xml = R"(<Sentences>
<!-- <Sentence date="19990101" id="COMMENTED" category="X"></Sentence> -->
<Sentence date = "19950103" id ="DEMO-02" category="DEMO" sentence="true">
<EventCoding sourcecode="DAGGOV" targetcode="GON" eventcode="032"></EventCoding>
<EventCoding sourcecode="GON" targetcode="DAGGOV" eventcode="033"></EventCoding>
<Text>
Dagolath's first Deputy Prime Minister   Telemar left
for Minas Tirith.
</Text>
</Sentence>
<Sentence date="19950101" id="NONE-01" category="DEMO">
<EventCoding noevents="True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
</Sentences>)";
    const auto recs = parse_petrarch_records(xml, "inline");
    ASSERT_EQ(recs.size(), 2u);
    EXPECT_EQ(recs[0].id, "DEMO-02");
    EXPECT_EQ(recs[0].date, day(1995, 1, 3));
    EXPECT_EQ(recs[0].text,
              "Dagolath's first Deputy Prime Minister Telemar left for Minas Tirith.");
    ASSERT_EQ(recs[0].codings.size(), 2u);
    EXPECT_EQ(recs[0].codings[1].source, "GON");
    EXPECT_EQ(recs[0].codings[1].target, "DAGGOV");
    EXPECT_EQ(recs[0].codings[1].event, "033");
    EXPECT_TRUE(recs[1].codings.empty());
    EXPECT_THROW(parse_petrarch_records(
                     "<Sentence id=\"X\" date=\"1995\"><Text>a</Text></Sentence>", "inline"),
                 Error);
}

TEST(ActorCodes, PeopleCountriesOrganisationsAndGroups) {
    // A dictionary person's dated role; a title's sector for anyone else (DIP -> GOV).
    EXPECT_EQ(
        actor_code(participant("Tony Blair", ActorKind::person, "GBR"), day(1999, 7, 21), kb()),
        "GBRGOV");
    EXPECT_EQ(actor_code(participant("Nobody Known", ActorKind::person, "RUS", "Foreign Minister"),
                         day(1999, 7, 21), kb()),
              "RUSGOV");
    EXPECT_EQ(actor_code(participant("Nobody Known", ActorKind::person, "RUS", "Ambassador"),
                         day(1999, 7, 21), kb()),
              "RUSGOV");
    EXPECT_EQ(actor_code(participant("Nobody Known", ActorKind::person, "", "Prime Minister"),
                         day(1999, 7, 21), kb()),
              "---GOV");
    EXPECT_EQ(actor_code(participant("Russia", ActorKind::country, "RUS"), day(1999, 7, 21), kb()),
              "RUS");
    EXPECT_EQ(actor_code(participant("NATO", ActorKind::organisation), day(1999, 7, 21), kb()),
              "IGOWSTNAT");
    EXPECT_EQ(actor_code(participant("Foreign Ministry", ActorKind::organisation, "RUS"),
                         day(1999, 7, 21), kb()),
              "RUSGOV");
    EXPECT_EQ(
        actor_code(participant("Israeli troops", ActorKind::group, "ISR"), day(1999, 7, 21), kb()),
        "ISRMIL");
    EXPECT_EQ(actor_code(participant("Someone", ActorKind::person), day(1999, 7, 21), kb()), "");
}

TEST(PetrarchKnowledgeOverlay, LoadsTheValidationActors) {
    const PetrarchKnowledge pk(kb(), kDir / "PETR.Validate.actors.txt");
    EXPECT_GT(pk.countries_added(), 10u);  // Arnor, Gondor, Mordor...
    EXPECT_GT(pk.organisations_added(), 5u);
    // Dated roles from the dictionary: Sam Gamgee's narrowest role wins on its days.
    EXPECT_EQ(actor_code(participant("Sam Gamgee", ActorKind::person), day(2010, 1, 9), pk.kb()),
              "ORCHOB");
    EXPECT_EQ(actor_code(participant("Sam Gamgee", ActorKind::person), day(2008, 1, 19), pk.kb()),
              "HOBCIV");
    EXPECT_EQ(
        actor_code(participant("Gondor", ActorKind::country, "GON"), day(1995, 1, 1), pk.kb()),
        "GON");
    EXPECT_EQ(pk.translate("IGOUNO"), "UNO");  // UNITED_NATIONS [UNO]
}

TEST(PetrarchEval, UnitTestRecordsMeetTheFloors) {
    std::vector<PetrarchRecord> records;
    const auto r = evaluate_petrarch_file(kDir / "PETR.UnitTest.records.xml", kb(), records);
    EXPECT_EQ(r.records_read, 284u);
    ASSERT_EQ(r.scored.size(), 66u);
    EXPECT_EQ(r.codings, 135u);
    const auto report = format_petrarch_report(r, true);
    // Measured with the verb-pattern coder (src/events/petrarch_coder.cpp) and the suite's
    // agents: root 61/66, actors 57/66, both 57/66, codings 110/135, no event 5/66 (before it,
    // with the verbs only as triggers: root 10, actors 3, both 2, codings 4, no event 48). The
    // issue's targets are 80% (53/66); these floors sit just below the measured figures.
    EXPECT_GE(r.root_ok, 59u) << report;
    EXPECT_GE(r.actors_ok, 55u) << report;
    EXPECT_GE(r.both_ok, 55u) << report;
    EXPECT_GE(r.codings_found, 105u) << report;
    EXPECT_LE(r.no_event, 7u) << report;
    // Spurious events: records expecting nothing in 01-05 where we code something (21/218).
    EXPECT_LE(r.quiet_with_event, 25u) << report;
}

TEST(PetrarchEval, MissingDictionaryIsAnError) {
    std::vector<PetrarchRecord> records;
    EXPECT_THROW(
        evaluate_petrarch_file(fs::path(PARLEY_TEST_DATA) / "dev" / "002.txt", kb(), records),
        Error);
}

}  // namespace
