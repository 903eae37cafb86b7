#include "eval/petrarch_eval.hpp"

#include "actors/actor_codes.hpp"
#include "actors/gazetteer.hpp"
#include "actors/petrarch_dictionary.hpp"

#include <parley/error.hpp>
#include <parley/extract.hpp>
#include <parley/ingest.hpp>
#include <parley/knowledge.hpp>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

namespace parley {

namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw Error(p.string() + ": cannot read");
    std::ostringstream ss;
    ss << in.rdbuf();
    return std::move(ss).str();
}

std::string upper(std::string s) {
    for (auto& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    return s;
}

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

std::string collapse_space(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (is_space(c)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// key="value" pairs of one tag's attribute text; spaces around '=' allowed (`date = "2008"`).
std::map<std::string, std::string> attributes(std::string_view s) {
    std::map<std::string, std::string> out;
    std::size_t i = 0;
    while (true) {
        const auto eq = s.find('=', i);
        if (eq == std::string_view::npos) break;
        std::size_t ke = eq;
        while (ke > 0 && is_space(s[ke - 1])) --ke;
        std::size_t kb = ke;
        while (kb > 0 && !is_space(s[kb - 1]) && s[kb - 1] != '"') --kb;
        const auto open = s.find('"', eq);
        if (open == std::string_view::npos) break;
        const auto close = s.find('"', open + 1);
        if (close == std::string_view::npos) break;
        out.emplace(std::string(s.substr(kb, ke - kb)),
                    std::string(s.substr(open + 1, close - open - 1)));
        i = close + 1;
    }
    return out;
}

std::string strip_xml_comments(std::string_view s) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = s.find("<!--", i);
        if (c == std::string_view::npos) {
            out.append(s.substr(i));
            break;
        }
        out.append(s.substr(i, c - i));
        const auto e = s.find("-->", c + 4);
        if (e == std::string_view::npos) break;
        i = e + 3;
    }
    return out;
}

// Expected codes: "---" (no actor) and an absent code are the same; case is not significant
// ("PALESTINIAN [pse]").
std::string norm_code(std::string c) {
    c = upper(std::move(c));
    if (c.find_first_not_of('-') == std::string::npos) return {};
    return c;
}

std::string root(std::string_view cameo) {
    return std::string(cameo.substr(0, 2));
}

bool in_scope(const PetrarchCoding& c) {
    const auto r = root(c.event);
    return r == "01" || r == "02" || r == "03" || r == "04" || r == "05";
}

std::string tsv_list(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : "|") + s;
    return out;
}

