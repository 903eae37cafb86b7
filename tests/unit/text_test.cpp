// Text: sentence splitting on real news sentences, paragraph spans, cleaning, tokens, folding.
#include <parley/knowledge.hpp>
#include <parley/text.hpp>

#include "text/utf8.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace {

using ::testing::ElementsAre;

const parley::Knowledge& kb() {
    static const parley::Knowledge k(PARLEY_DATA_DIR);
    return k;
}

std::vector<std::string> sentences(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& s : parley::split_sentences(text, kb()))
        out.emplace_back(text.substr(s.begin, s.end - s.begin));
    return out;
}

// ---------------------------------------------------------------- sentences

TEST(Sentences, TitlesAndInitialsDoNotEndASentence) {
    EXPECT_THAT(sentences("Secretary of State Warren M. Christopher met for five hours yesterday "
                          "with Mr. Assad. He left for Jerusalem."),
                ElementsAre("Secretary of State Warren M. Christopher met for five hours yesterday "
                            "with Mr. Assad.",
                            "He left for Jerusalem."));
    EXPECT_THAT(
        sentences("George H. W. Bush met Mikhail S. Gorbachev off Malta. They talked."),
        ElementsAre("George H. W. Bush met Mikhail S. Gorbachev off Malta.", "They talked."));
    EXPECT_THAT(
        sentences("Gen. Wesley Clark, Sen. John McCain, Rep. Tom Lantos, Gov. George Pataki, "
                  "Lt. Col. Oliver North and Dr. Condoleezza Rice met Mrs. Albright at "
                  "No. 10 on Jan. 5 in St. Petersburg."),
        testing::SizeIs(1));
}

TEST(Sentences, InitialAfterASlash) {
    EXPECT_THAT(sentences("Secretary-General Ban Ki-moon and Foreign Minister Walid Al-Moualem. "
                          "UN Photo/E. Debebe"),
                ElementsAre("Secretary-General Ban Ki-moon and Foreign Minister Walid Al-Moualem.",
                            "UN Photo/E. Debebe"));
}

TEST(Sentences, InitialismsSplitOnlyBeforeASentenceStarter) {
    EXPECT_THAT(
        sentences("The talks were held in the U.S. The president said they went well."),
        ElementsAre("The talks were held in the U.S.", "The president said they went well."));
    EXPECT_THAT(sentences("U.S. officials said later that the U.S. State Department agreed."),
                testing::SizeIs(1));
    EXPECT_THAT(
        sentences("Delegates gathered in Annapolis, Maryland near Washington, D.C. for a "
                  "conference. The meeting lasted a day."),
        ElementsAre(
            "Delegates gathered in Annapolis, Maryland near Washington, D.C. for a conference.",
            "The meeting lasted a day."));
    EXPECT_THAT(sentences("He flew to Washington, D.C. But the talks failed."), testing::SizeIs(2));
    EXPECT_THAT(sentences("The U.N. Security Council met. The U.K. abstained."),
                testing::SizeIs(2));
}

TEST(Sentences, Quotations) {
    // A period or question mark followed by a closing quote and a lower-case word continues.
    EXPECT_THAT(
        sentences("\"It is safe to say that we are laying the base for future progress,\" he "
                  "added. Mr. Christopher said he relayed Israel's call."),
        ElementsAre(
            "\"It is safe to say that we are laying the base for future progress,\" he added.",
            "Mr. Christopher said he relayed Israel's call."));
    EXPECT_THAT(
        sentences("\"Why now?\" he asked. \"Because the time is right.\" She nodded."),
        ElementsAre("\"Why now?\" he asked.", "\"Because the time is right.\"", "She nodded."));
    EXPECT_THAT(sentences("\u201CWe will go to Moscow.\u201D he said."), testing::SizeIs(1));
    // Inside a quotation a capitalised next word does start a new sentence.
    EXPECT_THAT(
        sentences("\"We discussed the elements of a solution. It is safe to say so,\" he said."),
        testing::SizeIs(2));
}

