// The actor and event stages on sentences of our own: names, word order, tense and date
// words vary, so the rules are tested as rules, not as the seed article's words.
#include <parley/error.hpp>
#include <parley/event.hpp>
#include <parley/extract.hpp>
#include <parley/ingest.hpp>
#include <parley/knowledge.hpp>

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using namespace parley;

const Knowledge& kb() {
    static Knowledge k(PARLEY_DATA_DIR);
    return k;
}

Extraction run(const std::string& text, const std::string& day = "2003-05-14") {
    IngestOptions opts;
    opts.date_override = parse_iso_day(day);
    return extract(parse_document(text, "test.txt", kb(), opts), kb());
}

const Participant* who(const Event& e, const std::string& name) {
    for (const auto& p : e.participants)
        if (p.name == name) return &p;
    return nullptr;
}

const Event* find(const Extraction& x, EventType type, const std::string& a,
                  const std::string& b = "") {
    for (const auto& e : x.events)
        if (e.type == type && who(e, a) && (b.empty() || who(e, b))) return &e;
    return nullptr;
}

std::string day(const std::optional<date::sys_days>& d) {
    return d ? format_iso_day(*d) : "null";
}

const Actor* actor(const Extraction& x, const std::string& name) {
    for (const auto& a : x.actors.actors)
        if (a.name == name) return &a;
    return nullptr;
}

TEST(Actors, TitleBeforeAndAfterAndLaterMentions) {
    auto x =
        run("French Foreign Minister Dominique de Villepin arrived in Cairo on Monday.\n\n"
            "Hosni Mubarak, the Egyptian President, said he welcomed the visit.\n\n"
            "Mr de Villepin later spoke to reporters.");
    const Actor* v = actor(x, "Dominique de Villepin");
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(v->country, "FRA");
    ASSERT_FALSE(v->titles.empty());
    EXPECT_EQ(v->titles.front(), "Foreign Minister");
    EXPECT_GE(v->mentions, 2u);  // "Mr de Villepin" is the same person
    const Actor* m = actor(x, "Hosni Mubarak");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->country, "EGY");
    ASSERT_FALSE(m->titles.empty());
    EXPECT_EQ(m->titles.front(), "President");
    // Places are not people.
    EXPECT_EQ(actor(x, "Cairo"), nullptr);
}

TEST(Actors, PossessiveCountryTitleAndAppositive) {
    auto x =
        run("Berlin's Defence Minister, Peter Struck, met Donald Rumsfeld, the US Defense "
            "Secretary, in Brussels.");
    const Actor* s = actor(x, "Peter Struck");
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->country, "DEU");
    const Actor* r = actor(x, "Donald Rumsfeld");
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->country, "USA");
}

TEST(Events, ActiveMeetingWithPlaceAndPastWeekday) {
    auto x =
        run("Israeli Prime Minister Ariel Sharon met Palestinian leader Mahmoud Abbas in Jerusalem "
            "on Saturday.");
    const Event* e = find(x, EventType::meeting, "Ariel Sharon", "Mahmoud Abbas");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->status, EventStatus::occurred);
    EXPECT_EQ(day(e->date.first), "2003-05-10");  // the Saturday before Wed 14 May 2003
    EXPECT_EQ(e->location, "Jerusalem");
    EXPECT_EQ(e->cameo, "040");
}

TEST(Events, FutureMeetingIsScheduledAndTakesTheNextWeekday) {
    auto y = run(
        "Israeli Prime Minister Ariel Sharon spoke to his cabinet.\n\n"
        "Sharon will meet Palestinian Prime Minister Mahmoud Abbas on Saturday, officials said.");
    const Event* e = find(y, EventType::meeting, "Ariel Sharon", "Mahmoud Abbas");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->status, EventStatus::scheduled);
    EXPECT_EQ(e->cameo, "036");
    EXPECT_EQ(day(e->date.first), "2003-05-17");
}

TEST(Events, NominalBetweenAndPassiveAndCoordination) {
    auto x =
        run("A meeting between German Chancellor Gerhard Schroeder and Russian President Vladimir "
            "Putin "
            "took place in Berlin yesterday.\n\n"
            "On Monday, Jacques Chirac was received by Tony Blair at Downing Street.\n\n"
            "Kofi Annan and Colin Powell met in New York last week.");
    const Event* a = find(x, EventType::meeting, "Gerhard Schroeder", "Vladimir Putin");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(day(a->date.first), "2003-05-13");
    EXPECT_EQ(a->location, "Berlin");
    const Event* b = find(x, EventType::meeting, "Jacques Chirac", "Tony Blair");
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(day(b->date.first), "2003-05-12");
    const Event* c = find(x, EventType::meeting, "Kofi Annan", "Colin Powell");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(day(c->date.first), "2003-05-05");
    EXPECT_EQ(day(c->date.last), "2003-05-11");
}

TEST(Events, PhoneCallsVisitsAndSurnames) {
    auto x =
        run("Chinese Foreign Minister Tang Jiaxuan held a telephone conversation with Secretary of "
            "State "
            "Colin Powell on Tuesday.\n\n"
            "Mr Tang is due to visit Tokyo next week.\n\n"
            "Spanish Prime Minister Jose Maria Aznar phoned Powell yesterday.");
    const Event* call = find(x, EventType::phone_call, "Tang Jiaxuan", "Colin Powell");
    ASSERT_NE(call, nullptr);
    EXPECT_EQ(day(call->date.first), "2003-05-13");
    const Event* visit = find(x, EventType::visit, "Tang Jiaxuan", "Japan");
    ASSERT_NE(visit, nullptr);
    EXPECT_EQ(visit->status, EventStatus::scheduled);
    EXPECT_EQ(visit->location, "Tokyo");
    EXPECT_EQ(day(visit->date.first), "2003-05-19");
    EXPECT_EQ(day(visit->date.last), "2003-05-25");
    const Event* call2 = find(x, EventType::phone_call, "Jose Maria Aznar", "Colin Powell");
    ASSERT_NE(call2, nullptr);
    EXPECT_EQ(day(call2->date.first), "2003-05-13");
}

