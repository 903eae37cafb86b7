// Render stage: the SVG timeline, the Graphviz diagram and escaping.
#include "temp_dir.hpp"

#include <parley/error.hpp>
#include <parley/render.hpp>
#include <parley/time.hpp>

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace parley;

namespace {

date::sys_days day(const char* iso) {
    return *parse_iso_day(iso);
}

Participant person(std::string name, std::string country, std::string title,
                   Role role = Role::participant) {
    Participant p;
    p.name = std::move(name);
    p.country = std::move(country);
    p.title = std::move(title);
    p.role = role;
    return p;
}

Event event(EventType type, EventStatus status, const char* first, const char* last,
            std::vector<Participant> who, std::string location = "", std::string sentence = "") {
    Event e;
    e.type = type;
    e.status = status;
    if (first) {
        e.date.first = day(first);
        e.date.last = day(last ? last : first);
        e.date.granularity = Granularity::day;
    }
    e.participants = std::move(who);
    e.location = std::move(location);
    e.evidence.document = "ivanov-arrives-for-talks.txt";
    e.evidence.sentence = std::move(sentence);
    static int next_id = 0;
    e.id = "ev" + std::to_string(++next_id);
    return e;
}

// The seed article's three events, and one with a hostile name.
std::vector<Event> seed_events() {
    const auto blair = person("Tony Blair", "GBR", "Prime Minister");
    const auto ivanov = person("Igor Ivanov", "RUS", "Foreign Minister");
    const auto stepashin = person("Sergei Stepashin", "RUS", "Prime Minister");
    const auto gore = person("Al Gore", "USA", "Vice-President");
    const auto albright = person("Madeleine Albright", "USA", "Secretary of State");
    return {
        event(EventType::meeting, EventStatus::scheduled, "1999-07-21", nullptr, {blair, ivanov},
              "London", "Mr Ivanov will meet Tony Blair in London today, officials said."),
        event(EventType::meeting, EventStatus::scheduled, "1999-07-24", "1999-07-25",
              {stepashin, gore}, "Washington",
              "Sergei Stepashin is due to meet the US Vice-President, Al Gore, at the weekend."),
        event(EventType::phone_call, EventStatus::occurred, "1999-07-20", nullptr,
              {albright, ivanov}, "",
              "After a telephone conversation yesterday between Ivanov & Albright, "
              "\"progress\" was <reported>."),
        event(
            EventType::statement, EventStatus::reported, "1999-07-22", nullptr,
            {person("Eve <script>alert(1)</script> & \"quotes\"", "FRA", "Spokes'person"), ivanov},
            "", "She said <script>x</script> & more."),
    };
}

// Every '&' starts an entity, every tag is closed: a light well-formedness check.
void expect_wellformed_xml(const std::string& s) {
    for (std::size_t i = s.find('&'); i != std::string::npos; i = s.find('&', i + 1)) {
        const auto semi = s.find(';', i);
        ASSERT_NE(semi, std::string::npos) << "bare & at " << i;
        const std::string ent = s.substr(i, semi - i + 1);
        EXPECT_TRUE(ent == "&amp;" || ent == "&lt;" || ent == "&gt;" || ent == "&quot;" ||
                    ent == "&#39;")
            << "unexpected entity " << ent;
    }
    std::vector<std::string> stack;
    for (std::size_t i = s.find('<'); i != std::string::npos; i = s.find('<', i + 1)) {
        const auto close = s.find('>', i);
        ASSERT_NE(close, std::string::npos);
        std::string tag = s.substr(i + 1, close - i - 1);
        if (tag.empty() || tag[0] == '?' || tag[0] == '!') continue;
        ASSERT_EQ(tag.find('<'), std::string::npos) << "raw < inside a tag near " << i;
        const bool self_closing = tag.back() == '/';
        if (tag[0] == '/') {
            ASSERT_FALSE(stack.empty()) << "stray " << tag;
            EXPECT_EQ("/" + stack.back(), tag);
            stack.pop_back();
        } else if (!self_closing) {
            stack.push_back(tag.substr(0, tag.find_first_of(" \t\n")));
        }
    }
    EXPECT_TRUE(stack.empty()) << "unclosed <" << (stack.empty() ? "" : stack.back()) << ">";
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto i = s.find(what); i != std::string::npos; i = s.find(what, i + 1)) ++n;
    return n;
}