// The suffix agents of a PETRARCH agents dictionary ("LAWMAKER [~LEG]", "ATTORNEY_GENERAL
// {ATTORNEYS_GENERAL} [~GOV]", "!MINST!_OF_SILLY_WALKS [~GOV]") as rows of
// lexicon/group-sectors.tsv: "lawmaker\tLEG", "lawmakers\tLEG". Prefix agents ("[NGO~]") are
// skipped: our codes put the country first.
std::string agent_rows(std::string_view text) {
    auto lower = [](std::string w) {
        for (auto& c : w)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        return w;
    };
    auto words = [&](std::string_view p) {
        std::string out;
        for (char c : p) out += (c == '_' || is_space(c)) ? ' ' : c;
        return lower(collapse_space(out));
    };
    auto plural = [](const std::string& w) {
        if (w.ends_with("y") && w.size() > 1 &&
            std::string_view("aeiou").find(w[w.size() - 2]) == std::string_view::npos)
            return w.substr(0, w.size() - 1) + "ies";
        if (w.ends_with("s") || w.ends_with("sh") || w.ends_with("ch") || w.ends_with("x"))
            return w + "es";
        if (w.ends_with("man")) return w.substr(0, w.size() - 3) + "men";
        return w + "s";
    };
    std::map<std::string, std::vector<std::string>> macros;
    std::string rows;
    std::istringstream in{std::string(text)};
    std::string raw;
    while (std::getline(in, raw)) {
        std::string_view line(raw);
        if (auto h = line.find('#'); h != std::string_view::npos) line = line.substr(0, h);
        const std::string l = collapse_space(line);
        if (l.empty() || l.starts_with("<!")) continue;
        if (l.front() == '!') {  // "!PERSON! = MAN, MEN, WOMAN"
            const auto close = l.find('!', 1), eq = l.find('=');
            if (close == std::string::npos || eq == std::string::npos) continue;
            auto& vals = macros[l.substr(0, close + 1)];
            std::string_view rest = std::string_view(l).substr(eq + 1);
            while (!rest.empty()) {
                const auto comma = rest.find(',');
                const auto v = collapse_space(rest.substr(0, comma));
                if (!v.empty()) vals.push_back(v);
                rest =
                    comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
            }
            continue;
        }
        const auto open = l.find('[');
        const auto close = l.find(']', open == std::string::npos ? 0 : open);
        if (open == std::string::npos || close == std::string::npos) continue;
        std::string code = collapse_space(std::string_view(l).substr(open + 1, close - open - 1));
        if (code.empty() || code.front() != '~') continue;
        code = upper(code.substr(1));
        std::string head = l.substr(0, open);
        std::vector<std::string> forms;
        bool braces = false;
        if (const auto ob = head.find('{'); ob != std::string::npos) {
            const auto cb = head.find('}', ob);
            braces = true;
            std::istringstream ps(head.substr(ob + 1, cb == std::string::npos ? 0 : cb - ob - 1));
            for (std::string f; ps >> f;) forms.push_back(f);
            head = head.substr(0, ob);
        }
        head = collapse_space(head);
        if (head.empty()) continue;
        // "!MINST!_OF_SILLY_WALKS": one phrase per value of the macro.
        std::vector<std::string> phrases{head};
        for (const auto& [name, vals] : macros) {
            std::vector<std::string> next;
            for (const auto& p : phrases) {
                const auto at = p.find(name);
                if (at == std::string::npos) {
                    next.push_back(p);
                    continue;
                }
                for (const auto& v : vals)
                    next.push_back(p.substr(0, at) + v + p.substr(at + name.size()));
            }
            phrases = std::move(next);
        }
        for (const auto& p : phrases) {
            const auto w = words(p);
            rows += w + '\t' + code + '\n';
            if (!braces && !macros.empty() && p.find('!') == std::string::npos &&
                head.find('!') != std::string::npos)
                continue;  // a macro's values carry their own plurals
            if (!braces) rows += plural(w) + '\t' + code + '\n';
        }
        for (const auto& f : forms) rows += words(f) + '\t' + code + '\n';
    }
    return rows;
}

}  // namespace

// --- records -------------------------------------------------------------------------------

std::vector<PetrarchRecord> parse_petrarch_records(std::string_view xml_in,
                                                   const std::string& source) {
    const std::string xml = strip_xml_comments(xml_in);
    std::vector<PetrarchRecord> out;
    std::size_t pos = 0;
    while ((pos = xml.find("<Sentence ", pos)) != std::string::npos) {
        const auto tag_end = xml.find('>', pos);
        const auto end = xml.find("</Sentence>", pos);
        if (tag_end == std::string::npos || end == std::string::npos)
            throw Error(source + ": unterminated <Sentence> record");
        const auto attrs = attributes(std::string_view(xml).substr(pos, tag_end - pos));
        const std::string_view body = std::string_view(xml).substr(tag_end + 1, end - tag_end - 1);
        pos = end + 11;

        PetrarchRecord r;
        auto get = [&](const char* k) {
            auto it = attrs.find(k);
            return it == attrs.end() ? std::string() : it->second;
        };
        r.id = get("id");
        r.category = get("category");
        const auto day = detail::parse_petrarch_date(get("date"));
        if (!day) throw Error(source + ": record " + r.id + ": bad date \"" + get("date") + "\"");
        r.date = *day;
        const auto t0 = body.find("<Text>");
        const auto t1 = body.find("</Text>");
        if (t0 == std::string_view::npos || t1 == std::string_view::npos || t1 < t0)
            throw Error(source + ": record " + r.id + ": no <Text>");
        r.text = collapse_space(body.substr(t0 + 6, t1 - t0 - 6));
        std::size_t c = 0;
        while ((c = body.find("<EventCoding", c)) != std::string_view::npos) {
            const auto ce = body.find('>', c);
            if (ce == std::string_view::npos) break;
            const auto a = attributes(body.substr(c, ce - c));
            c = ce;
            auto ev = a.find("eventcode");
            if (ev == a.end()) continue;  // noevents="True"
            PetrarchCoding pc;
            pc.event = ev->second;
            if (auto s = a.find("sourcecode"); s != a.end()) pc.source = s->second;
            if (auto t = a.find("targetcode"); t != a.end()) pc.target = t->second;
            r.codings.push_back(std::move(pc));
        }
        out.push_back(std::move(r));
    }
    return out;
}

