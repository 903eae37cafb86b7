// HTML extraction with Gumbo: metadata first (title, dates), then the article's block texts.
#include "ingest/html.hpp"

#include "ingest/dates.hpp"
#include "text/utf8.hpp"

#include <parley/knowledge.hpp>

#include <gumbo.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <unordered_map>

namespace parley::detail {

namespace {

/// data/html-noise.txt and data/html-date-meta.txt, compiled once.
struct HtmlRules {
    std::vector<std::string> noise;                       // lower-case hints
    std::vector<std::pair<std::string, int>> date_metas;  // name, rank
    std::vector<std::string> date_classes;                // class words of date elements

    explicit HtmlRules(const Knowledge& kb) {
        for (auto& h : kb.lines("html-noise.txt")) {
            std::string l;
            for (char c : h) l.push_back(ascii_lower(c));
            noise.push_back(std::move(l));
        }
        for (const auto& row : kb.rows("html-date-meta.txt")) {
            std::string l;
            for (char c : row[0]) l.push_back(ascii_lower(c));
            const int rank = row.size() > 1 ? std::atoi(row[1].c_str()) : 1;
            if (!l.empty() && l[0] == '.')
                date_classes.push_back(l.substr(1));
            else
                date_metas.emplace_back(std::move(l), rank == 2 ? 2 : 1);
        }
    }
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

const char* attr(const GumboNode* n, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : nullptr;
}

bool is_block(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_BR:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_BODY:
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_TBODY:
        case GUMBO_TAG_THEAD:
            return true;
        default:
            return false;
    }
}

// Elements that never hold article prose.
bool is_skipped(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_MATH:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_INPUT:
        case GUMBO_TAG_LABEL:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_MAP:
        case GUMBO_TAG_MENU:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_TITLE:
            return true;
        default:
            return false;
    }
}

bool is_hidden(const GumboNode* n) {
    if (attr(n, "hidden")) return true;
    if (const char* a = attr(n, "aria-hidden"); a && std::strcmp(a, "true") == 0) return true;
    if (const char* s = attr(n, "style")) {
        const std::string st = lower(s);
        std::string compact;
        for (char c : st)
            if (c != ' ') compact.push_back(c);
        if (compact.find("display:none") != std::string::npos ||
            compact.find("visibility:hidden") != std::string::npos)
            return true;
    }
    return false;
}

// Words of a class/id: split at non-alphanumerics and camelCase humps, lower-cased.
void class_words(std::string_view s, std::vector<std::string>& out) {
    std::string cur;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool alnum = is_ascii_alpha(c) || is_ascii_digit(c);
        if (!alnum || (is_ascii_upper(c) && i > 0 && is_ascii_lower(s[i - 1]))) {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
        }
        if (alnum) cur.push_back(ascii_lower(c));
    }
    if (!cur.empty()) out.push_back(std::move(cur));
}

bool is_noise(const GumboNode* n, const HtmlRules& rules) {
    const char* cls = attr(n, "class");
    const char* id = attr(n, "id");
    if (!cls && !id) return false;
    std::string all = cls ? cls : "";
    if (id) (all += ' ') += id;
    std::vector<std::string> words;
    class_words(all, words);
    const std::string low = lower(all);
    for (const auto& h : rules.noise) {
        if (h.find('-') != std::string::npos) {
            if (low.find(h) != std::string::npos) return true;
            continue;
        }
        for (const auto& w : words) {
            if (h.size() <= 2 ? w == h : w.compare(0, h.size(), h) == 0) return true;
        }
    }
    return false;
}

void append_text(const GumboNode* n, std::string& out) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
        out += n->v.text.text;
        return;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) return;
    const GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT) return;
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = 0; i < ch.length; ++i) {
        if (is_block(t)) out.push_back(' ');
        append_text(static_cast<const GumboNode*>(ch.data[i]), out);
    }
}

