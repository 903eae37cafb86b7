// Ingest: real articles (plain text and HTML) -> title, date, cleaned body; bad input refused.
#include "ingest/boilerplate.hpp"

#include <parley/error.hpp>
#include <parley/ingest.hpp>
#include <parley/knowledge.hpp>
#include <parley/text.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

namespace {

const parley::Knowledge& kb() {
    static const parley::Knowledge k(PARLEY_DATA_DIR);
    return k;
}

const fs::path kData = PARLEY_TEST_DATA;
const fs::path kSeed = kData / "seed" / "ivanov-arrives-for-talks.txt";

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string iso(date::sys_days d) {
    return date::format("%F", d);
}

/// A temporary directory removed at the end of the test.
class TempDir {
  public:
    TempDir() {
        m_path =
            fs::temp_directory_path() /
            ("parley-ingest-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    fs::path write(const std::string& name, std::string_view bytes) const {
        const auto p = m_path / name;
        std::ofstream(p, std::ios::binary)
            .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        return p;
    }
    const fs::path& path() const { return m_path; }

  private:
    fs::path m_path;
};

std::string error_of(const fs::path& p, const parley::IngestOptions& opts = {}) {
    try {
        parley::load_document(p, kb(), opts);
    } catch (const parley::InputError& e) {
        return e.what();
    }
    return "(no error)";
}

// ---------------------------------------------------------------- the seed article

TEST(IngestSeed, TitleDateAndBody) {
    const auto doc = parley::load_document(kSeed, kb());
    EXPECT_EQ(doc.title, "Ivanov arrives for talks");
    ASSERT_TRUE(doc.publication);
    EXPECT_EQ(iso(*doc.publication), "1999-07-21");
    EXPECT_EQ(doc.publication_text, "Wednesday 21 July 1999 23:02 BST");
    EXPECT_EQ(doc.publication_origin, parley::DateOrigin::dateline);
    EXPECT_EQ(doc.source, kSeed.string());

    ASSERT_EQ(doc.paragraphs.size(), 4u);
    const auto first = doc.slice(doc.paragraphs[0].begin, doc.paragraphs[0].end);
    EXPECT_THAT(std::string(first), StartsWith("EFFORTS TO mend"));
    EXPECT_THAT(doc.text, HasSubstr("the US Vice-President, and several"));
    EXPECT_THAT(doc.text, HasSubstr("Russia's relations with Nato - on hold"));
    // Title, byline, stamp, "Comments" and the whole donation appeal are gone.
    for (const char* gone :
         {"Ivanov arrives for talks", "Phil Reeves", "23:02 BST", "Comments", "reproductive rights",
          "Your donation", "paywalls", "Your support makes all the difference", "thought-provoking",
          "refresh the page", "Notifications"})
        EXPECT_THAT(doc.text, Not(HasSubstr(gone))) << gone;
}

TEST(IngestSeed, NoBoilerplatePhraseFromTheGold) {
    const auto gold =
        nlohmann::json::parse(slurp(kData / "seed" / "ivanov-arrives-for-talks.gold.json"));
    const auto doc = parley::load_document(kSeed, kb());
    ASSERT_FALSE(gold.at("boilerplate").empty());
    for (const auto& phrase : gold.at("boilerplate"))
        EXPECT_THAT(doc.text, Not(HasSubstr(phrase.get<std::string>())));
    EXPECT_EQ(iso(*doc.publication), gold.at("publication").get<std::string>().substr(0, 10));
}

TEST(IngestSeed, ParagraphsAndSentencesAreConsistent) {
    const auto doc = parley::load_document(kSeed, kb());
    EXPECT_THAT(doc.text, Not(HasSubstr("\n\n\n")));
    EXPECT_NE(doc.text.front(), '\n');
    EXPECT_NE(doc.text.back(), '\n');
    for (std::size_t i = 0; i + 1 < doc.paragraphs.size(); ++i)
        EXPECT_EQ(doc.slice(doc.paragraphs[i].end, doc.paragraphs[i + 1].begin), "\n\n");
    EXPECT_EQ(doc.paragraphs, parley::split_paragraphs(doc.text));
    ASSERT_EQ(doc.sentences.size(), 7u);
    EXPECT_EQ(doc.sentence_text(doc.sentences[4]),
              "The Foreign Ministry clearly recognises Moscow's dependency on the West, not least "
              "for loans.");
    for (const auto& s : doc.sentences) {
        const auto& p = doc.paragraphs.at(s.paragraph);
        EXPECT_GE(s.begin, p.begin);
        EXPECT_LE(s.end, p.end);
    }
}

TEST(IngestSeed, IdIsAHashOfTheCleanedText) {
    const auto a = parley::load_document(kSeed, kb());
    EXPECT_EQ(a.id.size(), 16u);
    EXPECT_EQ(a.id.find_first_not_of("0123456789abcdef"), std::string::npos);
    // CRLF line ends and a BOM change nothing in the cleaned text.
    std::string crlf;
    for (char c : slurp(kSeed)) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    const auto b = parley::parse_document("\xEF\xBB\xBF" + crlf, "crlf.txt", kb());
    EXPECT_EQ(b.text, a.text);
    EXPECT_EQ(b.id, a.id);
    EXPECT_EQ(b.title, a.title);
    const auto c = parley::parse_document(a.text + "\n\nAnother paragraph.", "x", kb());
    EXPECT_NE(c.id, a.id);
    // Ids are stored in corpora: the same text keeps its id from version to version.
    EXPECT_EQ(a.id, "8811b860cbac98df");
}

TEST(IngestSeed, DateOverrideWins) {
    parley::IngestOptions opts;
    opts.date_override = date::sys_days{date::year{1999} / 7 / 22};
    const auto doc = parley::load_document(kSeed, kb(), opts);
    EXPECT_EQ(iso(*doc.publication), "1999-07-22");
    EXPECT_EQ(doc.publication_origin, parley::DateOrigin::override_);
    EXPECT_EQ(doc.publication_text, "1999-07-22");
}

// ---------------------------------------------------------------- plain-text layouts

TEST(IngestText, TitleLineThenDateLine) {
    // Wikinews layout (samples-cc, CC BY 2.5): title, date, blank line, body.
    const auto doc = parley::parse_document(
        "Abbas and Olmert meet before Bush visit\nTuesday, January 8, 2008\n\n"
        "Israeli Prime Minister Ehud Olmert and Palestinian President Mahmoud Abbas held a final "
        "meeting Tuesday before their separate talks with United States President Bush this "
        "week.\n",
        "wikinews.txt", kb());
    EXPECT_EQ(doc.title, "Abbas and Olmert meet before Bush visit");
    EXPECT_EQ(iso(*doc.publication), "2008-01-08");
    EXPECT_EQ(doc.publication_text, "Tuesday, January 8, 2008");
    EXPECT_THAT(doc.text, StartsWith("Israeli Prime Minister Ehud Olmert"));
    EXPECT_EQ(doc.paragraphs.size(), 1u);
}

TEST(IngestText, HeadlineBeforeStampSkipsSiteFurniture) {
    const auto doc = parley::parse_document(
        "Accessibility links\n\nBreaking News\n\nYou are here:   Home\n\n"
        "Chinese, U.S. top diplomats exchange views on hot issues via phone\n\n"
        "Xinhua, May 17, 2016 Adjust font size:\n\n"
        "Chinese Foreign Minister Wang Yi on Monday held a phone conversation with U.S. Secretary "
        "of State John Kerry at the latter's invitation.\n\nShare\n\nAdvertisement\n",
        "xinhua.txt", kb());
    EXPECT_EQ(doc.title, "Chinese, U.S. top diplomats exchange views on hot issues via phone");
    EXPECT_EQ(iso(*doc.publication), "2016-05-17");
    EXPECT_EQ(doc.text,
              "Chinese Foreign Minister Wang Yi on Monday held a phone conversation with U.S. "
              "Secretary of State John Kerry at the latter's invitation.");
}

TEST(IngestText, DatelineInProseIsKept) {
    const auto doc = parley::parse_document(
        "Russia: Albright Meets Ivanov, Luzhkov\n\n"
        "Moscow, 25 January 1999 (RFE/RL) - U.S. Secretary of State Madeleine Albright met with "
        "Russian Foreign Minister Igor Ivanov today at the start of a three-day visit to Russia.\n",
        "rferl.txt", kb());
    EXPECT_EQ(doc.title, "Russia: Albright Meets Ivanov, Luzhkov");
    EXPECT_EQ(iso(*doc.publication), "1999-01-25");
    EXPECT_THAT(doc.text, StartsWith("Moscow, 25 January 1999 (RFE/RL) - U.S. Secretary"));
}

TEST(IngestText, HardWrappedProseIsJoined) {
    const auto doc = parley::parse_document(
        "Talks resume in Geneva\n\n"
        "Negotiators from both sides met again yesterday in Geneva for a new round of\n"
        "talks on the future of the region, after the nego-\n"
        "tiations broke down last month over the question of the border and the\n"
        "return of refugees, diplomats said.\n",
        "wrapped.txt", kb());
    EXPECT_EQ(doc.paragraphs.size(), 1u);
    EXPECT_THAT(doc.text, HasSubstr("a new round of talks on the future"));
    EXPECT_THAT(doc.text, HasSubstr("after the negotiations broke down"));
    EXPECT_EQ(doc.sentences.size(), 1u);
}

TEST(IngestText, FrontMatterGivesTitleAndDate) {
    const auto doc = parley::parse_document(
        "---\ntitle: \"Visit to Nauru, Fiji, Vanuatu and New Zealand.\"\ndate: "
        "\"2001-12-07\"\n---\n\n"
        " FA176  7 December 2001\n\n VISIT TO NAURU, FIJI, VANUATU AND NEW ZEALAND\n\n"
        " I will visit Nauru, Fiji, Vanuatu and New Zealand from 10 to 16 December.\n",
        "release.txt", kb());
    EXPECT_EQ(doc.title, "Visit to Nauru, Fiji, Vanuatu and New Zealand.");
    EXPECT_EQ(iso(*doc.publication), "2001-12-07");
    EXPECT_EQ(doc.publication_origin, parley::DateOrigin::meta);
    EXPECT_EQ(doc.text,
              "I will visit Nauru, Fiji, Vanuatu and New Zealand from 10 to 16 December.");
}

TEST(IngestText, NoDateFound) {
    const auto doc = parley::parse_document(
        "Christopher holds detailed meeting with Syria's Assad\n\n\n"
        "DAMASCUS, Syria -- Secretary of State Warren M. Christopher met for five hours yesterday "
        "with Syrian President Hafez el Assad.\n",
        "nodate.txt", kb());
    EXPECT_FALSE(doc.publication);
    EXPECT_EQ(doc.publication_origin, parley::DateOrigin::none);
    EXPECT_EQ(doc.sentences.size(), 1u);
}

TEST(IngestText, BoilerplateListNeverEatsProse) {
    const auto doc = parley::parse_document(
        "Ministers agree to share intelligence\n\n"
        "The two sides agreed to share intelligence and to read more widely each other's "
        "reports.\n\n"
        "Read more: Putin visits Beijing\n\nSign up for our newsletter and get the news.\n\n"
        "Officials said the talks would continue. Subscribe\n\nShare\n\n"
        "We use cookies to improve your experience on our site.\n",
        "prose.txt", kb());
    EXPECT_EQ(doc.title, "Ministers agree to share intelligence");
    EXPECT_EQ(doc.text,
              "The two sides agreed to share intelligence and to read more widely each other's "
              "reports.\n\nOfficials said the talks would continue. Subscribe");
}

// Every listed phrase is found as its rule says: exact, as a paragraph's opening, or inside
// a sentence of news, in plain ASCII and next to curly quotes.
TEST(IngestText, BoilerplateFindsEveryListedPhrase) {
    using Match = parley::detail::Boilerplate::Match;
    const auto& boiler = kb().get<parley::detail::Boilerplate>();
    int checked = 0;
    for (const auto& line : kb().lines("boilerplate.txt")) {
        std::string phrase = line;
        std::string paragraph;
        Match want = Match::contains;
        // Words as the list counts them: "thought-provoking" is two.
        const std::string canon = parley::detail::canonical_words(phrase);
        const auto words = std::count(canon.begin(), canon.end(), ' ') - 1;
        if (phrase.front() == '=' || (phrase.front() != '^' && words <= 2)) {
            if (phrase.front() == '=') phrase.erase(0, 1);
            want = Match::exact;
            paragraph = phrase;
        } else if (phrase.front() == '^') {
            phrase.erase(0, 1);
            want = Match::prefix;
            paragraph = phrase + " the talks in Geneva";
        } else {
            paragraph = "Officials said that " + phrase + " before the talks.";
        }
        EXPECT_EQ(boiler.match(paragraph), want) << paragraph;
        if (want != Match::exact) {
            EXPECT_EQ(boiler.match(paragraph + " \u201CQuoted.\u201D"), want) << paragraph;
        }
        ++checked;
    }
    EXPECT_GT(checked, 150);
    EXPECT_EQ(boiler.match("The two sides agreed to share intelligence on Monday."), Match::none);
    EXPECT_EQ(boiler.match("Sharing"), Match::none);
}

// ---------------------------------------------------------------- date stamps

TEST(DateStamp, Forms) {
    struct Case {
        std::string text, day, stamp;
    };
    for (const Case& c : std::vector<Case>{
             {"Phil Reeves\nWednesday 21 July 1999 23:02 BST\nComments", "1999-07-21",
              "Wednesday 21 July 1999 23:02 BST"},
             {"By AP\nJuly 21, 1999\nText", "1999-07-21", "July 21, 1999"},
             {"Tuesday, November 27, 2007\n\nSenior officials", "2007-11-27",
              "Tuesday, November 27, 2007"},
             {"Posted 1999-07-21 by staff", "1999-07-21", "1999-07-21"},
             {"Updated: Nov. 26, 2007 at 10:30 a.m. EST\n", "2007-11-26",
              "Nov. 26, 2007 at 10:30 a.m. EST"},
             {"March 21, 1997|By Washington Post", "1997-03-21", "March 21, 1997"},
             {"Monday 1st March 2021", "2021-03-01", "Monday 1st March 2021"},
         }) {
        const auto st = parley::find_date_stamp(c.text);
        ASSERT_TRUE(st) << c.text;
        EXPECT_EQ(iso(st->day), c.day);
        EXPECT_EQ(c.text.substr(st->span.begin, st->span.size()), c.stamp);
    }
}

TEST(DateStamp, RefusesWhatIsNotACalendarDay) {
    EXPECT_FALSE(parley::find_date_stamp("21/07/1999 is not a stamp we read"));
    EXPECT_FALSE(parley::find_date_stamp("Filed 31 February 1999"));
    EXPECT_FALSE(parley::find_date_stamp("Filed 1999-13-01"));
    EXPECT_FALSE(parley::find_date_stamp("September 18, 20:36 UTC+3"));  // no year
    EXPECT_FALSE(parley::find_date_stamp("The 2000 troops left in May"));
    const std::string far = std::string(2000, 'x') + " July 21, 1999";
    EXPECT_FALSE(parley::find_date_stamp(far));
    EXPECT_TRUE(parley::find_date_stamp(far, 5000));
}

TEST(DateStamp, PrefersAStampLineOverADateInProse) {
    const std::string t =
        "A long caption about the summit that took place on 20 July 1999 in a city far away from "
        "here, with many more words after it to make the line long.\n21 July 1999\n";
    const auto st = parley::find_date_stamp(t);
    ASSERT_TRUE(st);
    EXPECT_EQ(iso(st->day), "1999-07-21");
}

// ---------------------------------------------------------------- HTML

TEST(IngestHtml, LooksLikeHtml) {
    EXPECT_TRUE(parley::looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>"));
    EXPECT_TRUE(parley::looks_like_html("\xEF\xBB\xBF  <html lang=en>"));
    EXPECT_TRUE(parley::looks_like_html("<p>Just a fragment</p>"));
    EXPECT_FALSE(parley::looks_like_html("Ivanov arrives for talks\n\nEFFORTS TO mend <b>"));
    EXPECT_FALSE(parley::looks_like_html("<3 this is text"));
}

TEST(IngestHtml, MetadataBlocksAndNoise) {
    const std::string html = R"(<!doctype html><html><head>
<title>Ivanov arrives for talks | World | The Paper</title>
<meta property="og:site_name" content="The Paper">
<meta property="article:published_time" content="1999-07-21T23:02:00+01:00">
<script>var x = "EFFORTS TO hide";</script><style>p{}</style></head>
<body><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul></nav>
<div id="cookie-banner">We use cookies to improve your experience.</div>
<article><header><h1>Ivanov arrives for talks</h1><span class="byline">Phil Reeves</span></header>
<p>EFFORTS TO mend fractured relations between Russia and the West will accelerate today.</p>
<div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
<p>And more bridge-building can be expected in the US this weekend, when the Russian Prime
Minister meets Al Gore, the US Vice-
President.</p><blockquote>A quote from an official.</blockquote>
<ul><li>First point of the story.</li><li>Second point.</li></ul>
<p>Advertisement</p>
<aside><p>Related: other stories</p></aside>
<div class="comments"><p>Join the conversation</p></div>
</article><footer>Copyright The Paper</footer></body></html>)";
    const auto doc = parley::parse_document(html, "page.html", kb());
    EXPECT_EQ(doc.title, "Ivanov arrives for talks");
    EXPECT_EQ(iso(*doc.publication), "1999-07-21");
    EXPECT_EQ(doc.publication_origin, parley::DateOrigin::meta);
    EXPECT_EQ(
        doc.text,
        "EFFORTS TO mend fractured relations between Russia and the West will accelerate today.\n\n"
        "And more bridge-building can be expected in the US this weekend, when the Russian "
        "Prime Minister meets Al Gore, the US Vice-President.\n\n"
        "A quote from an official.\n\nFirst point of the story.\n\nSecond point.");
}

TEST(IngestHtml, DateFromJsonLdAndTime) {
    const std::string ld = R"(<html><head><script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","datePublished": "2020-03-02T17:04:04-05:00"}
</script></head><body><p>Syrian government forces entered parts of a strategic town on Monday.</p></body></html>)";
    auto doc = parley::parse_document(ld, "ld.html", kb());
    EXPECT_EQ(iso(*doc.publication), "2020-03-02");
    EXPECT_EQ(doc.publication_origin, parley::DateOrigin::json_ld);
    const std::string t =
        R"(<html><body><p>By the river, <time datetime="2020-06-22T09:30:00+02:00">June 22</time>.</p>
<p>Officials met on Monday to discuss the plan.</p></body></html>)";
    doc = parley::parse_document(t, "time.html", kb());
    EXPECT_EQ(iso(*doc.publication), "2020-06-22");
    EXPECT_EQ(doc.publication_origin, parley::DateOrigin::time_element);
}