// --- knowledge overlay -----------------------------------------------------------------------

PetrarchKnowledge::PetrarchKnowledge(const Knowledge& base, const fs::path& actors_file) {
    const auto& gaz = base.get<detail::Gazetteer>();
    // The file has one malformed comment opener, "<! -- NEW ACTORS ... -->", which the reader
    // takes for a name line whose synonyms would swallow the next entry (SAM_GAMGEE): repaired.
    std::string dictionary = read_all(actors_file);
    for (std::size_t at; (at = dictionary.find("<! --")) != std::string::npos;)
        dictionary.replace(at, 5, "<!--");
    const auto entries = detail::parse_petrarch_actors(dictionary);

    auto known = [&](const std::string& name,
                     bool& is_title) -> const std::vector<detail::GazMatch>* {
        const auto folded = detail::fold_phrase(name);
        is_title = false;
        const auto sp = folded.find(' ');
        if (sp != std::string::npos)
            if (const auto* first = gaz.find(folded.substr(0, sp)))
                for (const auto& h : *first)
                    is_title = is_title || h.kind == detail::GazKind::title;
        return gaz.find(folded);
    };

    // Codes that dated dictionary people use as their base ("HOB" for Gollum): those people
    // load through the Gazetteer itself, which skips any entry whose code is a country's.
    std::set<std::string> person_codes;
    for (const auto& e : entries)
        for (const auto& r : e.roles)
            if (r.from || r.to) person_codes.insert(upper(r.code.substr(0, 3)));

    std::string country_rows, org_rows;
    std::set<std::string> countries;  // codes made countries here
    for (const auto& e : entries) {
        if (e.roles.size() != 1 || e.roles[0].from || e.roles[0].to) continue;
        const std::string code = upper(e.roles[0].code);
        // "[FRO/BIL/SAM]", "[+++]", "[ELR/GAL]": several actors or none; not one code.
        if (code.size() < 3 ||
            code.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos)
            continue;
        // A name the data files already know keeps its entry; record how its code is spelled.
        bool title = false, handled = false;
        for (const auto& n : e.names) {
            const auto* hits = known(n, title);
            if (title) handled = true;  // "PRESIDENT_GEORGE_W._BUSH": a title, not a name
            if (!hits) continue;
            handled = true;
            for (const auto& h : *hits) {
                std::string ours;
                if (h.kind == detail::GazKind::country_name && code.size() == 3)
                    ours = gaz.countries()[h.index].code;
                else if (h.kind == detail::GazKind::organisation)
                    ours = upper(gaz.organisations()[h.index].code);
                if (!ours.empty() && ours != code) m_translate.emplace(ours, code);
            }
        }
        if (handled) continue;

        // "ROMENDACIL [BRE]" after "BREE [BRE]": a person of that country, left to the
        // recogniser, which gives "Bree Prime Minister Romendacil" country and title (BREGOV).
        if (code.size() == 3 && countries.count(code)) continue;
        const std::string name = detail::petrarch_display_name(e.names.front(), {});
        const std::string primary = detail::fold_phrase(e.names.front());
        std::vector<std::string> aliases, adjectives;
        for (std::size_t i = 1; i < e.names.size(); ++i) {
            const auto f = detail::fold_phrase(e.names[i]);
            // "ERIADORI", "ERIADORIAN" after "ERIADOR": the adjective of the name.
            (f.size() > primary.size() && f.compare(0, primary.size(), primary) == 0 ? adjectives
                                                                                     : aliases)
                .push_back(detail::petrarch_display_name(e.names[i], {}));
        }
        const bool country = code.size() == 3 && !person_codes.count(code) &&
                             !countries.count(code) && !gaz.country_by_code(code);
        if (country) {
            countries.insert(code);
            country_rows += code + '\t' + name + '\t' + tsv_list(aliases) + '\t' +
                            tsv_list(adjectives) + "\t\n";
            ++m_countries;
        } else {
            for (auto& a : adjectives) aliases.push_back(std::move(a));
            const auto prefix = code.substr(0, 3);
            const bool national =
                code.size() > 3 && (countries.count(prefix) || gaz.country_by_code(prefix));
            org_rows += code + '\t' + name + '\t' + tsv_list(aliases) + '\t' +
                        (national ? prefix : std::string()) + '\n';
            ++m_orgs;
        }
    }

    // The overlay: every file of the base data directory linked, the two gazetteer files
    // that gain rows copied.
    static std::atomic<unsigned> serial{0};
    m_dir = fs::temp_directory_path() /
            ("parley-petrarch-" + std::to_string(::getpid()) + "-" + std::to_string(serial++));
    fs::remove_all(m_dir);
    fs::create_directories(m_dir / "gazetteer");
    const fs::path src = fs::absolute(base.dir());
    // The suite's agents, beside the actors, stand in for our group sectors.
    const auto agents_file = actors_file.parent_path() / "PETR.Validate.agents.txt";
    std::error_code agents_ec;
    const bool agents = fs::is_regular_file(agents_file, agents_ec);
    for (const auto& entry : fs::directory_iterator(src)) {
        const auto name = entry.path().filename();
        if (name == "gazetteer" || (agents && name == "lexicon")) continue;
        fs::create_symlink(entry.path(), m_dir / name);
    }
    if (agents) {
        fs::create_directories(m_dir / "lexicon");
        for (const auto& entry : fs::directory_iterator(src / "lexicon")) {
            const auto name = entry.path().filename();
            if (name != "group-sectors.tsv")
                fs::create_symlink(entry.path(), m_dir / "lexicon" / name);
        }
        std::ofstream(m_dir / "lexicon" / "group-sectors.tsv", std::ios::binary)
            << "# from " << agents_file.filename().string() << " (parley eval-petrarch)\n"
            << agent_rows(read_all(agents_file));
    }
    for (const auto& entry : fs::directory_iterator(src / "gazetteer")) {
        const auto name = entry.path().filename().string();
        if (name == "countries.tsv" || name == "organisations.tsv") {
            std::ofstream out(m_dir / "gazetteer" / name, std::ios::binary);
            out << read_all(entry.path()) << "\n# --- from " << actors_file.filename().string()
                << " (parley eval-petrarch)\n"
                << (name == "countries.tsv" ? country_rows : org_rows);
        } else {
            fs::create_symlink(entry.path(), m_dir / "gazetteer" / name);
        }
    }
    const auto repaired = m_dir / actors_file.filename();
    std::ofstream(repaired, std::ios::binary) << dictionary;
    m_kb = std::make_unique<Knowledge>(m_dir);
    m_kb->actor_dictionaries = base.actor_dictionaries;
    m_kb->actor_dictionaries.push_back(repaired);
    // The records' verbs are coded by the suite's own verb dictionary, which lies beside the
    // actors: with it the extractor runs the verb-pattern coder (events/petrarch_coder.cpp).
    m_kb->verb_dictionaries = base.verb_dictionaries;
    const auto verbs = actors_file.parent_path() / "PETR.Validate.verbs.txt";
    std::error_code verbs_ec;
    if (fs::is_regular_file(verbs, verbs_ec)) m_kb->verb_dictionaries.push_back(verbs);
}

