// The time stage on real news sentences: recognition, normalisation and resolution.
#include <parley/knowledge.hpp>
#include <parley/time.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

using parley::Granularity;
using parley::TimeSpan;
using parley::TimexType;

const parley::Knowledge& kb() {
    static parley::Knowledge k(PARLEY_DATA_DIR);
    return k;
}

std::vector<TimeSpan> tag(const std::string& text, const char* anchor,
                          parley::Diagnostics* diags = nullptr) {
    parley::TimeOptions opts;
    if (anchor) opts.publication = parley::parse_iso_day(anchor);
    return parley::find_times(text, {}, kb(), opts, diags);
}

// The one expression whose text is `expr`; fails the test when absent.
TimeSpan find(const std::vector<TimeSpan>& all, const std::string& expr) {
    for (const auto& t : all)
        if (t.expression == expr) return t;
    ADD_FAILURE() << "no time expression \"" << expr << "\"";
    return {};
}

std::string first(const TimeSpan& t) {
    return t.first ? parley::format_iso_day(*t.first) : "null";
}
std::string last(const TimeSpan& t) {
    return t.last ? parley::format_iso_day(*t.last) : "null";
}
std::string span(const TimeSpan& t) {
    return first(t) + "/" + last(t);
}

// Resolves the single expression of a sentence.
std::string one(const std::string& text, const std::string& expr, const char* anchor) {
    return span(find(tag(text, anchor), expr));
}

TEST(TimeAbsolute, DayMonthYearForms) {
    const auto r =
        tag("The treaty was signed on 21 July 1999 in Bonn; the talks of July 21, 1999 "
            "and of Jul. 21 followed the 21st July meeting. Filed 1999-07-21.",
            "1999-08-02");
    EXPECT_EQ(span(find(r, "21 July 1999")), "1999-07-21/1999-07-21");
    EXPECT_EQ(find(r, "21 July 1999").timex, "1999-07-21");
    EXPECT_EQ(span(find(r, "July 21, 1999")), "1999-07-21/1999-07-21");
    EXPECT_EQ(span(find(r, "Jul. 21")), "1999-07-21/1999-07-21");
    EXPECT_EQ(span(find(r, "21st July")), "1999-07-21/1999-07-21");
    EXPECT_EQ(span(find(r, "1999-07-21")), "1999-07-21/1999-07-21");
}

TEST(TimeAbsolute, YearFromTheAnchor) {
    EXPECT_EQ(one("Ministers will meet again on July 21.", "July 21", "1999-07-02"),
              "1999-07-21/1999-07-21");
    // December in a January article is last year's
    EXPECT_EQ(one("The ceasefire was agreed on Dec. 28.", "Dec. 28", "2000-01-05"),
              "1999-12-28/1999-12-28");
    // and January in a December article, when the clause looks ahead, next year's
    EXPECT_EQ(one("The envoy will return on 5 January.", "5 January", "2001-12-20"),
              "2002-01-05/2002-01-05");
}

TEST(TimeAbsolute, MonthsYearsDecades) {
    const auto r =
        tag("Prices rose in July 1999, as they had in 1998 and through the 1990s.", "2000-01-10");
    EXPECT_EQ(span(find(r, "July 1999")), "1999-07-01/1999-07-31");
    EXPECT_EQ(find(r, "July 1999").granularity, Granularity::month);
    EXPECT_EQ(span(find(r, "1998")), "1998-01-01/1998-12-31");
    EXPECT_EQ(find(r, "1998").timex, "1998");
    EXPECT_EQ(find(r, "1990s").timex, "199");
    EXPECT_EQ(find(r, "1990s").granularity, Granularity::decade);
    EXPECT_EQ(find(tag("the 20th century", "2013-03-22"), "20th century").timex, "19");
}