TEST(Sentences, ParagraphBreaksAlwaysSplitAndOffsetsAreExact) {
    const std::string t =
        "Ivanov arrives for talks\n\nEFFORTS TO mend relations will accelerate "
        "today.  The Foreign Ministry agrees!\n\nNo period at the end";
    const auto ss = parley::split_sentences(t, kb());
    ASSERT_EQ(ss.size(), 4u);
    EXPECT_EQ(t.substr(ss[0].begin, ss[0].end - ss[0].begin), "Ivanov arrives for talks");
    EXPECT_EQ(ss[0].paragraph, 0u);
    EXPECT_EQ(ss[1].begin, 26u);
    EXPECT_EQ(t.substr(ss[1].begin, ss[1].end - ss[1].begin),
              "EFFORTS TO mend relations will accelerate today.");
    EXPECT_EQ(ss[1].paragraph, 1u);
    EXPECT_EQ(t.substr(ss[2].begin, ss[2].end - ss[2].begin), "The Foreign Ministry agrees!");
    EXPECT_EQ(ss[2].paragraph, 1u);
    EXPECT_EQ(t.substr(ss[3].begin, ss[3].end - ss[3].begin), "No period at the end");
    EXPECT_EQ(ss[3].paragraph, 2u);
}

TEST(Sentences, NumbersAndEllipses) {
    EXPECT_THAT(sentences("China supports resolution No. 2254 on Syria. The UN estimates that a "
                          "further 2.5 million Syrians need aid."),
                testing::SizeIs(2));
    EXPECT_THAT(sentences("He paused... and then went on. Then he left."), testing::SizeIs(2));
    EXPECT_THAT(sentences(""), testing::IsEmpty());
    EXPECT_THAT(sentences("   \n\n  "), testing::IsEmpty());
}

// ---------------------------------------------------------------- paragraphs and cleaning

TEST(Paragraphs, SplitAtBlankLines) {
    const std::string t = "\n\nFirst para\nstill first\n \t\nSecond\n\n\n\nThird  \n";
    const auto ps = parley::split_paragraphs(t);
    ASSERT_EQ(ps.size(), 3u);
    EXPECT_EQ(t.substr(ps[0].begin, ps[0].size()), "First para\nstill first");
    EXPECT_EQ(t.substr(ps[1].begin, ps[1].size()), "Second");
    EXPECT_EQ(t.substr(ps[2].begin, ps[2].size()), "Third");
}

TEST(CleanParagraph, JoinsBrokenWordsAndCollapsesSpace) {
    EXPECT_EQ(parley::clean_paragraph("meets Al Gore, the US Vice- President, and"),
              "meets Al Gore, the US Vice-President, and");
    EXPECT_EQ(parley::clean_paragraph("the nego-\ntiations broke down"),
              "the negotiations broke down");
    EXPECT_EQ(parley::clean_paragraph("Russian-\nAmerican interaction"),
              "Russian-American interaction");
    EXPECT_EQ(
        parley::clean_paragraph("Russia's relations with Nato - on hold since the bombardment"),
        "Russia's relations with Nato - on hold since the bombardment");
    EXPECT_EQ(parley::clean_paragraph("pre- and post-war talks"), "pre- and post-war talks");
    EXPECT_EQ(parley::clean_paragraph("  a \t b\n\n c\u00A0\u00A0d\u2009e  "), "a b c d e");
    EXPECT_EQ(parley::clean_paragraph("soft\u00ADhyphen"), "softhyphen");
    EXPECT_EQ(parley::clean_paragraph("Moscow\u2019s \u201Cnew impetus\u201D"),
              "Moscow\u2019s \u201Cnew impetus\u201D");
}

// The cleaning rules one byte at a time: the reference that the sixteen-bytes-a-step
// clean_paragraph must agree with.
std::string clean_reference(std::string_view para) {
    using namespace parley::detail;
    std::string out;
    bool pending_space = false;
    const std::size_t n = para.size();
    for (std::size_t i = 0; i < n;) {
        const char c = para[i];
        if (static_cast<unsigned char>(c) < 0x80) {
            if (is_space(c)) {
                pending_space = true;
                ++i;
                continue;
            }
            if (c == '-' && !pending_space && !out.empty() && is_ascii_alpha(out.back()) &&
                i + 1 < n && is_space(para[i + 1])) {
                std::size_t j = i + 1;
                bool newline = false;
                while (j < n && is_space(para[j])) newline |= para[j++] == '\n';
                if (j < n) {
                    std::size_t len = 0;
                    const char32_t next = decode_utf8(para, j, len);
                    if (newline && is_lower(next)) {
                        i = j;
                        continue;
                    }
                    if (is_upper(next)) {
                        out.push_back('-');
                        i = j;
                        continue;
                    }
                }
            }
            if (pending_space && !out.empty()) out.push_back(' ');
            pending_space = false;
            out.push_back(c);
            ++i;
            continue;
        }
        std::size_t len = 0;
        const char32_t cp = decode_utf8(para, i, len);
        const bool invisible = cp == 0xAD || cp == 0x200B || cp == 0x200C || cp == 0x200D ||
                               cp == 0xFEFF || cp == 0x2060;
        if (is_unicode_space(cp)) {
            pending_space = true;
        } else if (!invisible) {
            if (pending_space && !out.empty()) out.push_back(' ');
            pending_space = false;
            out.append(para.substr(i, len));
        }
        i += len;
    }
    return out;
}

