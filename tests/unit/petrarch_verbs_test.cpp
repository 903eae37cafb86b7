// PETRARCH verb dictionaries as extra triggers (src/events/petrarch_verbs.cpp): blocks, verb
// forms, braces, patterns lending a code, and the triggers at work in extraction.
#include "events/event_rules.hpp"

#include <parley/error.hpp>
#include <parley/event.hpp>
#include <parley/extract.hpp>
#include <parley/ingest.hpp>
#include <parley/knowledge.hpp>

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace parley;

namespace {

// A small dictionary in the suite's format: synsets, comments, codes per block and per line.
const char* kDictionary = R"(<!-- A TEST VERB DICTIONARY -->
&TIETYPES
+MILITARY
+ECONOMIC

--- IMPLORE  [023] ---
IMPLORE    # a comment
+BESEECH {+BESOUGHT +BESEECHES +BESEECHING}
- * &TIETYPES TIES [103]

--- PARLEY  [---] ---
PARLEY
- * WITH + [046]
- * [046]
- * PEACE [057]

--- BOMB  [223] ---
BOMB {BOMBS BOMBED}
WIRE_+TAP {WIRE_+TAPPED  WIRE_+TAPPING } [044]

--- ACCUSE  [---] ---
ACCUSE
- * OF_SPYING [112]
)";

struct TempFile {
    fs::path path;
    explicit TempFile(const std::string& text) {
        path = fs::temp_directory_path() /
               ("parley-verbs-test-" + std::to_string(::getpid()) + ".txt");
        std::ofstream(path, std::ios::binary) << text;
    }
    ~TempFile() {
        std::error_code ec;
        fs::remove(path, ec);
    }
};

const detail::Trigger* trigger(const detail::EventRules& r, const std::string& phrase) {
    std::vector<std::string> words;
    std::string w;
    for (char c : phrase + " ") {
        if (c != ' ') {
            w += c;
        } else if (!w.empty()) {
            words.push_back(w);
            w.clear();
        }
    }
    auto it = r.triggers.find(words.front());
    if (it == r.triggers.end()) return nullptr;
    for (const auto& t : it->second)
        if (t.words == words) return &t;
    return nullptr;
}

TEST(PetrarchVerbs, BlocksFormsAndCodes) {
    const TempFile f(kDictionary);
    Knowledge kb(PARLEY_DATA_DIR);
    detail::EventRules rules(kb);
    const auto before = rules.triggers.size();
    detail::add_petrarch_verbs(f.path, rules);
    EXPECT_GT(rules.triggers.size(), before);

    // The block's code and its regular forms; the appeal root gives the type.
    for (const char* form : {"implore", "implores", "implored", "imploring"}) {
        const auto* t = trigger(rules, form);
        ASSERT_NE(t, nullptr) << form;
        EXPECT_EQ(t->cameo, "023");
        EXPECT_EQ(t->type, EventType::appeal);
        EXPECT_FALSE(t->noun);
        EXPECT_EQ(t->frames, (std::vector<std::string>{"obj", "with"}));
    }
    // A synonym with irregular forms in braces.
    ASSERT_NE(trigger(rules, "besought"), nullptr);
    EXPECT_EQ(trigger(rules, "besought")->cameo, "023");
    EXPECT_NE(trigger(rules, "beseeching"), nullptr);
    // A block without a code takes its most common simple pattern's: negotiation.
    ASSERT_NE(trigger(rules, "parleyed"), nullptr);
    EXPECT_EQ(trigger(rules, "parleyed")->cameo, "046");
    EXPECT_EQ(trigger(rules, "parleyed")->type, EventType::negotiation);
    EXPECT_NE(trigger(rules, "parleying"), nullptr);
    // A multi-word verb whose head is marked: its own code on the line (044, a meeting).
    ASSERT_NE(trigger(rules, "wire tapped"), nullptr);
    EXPECT_EQ(trigger(rules, "wire tapped")->type, EventType::meeting);
    EXPECT_NE(trigger(rules, "wire taps"), nullptr);
    EXPECT_GE(rules.max_trigger, 2u);
    // Codes above 05 and blocks with no usable code add nothing; nor do synset members.
    EXPECT_EQ(trigger(rules, "bombed"), nullptr);
    EXPECT_EQ(trigger(rules, "accused"), nullptr);
    EXPECT_EQ(trigger(rules, "military"), nullptr);
}

TEST(PetrarchVerbs, BuiltInTriggersWin) {
    const TempFile f("--- MEET [031] ---\nMEET {MET MEETS}\n--- VISIT [042] ---\nVISIT\n");
    Knowledge kb(PARLEY_DATA_DIR);
    detail::EventRules rules(kb);
    const auto* met = trigger(rules, "met");
    ASSERT_NE(met, nullptr);
    const auto count = rules.triggers.at("met").size();
    detail::add_petrarch_verbs(f.path, rules);
    EXPECT_EQ(rules.triggers.at("met").size(), count);
    EXPECT_EQ(trigger(rules, "met")->cameo, "040");
    EXPECT_EQ(trigger(rules, "visited")->type, EventType::visit);
}

TEST(PetrarchVerbs, UnreadableFileIsAnError) {
    Knowledge kb(PARLEY_DATA_DIR);
    detail::EventRules rules(kb);
    try {
        detail::add_petrarch_verbs("/nonexistent/verbs.txt", rules);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/verbs.txt"), std::string::npos);
    }
    const TempFile bad("--- BAN [023] ---\nBAN {BANS BANNED\n");
    EXPECT_THROW(detail::add_petrarch_verbs(bad.path, rules), Error);
}

Extraction run(const Knowledge& kb, const std::string& text) {
    IngestOptions opts;
    opts.date_override = parse_iso_day("2003-05-14");
    return extract(parse_document(text, "test.txt", kb, opts), kb);
}

TEST(PetrarchVerbs, ExtractionUsesTheDictionaryVerbs) {
    const TempFile f(kDictionary);
    const std::string text =
        "France implored Germany on Tuesday to reopen the border. Spain parleyed with Portugal "
        "on Monday.";
    {
        // Without the dictionary these verbs are no triggers. (A Knowledge builds its rules
        // once: the one with the dictionary is a second object.)
        const Knowledge plain_kb(PARLEY_DATA_DIR);
        const auto plain = run(plain_kb, text);
        for (const auto& e : plain.events) EXPECT_NE(e.cameo.substr(0, 2), "02") << e.cameo;
    }
    Knowledge kb(PARLEY_DATA_DIR);
    kb.verb_dictionaries.push_back(f.path);
    const auto x = run(kb, text);
    bool appeal = false, negotiation = false;
    for (const auto& e : x.events) {
        if (e.type == EventType::appeal && e.cameo == "023" && e.participants.size() == 2)
            appeal = true;
        if (e.type == EventType::negotiation && e.cameo.substr(0, 2) == "04") negotiation = true;
    }
    EXPECT_TRUE(appeal);
    EXPECT_TRUE(negotiation);
}

}  // namespace