// Entities escaped twice by the publisher ("&amp;#039;" arrives as "&#039;"): decode once more.
std::string decode_entities(std::string_view s) {
    if (s.find('&') == std::string_view::npos) return std::string(s);
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '&') {
            const auto semi = s.find(';', i);
            if (semi != std::string_view::npos && semi - i <= 8) {
                const auto name = s.substr(i + 1, semi - i - 1);
                long cp = -1;
                if (name.size() > 1 && name[0] == '#')
                    cp = (name[1] == 'x' || name[1] == 'X')
                             ? std::strtol(std::string(name.substr(2)).c_str(), nullptr, 16)
                             : std::strtol(std::string(name.substr(1)).c_str(), nullptr, 10);
                else if (name == "amp")
                    cp = '&';
                else if (name == "quot")
                    cp = '"';
                else if (name == "apos")
                    cp = '\'';
                else if (name == "lt")
                    cp = '<';
                else if (name == "gt")
                    cp = '>';
                if (cp > 0 && cp < 0x110000 && !(cp >= 0xD800 && cp < 0xE000)) {
                    const auto c = static_cast<uint32_t>(cp);
                    if (c < 0x80) {
                        out.push_back(static_cast<char>(c));
                    } else if (c < 0x800) {
                        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
                        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
                    } else if (c < 0x10000) {
                        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
                        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
                        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
                    } else {
                        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
                        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
                        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
                        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
                    }
                    i = semi;
                    continue;
                }
            }
        }
        out.push_back(s[i]);
    }
    return out;
}

std::string squeeze(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (is_space(c)) {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::size_t text_length(const GumboNode* n) {
    if (n->type == GUMBO_NODE_TEXT) return std::strlen(n->v.text.text);
    if (n->type != GUMBO_NODE_ELEMENT) return 0;
    if (is_skipped(n->v.element.tag)) return 0;
    std::size_t total = 0;
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = 0; i < ch.length; ++i)
        total += text_length(static_cast<const GumboNode*>(ch.data[i]));
    return total;
}

/// What one pass over the tree collects: metadata and content-root candidates.
struct Meta {
    std::string title_tag, og_title, h1, canonical;
    std::unordered_map<std::string, std::string> metas;  // lower-case name -> content
    std::string ld_date, itemprop_date, time_date, time_pubdate, class_date;
    const GumboNode* body = nullptr;
    const GumboNode* article_body = nullptr;  // itemprop=articleBody
    std::vector<const GumboNode*> articles, mains;
};

std::string json_ld_date(std::string_view js, std::string_view key) {
    std::size_t p = 0;
    while ((p = js.find(key, p)) != std::string_view::npos) {
        p += key.size();
        std::size_t q = p;
        while (q < js.size() && (is_space(js[q]) || js[q] == '"' || js[q] == ':')) ++q;
        if (q > p && q < js.size() && js[q - 1] == '"') {
            const std::size_t e = js.find('"', q);
            if (e != std::string_view::npos && e - q < 64) return std::string(js.substr(q, e - q));
        }
    }
    return {};
}

bool is_date_element(const GumboNode* n, const HtmlRules& rules) {
    const char* cls = attr(n, "class");
    if (!cls) return false;
    std::vector<std::string> words;
    class_words(cls, words);
    const std::string low = lower(cls);
    for (const auto& h : rules.date_classes) {
        if (h.find('-') != std::string::npos
                ? low.find(h) != std::string::npos
                : std::find(words.begin(), words.end(), h) != words.end())
            return true;
    }
    return false;
}

void collect(const GumboNode* n, Meta& m, const HtmlRules& rules) {
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) return;
    const GumboTag t = n->v.element.tag;
    switch (t) {
        case GUMBO_TAG_TITLE:
            if (m.title_tag.empty()) append_text(n, m.title_tag);
            return;
        case GUMBO_TAG_META: {
            const char* content = attr(n, "content");
            if (!content) return;
            for (const char* key : {"property", "name", "itemprop", "http-equiv"}) {
                if (const char* k = attr(n, key)) m.metas.emplace(lower(k), content);
            }
            return;
        }
        case GUMBO_TAG_LINK:
            if (const char* rel = attr(n, "rel"); rel && lower(rel) == "canonical")
                if (const char* href = attr(n, "href")) m.canonical = href;
            return;
        case GUMBO_TAG_SCRIPT: {
            const char* type = attr(n, "type");
            if (type && lower(type) == "application/ld+json" && m.ld_date.empty()) {
                std::string js;
                const GumboVector& ch = n->v.element.children;
                for (unsigned i = 0; i < ch.length; ++i) {
                    auto* c = static_cast<const GumboNode*>(ch.data[i]);
                    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE)
                        js += c->v.text.text;
                }
                m.ld_date = json_ld_date(js, "\"datePublished\"");
                if (m.ld_date.empty()) m.ld_date = json_ld_date(js, "\"dateCreated\"");
            }
            return;
        }
        case GUMBO_TAG_BODY:
            m.body = n;
            break;
        case GUMBO_TAG_ARTICLE:
            m.articles.push_back(n);
            break;
        case GUMBO_TAG_MAIN:
            m.mains.push_back(n);
            break;
        case GUMBO_TAG_H1:
            if (m.h1.empty()) append_text(n, m.h1);
            break;
        case GUMBO_TAG_TIME:
            if (const char* dt = attr(n, "datetime")) {
                if (attr(n, "pubdate") && m.time_pubdate.empty()) m.time_pubdate = dt;
                if (m.time_date.empty()) m.time_date = dt;
            }
            break;
        default:
            break;
    }
    if (const char* ip = attr(n, "itemprop")) {
        const std::string p = lower(ip);
        if (p == "articlebody" && !m.article_body) m.article_body = n;
        if (p == "datepublished" && m.itemprop_date.empty()) {
            if (const char* v = attr(n, "content"))
                m.itemprop_date = v;
            else if (const char* d = attr(n, "datetime"))
                m.itemprop_date = d;
            else
                append_text(n, m.itemprop_date);
        }
    }
    if (m.class_date.empty() && is_date_element(n, rules)) {
        std::string t;
        append_text(n, t);
        if (t.size() < 200 && parse_date_value(t)) m.class_date = t;
    }
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = 0; i < ch.length; ++i)
        collect(static_cast<const GumboNode*>(ch.data[i]), m, rules);
}