TEST(IngestHtml, TruncatedMidTagStillParses) {
    const std::string html =
        "<html><head><title>Talks</title></head><body><p>The foreign ministers met in Vienna on "
        "Tuesday.</p><p>They agreed to meet again.</p><div class=\"sha";
    const auto doc = parley::parse_document(html, "cut.html", kb());
    EXPECT_EQ(doc.title, "Talks");
    EXPECT_EQ(doc.paragraphs.size(), 2u);
    EXPECT_EQ(doc.sentences.size(), 2u);
}

TEST(IngestHtml, NoTextIsAClearError) {
    TempDir dir;
    const auto p =
        dir.write("empty.html", "<html><head><script>var a=1;</script></head><body></body></html>");
    EXPECT_EQ(error_of(p), p.string() + ": no text found in HTML");
}

TEST(IngestHtml, HtmldatePagesGiveTheGoldDate) {
    const auto gold =
        nlohmann::json::parse(slurp(kData / "html" / "htmldate" / "ground-truth.json"));
    ASSERT_EQ(gold.size(), 6u);
    for (const auto& [url, e] : gold.items()) {
        const auto doc = parley::load_document(
            kData / "html" / "htmldate" / e.at("file").get<std::string>(), kb());
        ASSERT_TRUE(doc.publication) << url;
        EXPECT_EQ(iso(*doc.publication), e.at("date").get<std::string>()) << url;
        EXPECT_GT(doc.text.size(), 500u) << url;
        for (const char* junk :
             {"Share this item", "Subscriber login", "\n\nSHARE\n\n", "\u00A9 2020"})
            EXPECT_THAT(doc.text, Not(HasSubstr(junk))) << url;
    }
}