TEST(Events, HypotheticalsAreNotEventsAndCancellationsAreKept) {
    auto x = run(
        "Egyptian President Hosni Mubarak might meet Israeli Prime Minister Ariel Sharon in Sharm "
        "el-Sheikh.\n\n"
        "The opposition called for a meeting between Mubarak and Sharon.\n\n"
        "A summit between Mubarak and Sharon was called off on Sunday.");
    for (const auto& e : x.events)
        EXPECT_NE(e.status, EventStatus::occurred) << e.evidence.sentence;
    const Event* c = find(x, EventType::meeting, "Hosni Mubarak", "Ariel Sharon");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->status, EventStatus::cancelled);
}

TEST(Events, OneEventManyMentions) {
    auto x =
        run("Russian Foreign Minister Igor Ivanov met Colin Powell in Moscow on Tuesday.\n\n"
            "The meeting lasted two hours, and Ivanov said the talks with Powell had been useful.");
    int n = 0;
    for (const auto& e : x.events) n += e.type == EventType::meeting;
    EXPECT_EQ(n, 1);
}

TEST(Events, BoilerplateYieldsNothing) {
    auto x =
        run("Join our commenting forum\n\nRussian Foreign Minister Igor Ivanov met Colin Powell on "
            "Tuesday.\n\nThank you for registering\n\nYour support helps us to tell the story\n\n"
            "Advertisement\n\nShare");
    ASSERT_EQ(x.events.size(), 1u);
    EXPECT_EQ(x.events[0].evidence.sentence,
              "Russian Foreign Minister Igor Ivanov met Colin Powell on Tuesday.");
    EXPECT_THROW(run("Join our commenting forum\n\nThank you for registering"), InputError);
}

TEST(Events, CallsByTheirMediumAndVenuesAfterThe) {
    auto x =
        run("Israeli Prime Minister Benjamin Netanyahu spoke with US President Donald Trump by "
            "phone on "
            "Sunday.\n\nRussian President Vladimir Putin and Turkish President Recep Tayyip "
            "Erdogan discussed "
            "Syria in a phone call on Monday.\n\nNetanyahu and Trump met at the White House in "
            "February."
            "\n\nTrump spoke to reporters on Monday.",
            "2017-06-14");
    const Event* a = find(x, EventType::phone_call, "Benjamin Netanyahu", "Donald Trump");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(day(a->date.first), "2017-06-11");
    const Event* b = find(x, EventType::phone_call, "Vladimir Putin", "Recep Tayyip Erdogan");
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(day(b->date.first), "2017-06-12");
    const Event* c = find(x, EventType::meeting, "Benjamin Netanyahu", "Donald Trump");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->location, "White House");
    EXPECT_EQ(who(*c, "United States"), nullptr);  // the venue is not a participant
    EXPECT_EQ(day(c->date.first), "2017-02-01");
    EXPECT_EQ(day(c->date.last), "2017-02-28");
    EXPECT_EQ(x.events.size(), 3u);  // speaking to reporters is no call
}

TEST(Events, HeadlinesCountAndMergeWithTheBody) {
    IngestOptions opts;
    opts.date_override = parse_iso_day("2006-10-02");
    auto doc = parse_document(
        "Putin Holds Telephone Conversation With Bush\n\nThe two presidents discussed Iran.\n",
        "t.txt", kb(), opts);
    auto x = extract(std::move(doc), kb());
    const Event* e = find(x, EventType::phone_call, "Putin", "Bush");
    if (!e) e = find(x, EventType::phone_call, "Vladimir Putin", "George W. Bush");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(day(e->date.first), "2006-10-02");  // a headline speaks of its own day
    EXPECT_EQ(x.document.title_span.begin, 0u);
}

TEST(Actors, TheOfficeHolderOfTheDay) {
    auto x =
        run("The British Prime Minister will meet the Russian Foreign Minister in London today.",
            "1999-07-21");
    const Event* e = find(x, EventType::meeting, "Tony Blair", "Igor Ivanov");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(who(*e, "Tony Blair")->title, "Prime Minister");
    EXPECT_EQ(e->status, EventStatus::scheduled);
    // Seven years later the same words name other people.
    auto y =
        run("The British Prime Minister will meet the Russian Foreign Minister in London today.",
            "2006-07-21");
    EXPECT_EQ(find(y, EventType::meeting, "Tony Blair", "Igor Ivanov"), nullptr);
    EXPECT_NE(find(y, EventType::meeting, "Tony Blair", "Sergei Lavrov"), nullptr);
}

TEST(Events, VisitsAbroadOnlyAndToTheCountryOfTheCity) {
    auto x =
        run("Secretary of State John Kerry flew to Geneva on Monday.\n\n"
            "President Barack Obama arrived in Chicago on Tuesday.",
            "2015-06-10");
    const Event* v = find(x, EventType::visit, "John Kerry", "Switzerland");
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(v->location, "Geneva");
    EXPECT_EQ(day(v->date.first), "2015-06-08");
    EXPECT_EQ(find(x, EventType::visit, "Barack Obama"), nullptr);  // travel at home
}

TEST(Events, DeparturesAndArrivalsAreVisits) {
    auto x =
        run("Iranian Foreign Minister Mohammad Javad Zarif left for Moscow on Sunday for talks "
            "with Russian "
            "Foreign Minister Sergei Lavrov.\n\nChinese Premier Li Keqiang is due in Berlin on "
            "Thursday."
            "\n\nIndian Prime Minister Narendra Modi paid a visit to Kabul last month.",
            "2016-01-06");
    const Event* a = find(x, EventType::visit, "Mohammad Javad Zarif", "Russia");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->location, "Moscow");
    EXPECT_NE(find(x, EventType::meeting, "Mohammad Javad Zarif", "Sergei Lavrov"), nullptr);
    const Event* b = find(x, EventType::visit, "Li Keqiang", "Germany");
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->status, EventStatus::scheduled);
    EXPECT_EQ(day(b->date.first), "2016-01-07");
    const Event* c = find(x, EventType::visit, "Narendra Modi", "Afghanistan");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(day(c->date.first), "2015-12-01");
    EXPECT_EQ(day(c->date.last), "2015-12-31");
}