/// Walks the content root, cutting block-level text runs into paragraphs.
class BlockWalker {
  public:
    BlockWalker(const HtmlRules& rules, bool use_hints) : m_rules(rules), m_hints(use_hints) {}

    void walk(const GumboNode* n, bool in_link = false) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
            const std::size_t len = std::strlen(n->v.text.text);
            m_cur.append(n->v.text.text, len);
            m_total += len;
            if (in_link) m_link += len;
            return;
        }
        if (n->type == GUMBO_NODE_WHITESPACE) {
            m_cur.push_back(' ');
            return;
        }
        if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) return;
        const GumboTag t = n->v.element.tag;
        if (is_skipped(t) || is_hidden(n)) return;
        const bool root_like = t == GUMBO_TAG_BODY || t == GUMBO_TAG_MAIN ||
                               t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_HTML;
        if (m_hints && !root_like && is_noise(n, m_rules)) return;
        const bool block = is_block(t);
        if (block) flush();
        const bool link = in_link || t == GUMBO_TAG_A;
        const GumboVector& ch = n->v.element.children;
        for (unsigned i = 0; i < ch.length; ++i)
            walk(static_cast<const GumboNode*>(ch.data[i]), link);
        if (block) flush();
    }

    std::vector<std::string> take() {
        flush();
        return std::move(m_out);
    }

  private:
    void flush() {
        // A block that is mostly link text is a menu or a teaser, not prose.
        if (m_total > 0 && m_link * 10 <= m_total * 6) {
            bool any = false;
            for (char c : m_cur) any |= !is_space(c);
            if (any) m_out.push_back(std::move(m_cur));
        }
        m_cur.clear();
        m_total = m_link = 0;
    }

    const HtmlRules& m_rules;
    bool m_hints;
    std::string m_cur;
    std::size_t m_total = 0, m_link = 0;
    std::vector<std::string> m_out;
};

std::size_t total_size(const std::vector<std::string>& v) {
    std::size_t n = 0;
    for (const auto& s : v) n += s.size();
    return n;
}