TEST(IngestHtml, HtmldatePagesKeepTheStory) {
    const fs::path dir = kData / "html" / "htmldate";
    auto doc = parley::load_document(dir / "1536545428.html", kb());
    EXPECT_EQ(doc.title,
              "Syrian forces move into strategic town as Turkey vows to keep hammering "
              "Assad\u2019s troops");
    EXPECT_THAT(doc.text, HasSubstr("Erdogan and his Russian counterpart Vladimir Putin are due to "
                                    "meet in Moscow on Thursday to seek agreement on Idlib."));
    EXPECT_THAT(
        doc.text,
        StartsWith("Syrian government forces entered parts of a strategic rebel-held town"));
    doc = parley::load_document(dir / "1498311133.html", kb());
    EXPECT_THAT(
        doc.text,
        HasSubstr("PARIS (Reuters) \u2013 Protesters opposed to the French government\u2019s"));
    EXPECT_EQ(doc.title,
              "Protesters gather at Paris theater to confront Macron over pension reform");
}

TEST(IngestHtml, ReadabilityPagesTitleDateAndBody) {
    struct Case {
        const char* dir;
        const char* first_words;  // of the article body
        const char* inside;       // a later sentence of the body
    };
    for (const Case& c : {
             Case{"bbc-1", "President Barack Obama has admitted",
                  "Mr Obama lands in Kenya later on Friday for his first visit since becoming "
                  "president."},
             Case{"seattletimes-1", "From the deck of his 106-year-old halibut schooner",
                  "Whole Foods future"},
             Case{"wapo-1",
                  "CAIRO \u2014 Gunmen opened fire on visitors at Tunisia\u2019s most renowned "
                  "museum",
                  "Heba Habib contributed to this report."},
             Case{"wordpress", "Stack Overflow published its analysis of 2017 hiring trends",
                  "ranked WordPress among the most dreaded technologies"},
         }) {
        const fs::path dir = kData / "html" / "readability" / c.dir;
        const auto meta = nlohmann::json::parse(slurp(dir / "expected-metadata.json"));
        const auto doc = parley::load_document(dir / "source.html", kb());
        EXPECT_EQ(doc.title, meta.at("title").get<std::string>()) << c.dir;
        if (meta.contains("publishedTime") && meta["publishedTime"].is_string()) {
            ASSERT_TRUE(doc.publication) << c.dir;
            EXPECT_EQ(iso(*doc.publication),
                      meta["publishedTime"].get<std::string>().substr(0, 10));
        }
        EXPECT_THAT(doc.text, HasSubstr(c.first_words)) << c.dir;
        EXPECT_THAT(doc.text, HasSubstr(c.inside)) << c.dir;
        for (const char* junk :
             {"Share on Twitter", "Share via Email", "Subscribe\n", "Top Comments",
              "Click to share", "Subscribe to Blog via Email", "Newsletters",
              "Join 9,518 other subscribers", "Notify me of follow-up comments"})
            EXPECT_THAT(doc.text, Not(HasSubstr(junk))) << c.dir << ": " << junk;
    }
}

