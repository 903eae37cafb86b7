// parse_document: plain text or HTML -> units (paragraph candidates) -> boilerplate, title,
// byline and date stamp removed -> Document with paragraphs and sentences.
#include "core/fnv.hpp"
#include "ingest/boilerplate.hpp"
#include "ingest/dates.hpp"
#include "ingest/html.hpp"
#include "text/utf8.hpp"

#include <parley/error.hpp>
#include <parley/ingest.hpp>
#include <parley/knowledge.hpp>
#include <parley/text.hpp>
#include <parley/time.hpp>


namespace parley {

namespace {

using namespace detail;

struct Unit {
    std::string text;  // cleaned: one line, single spaces
    bool drop = false;
    Boilerplate::Match match = Boilerplate::Match::none;
};

std::string normalise_newlines(std::string_view in) {
    // Most text has no '\r' at all: copy it whole.
    if (in.find('\r') == std::string_view::npos) return std::string(in);
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '\r') {
            out.push_back('\n');
            if (i + 1 < in.size() && in[i + 1] == '\n') ++i;
        } else {
            out.push_back(in[i]);
        }
    }
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

/// "---\ntitle: ...\ndate: ...\n---" at the top (Jekyll/Hugo/Trove exports).
struct FrontMatter {
    std::string title, date;
};
std::size_t read_front_matter(std::string_view t, FrontMatter& fm) {
    if (t.substr(0, 4) != "---\n") return 0;
    std::size_t pos = 4;
    while (pos < t.size()) {
        std::size_t e = t.find('\n', pos);
        if (e == std::string_view::npos) e = t.size();
        const std::string_view line = t.substr(pos, e - pos);
        if (trim(line) == "---") return e;
        if (const auto colon = line.find(':');
            colon != std::string_view::npos && line.size() && !is_space(line[0])) {
            const auto key = trim(line.substr(0, colon));
            auto val = trim(line.substr(colon + 1));
            if (val.size() >= 2 && (val.front() == '"' || val.front() == '\'') &&
                val.back() == val.front())
                val = val.substr(1, val.size() - 2);
            if (key == "title") fm.title = val;
            if (key == "date" || key == "published" || key == "pubdate") fm.date = val;
        }
        pos = e + 1;
        if (pos > 8192) break;
    }
    fm = {};
    return 0;
}

bool starts_with_date(std::string_view line) {
    const auto st = find_date_stamp(line, 40);
    return st && st->span.begin <= 12;
}

// A ticker or link list flattened to one line: "A • B • C • D".
bool looks_like_ticker(std::string_view s) {
    // Find each separator's middle ('|', U+2022, U+00B7) by memchr-speed search, then check
    // the spaces around it (overlapping matches count, as with find(" | ", p + 1)).
    int seps = 0;
    for (std::string_view mid :
         {std::string_view("|"), std::string_view("\u2022"), std::string_view("\u00B7")}) {
        for (std::size_t p = s.find(mid, 1); p != std::string_view::npos; p = s.find(mid, p + 1)) {
            if (s[p - 1] == ' ' && p + mid.size() < s.size() && s[p + mid.size()] == ' ') ++seps;
        }
    }
    return seps >= 3;
}

/// Plain text -> units: blank-line blocks, and inside a block each line on its own unless the
/// block is hard-wrapped prose (long lines of similar length, or a line-break hyphen).
void text_units(std::string_view t, std::vector<Unit>& units) {
    const auto blocks = split_paragraphs(t);
    units.reserve(units.size() + blocks.size());
    std::vector<std::string_view> lines;  // reused from block to block
    std::string cur;
    for (const Span& block : blocks) {
        const std::string_view b = t.substr(block.begin, block.size());
        lines.clear();
        std::size_t pos = 0;
        while (pos <= b.size()) {
            std::size_t e = b.find('\n', pos);
            if (e == std::string_view::npos) e = b.size();
            const auto line = trim(b.substr(pos, e - pos));
            if (!line.empty()) lines.push_back(line);
            pos = e + 1;
        }
        std::size_t maxlen = 0;
        for (std::size_t i = 0; i + 1 < lines.size(); ++i)
            maxlen = std::max(maxlen, lines[i].size());
        cur.clear();
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (!cur.empty()) cur.push_back('\n');
            cur.append(lines[i]);
            bool join = false;
            if (i + 1 < lines.size()) {
                const auto a = lines[i], b2 = lines[i + 1];
                const std::size_t len = a.size();
                // Hard-wrapped prose: three or more long lines of similar length...
                join = lines.size() >= 3 && len >= 40 && len <= 110 && len * 10 >= maxlen * 6 &&
                       !starts_with_date(b2);
                // ...or a line continued in lower case, or broken at a hyphen.
                join |= len >= 30 && is_ascii_lower(b2[0]);
                join |= len >= 2 && a.back() == '-' && is_ascii_alpha(a[len - 2]) &&
                        is_ascii_alpha(b2[0]);
            }
            if (!join) {
                // A unit of one line is cleaned from the text itself, not from a copy.
                const bool one_line = cur.size() == lines[i].size();
                units.push_back({clean_paragraph(one_line ? lines[i] : std::string_view(cur))});
                cur.clear();
            }
        }
    }
}

