#include "actors/petrarch_dictionary.hpp"

#include <algorithm>

namespace parley::detail {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

int digits_value(std::string_view d) {
    int v = 0;
    for (char c : d) v = v * 10 + (c - '0');
    return v;
}

std::optional<date::sys_days> ymd(int y, int m, int d) {
    date::year_month_day v{date::year{y}, date::month{static_cast<unsigned>(m)},
                           date::day{static_cast<unsigned>(d)}};
    if (!v.ok()) return std::nullopt;
    return date::sys_days(v);
}

std::optional<date::sys_days> eight(std::string_view d) {
    const int y = digits_value(d.substr(0, 4));
    if (y < 1800 || y > 2100) return std::nullopt;
    return ymd(y, digits_value(d.substr(4, 2)), digits_value(d.substr(6, 2)));
}

// One bracketed role body: "GBRGOV 970502-070627", "IGOUNO >20070101", "HTIOPPMED <061231".
// Returns false when the role must be dropped (no code, or a malformed date).
bool parse_role(std::string_view body, DatedRole& out) {
    body = trim(body);
    std::size_t n = 0;
    while (n < body.size() && !is_space(body[n])) ++n;
    std::string_view code = body.substr(0, n);
    if (code.empty() || code.find_first_not_of('-') == std::string_view::npos) return false;
    // Agent codes ("~AGR") belong to the agents dictionary, not to actors.
    if (code.front() == '~') return false;
    out.code.assign(code);
    std::string spec;
    for (char c : body.substr(n))
        if (!is_space(c)) spec += c;
    if (spec.empty()) return true;
    auto bound = [](std::string_view d, std::optional<date::sys_days>& into) {
        if (d.empty() || !std::all_of(d.begin(), d.end(), is_digit)) return false;
        into = parse_petrarch_date(d);
        return into.has_value();
    };
    if (spec.front() == '>') return bound(std::string_view(spec).substr(1), out.from);
    if (spec.front() == '<') return bound(std::string_view(spec).substr(1), out.to);
    if (auto dash = spec.find('-'); dash != std::string::npos) {
        std::string_view s(spec);
        return bound(s.substr(0, dash), out.from) && bound(s.substr(dash + 1), out.to);
    }
    return bound(spec, out.from);
}

// Removes comments from one physical line; `in_xml` / `in_brace` carry multi-line state.
std::string strip_comments(std::string_view line, bool& in_xml, bool& in_brace,
                           std::string* comment) {
    std::string out;
    std::size_t i = 0;
    while (i < line.size()) {
        if (in_xml) {
            auto e = line.find("-->", i);
            if (e == std::string_view::npos) return out;
            in_xml = false;
            i = e + 3;
            continue;
        }
        if (in_brace) {
            auto e = line.find('}', i);
            if (e == std::string_view::npos) return out;
            in_brace = false;
            i = e + 1;
            continue;
        }
        const char c = line[i];
        if (c == '#') {
            if (comment) comment->assign(trim(line.substr(i + 1)));
            return out;
        }
        if (c == '<' && line.compare(i, 4, "<!--") == 0) {
            in_xml = true;
            i += 4;
            continue;
        }
        if (c == '{') {
            in_brace = true;
            ++i;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

}  // namespace

std::optional<date::sys_days> parse_petrarch_date(std::string_view d) {
    if (!std::all_of(d.begin(), d.end(), is_digit)) return std::nullopt;
    switch (d.size()) {
        case 6: {
            const int yy = digits_value(d.substr(0, 2));
            return ymd(yy >= 30 ? 1900 + yy : 2000 + yy, digits_value(d.substr(2, 2)),
                       digits_value(d.substr(4, 2)));
        }
        case 8:
            return eight(d);
        case 9:
            return eight(d.substr(0, 8));  // "201005011": a doubled final digit
        case 10:
            return eight(d.substr(2));  // "1920030320": a stray century prefix
        default:
            return std::nullopt;
    }
}

std::string petrarch_phrase(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    bool pending_space = false;
    for (char c : raw) {
        if (c == '_' || is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

std::string petrarch_display_name(std::string_view phrase,
                                  const std::vector<std::string_view>& particles) {
    bool any_lower = false;
    for (char c : phrase)
        if (c >= 'a' && c <= 'z') any_lower = true;
    if (any_lower) return std::string(phrase);
    std::string out;
    out.reserve(phrase.size());
    std::size_t i = 0;
    while (i < phrase.size()) {
        if (phrase[i] == ' ') {
            out += ' ';
            ++i;
            continue;
        }
        // One part: up to a space or a hyphen.
        std::size_t j = i;
        while (j < phrase.size() && phrase[j] != ' ' && phrase[j] != '-') ++j;
        std::string part(phrase.substr(i, j - i));
        std::string low = part;
        for (auto& c : low)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        const bool first_part = out.empty();
        const bool particle =
            !first_part && std::find(particles.begin(), particles.end(), low) != particles.end();
        if (particle) {
            out += low;
        } else {
            bool up = true;  // upper-case after the start, an apostrophe or "Mc"
            for (std::size_t k = 0; k < low.size(); ++k) {
                char c = low[k];
                out += up && c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
                up = c == '\'' || c == '.' || (k == 1 && low.compare(0, 2, "mc") == 0);
            }
        }
        if (j < phrase.size() && phrase[j] == '-') {
            out += '-';
            ++j;
        }
        i = j;
    }
    return out;
}

std::vector<PetrarchEntry> parse_petrarch_actors(std::string_view text) {
    std::vector<PetrarchEntry> out;
    bool in_xml = false, in_brace = false;
    bool closed = false;  // the last entry has had a role block: a new name starts an entry
    uint32_t lineno = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view raw = text.substr(pos, nl - pos);
        pos = nl + 1;
        ++lineno;
        if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
        std::string comment;
        const bool indented = !raw.empty() && is_space(raw.front());
        std::string line = strip_comments(raw, in_xml, in_brace, &comment);
        std::string_view body = trim(line);
        if (body.empty()) continue;
        // Split the line into its leading text and its bracketed roles.
        std::string_view head = body;
        std::vector<std::string_view> roles;
        if (auto lb = body.find('['); lb != std::string_view::npos) {
            head = trim(body.substr(0, lb));
            std::string_view rest = body.substr(lb);
            while (!rest.empty()) {
                auto a = rest.find('[');
                if (a == std::string_view::npos) break;
                auto b = rest.find(']', a);
                if (b == std::string_view::npos) break;
                roles.push_back(rest.substr(a + 1, b - a - 1));
                rest.remove_prefix(b + 1);
            }
        }
        if (!head.empty()) {
            if (head.front() == '+') {
                if (!out.empty()) {
                    auto syn = petrarch_phrase(head.substr(1));
                    if (!syn.empty()) out.back().names.push_back(std::move(syn));
                }
            } else if (!indented && !out.empty() && !closed) {
                // Name lines before the first role block are synonyms (TABARI blocks:
                // "BORIS_YELTSIN_" / "YELTSIN" / "PRESIDENT_YELTSIN" then the roles).
                auto syn = petrarch_phrase(head);
                if (!syn.empty()) out.back().names.push_back(std::move(syn));
                if (out.back().comment.empty()) out.back().comment = std::move(comment);
            } else if (!indented) {
                PetrarchEntry e;
                e.names.push_back(petrarch_phrase(head));
                e.comment = std::move(comment);
                e.line = lineno;
                if (!e.names.front().empty()) {
                    out.push_back(std::move(e));
                    closed = false;
                }
            }
        }
        if (out.empty()) continue;
        if (!roles.empty()) closed = true;  // even "[---]": the entry's block has begun
        for (auto r : roles) {
            DatedRole role;
            if (parse_role(r, role)) out.back().roles.push_back(std::move(role));
        }
    }
    return out;
}

}  // namespace parley::detail