// ---------------------------------------------------------------- refused input

TEST(IngestErrors, NotUtf8) {
    TempDir dir;
    std::string bytes(120, 'a');
    bytes += "\xE9t\xE9 1999\n";
    const auto p = dir.write("latin1.txt", bytes);
    EXPECT_EQ(error_of(p), p.string() + ": not UTF-8 (invalid byte 0xE9 at offset 120)");
    // Overlong encodings and surrogates are not UTF-8 either.
    EXPECT_THROW(parley::check_text_input("ab\xC0\xAF", "x"), parley::InputError);
    EXPECT_THROW(parley::check_text_input("ab\xED\xA0\x80", "x"), parley::InputError);
    EXPECT_THROW(parley::check_text_input("truncated \xE2\x80", "x"), parley::InputError);
    EXPECT_NO_THROW(parley::check_text_input("caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80", "x"));
}

TEST(IngestErrors, EmptyAndWhitespaceOnly) {
    TempDir dir;
    const auto empty = dir.write("empty.txt", "");
    EXPECT_EQ(error_of(empty), empty.string() + ": empty file");
    const auto blank = dir.write("blank.txt", "\xEF\xBB\xBF \n\t\r\n  \n");
    EXPECT_EQ(error_of(blank), blank.string() + ": empty file (only white space)");
}