TEST(Events, OnePersonOneNameAcrossArticles) {
    auto a = run(
        "Palestinian President Mahmoud Abbas met Israeli Prime Minister Ehud Olmert on Monday.");
    auto b = run("The talks were tense.\n\nPresident Abbas met Olmert on Tuesday, aides said.",
                 "2003-05-21");
    std::vector<Event> all = a.events;
    for (const auto& e : b.events) all.push_back(e);
    ASSERT_GE(all.size(), 2u);
    unify_participant_names(all);
    for (const auto& e : all) {
        EXPECT_NE(who(e, "Mahmoud Abbas"), nullptr) << e.evidence.sentence;
        EXPECT_EQ(who(e, "Abbas"), nullptr);
    }
}

}  // namespace

namespace {

std::size_t count_type(const Extraction& x, EventType t) {
    return static_cast<std::size_t>(std::count_if(x.events.begin(), x.events.end(),
                                                  [&](const Event& e) { return e.type == t; }));
}

}  // namespace

TEST(Events, TitledListOfObjectsIsOneMeeting) {
    // The second person's title follows a comma; both are met in one encounter.
    auto x = run(
        "Australian Foreign Minister Alexander Downer arrived in Suva on Monday.\n\n"
        "Mr Downer met Prime Minister Laisenia Qarase, Foreign Minister Kaliopate Tavola and other "
        "ministers on Tuesday.");
    const Event* e = find(x, EventType::meeting, "Alexander Downer", "Laisenia Qarase");
    ASSERT_NE(e, nullptr);
    EXPECT_NE(who(*e, "Kaliopate Tavola"), nullptr);
    EXPECT_EQ(day(e->date.first), "2003-05-13");
}

TEST(Events, PlannedMeetingIgnoresAPastDateInItsSentence) {
    // "on 5 May" dates the lifting of sanctions, not the meeting still to come.
    auto x =
        run("Foreign Minister Alexander Downer will visit Fiji on 20-22 May. "
            "He will be meeting Prime Minister Laisenia Qarase to discuss relations following the "
            "lifting of sanctions on 5 May.");
    const Event* e = find(x, EventType::meeting, "Alexander Downer", "Laisenia Qarase");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->status, EventStatus::scheduled);
    EXPECT_EQ(day(e->date.first), "2003-05-20");
}

TEST(Events, RepresentativesOfTwoBodiesAreTwoMeetings) {
    auto x = run(
        "Foreign Minister Alexander Downer visited Nauru on Monday and met representatives from "
        "the "
        "International Organization for Migration (IOM) and the United Nations High Commissioner "
        "for Refugees (UNHCR).");
    EXPECT_NE(
        find(x, EventType::meeting, "Alexander Downer", "International Organization for Migration"),
        nullptr);
    EXPECT_NE(find(x, EventType::meeting, "Alexander Downer", "UNHCR"), nullptr);
    EXPECT_EQ(count_type(x, EventType::meeting), 2u);
}

TEST(Events, AddressingASessionOfABodyNamesTheBody) {
    auto x =
        run("President Emmanuel Macron will address a joint session of Congress on Wednesday.");
    const Event* e = find(x, EventType::statement, "Emmanuel Macron", "Congress");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->status, EventStatus::scheduled);
    EXPECT_EQ(day(e->date.first), "2003-05-14");
}

TEST(Events, GatheringOfAnInternationalBodyIsAMeetingOfThatBody) {
    auto x = run(
        "Chinese Foreign Minister Wang Yi said on Monday that Beijing is preparing the upcoming "
        "G20 Summit in Hangzhou.\n\n"
        "A session of the UN Security Council was held on Tuesday.\n\n"
        "Bush and Putin noted the importance of their planned meeting at the APEC summit in "
        "Hanoi.");
    const Event* g = find(x, EventType::meeting, "G20");
    ASSERT_NE(g, nullptr);
    EXPECT_EQ(g->status, EventStatus::scheduled);
    EXPECT_EQ(who(*g, "Wang Yi"), nullptr);  // preparing is not attending
    const Event* sc = find(x, EventType::meeting, "UN Security Council");
    ASSERT_NE(sc, nullptr);
    EXPECT_EQ(day(sc->date.first), "2003-05-13");
    // The summit named as the venue of another meeting is not an event of its own.
    EXPECT_EQ(find(x, EventType::meeting, "APEC"), nullptr);
}

TEST(Events, ArrivalWithoutDestinationIsAtTheDateline) {
    auto x = run(
        "Leaders gather for a summit\n\n"
        "HELSINKI, Finland -- President Bill Clinton arrived on Thursday for a summit with Russian "
        "President Boris Yeltsin.\n\n"
        "Clinton later arrived back at his hotel.");
    const Event* v = find(x, EventType::visit, "Bill Clinton", "Finland");
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(day(v->date.first), "2003-05-08");
    EXPECT_EQ(count_type(x, EventType::visit), 1u);
}

TEST(Events, LeadersOfTwoCountriesMakeTwoVisits) {
    auto x = run("Bill Clinton and Boris Yeltsin arrived in Helsinki on Thursday.");
    EXPECT_NE(find(x, EventType::visit, "Bill Clinton", "Finland"), nullptr);
    EXPECT_NE(find(x, EventType::visit, "Boris Yeltsin", "Finland"), nullptr);
    EXPECT_EQ(count_type(x, EventType::visit), 2u);
}

TEST(Events, TheyIsTheLastCoordination) {
    auto x = run(
        "French President Jacques Chirac and Prime Minister Lionel Jospin waved as they arrived in "
        "Washington on Monday.");
    const Event* v = find(x, EventType::visit, "Jacques Chirac", "United States");
    ASSERT_NE(v, nullptr);
    EXPECT_NE(who(*v, "Lionel Jospin"), nullptr);  // one country, one visit
    EXPECT_EQ(count_type(x, EventType::visit), 1u);
}

TEST(Events, ReportingClauseNamesTheSpeakerAndDatesTheTelling) {
    auto x = run(
        "UN Secretary-General Antonio Guterres plans to hold a meeting with North Korean Foreign "
        "Minister Ri Yong-ho, Stephane Dujarric, the spokesperson for the Secretary-General, told "
        "reporters on Monday.");
    const Event* s = find(x, EventType::statement, "Stephane Dujarric");
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(who(*s, "Antonio Guterres"), nullptr);
    EXPECT_EQ(day(s->date.first), "2003-05-12");
    const Event* m = find(x, EventType::meeting, "Antonio Guterres", "Ri Yong-ho");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->status, EventStatus::scheduled);
    EXPECT_EQ(day(m->date.first), "null");  // Monday is when it was said
}