TEST(CleanParagraph, AgreesWithTheByteAtATimeRulesOnLongMixedText) {
    // Pieces that meet every rule, joined at random into paragraphs long enough for the
    // sixteen-byte scan, with the special bytes falling at every offset of a block.
    const std::vector<std::string> pieces = {"Moscow",
                                             "talks",
                                             "Vice",
                                             "President",
                                             "a",
                                             " ",
                                             "  ",
                                             "\n",
                                             "\t",
                                             "\r\n",
                                             "-",
                                             "- ",
                                             "-\n",
                                             "nego-\ntiations",
                                             "Vice- President",
                                             "\u00A0",
                                             "\u00AD",
                                             "\u2009",
                                             "\u200B",
                                             "\u2014",
                                             "\u2019s",
                                             "\u201Cnew\u201D",
                                             "\u3000",
                                             "\uFEFF",
                                             "\u1680",
                                             "\u00E9t\u00E9",
                                             ",",
                                             ".",
                                             ":",
                                             "U.S."};
    std::mt19937 rng(20261127);
    for (int round = 0; round < 3000; ++round) {
        std::string para;
        const int n = static_cast<int>(rng() % 40);
        for (int k = 0; k < n; ++k) para += pieces[rng() % pieces.size()];
        ASSERT_EQ(parley::clean_paragraph(para), clean_reference(para)) << "[" << para << "]";
    }
}

// ---------------------------------------------------------------- tokens

TEST(Tokenize, WordsNumbersPunctuation) {
    const std::string t =
        "Moscow's Vice-President, NATO and the U.S. sent 18,000 troops \u2014 \u201Cnow\u201D "
        "\u20AC5.";
    const auto toks = parley::tokenize(t, 0, static_cast<uint32_t>(t.size()));
    std::vector<std::string> text;
    std::vector<parley::Shape> shape;
    for (const auto& k : toks) {
        text.emplace_back(t.substr(k.begin, k.end - k.begin));
        shape.push_back(k.shape);
    }
    using S = parley::Shape;
    EXPECT_THAT(text, ElementsAre("Moscow's", "Vice-President", ",", "NATO", "and", "the", "U.S.",
                                  "sent", "18,000", "troops", "\u2014", "\u201C", "now", "\u201D",
                                  "\u20AC", "5", "."));
    EXPECT_THAT(shape, ElementsAre(S::word_cap, S::word_cap, S::punct, S::word_upper, S::word_lower,
                                   S::word_lower, S::word_upper, S::word_lower, S::number,
                                   S::word_lower, S::punct, S::punct, S::word_lower, S::punct,
                                   S::other, S::number, S::punct));
}

TEST(Tokenize, RangeAndAccents) {
    const std::string t = "Le pr\u00E9sident \u00C9mile Loubet. 2.5 million";
    const auto toks = parley::tokenize(t, 3, static_cast<uint32_t>(t.size()));
    ASSERT_GE(toks.size(), 5u);
    EXPECT_EQ(t.substr(toks[0].begin, toks[0].end - toks[0].begin), "pr\u00E9sident");
    EXPECT_EQ(toks[1].shape, parley::Shape::word_cap);  // Émile
    EXPECT_EQ(t.substr(toks[4].begin, toks[4].end - toks[4].begin), "2.5");
    EXPECT_EQ(toks[4].shape, parley::Shape::number);
}

// ---------------------------------------------------------------- folding

TEST(Fold, LowerCaseAndStripAccents) {
    EXPECT_EQ(parley::fold("MOSCOW Foreign Ministry"), "moscow foreign ministry");
    EXPECT_EQ(parley::fold("\u00C9lys\u00E9e"), "elysee");
    EXPECT_EQ(parley::fold("T\u014Dky\u014D S\u00E3o Paulo"), "tokyo sao paulo");
    EXPECT_EQ(parley::fold("Moscow\u2019s"), "moscow's");
    EXPECT_EQ(parley::fold(""), "");
    EXPECT_EQ(parley::fold("bad \xE9 byte"), "bad \xE9 byte");
}

}  // namespace
