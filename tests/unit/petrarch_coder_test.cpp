// The PETRARCH verb-pattern coder (src/events/petrarch_coder.cpp) on sentences of the PETRARCH2
// unit-test records, with an excerpt of their verb dictionary (tests/data/petrarch-coder/).
#include "events/petrarch_coder.hpp"
#include "actors/actor_codes.hpp"

#include <parley/error.hpp>
#include <parley/extract.hpp>
#include <parley/ingest.hpp>
#include <parley/knowledge.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;
using namespace parley;
using ::testing::Contains;
using ::testing::Not;

namespace {

const fs::path kVerbs = fs::path(PARLEY_TEST_DATA) / "petrarch-coder" / "verbs.txt";

const Knowledge& kb() {
    static const Knowledge k(PARLEY_DATA_DIR);
    return k;
}

Knowledge& coder_kb() {
    static Knowledge k(PARLEY_DATA_DIR);
    static const bool once = [] {
        k.verb_dictionaries.push_back(kVerbs);
        return true;
    }();
    (void)once;
    return k;
}

std::vector<Event> events_of(const std::string& text, const Knowledge& k) {
    IngestOptions opts;
    opts.date_override = date::sys_days(date::year{1995} / 1 / 1);
    const auto ex = extract(parse_document(text, "record", k, opts), k);
    return ex.events;
}

// "032 Ethiopia>Libya" for each event the coder made (participants in role order).
std::vector<std::string> coded(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& e : events_of(text, coder_kb())) {
        std::string src, tgt;
        for (const auto& p : e.participants) (p.role == Role::source ? src : tgt) = p.name;
        out.push_back(e.cameo + " " + src + ">" + tgt);
    }
    return out;
}

TEST(PetrarchVerbs, ReadsSynsetsFormsAndPatterns) {
    detail::PetrarchVerbs v(coder_kb());
    ASSERT_EQ(v.synsets.count("TIETYPES"), 1u);
    EXPECT_EQ(v.synsets.at("TIETYPES").size(), 3u);
    // Regular forms of the verb, irregular ones from the braces, compound verbs.
    ASSERT_EQ(v.forms.count("departed"), 1u);
    EXPECT_EQ(v.forms.at("departed").front().code, "032");
    ASSERT_EQ(v.forms.count("broke"), 1u);
    EXPECT_EQ(v.forms.at("broke").front().words, (std::vector<std::string>{"broke", "down"}));
    EXPECT_EQ(v.forms.count("breaked"), 0u);  // the braces give the past tense
    // "[032:033]": a code each way.
    EXPECT_EQ(v.forms.at("left").front().reverse, "033");
    // Patterns: the most specific first; '_' ties, slots.
    const auto& celebrate = v.blocks[v.forms.at("celebrate").front().block];
    ASSERT_EQ(celebrate.patterns.size(), 3u);
    EXPECT_EQ(celebrate.patterns.front().code, "042");
    EXPECT_EQ(celebrate.patterns.front().pre.front().kind, detail::PatternElem::target);
    const auto& allow = v.blocks[v.forms.at("allowed").front().block];
    const auto recently = std::find_if(allow.patterns.begin(), allow.patterns.end(),
                                       [](const auto& p) { return p.code == "025"; });
    ASSERT_NE(recently, allow.patterns.end());
    EXPECT_TRUE(recently->pre_joined);
    EXPECT_THROW(v.read("/nonexistent/verbs.txt"), Error);
}

TEST(PetrarchCoder, VerbFormsCodeSubjectAndObject) {
    // VERB-19: the regular past of DEPART; source before the verb, target after.
    const auto ev = coded(
        "Ethiopia departed from Libya almost five years after crowds trashed its embassy, a "
        "senior official said on Saturday.");
    EXPECT_THAT(ev, Contains("032 Ethiopia>Libya"));
    // The attribution after the comma is not coded when the sentence has an event (PETRARCH
    // codes the reported event)...
    EXPECT_THAT(ev, Not(Contains("023 official>")));
    // ... and is, with its own subject (an agent with no country), when it has none.
    EXPECT_THAT(coded("Relations remain tense, a senior official said on Saturday."),
                Contains("023 official>"));
    EXPECT_THAT(coded("Ethiopia departs from Libya almost five years after crowds trashed its "
                      "embassy, a senior official said on Saturday."),
                Contains("032 Ethiopia>Libya"));
}