PetrarchKnowledge::~PetrarchKnowledge() {
    m_kb.reset();
    std::error_code ec;
    fs::remove_all(m_dir, ec);
}

std::string PetrarchKnowledge::translate(const std::string& code) const {
    if (auto it = m_translate.find(code); it != m_translate.end()) return it->second;
    if (code.size() > 3)
        if (auto it = m_translate.find(code.substr(0, 3)); it != m_translate.end())
            return it->second + code.substr(3);
    return code;
}

// --- scoring ------------------------------------------------------------------------------

namespace {

// (source, target) pairs of one event. Roles: source -> target; a visit's visitor -> host; a
// host frame's host -> visitor ("Mordor will be hosting Osgiliath"); `participant` (symmetric
// events: "talks between A and B") may stand on either side.
CodedEvent code_event(const Event& e, date::sys_days day, const PetrarchKnowledge& pk) {
    CodedEvent out;
    out.cameo = e.cameo;
    std::vector<std::string> codes;
    for (const auto& p : e.participants) {
        codes.push_back(norm_code(pk.translate(actor_code(p, day, pk.kb()))));
        out.participants += (out.participants.empty() ? "" : "; ") + p.name +
                            (p.title.empty() ? "" : ", " + p.title) + " (" + to_string(p.role) +
                            ", " + (codes.back().empty() ? "-" : codes.back()) + ")";
    }
    const bool visit = e.type == EventType::visit;
    std::vector<std::size_t> src, tgt;
    for (std::size_t i = 0; i < e.participants.size(); ++i) {
        switch (e.participants[i].role) {
            case Role::source:
                src.push_back(i);
                break;
            case Role::target:
                tgt.push_back(i);
                break;
            case Role::mediator:
                src.push_back(i);
                break;
            case Role::visitor:
                (visit ? src : tgt).push_back(i);
                break;
            case Role::host:
                (visit ? tgt : src).push_back(i);
                break;
            case Role::participant:
                src.push_back(i);
                tgt.push_back(i);
                break;
        }
    }
    std::set<std::pair<std::string, std::string>> seen;
    auto add = [&](std::string s, std::string t) {
        if (seen.emplace(s, t).second) out.dyads.emplace_back(std::move(s), std::move(t));
    };
    for (auto s : src)
        for (auto t : tgt)
            if (s != t) add(codes[s], codes[t]);
    if (tgt.empty())
        for (auto s : src) add(codes[s], "");
    if (src.empty())
        for (auto t : tgt) add("", codes[t]);
    return out;
}

}  // namespace