// "Phil Reeves", "By Jane Smith", "Mary-Jane van der Berg": a short run of capitalised words.
bool looks_like_byline(std::string_view s) {
    if (s.size() > 60 || s.empty()) return false;
    if (s.substr(0, 3) == "By " || s.substr(0, 3) == "BY ") return s.size() > 4;
    int words = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        if (i >= s.size()) break;
        const std::size_t b = i;
        while (i < s.size() && s[i] != ' ') ++i;
        const std::string_view w = s.substr(b, i - b);
        ++words;
        if (w == "and" || w == "de" || w == "van" || w == "von" || w == "der" || w == "al")
            continue;
        std::size_t len = 0;
        if (!is_upper(decode_utf8(w, 0, len))) return false;
        for (char c : w)
            if (is_ascii_digit(c) || c == ',' || c == ':' || c == '|') return false;
    }
    return words >= 2 && words <= 4 && s.back() != '.';
}

// A headline: short, and not ending like a sentence. "U.s." and "U.S." endings are fine.
bool looks_like_title(std::string_view s) {
    if (s.size() < 8 || s.size() > 200) return false;
    int spaces = 0;
    for (char c : s) spaces += c == ' ';
    if (spaces > 30 || spaces < 1) return false;
    const char last = s.back();
    if (last == ',' || last == ';' || last == ':' || last == '!' || last == '|') return false;
    if (last == '.') {
        const auto sp = s.rfind(' ');
        const auto word = s.substr(sp == std::string_view::npos ? 0 : sp + 1);
        if (word.substr(0, word.size() - 1).find('.') == std::string_view::npos) return false;
    }
    return true;
}

}  // namespace