TEST(TimeAbsolute, PartsOfPeriods) {
    const auto r =
        tag("Talks stalled in mid-July and resumed early 1999; they collapsed late last "
            "year.",
            "2000-02-01");
    EXPECT_EQ(span(find(r, "mid-July")), "1999-07-11/1999-07-20");
    EXPECT_EQ(find(r, "mid-July").timex, "1999-07");
    EXPECT_EQ(first(find(r, "early 1999")), "1999-01-01");
    EXPECT_EQ(find(r, "early 1999").timex, "1999");
    EXPECT_EQ(last(find(r, "late last year")), "1999-12-31");
    EXPECT_EQ(find(r, "late last year").timex, "1999");
}

TEST(TimeAbsolute, WeekdayPlusDate) {
    const auto t = find(tag("The summit opens on Tuesday, July 20, in Helsinki.", "1999-07-15"),
                        "Tuesday, July 20");
    EXPECT_EQ(span(t), "1999-07-20/1999-07-20");
}

TEST(TimeAbsolute, AmbiguousMonthNamesNeedContext) {
    EXPECT_EQ(one("The report is due to be published in May.", "May", "2013-03-22"),
              "2013-05-01/2013-05-31");
    for (const auto& t : tag("Prime Minister Theresa May said she may visit.", "2017-03-01"))
        EXPECT_NE(t.expression, "May");
}

TEST(TimeDeictic, DaysAgainstPublication) {
    const char* pub = "1999-07-21";  // a Wednesday
    EXPECT_EQ(one("Albright spoke to Ivanov today.", "today", pub), "1999-07-21/1999-07-21");
    const auto tonight = find(tag("They will dine tonight.", pub), "tonight");
    EXPECT_EQ(span(tonight), "1999-07-21/1999-07-21");
    EXPECT_EQ(tonight.timex, "1999-07-21TNI");
    EXPECT_EQ(one("He arrived this morning.", "this morning", pub), "1999-07-21/1999-07-21");
    EXPECT_EQ(one("They met last night.", "last night", pub), "1999-07-20/1999-07-20");
    EXPECT_EQ(one("They met yesterday.", "yesterday", pub), "1999-07-20/1999-07-20");
    EXPECT_EQ(one("They meet tomorrow.", "tomorrow", pub), "1999-07-22/1999-07-22");
    EXPECT_EQ(one("He left the day before yesterday.", "the day before yesterday", pub),
              "1999-07-19/1999-07-19");
    EXPECT_EQ(one("He arrived two days ago.", "two days ago", pub), "1999-07-19/1999-07-19");
    EXPECT_EQ(one("He arrives in 10 days' time.", "10 days' time", pub), "1999-07-31/1999-07-31");
}

TEST(TimeDeictic, WeeksMonthsYears) {
    const char* pub = "1999-07-21";  // Wednesday of ISO week 29
    const auto tw = find(tag("Talks resume this week.", pub), "this week");
    EXPECT_EQ(span(tw), "1999-07-19/1999-07-25");
    EXPECT_EQ(tw.timex, "1999-W29");
    EXPECT_EQ(one("They met last week.", "last week", pub), "1999-07-12/1999-07-18");
    EXPECT_EQ(one("They meet next week.", "next week", pub), "1999-07-26/1999-08-01");
    const auto we = find(tag("They meet this weekend.", pub), "this weekend");
    EXPECT_EQ(span(we), "1999-07-24/1999-07-25");
    EXPECT_EQ(we.timex, "1999-W29-WE");
    EXPECT_EQ(one("They met last weekend.", "last weekend", pub), "1999-07-17/1999-07-18");
    EXPECT_EQ(one("Inflation rose this month.", "this month", pub), "1999-07-01/1999-07-31");
    EXPECT_EQ(one("Troops left earlier this month.", "earlier this month", pub),
              "1999-07-01/1999-07-20");
    EXPECT_EQ(one("Troops leave later this month.", "later this month", pub),
              "1999-07-22/1999-07-31");
    EXPECT_EQ(one("They met last month.", "last month", pub), "1999-06-01/1999-06-30");
    EXPECT_EQ(one("They meet next month.", "next month", pub), "1999-08-01/1999-08-31");
    EXPECT_EQ(one("Growth slowed this year.", "this year", pub), "1999-01-01/1999-12-31");
    EXPECT_EQ(one("Growth slowed last year.", "last year", pub), "1998-01-01/1998-12-31");
    EXPECT_EQ(one("Growth slowed earlier this year.", "earlier this year", pub),
              "1999-01-01/1999-07-20");
    EXPECT_EQ(one("An election is due later this year.", "later this year", pub),
              "1999-07-22/1999-12-31");
    const auto sp = find(tag("Talks began this spring.", pub), "this spring");
    EXPECT_EQ(span(sp), "1999-03-01/1999-05-31");
    EXPECT_EQ(sp.timex, "1999-SP");
    EXPECT_EQ(one("He resigned three weeks ago.", "three weeks ago", pub), "1999-06-28/1999-07-04");
    EXPECT_EQ(one("He resigned a year ago.", "a year ago", pub), "1998-01-01/1998-12-31");
    EXPECT_EQ(one("The talks will resume in two weeks.", "in two weeks", pub),
              "1999-08-02/1999-08-08");
}