// "Obama admits ... - BBC News" -> "Obama admits ...": drops a trailing site name (the page's
// og:site_name, or a short tail of at most three words).
std::string strip_site_suffix(std::string t, std::string_view site) {
    for (int round = 0; round < 2; ++round) {
        std::size_t best = std::string::npos, seplen = 0;
        for (std::string_view sep : {" | ", " - ", " \u2014 ", " \u2013 ", " :: ", " _"}) {
            const auto p = t.rfind(sep);
            if (p != std::string::npos && (best == std::string::npos || p > best))
                best = p, seplen = sep.size();
        }
        if (best == std::string::npos || best < 10) break;
        const std::string tail = squeeze(t.substr(best + seplen));
        int words = 1;
        for (char c : tail) words += c == ' ';
        const bool is_site = !site.empty() && lower(tail) == lower(squeeze(site));
        if (!is_site && (words > 3 || tail.size() > 25)) break;
        t.resize(best);
        while (!t.empty() && t.back() == ' ') t.pop_back();
    }
    return t;
}

}  // namespace

HtmlArticle extract_html(std::string_view html, const Knowledge& kb) {
    const auto& rules = kb.get<HtmlRules>();
    GumboOptions opts = kGumboDefaultOptions;
    opts.max_errors = 0;  // errors are not reported; don't collect them
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
        gumbo_parse_with_options(&opts, html.data(), html.size()),
        [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
    HtmlArticle art;
    Meta m;
    collect(out->root, m, rules);

    // Title.
    std::string site;
    if (auto it = m.metas.find("og:site_name"); it != m.metas.end()) site = it->second;
    if (auto it = m.metas.find("og:title"); it != m.metas.end())
        art.title = strip_site_suffix(squeeze(it->second), site);
    if (art.title.empty()) art.title = squeeze(m.h1);
    if (art.title.empty()) art.title = strip_site_suffix(squeeze(m.title_tag), site);
    for (int i = 0; i < 2 && art.title.find('&') != std::string::npos; ++i)
        art.title = decode_entities(art.title);

    // Publication date, best evidence first.
    auto try_date = [&](std::string_view value, DateOrigin origin) {
        if (art.date || value.empty()) return;
        if (auto d = parse_date_value(value)) {
            art.date = d;
            art.date_text = squeeze(value);
            art.origin = origin;
        }
    };
    for (const auto& [name, rank] : rules.date_metas)
        if (rank == 1)
            if (auto it = m.metas.find(name); it != m.metas.end())
                try_date(it->second, DateOrigin::meta);
    try_date(m.ld_date, DateOrigin::json_ld);
    try_date(m.itemprop_date, DateOrigin::meta);
    try_date(m.time_pubdate, DateOrigin::time_element);
    try_date(m.time_date, DateOrigin::time_element);
    if (!art.date) {
        std::string url = m.canonical;
        if (auto it = m.metas.find("og:url"); url.empty() && it != m.metas.end()) url = it->second;
        if (auto d = date_from_url(url)) {
            art.date = d;
            art.date_text = url;
            art.origin = DateOrigin::meta;
        }
    }
    try_date(m.class_date, DateOrigin::time_element);
    for (const auto& [name, rank] : rules.date_metas)
        if (rank == 2)
            if (auto it = m.metas.find(name); it != m.metas.end())
                try_date(it->second, DateOrigin::meta);

    // Content root: the marked article body, else the largest <article>, else <main>, else <body>.
    const GumboNode* root = m.body ? m.body : out->root;
    const std::size_t body_len = text_length(root);
    const GumboNode* best = m.article_body;
    if (!best) {
        std::size_t best_len = 0;
        for (auto* a : m.articles)
            if (auto len = text_length(a); len > best_len) best_len = len, best = a;
        if (!best)
            for (auto* a : m.mains)
                if (auto len = text_length(a); len > best_len) best_len = len, best = a;
    }
    // A small <article> is a teaser card, not the story.
    if (best && text_length(best) * 5 >= body_len / 2 + 1 && text_length(best) > 300) root = best;

    BlockWalker walker(rules, true);
    walker.walk(root);
    art.paragraphs = walker.take();
    if (total_size(art.paragraphs) < 200) {
        // The hints removed (nearly) everything: a site that names its wrappers oddly.
        BlockWalker plain(rules, false);
        plain.walk(m.body ? m.body : out->root);
        auto all = plain.take();
        if (total_size(all) > total_size(art.paragraphs)) art.paragraphs = std::move(all);
    }
    return art;
}

}  // namespace parley::detail