PetrarchReport evaluate_petrarch(const std::vector<PetrarchRecord>& records,
                                 const PetrarchKnowledge& pk) {
    PetrarchReport rep;
    rep.records_read = records.size();
    for (const auto& rec : records) {
        PetrarchRecordScore s;
        s.record = &rec;
        for (const auto& c : rec.codings)
            if (in_scope(c)) s.expected.push_back(c);

        IngestOptions opts;
        opts.date_override = rec.date;
        try {
            const auto ex = extract(parse_document(rec.text, rec.id, pk.kb(), opts), pk.kb());
            for (const auto& e : ex.events) s.ours.push_back(code_event(e, rec.date, pk));
            for (const auto& m : ex.actors.mentions) {
                if (m.actor < 0) continue;
                const auto& a = ex.actors.actors[static_cast<std::size_t>(m.actor)];
                Participant p{a.name, a.kind, a.country, m.title, Role::participant};
                const auto code = norm_code(pk.translate(actor_code(p, rec.date, pk.kb())));
                s.actors += (s.actors.empty() ? "" : "; ") +
                            std::string(ex.document.slice(m.begin, m.end)) + " = " +
                            (code.empty() ? "-" : code);
            }
        } catch (const Error&) {
            // An input the extractor refuses yields no event: the record counts as wrong.
        }
        if (s.expected.empty()) {
            // A record whose events (if any) lie outside 01-05: anything we code is spurious.
            ++rep.quiet;
            rep.quiet_with_event += !s.ours.empty();
            if (!s.ours.empty()) rep.spurious.push_back(std::move(s));
            continue;
        }

        for (const auto& c : s.expected) {
            const auto src = norm_code(c.source), tgt = norm_code(c.target);
            bool coding_found = false;
            for (const auto& o : s.ours) {
                const bool r_ok = root(o.cameo) == root(c.event);
                bool a_ok = false;
                for (const auto& [os, ot] : o.dyads) a_ok = a_ok || (os == src && ot == tgt);
                s.root_ok = s.root_ok || r_ok;
                s.actors_ok = s.actors_ok || a_ok;
                coding_found = coding_found || (r_ok && a_ok);
            }
            s.both_ok = s.both_ok || coding_found;
            if (coding_found) ++s.codings_found;
        }
        for (const auto& o : s.ours) {
            ++rep.events;
            bool hit = false;
            for (const auto& c : s.expected)
                for (const auto& [os, ot] : o.dyads)
                    hit = hit || (root(o.cameo) == root(c.event) && os == norm_code(c.source) &&
                                  ot == norm_code(c.target));
            rep.events_matched += hit;
        }
        rep.codings += s.expected.size();
        rep.codings_found += s.codings_found;
        if (s.ours.empty()) ++rep.no_event;
        if (s.root_ok) ++rep.root_ok;
        if (s.actors_ok) ++rep.actors_ok;
        if (s.both_ok) ++rep.both_ok;
        std::set<std::string> roots;
        for (const auto& c : s.expected) roots.insert(root(c.event));
        for (const auto& r : roots) {
            auto& b = rep.by_root[r];
            ++b.records;
            // Per root: the record's events are judged against this root's codings only.
            bool r_ok = false, a_ok = false, both = false;
            for (const auto& c : s.expected) {
                if (root(c.event) != r) continue;
                for (const auto& o : s.ours) {
                    const bool ro = root(o.cameo) == r;
                    bool ao = false;
                    for (const auto& [os, ot] : o.dyads)
                        ao = ao || (os == norm_code(c.source) && ot == norm_code(c.target));
                    r_ok = r_ok || ro;
                    a_ok = a_ok || ao;
                    both = both || (ro && ao);
                }
            }
            b.root_ok += r_ok;
            b.actors_ok += a_ok;
            b.both_ok += both;
        }
        rep.scored.push_back(std::move(s));
    }
    return rep;
}