TEST(Events, HisBeforeAnEventNounIsTheNearestPerson) {
    auto x = run(
        "Ehud Olmert and Mahmoud Abbas met on Tuesday before their separate talks with President "
        "George W. Bush during his visit to Israel this week.");
    EXPECT_NE(find(x, EventType::visit, "George W. Bush", "Israel"), nullptr);
    EXPECT_EQ(find(x, EventType::visit, "Mahmoud Abbas"), nullptr);
}

TEST(Events, ItsGeneralDebateIsTheAssemblysMeeting) {
    auto x =
        run("As the United Nations General Assembly wrapped up the last day of its General Debate "
            "today, Secretary-General Ban Ki-moon met foreign ministers.");
    const Event* e = find(x, EventType::meeting, "UN General Assembly");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(day(e->date.first), "2003-05-14");
}

TEST(Events, APassiveAnnouncementNamesNoSpeaker) {
    auto x =
        run("The new treaty was announced at a summit in Rome on Monday. Improvements to the "
            "budget were "
            "also announced.");
    EXPECT_EQ(count_type(x, EventType::statement), 0u);
}

TEST(Actors, NamedBodiesEndingInAnOrganisationWord) {
    auto x =
        run("Downer met members of the Fiji Labour Party and the Fiji-Australia Business Council. "
            "Officials of the African National Congress and the British Labour Party were there.");
    const Actor* flp = actor(x, "Fiji Labour Party");
    ASSERT_NE(flp, nullptr);
    EXPECT_EQ(flp->kind, ActorKind::organisation);
    EXPECT_EQ(flp->country, "FJI");
    const Actor* council = actor(x, "Fiji-Australia Business Council");
    ASSERT_NE(council, nullptr);
    EXPECT_EQ(council->country, "");  // a joint body of two countries
    const Actor* anc = actor(x, "African National Congress");
    ASSERT_NE(anc, nullptr);
    EXPECT_EQ(anc->kind, ActorKind::organisation);
    EXPECT_EQ(actor(x, "Congress"), nullptr);  // not the US Congress
    const Actor* labour = actor(x, "British Labour Party");
    ASSERT_NE(labour, nullptr);
    EXPECT_EQ(labour->country, "GBR");
}

TEST(Actors, ATitleFollowedByANameIsThatNamesNotAnAppositive) {
    auto x =
        run("Downer met Prime Minister Laisenia Qarase, Foreign Minister Kaliopate Tavola and "
            "others on Monday.");
    const Actor* q = actor(x, "Laisenia Qarase");
    ASSERT_NE(q, nullptr);
    EXPECT_EQ(std::count(q->titles.begin(), q->titles.end(), "Foreign Minister"), 0);
    const Actor* t = actor(x, "Kaliopate Tavola");
    ASSERT_NE(t, nullptr);
    ASSERT_FALSE(t->titles.empty());
    EXPECT_EQ(t->titles.front(), "Foreign Minister");
}

TEST(Actors, ATitleCaseStandfirstIsReadLikeAHeadline) {
    auto x = run(
        "Tough Talks Ahead\n\nBill Clinton And Boris Yeltsin Arrived For A Summit That Promises "
        "To Be Contentious.\n\nHELSINKI, Finland -- President Clinton arrived on Thursday.");
    EXPECT_NE(actor(x, "Boris Yeltsin"), nullptr);
    for (const auto& a : x.actors.actors) EXPECT_EQ(a.name.find("Arrived"), std::string::npos);
}

TEST(Events, AnUndatedHeadlineEventIsOnTheDayTheLeadIsAbout) {
    // Published on Friday; the lead tells of Thursday.
    auto x = run(
        "Leaders Arrive For Summit\n\n"
        "Bill Clinton And Boris Yeltsin Arrived For A Summit That Promises To Be Contentious.\n\n"
        "HELSINKI, Finland -- President Clinton rolled into this frosty capital on Thursday.",
        "2003-05-16");
    const Event* y = find(x, EventType::visit, "Boris Yeltsin", "Finland");
    ASSERT_NE(y, nullptr);
    EXPECT_EQ(day(y->date.first), "2003-05-15");
    const Event* c = find(x, EventType::visit, "Bill Clinton", "Finland");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(day(c->date.first), "2003-05-15");
    EXPECT_EQ(count_type(x, EventType::visit), 2u);
}

TEST(Events, ADatelinesDateDoesNotDateAPlan) {
    auto x = run(
        "UN chief to meet North Korean minister\n\n"
        "On May 16, Secretary-General Antonio Guterres plans to hold a meeting with North Korean "
        "Foreign Minister Ri Yong-ho.\n\n"
        "UNITED NATIONS, May 14. Secretary-General Antonio Guterres plans to hold a meeting with "
        "Foreign Minister Ri Yong-ho, a spokesman told reporters.");
    const Event* m = find(x, EventType::meeting, "Antonio Guterres", "Ri Yong-ho");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(day(m->date.first), "2003-05-16");
    EXPECT_EQ(count_type(x, EventType::meeting), 1u);  // one plan, told twice
}

TEST(Events, StatementsAtNewsConferencesAndInOpeningPhrases) {
    auto a =
        run("Russian Foreign Minister Igor Ivanov said at a news conference on Monday that "
            "Moscow opposed the strikes.");
    const Event* s = find(a, EventType::statement, "Igor Ivanov");
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(day(s->date.first), "2003-05-12");
    auto b =
        run("In a speech to parliament on Tuesday, Prime Minister Tony Blair defended the war.");
    EXPECT_NE(find(b, EventType::statement, "Tony Blair"), nullptr);
    auto c =
        run("French President Jacques Chirac, speaking at a joint press conference with "
            "Vladimir Putin on Tuesday, said the war was illegal.");
    EXPECT_NE(find(c, EventType::statement, "Jacques Chirac", "Vladimir Putin"), nullptr);
}