TEST(IngestErrors, Binary) {
    TempDir dir;
    const auto nul = dir.write("x.bin", std::string("PK\x03\x04\0\0\x08\0text", 12));
    EXPECT_THAT(error_of(nul), StartsWith(nul.string() + ": binary data, not text"));
    std::string ctl = "some text";
    for (int i = 0; i < 20; ++i) ctl += "\x01\x02\x7F word";
    const auto c = dir.write("ctl.dat", ctl);
    EXPECT_EQ(error_of(c), c.string() + ": binary data, not text");
}

TEST(IngestErrors, TooLargeMissingAndDirectory) {
    TempDir dir;
    const auto big = dir.write("big.txt", "Title line\n\n" + std::string(5000, 'a'));
    parley::IngestOptions opts;
    opts.max_bytes = 1000;
    EXPECT_THAT(error_of(big, opts), StartsWith(big.string() + ": too large"));
    EXPECT_THROW(parley::parse_document(std::string(2000, 'a'), "mem", kb(), opts),
                 parley::InputError);
    const auto missing = dir.path() / "missing.txt";
    EXPECT_EQ(error_of(missing), missing.string() + ": cannot open (No such file or directory)");
    EXPECT_THAT(error_of(dir.path()), StartsWith(dir.path().string() + ": is a directory"));
}

TEST(IngestErrors, OnlyBoilerplate) {
    EXPECT_THROW(parley::parse_document("Comments\n\nShare\n\nAdvertisement\n", "b.txt", kb()),
                 parley::InputError);
}

TEST(IngestErrors, MessagesAreOneLine) {
    TempDir dir;
    for (const auto& p : {dir.write("a.txt", ""), dir.write("b.txt", "\xFF\xFE"),
                          dir.write("c.bin", std::string(4, '\0'))})
        EXPECT_EQ(error_of(p).find('\n'), std::string::npos);
}

}  // namespace