TEST(TimeDeictic, RecentlyIsVague) {
    const auto t = find(tag("The two sides recently met.", "1999-07-21"), "recently");
    EXPECT_FALSE(t.ok());
    EXPECT_EQ(t.timex, "PAST_REF");
    EXPECT_EQ(find(tag("He is now in Moscow.", "1999-07-21"), "now").timex, "PRESENT_REF");
}

TEST(TimeWeekday, TenseDecides) {
    const char* pub = "1999-07-21";  // Wednesday
    EXPECT_EQ(one("Ivanov met Albright on Tuesday.", "Tuesday", pub), "1999-07-20/1999-07-20");
    EXPECT_EQ(one("Ivanov will meet Albright on Tuesday.", "Tuesday", pub),
              "1999-07-27/1999-07-27");
    EXPECT_EQ(one("Ivanov is due to meet Albright on Tuesday.", "Tuesday", pub),
              "1999-07-27/1999-07-27");
    EXPECT_EQ(one("Ivanov is expected to visit Bonn on Friday.", "Friday", pub),
              "1999-07-23/1999-07-23");
    EXPECT_EQ(one("Ivanov plans to visit Bonn on Monday.", "Monday", pub), "1999-07-26/1999-07-26");
    // a past weekday written on that same weekday is the publication day
    EXPECT_EQ(one("Ivanov arrived in Bonn on Wednesday.", "Wednesday", pub),
              "1999-07-21/1999-07-21");
    // and so is a future one
    EXPECT_EQ(one("Their formal talks are set for Wednesday.", "Wednesday", pub),
              "1999-07-21/1999-07-21");
    // a passive future: "will be held"
    EXPECT_EQ(one("The talks will be held on Friday.", "Friday", pub), "1999-07-23/1999-07-23");
    // a reported future: the verb nearest the weekday decides
    EXPECT_EQ(one("Officials said Albright will fly to Moscow on Monday.", "Monday", pub),
              "1999-07-26/1999-07-26");
    // an infinitive of purpose takes the tense of the verb it hangs on
    EXPECT_EQ(one("Ivanov flew to Bonn to meet Fischer on Monday.", "Monday", pub),
              "1999-07-19/1999-07-19");
    EXPECT_EQ(one("Ivanov will fly to Bonn to meet Fischer on Monday.", "Monday", pub),
              "1999-07-26/1999-07-26");
    EXPECT_EQ(one("Ivanov said he would fly to Bonn to meet Fischer on Monday.", "Monday", pub),
              "1999-07-26/1999-07-26");
}