TEST(Events, ReadoutPhrasings) {
    auto a =
        run("Chinese Foreign Minister Wang Yi exchanged views with US Secretary of State John "
            "Kerry by telephone on Monday.");
    EXPECT_NE(find(a, EventType::phone_call, "Wang Yi", "John Kerry"), nullptr);
    auto b =
        run("Chinese President Xi Jinping hosted a banquet for visiting Russian President "
            "Vladimir Putin on Tuesday.");
    const Event* m = find(b, EventType::meeting, "Xi Jinping", "Vladimir Putin");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(who(*m, "Xi Jinping")->role, Role::host);
    auto c =
        run("Russian Foreign Minister Sergei Lavrov and his Turkish counterpart Mevlut "
            "Cavusoglu discussed Syria by phone on Friday.");
    EXPECT_NE(find(c, EventType::phone_call, "Sergei Lavrov", "Mevlut Cavusoglu"), nullptr);
    auto d =
        run("Japanese Prime Minister Shinzo Abe met Indian Prime Minister Narendra Modi on the "
            "sidelines of the G20 summit on Saturday.");
    EXPECT_NE(find(d, EventType::meeting, "Shinzo Abe", "Narendra Modi"), nullptr);
    EXPECT_EQ(find(d, EventType::meeting, "G20"), nullptr);  // the venue, not an event
}

TEST(Events, PlannedTripsAndTheMeetingsOfBodies) {
    auto a =
        run("US Secretary of State Mike Pompeo is due in Pyongyang on Saturday for talks with "
            "Kim Jong Un.");
    const Event* v = find(a, EventType::visit, "Mike Pompeo", "North Korea");
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(v->status, EventStatus::scheduled);
    EXPECT_EQ(day(v->date.first), "2003-05-17");
    const Event* m = find(a, EventType::meeting, "Mike Pompeo", "Kim Jong Un");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->status, EventStatus::scheduled);
    EXPECT_EQ(day(m->date.first), "2003-05-17");
    auto b =
        run("NATO foreign ministers will meet in Brussels next week. The foreign ministers of "
            "France and Germany held talks in Paris on Monday. Egyptian President Hosni "
            "Mubarak received a phone call from Saudi Crown Prince Abdullah on Sunday.");
    EXPECT_NE(find(b, EventType::meeting, "NATO"), nullptr);
    EXPECT_NE(find(b, EventType::meeting, "France", "Germany"), nullptr);
    EXPECT_NE(find(b, EventType::phone_call, "Hosni Mubarak"), nullptr);
}

TEST(Events, APlannedMeetingCalledOffIsCancelled) {
    auto x =
        run("A planned meeting between Benjamin Netanyahu and Mahmoud Abbas was called off on "
            "Sunday.");
    const Event* e = find(x, EventType::meeting, "Benjamin Netanyahu", "Mahmoud Abbas");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->status, EventStatus::cancelled);
}

TEST(Events, TheDayOfSayingDatesTheSayingNotThePlan) {
    auto x = run("Colin Powell said in a statement on Monday that he would visit Syria.");
    const Event* s = find(x, EventType::statement, "Colin Powell");
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->status, EventStatus::occurred);
    EXPECT_EQ(day(s->date.first), "2003-05-12");  // last Monday: "that he would" is its own clause
    const Event* v = find(x, EventType::visit, "Colin Powell", "Syria");
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(v->status, EventStatus::scheduled);
    EXPECT_EQ(day(v->date.first), "null");
}

TEST(Events, AVisitThatEndsOnADayEndsThere) {
    auto x =
        run("Chinese President Xi Jinping met Vladimir Putin on Monday.\n\nXi's three-day state "
            "visit to Russia ends on Wednesday.",
            "2003-05-14");
    const Event* v = find(x, EventType::visit, "Xi Jinping", "Russia");
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(day(v->date.first), "2003-05-12");
    EXPECT_EQ(day(v->date.last), "2003-05-14");
    EXPECT_EQ(v->status, EventStatus::occurred);
    // An ordinary capitalised sentence near the top is not a Title-Case standfirst.
    EXPECT_NE(actor(x, "Xi Jinping"), nullptr);
}

// A White House transcript (public domain): the headline names only the guest; the speaker's
// label opens the body, in either of the two styles transcripts use.
TEST(Events, TranscriptHeadlinesTakeTheSpeakerAsSubject) {
    for (const std::string label :
         {"President Bush. Mr. President,", "PRESIDENT BUSH: Mr. President,"}) {
        IngestOptions opts;
        opts.date_override = parse_iso_day("2008-09-25");
        auto x = extract(
            parse_document("Remarks Prior to a Meeting With President Mahmoud Abbas of the "
                           "Palestinian Authority\n\n" +
                               label +
                               " welcome back. You and I have met a lot since I have been the "
                               "President.\n",
                           "t.txt", kb(), opts),
            kb());
        const Event* m = find(x, EventType::meeting, "George W. Bush", "Mahmoud Abbas");
        ASSERT_NE(m, nullptr) << label;
        EXPECT_EQ(day(m->date.first), "2008-09-25");
        // The guest is met, not the speaker of the remarks.
        for (const auto& e : x.events)
            if (e.type == EventType::statement) {
                EXPECT_EQ(who(e, "Mahmoud Abbas"), nullptr);
            }
    }
    // Without a speaker's label, no one is made the subject.
    auto x =
        run("Remarks Prior to a Meeting With President Mahmoud Abbas\n\nThe talks were "
            "expected to cover security.\n");
    EXPECT_EQ(find(x, EventType::meeting, "George W. Bush"), nullptr);
}

// "his Iranian counterpart" with no name: the holder of the same office (or of its family's,
// data/lexicon/counterpart-titles.txt) in that country on the day; a name after it says who.
TEST(Events, UnnamedCounterpartsAreTheOfficeHoldersOfTheDay) {
    auto x = run("Russian Foreign Minister Igor Ivanov met his German counterpart on Tuesday.",
                 "1999-06-10");
    EXPECT_NE(find(x, EventType::meeting, "Igor Ivanov", "Joschka Fischer"), nullptr);
    x = run("Kerry and his Russian counterpart spoke by phone on Sunday.", "2015-06-10");
    const Event* call = find(x, EventType::phone_call, "John Kerry");
    ASSERT_NE(call, nullptr);
    EXPECT_EQ(call->participants.size(), 2u);
    EXPECT_EQ(call->participants.back().country, "RUS");
    x = run("Erdogan and his Russian counterpart Vladimir Putin will meet in Moscow on Thursday.",
            "2016-08-01");
    EXPECT_NE(find(x, EventType::meeting, "Vladimir Putin"), nullptr);
}