// Where to leave the pictures for a human to look at (optional).
void keep(const std::string& name, const std::string& content) {
    if (const char* dir = std::getenv("PARLEY_RENDER_OUT")) {
        std::ofstream(fs::path(dir) / name, std::ios::binary) << content;
    }
}

fs::path temp_dir() {
    static const parley::test::TempDir dir("render");
    return dir.path();
}

std::string slurp(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST(EscapeXml, EscapesMarkupAndStripsControlCharacters) {
    EXPECT_EQ(escape_xml("a<b>&\"c\"'d'"), "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
    EXPECT_EQ(escape_xml("tab\tok\x01\x08\x1f!"), "tab\tok!");
    EXPECT_EQ(escape_xml("Mr\xC3\xA9 \xE2\x80\x94 ok"), "Mr\xC3\xA9 \xE2\x80\x94 ok");
    // A lone continuation byte is not UTF-8: it becomes U+FFFD, never raw.
    EXPECT_EQ(escape_xml("x\x80y"), "x\xEF\xBF\xBDy");
    EXPECT_EQ(escape_xml("\xEF\xBF\xBE"), "");  // U+FFFE is not an XML character
}

TEST(EscapeCsv, QuotesAndDefusesFormulas) {
    EXPECT_EQ(escape_csv("Igor Ivanov"), "Igor Ivanov");
    EXPECT_EQ(escape_csv("London, UK"), "\"London, UK\"");
    EXPECT_EQ(escape_csv("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(escape_csv("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(escape_csv("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    EXPECT_EQ(escape_csv("+1"), "'+1");
    EXPECT_EQ(escape_csv("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(escape_csv("-2"), "'-2");
    EXPECT_EQ(escape_csv(""), "");
}

TEST(Timeline, SeedArticleRendersLanesMarkersAndTooltips) {
    const auto events = seed_events();
    TimelineOptions opts;
    opts.title = "Russia and the West, July 1999";
    const std::string svg = render_timeline_svg(events, opts);
    keep("seed-timeline.svg", svg);
    expect_wellformed_xml(svg);
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_NE(svg.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"),
              std::string::npos);
    // One lane label per actor: six actors, Ivanov once.
    EXPECT_EQ(count(svg, "class=\"lane\""), 6u);
    EXPECT_EQ(count(svg, ">Igor Ivanov</text>"), 1u);
    EXPECT_NE(svg.find(">Madeleine Albright</text>"), std::string::npos);
    // A marker per participant of each event: 2 + 2 + 2 + 2.
    EXPECT_EQ(count(svg, "<g class=\"marker\""), 8u);
    // The evidence, escaped, in the tooltips.
    EXPECT_NE(svg.find("between Ivanov &amp; Albright, &quot;progress&quot; was "
                       "&lt;reported&gt;."),
              std::string::npos);
    EXPECT_NE(svg.find("Location: London"), std::string::npos);
    // Ticks are days here, with the month under the first one.
    EXPECT_NE(svg.find(">21 Jul</text>"), std::string::npos);
    EXPECT_NE(svg.find(">July 1999</text>"), std::string::npos);
    // Labels give the date and type.
    EXPECT_NE(svg.find(">24\xE2\x80\x93"
                       "25 Jul</tspan>"),
              std::string::npos);
    EXPECT_NE(svg.find("phone call"), std::string::npos);
    // A legend naming the statuses used; deterministic output.
    EXPECT_NE(svg.find(">scheduled</text>"), std::string::npos);
    EXPECT_EQ(svg, render_timeline_svg(events, opts));
}

TEST(Timeline, EmptyListSaysNoEvents) {
    const std::string svg = render_timeline_svg({});
    expect_wellformed_xml(svg);
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    EXPECT_NE(svg.find("No events"), std::string::npos);
}

TEST(Timeline, UndatedEventsAreListedNotDropped) {
    auto events = seed_events();
    events.push_back(event(EventType::visit, EventStatus::reported, nullptr, nullptr,
                           {person("Javier Solana", "", "NATO Secretary-General"),
                            person("Igor Ivanov", "RUS", "Foreign Minister")},
                           "Brussels", "Solana is expected to visit Moscow."));
    const std::string svg = render_timeline_svg(events);
    expect_wellformed_xml(svg);
    EXPECT_NE(svg.find("Undated events (1)"), std::string::npos);
    EXPECT_NE(svg.find(">no date</text>"), std::string::npos);
    EXPECT_NE(svg.find("Javier Solana"), std::string::npos);
    EXPECT_EQ(count(svg, "<g class=\"marker\""), 10u);
}

TEST(Timeline, TicksAdaptToTheSpan) {
    const auto ivanov = person("Igor Ivanov", "RUS", "");
    const auto blair = person("Tony Blair", "GBR", "");
    auto meetings = [&](std::vector<const char*> dates) {
        std::vector<Event> out;
        for (const char* d : dates)
            out.push_back(
                event(EventType::meeting, EventStatus::occurred, d, nullptr, {ivanov, blair}));
        return out;
    };
    // Six months: every other Monday, the month under its first tick.
    const std::string weeks = render_timeline_svg(
        meetings({"2007-11-27", "2008-01-15", "2008-03-01", "2008-04-20", "2008-05-14"}));
    EXPECT_NE(weeks.find(">January 2008</text>"), std::string::npos);
    EXPECT_EQ(weeks.find("class=\"tick\">Jan</text>"), std::string::npos);
    // Sixteen months: month ticks with the year under January.
    const std::string months = render_timeline_svg(meetings(
        {"2007-11-27", "2008-01-15", "2008-03-01", "2008-04-20", "2008-06-10", "2008-07-30",
         "2008-09-15", "2008-11-01", "2008-12-20", "2009-02-01", "2009-03-14"}));
    EXPECT_EQ(months.find("axis-break"), std::string::npos);
    EXPECT_NE(months.find("class=\"tick\">Jan</text>"), std::string::npos);
    EXPECT_NE(months.find(">2008</text>"), std::string::npos);
    // Twenty years with events all along: year ticks, and no break.
    std::vector<Event> decades;
    for (int y = 1990; y <= 2010; y += 2)
        decades.push_back(event(EventType::agreement, EventStatus::occurred,
                                (std::to_string(y) + "-06-01").c_str(), nullptr, {ivanov, blair}));
    const std::string years = render_timeline_svg(decades);
    EXPECT_EQ(years.find("axis-break"), std::string::npos);
    EXPECT_NE(years.find("class=\"tick\">2000</text>"), std::string::npos);
    EXPECT_EQ(years.find("class=\"tick\">Jan</text>"), std::string::npos);
    expect_wellformed_xml(years);
}

std::vector<Event> annapolis();

// Two clusters nine years apart: the axis is cut, each side with its own day/week ticks.
TEST(Timeline, FarApartClustersGetAnAxisBreak) {
    const auto ivanov = person("Igor Ivanov", "RUS", "Foreign Minister");
    const auto blair = person("Tony Blair", "GBR", "Prime Minister");
    const auto bush = person("George W. Bush", "USA", "President");
    const auto abbas = person("Mahmoud Abbas", "PSE", "President");
    const std::vector<Event> events = {
        event(EventType::meeting, EventStatus::scheduled, "1999-07-21", nullptr, {blair, ivanov}),
        event(EventType::phone_call, EventStatus::occurred, "1999-07-20", nullptr, {ivanov}),
        event(EventType::visit, EventStatus::occurred, "2008-01-09", "2008-01-11", {bush, abbas}),
        event(EventType::meeting, EventStatus::occurred, "2008-01-10", nullptr, {bush, abbas}),
        event(EventType::meeting, EventStatus::occurred, "2008-02-19", nullptr, {bush, abbas}),
        event(EventType::statement, EventStatus::reported, "2008-03-04", nullptr, {abbas}),
    };
    TimelineOptions opts;
    opts.title = "Two eras";
    const std::string svg = render_timeline_svg(events, opts);
    keep("break-timeline.svg", svg);
    expect_wellformed_xml(svg);
    // One break marker: band, two slashes, and the skipped interval (Jul 1999 - Jan 2008).
    EXPECT_EQ(count(svg, "class=\"axis-break\""), 1u);
    EXPECT_NE(svg.find("class=\"break-label\">8 years</text>"), std::string::npos);
    EXPECT_NE(svg.find("nothing between 21 Jul 1999 \xE2\x80\x93 9 Jan 2008"), std::string::npos);
    // Both segments have their own fine ticks: days in July 1999, weeks or days in 2008.
    EXPECT_NE(svg.find(">July 1999</text>"), std::string::npos);
    EXPECT_NE(svg.find(">January 2008</text>"), std::string::npos);
    EXPECT_NE(svg.find("class=\"tick\">19 Jul</text>"), std::string::npos);
    EXPECT_NE(svg.find("class=\"tick\">18 Feb</text>"), std::string::npos);
    // No year ticks: the years in between are cut, not drawn.
    EXPECT_EQ(svg.find("class=\"tick\">2003</text>"), std::string::npos);
    // Every participant still has its marker; every event its label; the multi-day one a bar.
    EXPECT_EQ(count(svg, "<g class=\"marker\""), 10u);
    EXPECT_EQ(count(svg, "class=\"event-label\""), events.size());
    EXPECT_NE(svg.find("fill-opacity=\"0.22\""), std::string::npos);
    EXPECT_EQ(svg, render_timeline_svg(events, opts));

    // The break sits between the two clusters' markers.
    auto marker_x = [&](const std::string& id) {  // meetings: circles
        const auto at = svg.find("<circle cx=\"", svg.find("data-event=\"" + id + "\""));
        return std::stod(svg.substr(at + 12, 12));
    };
    const auto band = svg.find("<rect x=\"", svg.find("class=\"axis-break\""));
    const double band_x = std::stod(svg.substr(band + 9, 12));
    EXPECT_LT(marker_x(events[0].id), band_x);
    EXPECT_GT(marker_x(events[3].id), band_x);
}

TEST(Timeline, LongLaneNamesStayInTheGutter) {
    const std::string name = "Sheikh Mohammed bin Abdulrahman Al Thani";  // 40 characters
    ASSERT_EQ(name.size(), 40u);
    const std::string wide = "WWWWWWWWWWMMMMMMMMMMWWWWWWWWWWMMMMMMMMMM";
    const std::vector<Event> events = {
        event(EventType::meeting, EventStatus::occurred, "2008-03-02", nullptr,
              {person(name, "QAT", "Prime Minister and Minister of Foreign Affairs"),
               person("Condoleezza Rice", "USA", "Secretary of State")}),
        event(EventType::phone_call, EventStatus::occurred, "2008-03-05", nullptr,
              {person(wide, "", ""), person("Condoleezza Rice", "USA", "")}),
    };
    const std::string svg = render_timeline_svg(events);
    keep("long-names-timeline.svg", svg);
    expect_wellformed_xml(svg);
    // The full name stays in the lane's tooltip; the drawn one is cut short, with an ellipsis.
    EXPECT_NE(svg.find("<title>" + name + " (QAT"), std::string::npos);
    EXPECT_EQ(svg.find("</title>" + name + "</text>"), std::string::npos);
    EXPECT_NE(svg.find("\xE2\x80\xA6</text>"), std::string::npos);
    // The widest letters: even at a full em each, the drawn name ends before the first tick.
    const auto lane = svg.find("class=\"lane\"><title>" + wide);
    ASSERT_NE(lane, std::string::npos);
    const auto drawn = svg.substr(svg.find("</title>", lane) + 8);
    const std::size_t shown = drawn.find("</text>");
    const auto tick = svg.find("class=\"tick\"");
    const auto tx = svg.rfind("<text x=\"", tick);
    const double first_tick_x = std::stod(svg.substr(tx + 9, 12));
    EXPECT_LT(24 + 12.5 * 1.1 * static_cast<double>(shown - 3), first_tick_x - 8)
        << drawn.substr(0, shown);
}

TEST(Timeline, EventsWithinAMonthOrAlongTheYearHaveNoBreak) {
    const auto ivanov = person("Igor Ivanov", "RUS", "");
    const auto blair = person("Tony Blair", "GBR", "");
    const std::string month = render_timeline_svg(
        {event(EventType::meeting, EventStatus::occurred, "2008-03-02", nullptr, {ivanov, blair}),
         event(EventType::meeting, EventStatus::occurred, "2008-03-04", nullptr, {ivanov, blair}),
         event(EventType::meeting, EventStatus::occurred, "2008-03-29", nullptr, {ivanov, blair})});
    EXPECT_EQ(month.find("axis-break"), std::string::npos);
    EXPECT_EQ(month.find("break-label"), std::string::npos);
    // A 40-day gap is not worth a cut, however short the clusters.
    const std::string close = render_timeline_svg(
        {event(EventType::meeting, EventStatus::occurred, "2008-03-02", nullptr, {ivanov, blair}),
         event(EventType::meeting, EventStatus::occurred, "2008-04-11", nullptr, {ivanov, blair})});
    EXPECT_EQ(close.find("axis-break"), std::string::npos);
    // Single events scattered along a year, ten weeks apart: no gap stands out.
    std::vector<Event> scattered;
    for (const char* d : {"2008-01-05", "2008-03-16", "2008-05-25", "2008-08-03", "2008-10-12"})
        scattered.push_back(
            event(EventType::meeting, EventStatus::occurred, d, nullptr, {ivanov, blair}));
    EXPECT_EQ(render_timeline_svg(scattered).find("axis-break"), std::string::npos);
    // The test Annapolis process: busy all along, one segment.
    EXPECT_EQ(render_timeline_svg(annapolis()).find("axis-break"), std::string::npos);
}

// A bigger case: the Annapolis process, 2007-08, to exercise label stacking.
std::vector<Event> annapolis() {
    const auto bush = person("George W. Bush", "USA", "President");
    const auto rice = person("Condoleezza Rice", "USA", "Secretary of State");
    const auto olmert = person("Ehud Olmert", "ISR", "Prime Minister");
    const auto livni = person("Tzipi Livni", "ISR", "Foreign Minister");
    const auto peres = person("Shimon Peres", "ISR", "President");
    const auto abbas = person("Mahmoud Abbas", "PSE", "President");
    const auto qurei = person("Ahmed Qurei", "PSE", "Chief negotiator");
    const auto mubarak = person("Hosni Mubarak", "EGY", "President");
    const auto abdullah = person("King Abdullah II", "JOR", "King");
    const auto blair = person("Tony Blair", "GBR", "Quartet envoy");
    using T = EventType;
    using S = EventStatus;
    return {
        event(T::meeting, S::occurred, "2007-11-26", nullptr, {bush, olmert}, "Washington"),
        event(T::meeting, S::occurred, "2007-11-26", nullptr, {bush, abbas}, "Washington"),
        event(T::negotiation, S::occurred, "2007-11-27", nullptr, {bush, olmert, abbas, rice},
              "Annapolis"),
        event(T::agreement, S::occurred, "2007-11-27", nullptr, {olmert, abbas, bush}, "Annapolis"),
        event(T::meeting, S::occurred, "2007-11-28", nullptr, {bush, olmert, abbas}, "Washington"),
        event(T::negotiation, S::occurred, "2007-12-12", nullptr, {livni, qurei}, "Jerusalem"),
        event(T::phone_call, S::occurred, "2007-12-17", nullptr, {rice, abbas}),
        event(T::visit, S::occurred, "2008-01-09", "2008-01-11", {bush, olmert}, "Jerusalem"),
        event(T::meeting, S::occurred, "2008-01-10", nullptr, {bush, abbas}, "Ramallah"),
        event(T::meeting, S::occurred, "2008-01-16", nullptr, {bush, mubarak}, "Sharm el-Sheikh"),
        event(T::statement, S::reported, "2008-01-21", nullptr, {abbas}),
        event(T::meeting, S::occurred, "2008-02-19", nullptr, {olmert, abbas}, "Jerusalem"),
        event(T::visit, S::occurred, "2008-03-04", "2008-03-05", {rice, mubarak}, "Cairo"),
        event(T::meeting, S::occurred, "2008-03-04", nullptr, {rice, abbas}, "Ramallah"),
        event(T::meeting, S::occurred, "2008-03-05", nullptr, {rice, olmert}, "Jerusalem"),
        event(T::appeal, S::occurred, "2008-03-06", nullptr, {blair, olmert}),
        event(T::meeting, S::occurred, "2008-03-30", "2008-03-31", {rice, livni, qurei},
              "Jerusalem"),
        event(T::phone_call, S::reported, "2008-04-07", nullptr, {abdullah, abbas}),
        event(T::meeting, S::occurred, "2008-04-07", nullptr, {olmert, abbas}, "Jerusalem"),
        event(T::visit, S::occurred, "2008-04-24", nullptr, {abbas, bush}, "Washington"),
        event(T::mediation, S::denied, "2008-05-01", nullptr, {blair, abbas, olmert}),
        event(T::visit, S::occurred, "2008-05-14", "2008-05-16", {bush, olmert, peres},
              "Jerusalem"),
        event(T::meeting, S::occurred, "2008-05-17", nullptr, {bush, abbas, mubarak},
              "Sharm el-Sheikh"),
        event(T::meeting, S::scheduled, "2008-05-18", nullptr, {bush, abdullah}, "Sharm el-Sheikh"),
        event(T::meeting, S::cancelled, "2008-06-02", nullptr, {olmert, abbas}),
        event(T::other, S::occurred, nullptr, nullptr, {peres, mubarak}),
    };
}

TEST(Timeline, BiggerCaseIsWellFormedWithAMarkerPerParticipant) {
    const auto events = annapolis();
    TimelineOptions opts;
    opts.title =
        "The Annapolis process, 2007\xE2\x80\x93"
        "08";
    const std::string svg = render_timeline_svg(events, opts);
    keep("annapolis-timeline.svg", svg);
    expect_wellformed_xml(svg);
    std::size_t markers = 0;
    std::set<std::string> actors;
    for (const auto& e : events) {
        markers += e.participants.size();
        for (const auto& p : e.participants) actors.insert(p.name);
    }
    EXPECT_EQ(count(svg, "<g class=\"marker\""), markers);
    EXPECT_EQ(count(svg, "class=\"lane\""), actors.size());
    EXPECT_EQ(count(svg, "class=\"event-label\""), events.size() - 1);
    EXPECT_NE(svg.find("class=\"tick\">Jan</text>"), std::string::npos);
}

TEST(Relations, DotHasNodesWeightedEdgesAndEscapedQuotes) {
    auto events = seed_events();
    // Blair and Ivanov meet a second time: their edge weighs 2.
    events.push_back(event(EventType::meeting, EventStatus::occurred, "1999-07-22", nullptr,
                           {person("Tony Blair", "GBR", ""), person("Igor Ivanov", "RUS", "")}));
    const std::string dot = relations_dot(events);
    keep("seed-relations.dot", dot);
    EXPECT_NE(dot.find("graph relations"), std::string::npos);
    EXPECT_NE(dot.find("\"Tony Blair\""), std::string::npos);
    EXPECT_NE(dot.find("\"Igor Ivanov\""), std::string::npos);
    EXPECT_NE(dot.find("\"Madeleine Albright\""), std::string::npos);
    // The hostile name is quoted with its quotes escaped, and HTML-escaped in its label.
    EXPECT_NE(dot.find("\"Eve <script>alert(1)</script> & \\\"quotes\\\"\""), std::string::npos);
    EXPECT_NE(dot.find("<B>Eve &lt;script&gt;"), std::string::npos);
    // The Blair-Ivanov edge: two events, weight 2, both dates in its label.
    // The busier actor comes first, so that dot makes it a root.
    const auto edge = dot.find("\"Igor Ivanov\" -- \"Tony Blair\"");
    ASSERT_NE(edge, std::string::npos);
    const std::string attrs = dot.substr(edge, dot.find(';', edge) - edge);
    EXPECT_NE(attrs.find("weight=2"), std::string::npos) << attrs;
    EXPECT_NE(attrs.find("2 events, 21\xE2\x80\x93"
                         "22 Jul 1999"),
              std::string::npos)
        << attrs;
    // One event: the date itself.
    EXPECT_NE(dot.find("20 Jul 1999\\nphone call"), std::string::npos);
    // Countries group the actors with the dot engine.
    EXPECT_NE(dot.find("cluster_RUS"), std::string::npos);
}

TEST(Relations, RendersSvgPngAndDotFiles) {
    const auto dir = temp_dir();
    const auto events = seed_events();
    render_relations(events, dir / "r.svg");
    render_relations(events, dir / "r.png");
    render_relations(events, dir / "r.dot");
    const std::string svg = slurp(dir / "r.svg");
    const std::string png = slurp(dir / "r.png");
    ASSERT_GT(svg.size(), 500u);
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    EXPECT_NE(svg.find("Igor Ivanov"), std::string::npos);
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    ASSERT_GT(png.size(), 8u);
    EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    EXPECT_NE(slurp(dir / "r.dot").find("graph relations"), std::string::npos);

    GraphOptions neato;
    neato.engine = "neato";
    const auto big = annapolis();
    render_relations(big, dir / "a.svg", neato);
    EXPECT_NE(slurp(dir / "a.svg").find("Mahmoud Abbas"), std::string::npos);
    keep("seed-relations.svg", svg);
    keep("annapolis-relations.svg", slurp(dir / "a.svg"));
    render_relations(big, dir / "a-dot.svg");
    keep("annapolis-relations-dot.svg", slurp(dir / "a-dot.svg"));
    fs::remove_all(dir);
}

TEST(Relations, BadEngineOrExtensionThrows) {
    const auto dir = temp_dir();
    GraphOptions bad;
    bad.engine = "nosuchengine";
    try {
        render_relations(seed_events(), dir / "x.svg", bad);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("'nosuchengine' not available"), std::string::npos)
            << e.what();
    }
    try {
        render_relations(seed_events(), dir / "x.pdfx");
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("x.pdfx"), std::string::npos) << e.what();
    }
    fs::remove_all(dir);
}
