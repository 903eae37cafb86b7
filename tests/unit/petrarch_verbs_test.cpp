// PETRARCH verb dictionaries (src/events/petrarch_coder.cpp):
// blocks, verb forms, braces, codes, and the dictionary's verbs at work in extraction.
#include "events/event_rules.hpp"
#include "events/petrarch_coder.hpp"

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

TEST(PetrarchVerbs, BlocksFormsAndCodes) {
    const TempFile f(kDictionary);
    detail::PetrarchVerbs v;
    v.read(f.path);
    v.finish();
    auto form = [&](const std::string& first,
                    std::vector<std::string> words) -> const detail::VerbForm* {
        auto it = v.forms.find(first);
        if (it == v.forms.end()) return nullptr;
        for (const auto& f : it->second)
            if (f.words == words) return &f;
        return nullptr;
    };
    // Regular forms of the verb and of a '+' line, the braces' irregular ones.
    for (const char* w :
         {"implore", "implores", "implored", "imploring", "beseech", "besought", "beseeching"}) {
        const auto* f = form(w, {w});
        ASSERT_NE(f, nullptr) << w;
        EXPECT_EQ(f->code, "023") << w;  // the block's code
        EXPECT_TRUE(f->coded);
    }
    // A compound verb whose second word inflects, with its own code.
    ASSERT_NE(form("wire", {"wire", "tapped"}), nullptr);
    EXPECT_EQ(form("wire", {"wire", "tapped"})->code, "044");
    EXPECT_NE(form("wire", {"wire", "taps"}), nullptr);
    // "[---]": no code of its own; the patterns give one.
    ASSERT_NE(form("parleyed", {"parleyed"}), nullptr);
    EXPECT_FALSE(form("parleyed", {"parleyed"})->coded);
    const auto& parley = v.blocks[form("parleyed", {"parleyed"})->block];
    ASSERT_EQ(parley.patterns.size(), 3u);
    EXPECT_EQ(parley.patterns.back().code, "046");  // "- * [046]", the least specific, last
    EXPECT_EQ(form("bombed", {"bombed"})->code, "223");
    EXPECT_EQ(v.synsets.at("TIETYPES").size(), 2u);
    EXPECT_EQ(form("military", {"military"}), nullptr);  // a synset member is no verb
}

TEST(PetrarchVerbs, TheCoderNotTheTriggersCodesThem) {
    const TempFile f(kDictionary);
    const Knowledge plain(PARLEY_DATA_DIR);
    Knowledge kb(PARLEY_DATA_DIR);
    kb.verb_dictionaries = {f.path};
    const detail::EventRules before(plain);
    const detail::EventRules rules(kb);
    EXPECT_EQ(rules.triggers.size(), before.triggers.size());
    EXPECT_EQ(rules.triggers.count("implored"), 0u);
}

TEST(PetrarchVerbs, UnreadableFileIsAnError) {
    Knowledge kb(PARLEY_DATA_DIR);
    kb.verb_dictionaries = {"/nonexistent/verbs.txt"};
    try {
        detail::EventRules rules(kb);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/verbs.txt"), std::string::npos);
    }
    const TempFile bad("--- BAN [023] ---\nBAN {BANS BANNED\n");
    Knowledge kb2(PARLEY_DATA_DIR);
    kb2.verb_dictionaries = {bad.path};
    EXPECT_THROW(detail::EventRules{kb2}, Error);
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