// Companies in the news: business titles ("CEO") and company names ending in a corporate word
// are not parts of a person's name, and "General" before one is no military rank.
TEST(Actors, CompanyTitlesAndNames) {
    auto x =
        run("Apple CEO Steve Jobs announced on Monday that General Motors Corporation and "
            "Singapore Airlines would join.",
            "2010-06-10");
    const Actor* jobs = actor(x, "Steve Jobs");
    ASSERT_NE(jobs, nullptr);
    EXPECT_EQ(jobs->titles.front(), "Chief Executive");
    const Actor* gm = actor(x, "General Motors Corporation");
    ASSERT_NE(gm, nullptr);
    EXPECT_EQ(gm->kind, ActorKind::organisation);
    const Actor* sia = actor(x, "Singapore Airlines");
    ASSERT_NE(sia, nullptr);
    EXPECT_EQ(sia->kind, ActorKind::organisation);
}

// A lone surname the text never completes is the one office holder of that name in the actor
// dictionaries, whatever the day -- as a clause's subject or with a title.
TEST(Actors, LoneSurnamesOfTheOneOfficeHolderOfThatName) {
    auto x = run("On Sunday, Trump met Netanyahu in New York.", "2016-09-26");
    EXPECT_NE(find(x, EventType::meeting, "Donald Trump", "Benjamin Netanyahu"), nullptr);
    x = run("The delegation met Prime Minister Qarase in Suva on Monday.", "2001-12-12");
    EXPECT_NE(actor(x, "Laisenia Qarase"), nullptr);
    // Not completed after "at": whoever "Andrews" is here, it is no Australian minister.
    x = run("He was met at Andrews air force base on Tuesday.", "2011-01-19");
    EXPECT_EQ(actor(x, "Kevin Andrews"), nullptr);
}

// A title between commas after a name is that name's appositive, even when another name
// follows; with no name before it, the title is the next name's.
TEST(Actors, AppositiveTitlesBelongToTheNameBefore) {
    auto x =
        run("Following a discussion with Ehud Olmert, the Israeli Prime Minister, George "
            "Bush said he would provide pressure.",
            "2008-01-10");
    const Actor* bush = actor(x, "George Bush");
    if (!bush) bush = actor(x, "George W. Bush");
    ASSERT_NE(bush, nullptr);
    for (const auto& t : bush->titles) EXPECT_NE(t, "Prime Minister");
    const Actor* olmert = actor(x, "Ehud Olmert");
    ASSERT_NE(olmert, nullptr);
    EXPECT_EQ(olmert->titles.front(), "Prime Minister");
    x = run("On Monday the US Secretary of State, Madeleine Albright, met Igor Ivanov.",
            "1999-07-21");
    const Actor* albright = actor(x, "Madeleine Albright");
    ASSERT_NE(albright, nullptr);
    EXPECT_EQ(albright->titles.front(), "Secretary of State");
}

// Names that are also words: "May" of Theresa May is no "may" of a hypothetical, and a
// sentence's first word before an event verb is its subject when an office holder bears it.
TEST(Events, NamesThatAreAlsoWordsAndHandshakes) {
    auto x =
        run("Prime Minister Theresa May will host President Trump at Downing Street on "
            "Tuesday.",
            "2019-06-10");
    const Event* m = find(x, EventType::meeting, "Theresa May", "Donald Trump");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->status, EventStatus::scheduled);
    EXPECT_EQ(day(m->date.first), "2019-06-11");
    x = run("Trump met Kim Jong Un on Sunday.", "2019-06-10");
    EXPECT_NE(find(x, EventType::meeting, "Donald Trump", "Kim Jong Un"), nullptr);
    x = run("Donald Trump and Kim Jong Un shook hands at the border on Sunday.", "2019-07-01");
    EXPECT_NE(find(x, EventType::meeting, "Donald Trump", "Kim Jong Un"), nullptr);
    // Still hypothetical: a lower-case "may".
    x = run("Donald Trump may meet Kim Jong Un next month.", "2019-06-10");
    EXPECT_EQ(find(x, EventType::meeting, "Donald Trump"), nullptr);
}

// Reporting clauses: ", the White House said in a statement" is the White House's statement,
// undated by the plan it reports, and its speaker is nobody's partner in talks; a fronted time
// of the saying does not date what was said.
TEST(Events, TrailingAndFrontedReportingClauses) {
    auto x = run("Joe Biden will visit Japan next month, the White House said in a statement.",
                 "2021-03-18");
    const Event* st = find(x, EventType::statement, "United States");
    ASSERT_NE(st, nullptr);
    EXPECT_EQ(st->status, EventStatus::occurred);
    EXPECT_FALSE(st->date.first.has_value());
    EXPECT_EQ(find(x, EventType::statement, "Joe Biden"), nullptr);
    EXPECT_NE(find(x, EventType::visit, "Joe Biden", "Japan"), nullptr);
    x = run("On Monday, Sergey Lavrov told reporters that he would visit Iran.", "2021-03-18");
    const Event* v = find(x, EventType::visit, "Sergey Lavrov", "Iran");
    ASSERT_NE(v, nullptr);
    EXPECT_FALSE(v->date.first.has_value());
    x = run("Sergey Lavrov held talks with Mohammad Javad Zarif, the Kremlin said.", "2019-03-18");
    const Event* m = find(x, EventType::meeting, "Sergey Lavrov");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(who(*m, "Russia"), nullptr);
}

// A lone surname of someone in office that day (office-holders.tsv) is that person, when the
// article speaks of the office holder's country.
TEST(Actors, LoneSurnamesOfOfficeHoldersOfTheDay) {
    auto x = run("Kerry met Zarif in Vienna, where Iran's nuclear talks resumed.", "2015-07-14");
    EXPECT_NE(find(x, EventType::meeting, "John Kerry", "Mohammad Javad Zarif"), nullptr);
    // No Iran in the story: the surname stays as written.
    x = run("Kerry met Zarif in Vienna.", "2015-07-14");
    EXPECT_EQ(actor(x, "Mohammad Javad Zarif"), nullptr);
}