TEST(PetrarchCoder, CompoundActorsGiveOneEventEach) {
    // COMPOUND-39: "% * [030:030]": the members of the compound with each other.
    const auto agree = coded(
        "The Philippines and France agree that territorial disputes should be resolved through "
        "international arbitration.");
    EXPECT_THAT(agree, Contains("030 Philippines>France"));
    EXPECT_THAT(agree, Contains("030 France>Philippines"));
    // COMPOUND-42 with a real country: "* WITH % [031]": one event per target.
    const auto with = coded(
        "Ethiopia agrees with the Philippines and France that territorial disputes should be "
        "resolved through international arbitration.");
    EXPECT_THAT(with, Contains("031 Ethiopia>Philippines"));
    EXPECT_THAT(with, Contains("031 Ethiopia>France"));
    // COMPOUND-02 with real countries: a compound subject, one event per actor.
    const auto welcome = coded(
        "Spain, Italy, Greece and Portugal welcomed their resumption of formal diplomatic ties "
        "with Japan after a 12-year rift.");
    for (const char* c : {"Spain", "Italy", "Greece", "Portugal"})
        EXPECT_THAT(welcome, Contains(std::string("041 ") + c + ">Japan"));
}

TEST(PetrarchCoder, AgentsCombineWithTheirCountry) {
    // COMPOUND-08 with real countries: "Lawmakers in Fornost and Gondor" -> FORLEG, GONLEG.
    const auto ev = events_of(
        "Lawmakers in France and Germany welcomed a resumption of formal diplomatic ties with "
        "Japan.",
        coder_kb());
    std::vector<std::string> codes;
    const auto day = date::sys_days(date::year{1995} / 1 / 1);
    for (const auto& e : ev)
        for (const auto& p : e.participants)
            if (p.role == Role::source) codes.push_back(actor_code(p, day, coder_kb()));
    EXPECT_THAT(codes, Contains("FRALEG"));
    EXPECT_THAT(codes, Contains("DEULEG"));
}

TEST(PetrarchCoder, PatternsPickCodeAndSlots) {
    // PATTERN-22: "+ HOSTING * MAY_DAY $ [046]": the host is the target, the guest named after
    // the holiday the source.
    EXPECT_THAT(coded("France will be hosting Italy to celebrate May Day with Spain next week."),
                Contains("046 Spain>France"));
    // PATTERN-23: "* EID AT ^ WITH + [043]": '^' skips the place.
    EXPECT_THAT(coded("Egypt has celebrated Eid at Jordan with Syria after a meeting."),
                Contains("043 Egypt>Syria"));
    // PATTERN-15: "RECENTLY_* [025]" beats the block's 080 (outside 01-05, so no event).
    EXPECT_THAT(coded("Egypt recently allowed that Israel isn't a such neat place to visit."),
                Contains("025 Egypt>Israel"));
    EXPECT_THAT(coded("Egypt allowed that Israel isn't a really pleasant place to visit."),
                Contains("024 Egypt>Israel"));
}

TEST(PetrarchCoder, TiedWordsMustBeAdjacent) {
    // SYNSET-23g: "&TIETYPES_MEMOS FROM [911]" needs "cultural memos"; with a word between,
    // the block's own 041 holds.
    EXPECT_THAT(coded("Spain welcomed cultural internal memos from Italy on its role in "
                      "forthcoming peace talks."),
                Contains("041 Spain>Italy"));
    // Matched, the pattern's code (911, outside 01-05) replaces the default: no 041.
    EXPECT_THAT(coded("Spain welcomed cultural memos from Italy on its role in forthcoming "
                      "peace talks."),
                Not(Contains("041 Spain>Italy")));
}

TEST(PetrarchCoder, NounsAndPassivesAreNotCodedAsActiveVerbs) {
    // SYNSET-12's "during a brief private visit to Eriador": a noun, not the verb VISIT.
    for (const auto& e : coded("Spain's prime minister spoke about an orc infestation during a "
                               "brief private visit to Portugal starting on Sunday."))
        EXPECT_NE(e.substr(0, 3), "032") << e;
    // DEMO-25's "after a hafling was reported": a passive without "by" has no source.
    for (const auto& e : coded("Spain said a riot was reported in Portugal on Saturday."))
        EXPECT_NE(e.substr(0, 3), "025") << e;
    EXPECT_THAT(coded("The riot was reported by Portugal on Saturday."), Contains("025 Portugal>"));
}

TEST(PetrarchCoder, NothingWithoutVerbDictionaries) {
    IngestOptions opts;
    const auto doc = parse_document("Ethiopia departed from Libya on Saturday.", "r", kb(), opts);
    const auto ex = extract(doc, kb());
    EXPECT_TRUE(code_petrarch_events(ex.document, ex.actors, ex.times, kb()).empty());
}

}  // namespace