PetrarchReport evaluate_petrarch_file(const fs::path& records_file, const Knowledge& base,
                                      std::vector<PetrarchRecord>& records_out) {
    records_out = parse_petrarch_records(read_all(records_file), records_file.string());
    const auto actors = records_file.parent_path() / "PETR.Validate.actors.txt";
    std::error_code ec;
    if (!fs::exists(actors, ec))
        throw Error(records_file.string() + ": no PETR.Validate.actors.txt beside it");
    const PetrarchKnowledge pk(base, actors);
    return evaluate_petrarch(records_out, pk);
}

std::string format_petrarch_report(const PetrarchReport& r, bool verbose) {
    std::ostringstream out;
    char line[200];
    auto pct = [](std::size_t n, std::size_t d) { return d ? 100.0 * double(n) / double(d) : 0.0; };
    const auto n = r.scored.size();
    out << "parley eval-petrarch: " << r.records_read << " records read, " << n
        << " expect an event in CAMEO 01-05 (" << r.codings << " codings)\n";
    std::snprintf(line, sizeof line, "  root code right       %3zu/%zu  %5.1f%%   (target 80%%)\n",
                  r.root_ok, n, pct(r.root_ok, n));
    out << line;
    std::snprintf(line, sizeof line, "  source+target right   %3zu/%zu  %5.1f%%   (target 80%%)\n",
                  r.actors_ok, n, pct(r.actors_ok, n));
    out << line;
    std::snprintf(line, sizeof line,
                  "  root and actors right %3zu/%zu  %5.1f%%   (one event, one coding)\n",
                  r.both_ok, n, pct(r.both_ok, n));
    out << line;
    std::snprintf(line, sizeof line, "  codings reproduced    %3zu/%zu  %5.1f%%\n", r.codings_found,
                  r.codings, pct(r.codings_found, r.codings));
    out << line;
    std::snprintf(line, sizeof line, "  no event found        %3zu/%zu  %5.1f%%\n", r.no_event, n,
                  pct(r.no_event, n));
    out << line;
    std::snprintf(line, sizeof line,
                  "  other records with an event of ours %zu/%zu  %5.1f%%   (they expect none in "
                  "01-05)\n",
                  r.quiet_with_event, r.quiet, pct(r.quiet_with_event, r.quiet));
    out << line;
    std::snprintf(line, sizeof line,
                  "  our events matching   %3zu/%zu  %5.1f%%   (root and actors of a coding)\n",
                  r.events_matched, r.events, pct(r.events_matched, r.events));
    out << line;
    out << "by expected root  records   root right   actors right   both\n";
    for (const auto& [root, b] : r.by_root) {
        std::snprintf(line, sizeof line,
                      "  %-14s %8zu   %4zu %5.1f%%   %4zu %5.1f%%   %4zu %5.1f%%\n", root.c_str(),
                      b.records, b.root_ok, pct(b.root_ok, b.records), b.actors_ok,
                      pct(b.actors_ok, b.records), b.both_ok, pct(b.both_ok, b.records));
        out << line;
    }
    if (!verbose) return out.str();
    out << "misses (records not right on root and actors):\n";
    for (const auto& s : r.scored) {
        if (s.both_ok) continue;
        out << s.record->id << (s.root_ok ? "" : " [root]") << (s.actors_ok ? "" : " [actors]")
            << ": " << s.record->text << "\n  expected:";
        for (const auto& c : s.expected)
            out << ' ' << c.event << ' ' << (c.source.empty() ? "-" : c.source) << "->"
                << (c.target.empty() ? "-" : c.target) << ';';
        out << '\n';
        out << "  actors: " << (s.actors.empty() ? "none" : s.actors) << '\n';
        if (s.ours.empty()) out << "  ours: no event\n";
        for (const auto& o : s.ours) {
            out << "  ours: " << o.cameo << ' ';
            for (const auto& [a, b] : o.dyads)
                out << (a.empty() ? "-" : a) << "->" << (b.empty() ? "-" : b) << ' ';
            out << "[" << o.participants << "]\n";
        }
    }
    out << "events on records that expect none in 01-05:\n";
    for (const auto& s : r.spurious) {
        out << s.record->id << ": " << s.record->text << "\n  expected:";
        if (s.record->codings.empty()) out << " none";
        for (const auto& c : s.record->codings)
            out << ' ' << c.event << ' ' << (c.source.empty() ? "-" : c.source) << "->"
                << (c.target.empty() ? "-" : c.target) << ';';
        out << '\n';
        for (const auto& o : s.ours) {
            out << "  ours: " << o.cameo << ' ';
            for (const auto& [a, b] : o.dyads)
                out << (a.empty() ? "-" : a) << "->" << (b.empty() ? "-" : b) << ' ';
            out << "[" << o.participants << "]\n";
        }
    }
    return out.str();
}

}  // namespace parley