Document parse_document(std::string_view bytes, std::string source, const Knowledge& kb,
                        const IngestOptions& opts) {
    if (bytes.size() > opts.max_bytes)
        throw InputError(source + ": too large (" + std::to_string(bytes.size()) +
                         " bytes; limit " + std::to_string(opts.max_bytes) + ")");
    check_text_input(bytes, source);
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    const auto& boiler = kb.get<Boilerplate>();

    Document doc;
    doc.source = std::move(source);
    std::vector<Unit> units;
    const bool html = looks_like_html(bytes);
    bool title_known = false;
    if (html) {
        auto art = extract_html(bytes, kb);
        doc.title = clean_paragraph(art.title);
        title_known = !doc.title.empty();
        if (art.date) {
            doc.publication = art.date;
            doc.publication_text = art.date_text;
            doc.publication_origin = art.origin;
        }
        units.reserve(art.paragraphs.size());
        for (const auto& p : art.paragraphs) {
            auto c = clean_paragraph(p);
            if (!c.empty()) units.push_back({std::move(c)});
        }
        if (units.empty()) throw InputError(doc.source + ": no text found in HTML");
    } else {
        const std::string text = normalise_newlines(bytes);
        FrontMatter fm;
        const std::size_t skip = read_front_matter(text, fm);
        if (!fm.title.empty()) {
            doc.title = clean_paragraph(fm.title);
            title_known = true;
        }
        if (auto d = parse_date_value(fm.date)) {
            doc.publication = d;
            doc.publication_text = fm.date;
            doc.publication_origin = DateOrigin::meta;
        }
        text_units(std::string_view(text).substr(skip), units);
    }

    // Publisher boilerplate, and the prose sandwiched inside a multi-paragraph appeal (which,
    // unlike news prose, speaks to the reader: "we", "you", "our").
    const auto addresses_reader = [](std::string_view text) {
        std::size_t i = 0;
        while (i < text.size()) {
            // ASCII letters (the C locale's isalpha), lowered in place of a copy per word.
            while (i < text.size() && !is_ascii_alpha(text[i])) ++i;
            std::size_t b = i;
            while (i < text.size() && is_ascii_alpha(text[i])) ++i;
            if (i - b < 2 || i - b > 4) continue;
            char buf[4];
            for (std::size_t k = b; k < i; ++k) buf[k - b] = ascii_lower(text[k]);
            const std::string_view w(buf, i - b);
            if (w == "we" || w == "you" || w == "your" || w == "our" || w == "us") return true;
        }
        return false;
    };
    for (auto& u : units) {
        u.match = boiler.match(u.text);
        u.drop = u.match != Boilerplate::Match::none || looks_like_ticker(u.text);
    }
    for (std::size_t i = 1; i + 1 < units.size(); ++i) {
        // The neighbours first: reading every paragraph's words is the costly test.
        if (!units[i].drop && units[i].text.size() < 1000 &&
            units[i - 1].match == Boilerplate::Match::contains &&
            units[i + 1].match == Boilerplate::Match::contains && addresses_reader(units[i].text))
            units[i].drop = true;
    }

    // The date stamp near the top: "Wednesday 21 July 1999 23:02 BST". The first stamp set on
    // its own short line or opening its line wins; only when none does, and the publication
    // day is still unknown, does the first date of the top's running prose serve (the costly
    // scan of every word, so it runs last).
    std::optional<DateStamp> stamp;
    std::size_t stamp_u = 0;
    {
        std::size_t top_bytes = 0, top_units = 0;
        for (; top_units < units.size() && top_bytes < 1500; ++top_units)
            top_bytes += units[top_units].text.size() + 1;
        for (std::size_t u = 0, at = 0; u < top_units && !stamp; at += units[u++].text.size() + 1) {
            const std::string_view t = units[u].text;
            const std::size_t room = std::min(t.size(), 1500 - std::min<std::size_t>(at, 1500));
            // Starts within 40 bytes of a long line's beginning; anywhere on a short line.
            const std::size_t limit = t.size() <= 100 ? room : std::min<std::size_t>(room, 41);
            for (const auto& st : detail::find_date_stamps(t, limit)) {
                if (t.size() <= 100 || st.span.begin <= 40) {
                    stamp = st;
                    stamp_u = u;
                    break;
                }
            }
        }
        for (std::size_t u = 0, at = 0;
             u < top_units && !stamp && !doc.publication && !opts.date_override;
             at += units[u++].text.size() + 1) {
            const std::string_view t = units[u].text;
            const std::size_t room = 1500 - std::min<std::size_t>(at, 1500);
            if (auto all = detail::find_date_stamps(t, room); !all.empty()) {
                stamp = all.front();
                stamp_u = u;
            }
        }
    }
    std::optional<std::size_t> stamp_unit;
    if (stamp) {
        const auto& st = *stamp;
        const std::size_t u = stamp_u;
        if (!doc.publication) {
            doc.publication = st.day;
            doc.publication_text = units[u].text.substr(st.span.begin, st.span.size());
            doc.publication_origin = DateOrigin::dateline;
        }
        // A line that is little more than the stamp goes; a dateline opening prose stays.
        if (units[u].text.size() <= st.span.size() + 40) {
            stamp_unit = u;
            units[u].drop = true;
        }
    }
    if (opts.date_override) {
        doc.publication = opts.date_override;
        doc.publication_text = format_iso_day(*opts.date_override);
        doc.publication_origin = DateOrigin::override_;
    }

    // Bylines next to the stamp, and "By ..." lines near the top.
    if (stamp_unit) {
        for (std::size_t u : {*stamp_unit - 1, *stamp_unit + 1})
            if (u < units.size() && !units[u].drop && looks_like_byline(units[u].text))
                units[u].drop = true;
    }
    for (std::size_t i = 0; i < units.size() && i < 8; ++i) {
        const auto& t = units[i].text;
        if ((t.rfind("By ", 0) == 0 || t.rfind("BY ", 0) == 0) && looks_like_byline(t))
            units[i].drop = true;
    }

    // Title: the headline line (just before the stamp, else the first short line).
    const std::size_t top = std::min<std::size_t>(units.size(), 10);
    if (title_known) {
        const std::string want = canonical_words(doc.title);
        for (std::size_t i = 0; i < top; ++i)
            if (!units[i].drop && canonical_words(units[i].text) == want) {
                units[i].drop = true;
                break;
            }
    } else {
        std::optional<std::size_t> pick;
        if (stamp_unit)
            for (std::size_t k = 1; k <= 3 && k <= *stamp_unit && !pick; ++k) {
                const std::size_t u = *stamp_unit - k;
                if (units[u].match == Boilerplate::Match::none && !units[u].drop &&
                    looks_like_title(units[u].text))
                    pick = u;
            }
        for (std::size_t i = 0; i < top && !pick; ++i)
            if (!units[i].drop && looks_like_title(units[i].text)) pick = i;
        if (pick) {
            doc.title = units[*pick].text;
            units[*pick].drop = true;
        }
    }

    // Lone date lines anywhere ("October 2, 2006" repeated at the foot of a release).
    for (auto& u : units) {
        if (u.drop || u.text.size() > 60) continue;
        const auto st = find_date_stamp(u.text, u.text.size());
        if (st && st->span.begin <= 2 && st->span.end + 2 >= u.text.size()) u.drop = true;
    }

    std::string& out = doc.text;
    std::size_t total = 0;
    for (const auto& u : units) total += u.text.size() + 2;
    out.reserve(total);
    for (const auto& u : units) {
        if (u.drop) continue;
        if (!out.empty()) out += "\n\n";
        doc.paragraphs.push_back(
            {static_cast<uint32_t>(out.size()), static_cast<uint32_t>(out.size() + u.text.size())});
        out += u.text;
    }
    if (out.empty())
        throw InputError(doc.source + (html ? ": no text found in HTML"
                                            : ": no article text (only boilerplate)"));
    if (out.size() > UINT32_MAX) throw InputError(doc.source + ": too large");
    doc.sentences = split_sentences(out, kb);
    doc.id = detail::hex16(detail::text_hash(out));
    return doc;
}

Document lead_with_title(Document doc) {
    if (doc.title.empty() || doc.title_span.size() > 0 ||
        doc.title.find('\n') != std::string::npos ||
        doc.title.size() + doc.text.size() + 2 > UINT32_MAX)
        return doc;
    const auto shift = static_cast<uint32_t>(doc.title.size() + 2);
    doc.text.insert(0, doc.title + "\n\n");
    for (auto& p : doc.paragraphs) {
        p.begin += shift;
        p.end += shift;
    }
    for (auto& s : doc.sentences) {
        s.begin += shift;
        s.end += shift;
        ++s.paragraph;
    }
    doc.title_span = {0, static_cast<uint32_t>(doc.title.size())};
    doc.paragraphs.insert(doc.paragraphs.begin(), doc.title_span);
    doc.sentences.insert(doc.sentences.begin(), Sentence{0, doc.title_span.end, 0});
    return doc;
}

}  // namespace parley