// A title only one country's office holders bear needs no country: "the Pope".
TEST(Actors, TitlesOfOneCountryNeedNone) {
    auto x = run("The Pope received the Cuban president at the Vatican on Sunday.", "2015-09-20");
    const Event* m = find(x, EventType::meeting, "Francis");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->participants.size(), 2u);
}

// "reached a deal with", "X and Y struck a deal": agreements (CAMEO 057).
TEST(Events, DealsReachedAreAgreements) {
    auto x = run("Iran reached a deal with the United States in Vienna on Tuesday.", "2015-07-14");
    EXPECT_NE(find(x, EventType::agreement, "Iran", "United States"), nullptr);
    x = run("Israel and Turkey struck a deal on Monday.", "2016-06-28");
    EXPECT_NE(find(x, EventType::agreement, "Israel", "Turkey"), nullptr);
}

// "X told Y in a telephone call": the one told takes part in the call.
TEST(Events, TheOneToldTakesPart) {
    auto x =
        run("Netanyahu told Obama in a telephone call that the deal was a mistake.", "2015-07-14");
    EXPECT_NE(find(x, EventType::phone_call, "Benjamin Netanyahu", "Barack Obama"), nullptr);
}

// Leaders named family name first are known by it alone (lexicon/family-name-first.txt).
TEST(Actors, FamilyNameFirstLeaders) {
    auto x =
        run("Biden and Xi met for three hours in Bali on Monday, the first talks between the "
            "leaders of the United States and China since 2019.",
            "2022-11-15");
    EXPECT_NE(find(x, EventType::meeting, "Joe Biden", "Xi Jinping"), nullptr);
    x = run("Putin and Kim met on Monday in North Korea.", "2024-06-20");
    EXPECT_NE(find(x, EventType::meeting, "Vladimir Putin", "Kim Jong Un"), nullptr);
    // Opening the sentence, over an adverb or auxiliary.
    x = run("Xi later met French President Emmanuel Macron in Bali, China said.", "2022-11-15");
    EXPECT_NE(find(x, EventType::meeting, "Xi Jinping", "Emmanuel Macron"), nullptr);
    x = run("Trump will meet Kim Jong Un on Sunday.", "2019-06-10");
    EXPECT_NE(find(x, EventType::meeting, "Donald Trump", "Kim Jong Un"), nullptr);
    // An unknown name opening its sentence before an event verb; "Xi" as its object.
    x = run("Lukashenko met Xi in Beijing on March 1, China's state media reported.", "2023-03-05");
    EXPECT_NE(find(x, EventType::meeting, "Lukashenko", "Xi Jinping"), nullptr);
    x = run("We've met many times before.", "2023-03-05");
    EXPECT_EQ(actor(x, "We've"), nullptr);
}

// A name the dictionaries do not know is a person when it is met, called or talked with, or
// stands next to a person; a day is not ("met Thursday with").
TEST(Actors, UnknownNameMetOrBesideAPerson) {
    auto x = run("Vladimir Putin met Zelenskiy in Paris on Monday.", "2019-12-09");
    EXPECT_NE(find(x, EventType::meeting, "Vladimir Putin", "Zelenskiy"), nullptr);
    x = run("Putin and Zelenskiy held their first face-to-face talks in Paris on Monday.",
            "2019-12-09");
    EXPECT_NE(find(x, EventType::meeting, "Vladimir Putin", "Zelenskiy"), nullptr);
    x = run("Putin met Thursday with Zelenskiy.", "2019-12-09");
    EXPECT_NE(find(x, EventType::meeting, "Vladimir Putin", "Zelenskiy"), nullptr);
    EXPECT_EQ(actor(x, "Thursday"), nullptr);
    // A sentence-initial surname that is also a word, over a second name or a passive.
    x = run("Trump and Putin met for more than two hours in Helsinki.", "2018-07-16");
    EXPECT_NE(find(x, EventType::meeting, "Donald Trump", "Vladimir Putin"), nullptr);
    x = run("Trump was welcomed by Xi in Beijing on Thursday.", "2017-11-09");
    EXPECT_NE(find(x, EventType::meeting, "Donald Trump", "Xi Jinping"), nullptr);
    // A place visited stays a place.
    x = run("Biden visited Bakhmut on Monday.", "2023-02-20");
    EXPECT_EQ(actor(x, "Bakhmut"), nullptr);
}

// A summit held by a body named as the subject, or by its members, is that body's gathering;
// a person of the body is no such subject.
TEST(Events, BodyAsSubjectHoldsItsSummit) {
    auto x = run("ASEAN leaders will hold a summit in Jakarta next week.", "2023-05-19");
    const Event* e = find(x, EventType::meeting, "ASEAN");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->status, EventStatus::scheduled);
    x = run("G7 leaders gathered in Hiroshima on Friday for a three-day summit.", "2023-05-19");
    EXPECT_NE(find(x, EventType::meeting, "G7"), nullptr);
    x = run("Iran and the United States reached a historic nuclear deal in Vienna on Tuesday.",
            "2015-07-14");
    EXPECT_NE(find(x, EventType::agreement, "Iran", "United States"), nullptr);
    x = run("More than 200 Republicans want the Supreme Court's next session to start soon.",
            "2020-01-02");
    EXPECT_TRUE(x.events.empty());
}