TEST(TimeWeekday, ExplicitRelatives) {
    const char* pub = "1999-07-21";  // Wednesday
    EXPECT_EQ(one("They met last Tuesday.", "last Tuesday", pub), "1999-07-20/1999-07-20");
    EXPECT_EQ(one("They meet next Tuesday.", "next Tuesday", pub), "1999-07-27/1999-07-27");
    EXPECT_EQ(one("They will meet this Friday.", "this Friday", pub), "1999-07-23/1999-07-23");
    const auto t =
        find(tag("Clinton met Yeltsin on Thursday night.", "1997-03-21"), "Thursday night");
    EXPECT_EQ(span(t), "1997-03-20/1997-03-20");
    EXPECT_EQ(t.type, TimexType::time);
    EXPECT_EQ(t.timex, "1997-03-20TNI");
}

TEST(TimeRange, Forms) {
    const char* pub = "2001-12-07";
    EXPECT_EQ(one("I will visit Nauru, Fiji and Vanuatu from 10 to 16 December.",
                  "from 10 to 16 December", pub),
              "2001-12-10/2001-12-16");
    EXPECT_EQ(one("In Nauru on 10-11 December I will hold talks.", "10-11 December", pub),
              "2001-12-10/2001-12-11");
    EXPECT_EQ(one("The summit runs July 20-22.", "July 20-22", "1999-07-01"),
              "1999-07-20/1999-07-22");
    EXPECT_EQ(one("Talks will run between Monday and Wednesday.", "between Monday and Wednesday",
                  "1999-07-16"),
              "1999-07-19/1999-07-21");
    EXPECT_EQ(one("Talks ran from June to August.", "from June to August", "1999-07-21"),
              "1999-06-01/1999-08-31");
    EXPECT_EQ(one("He has lived in exile since 1998.", "since 1998", "1999-07-21"),
              "1998-01-01/1999-07-21");
}

TEST(TimeAnaphoric, AgainstTheLastDate) {
    const auto r =
        tag("The envoy arrived in Belgrade on 3 June 1999. The next day he met "
            "Milosevic, and two days later he flew home. That evening he called "
            "Ahtisaari. The following week talks resumed.",
            "1999-07-21");
    EXPECT_EQ(span(find(r, "The next day")), "1999-06-04/1999-06-04");
    EXPECT_EQ(span(find(r, "two days later")), "1999-06-06/1999-06-06");
    EXPECT_EQ(span(find(r, "That evening")), "1999-06-06/1999-06-06");
    EXPECT_EQ(span(find(r, "The following week")), "1999-06-07/1999-06-13");
}

TEST(TimeDuration, NotDates) {
    const auto r =
        tag("Hu arrived for a four-day state visit and talked for three hours. He has "
            "ruled for eight years.",
            "2011-01-18");
    const auto four = find(r, "four-day");
    EXPECT_EQ(four.type, TimexType::duration);
    EXPECT_EQ(four.timex, "P4D");
    EXPECT_FALSE(four.ok());
    EXPECT_EQ(find(r, "three hours").timex, "PT3H");
    EXPECT_EQ(find(r, "eight years").timex, "P8Y");
    // "for the first time in 11 months" in a past clause is a duration, not a future date
    const auto m = find(tag("The two met Thursday for the first time in 11 months.", "1997-03-21"),
                        "11 months");
    EXPECT_EQ(m.type, TimexType::duration);
}

TEST(TimeEdges, LeapDaysAndYearEnds) {
    EXPECT_EQ(one("They met yesterday.", "yesterday", "2000-03-01"), "2000-02-29/2000-02-29");
    EXPECT_EQ(one("They met yesterday.", "yesterday", "1999-03-01"), "1999-02-28/1999-02-28");
    EXPECT_EQ(one("They meet tomorrow.", "tomorrow", "1999-12-31"), "2000-01-01/2000-01-01");
    // next week across a year end: ISO week 1 of 2004 starts on Monday 29 December 2003
    const auto nw = find(tag("They meet next week.", "2003-12-24"), "next week");
    EXPECT_EQ(span(nw), "2003-12-29/2004-01-04");
    EXPECT_EQ(nw.timex, "2004-W01");
    EXPECT_EQ(one("They met last month.", "last month", "2000-01-15"), "1999-12-01/1999-12-31");
    EXPECT_EQ(one("Talks began on 29 February 2000.", "29 February 2000", "2000-03-05"),
              "2000-02-29/2000-02-29");
    EXPECT_EQ(one("He was born a year ago.", "a year ago", "2000-02-29"), "1999-01-01/1999-12-31");
}