// Phrasings of news that read as encounters: "spoke with", a clause opened by "after", a
// counterpart named after the word, and a place after "with reporters" that is no participant.
TEST(Events, SpokeWithAfterClauseNamedCounterpart) {
    auto x = run("Blinken spoke with Saudi Foreign Minister Prince Faisal bin Farhan on Tuesday.",
                 "2024-03-05");
    EXPECT_NE(find(x, EventType::meeting, "Antony Blinken", "Faisal bin Farhan"), nullptr);
    x = run("After Viktor Orban met Xi Jinping in Beijing, he flew home.", "2024-03-05");
    EXPECT_NE(find(x, EventType::meeting, "Viktor Orban", "Xi Jinping"), nullptr);
    x = run("Chinese Foreign Minister Wang Yi met his U.S. counterpart Antony Blinken in Munich.",
            "2024-03-05");
    EXPECT_NE(find(x, EventType::meeting, "Wang Yi", "Antony Blinken"), nullptr);
    EXPECT_EQ(find(x, EventType::meeting, "Wang Yi", "United States"), nullptr);
    x = run("Biden met with reporters at the White House.", "2024-03-05");
    EXPECT_TRUE(x.events.empty());
    x = run("Qatar has been mediating between Israel and Hamas since the start of the war.",
            "2024-03-05");
    EXPECT_NE(find(x, EventType::mediation, "Qatar", "Hamas"), nullptr);
}

// "denied that Putin had met": "that" opens a clause with its own subject; a surname held by
// an office holder that day is a person before "is scheduled to"; a meeting that "has not yet
// taken place" is still to come.
TEST(Events, ThatClauseOfficeHolderSurnameNotYetTakenPlace) {
    auto x = run("The Kremlin denied that Putin had met Prigozhin after the mutiny.", "2023-07-10");
    const Event* e = find(x, EventType::meeting, "Vladimir Putin", "Prigozhin");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->status, EventStatus::denied);
    x = run("Macron is scheduled to visit India in January.", "2024-03-05");
    e = find(x, EventType::visit, "Emmanuel Macron", "India");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->status, EventStatus::scheduled);
    x = run("The meeting between Erdogan and Assad has not yet taken place.", "2024-03-05");
    e = find(x, EventType::meeting, "Recep Tayyip Erdogan", "Bashar al Assad");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->status, EventStatus::scheduled);
}

// "a visit by X to Y"; "since 2008" bounds the time and does not date the event; "has not
// visited" is denied; a statement noun in a fronted "Speaking at ..." belongs to the subject.
TEST(Events, VisitByAgentSinceBoundNegationAndFrontedParticiple) {
    auto x = run("The visit by Israeli President Isaac Herzog to Turkey was the first since 2008.",
                 "2022-03-10");
    const Event* e = find(x, EventType::visit, "Isaac Herzog", "Turkey");
    ASSERT_NE(e, nullptr);
    EXPECT_FALSE(e->date.first.has_value());
    x = run("Putin has not visited Ukraine since 2013.", "2022-03-10");
    e = find(x, EventType::visit, "Vladimir Putin", "Ukraine");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->status, EventStatus::denied);
    x = run("Speaking at a joint news conference with Scholz, Macron said Europe must do more.",
            "2024-03-05");
    EXPECT_NE(find(x, EventType::statement, "Emmanuel Macron"), nullptr);
    x = run("Commenting on the statement, President Bush said that it was good.", "2007-11-28");
    EXPECT_EQ(find(x, EventType::statement, "George W. Bush"), nullptr);
}

// A subject set off from its verb by a phrase between commas; a phone call takes no place from
// the dateline; a headline's event takes the place its body names.
TEST(Events, ParentheticalSubjectAndPlaces) {
    auto x = run("Blinken, on his sixth trip to the Middle East since the war began, will travel "
                 "to Cairo on Thursday, the State Department said.",
                 "2024-03-20");
    EXPECT_NE(find(x, EventType::visit, "Antony Blinken", "Egypt"), nullptr);
    x = run("Blinken meets Saudi crown prince\n\n"
            "RIYADH, March 20 (Reuters) - U.S. Secretary of State Antony Blinken met Saudi Crown "
            "Prince Mohammed bin Salman in Jeddah on Wednesday.\n\n"
            "Netanyahu spoke with U.S. President Joe Biden by phone on Monday.",
            "2024-03-20");
    const Event* e = find(x, EventType::meeting, "Antony Blinken", "Mohammed bin Salman");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->location, "Jeddah");
    e = find(x, EventType::phone_call, "Benjamin Netanyahu", "Joe Biden");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->location, "");
}

// A noun that is the object of an event verb is that verb's ("discussed the hostage deal with X
// by phone" is a call, no agreement); "X and Y spoke"; negotiators from two sides.
TEST(Events, NounObjectOfEventVerbAndPluralSpoke) {
    auto x = run("Blinken discussed the hostage deal with Qatari Prime Minister Sheikh Mohammed bin "
                 "Abdulrahman Al Thani by phone.",
                 "2024-03-05");
    EXPECT_NE(find(x, EventType::phone_call, "Antony Blinken"), nullptr);
    EXPECT_EQ(find(x, EventType::agreement, "Antony Blinken"), nullptr);
    x = run("Netanyahu and Biden spoke on Thursday, the White House said.", "2024-03-05");
    EXPECT_NE(find(x, EventType::meeting, "Benjamin Netanyahu", "Joe Biden"), nullptr);
    x = run("Negotiators from Israel and Hamas resumed indirect talks in Cairo on Sunday.",
            "2024-03-05");
    EXPECT_NE(find(x, EventType::meeting, "Israel", "Hamas"), nullptr);
}

// A quoted modifier between a light verb and its noun: 'had a "very, very good" meeting'.
TEST(Events, QuotedModifierBeforeTheNoun) {
    auto x = run("President Trump said he had a \"very, very good\" meeting with Xi Jinping.",
                 "2019-06-29");
    EXPECT_NE(find(x, EventType::meeting, "Donald Trump", "Xi Jinping"), nullptr);
}

// "the first visit ... in 12 years" is not dated twelve years on; "would not engage in talks"
// is a refusal, no event.
TEST(Events, FirstInYearsAndRefusal) {
    auto x = run("Kishida's two-day trip is the first visit to South Korea by a Japanese leader in "
                 "12 years.",
                 "2023-05-07");
    const Event* e = find(x, EventType::visit, "Fumio Kishida", "South Korea");
    ASSERT_NE(e, nullptr);
    EXPECT_FALSE(e->date.first.has_value());
    EXPECT_EQ(e->status, EventStatus::occurred);
    x = run("North Korea's Foreign Ministry said Saturday that it would not engage in talks with "
            "Seoul or Washington.",
            "2023-05-07");
    EXPECT_EQ(find(x, EventType::meeting, "South Korea"), nullptr);
}