TEST(TimeDiagnostics, ImpossibleDatesAndMissingAnchor) {
    parley::Diagnostics d;
    const auto r = tag("The deal was signed on 31 February 1999.", "1999-07-21", &d);
    EXPECT_FALSE(find(r, "31 February 1999").ok());
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].code, "date-impossible");

    parley::Diagnostics d2;
    const auto r2 = tag("They met yesterday and will meet again on 21 July 1999.", nullptr, &d2);
    EXPECT_FALSE(find(r2, "yesterday").ok());
    EXPECT_TRUE(find(r2, "21 July 1999").ok());  // absolute dates need no anchor
    ASSERT_EQ(d2.size(), 1u);
    EXPECT_EQ(d2[0].code, "date-no-anchor");
}

TEST(TimeOffsets, ByteOffsetsAndSentences) {
    const std::string text =
        "Ivanov said on Monday that talks – held in Geneva – ended. "
        "They will meet on Monday.";
    std::vector<parley::Sentence> sents = {{0, 58, 0}, {59, uint32_t(text.size()), 0}};
    parley::TimeOptions opts;
    opts.publication = parley::parse_iso_day("1999-07-21");
    const auto r = parley::find_times(text, sents, kb(), opts);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(text.substr(r[0].span.begin, r[0].span.size()), "Monday");
    EXPECT_EQ(span(r[0]), "1999-07-19/1999-07-19");
    EXPECT_EQ(text.substr(r[1].span.begin, r[1].span.size()), "Monday");
    EXPECT_EQ(span(r[1]), "1999-07-26/1999-07-26");
}

TEST(TimeIso, ParseAndFormat) {
    EXPECT_TRUE(parley::parse_iso_day("2000-02-29").has_value());
    EXPECT_FALSE(parley::parse_iso_day("1999-02-29").has_value());
    EXPECT_FALSE(parley::parse_iso_day("1999-02-31").has_value());
    EXPECT_FALSE(parley::parse_iso_day("1999-7-21").has_value());
    EXPECT_FALSE(parley::parse_iso_day("yesterday").has_value());
    EXPECT_EQ(parley::format_iso_day(*parley::parse_iso_day("1999-07-21")), "1999-07-21");
}

TEST(TimeDev, RealArticleSentences) {
    // Sentences from the dev articles, resolved as their gold files do.
    EXPECT_EQ(one("Tomorrow he will be formally welcomed with a state arrival ceremony.",
                  "Tomorrow", "2011-01-18"),
              "2011-01-19/2011-01-19");
    EXPECT_EQ(one("Wednesday's schedule calls for a formal arrival ceremony, a one-on-one meeting "
                  "between Obama and Hu, an expanded meeting between them.",
                  "Wednesday", "2011-01-18"),
              "2011-01-19/2011-01-19");
    EXPECT_EQ(one("Chinese Foreign Minister Wang Yi on Monday held a phone conversation with U.S. "
                  "Secretary of State John Kerry.",
                  "Monday", "2016-05-17"),
              "2016-05-16/2016-05-16");
    EXPECT_EQ(
        one("The DPRK held a nuclear test earlier this month.", "earlier this month", "2017-09-18"),
        "2017-09-01/2017-09-17");
    EXPECT_EQ(one("Then on Wednesday, Macron will address a joint session of Congress.",
                  "Wednesday", "2018-04-24"),
              "2018-04-25/2018-04-25");
    EXPECT_EQ(
        one("He held dinners for India in 2009 and Mexico last year.", "last year", "2011-01-18"),
        "2010-01-01/2010-12-31");
}

}  // namespace
