// PETRARCH verb dictionaries as extra triggers. A deliberately small reader: each block's verbs
// (with their regular and brace-given forms) become triggers carrying the block's code; the
// patterns only lend a code to a block that has none. Codes above 05 are not diplomatic
// events and are skipped.
#include "actors/lexer.hpp"
#include "events/event_rules.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string_view>

namespace parley::detail {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::vector<std::string> split_ws(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) ++i;
        const auto b = i;
        while (i < s.size() && !is_space(s[i])) ++i;
        if (i > b) out.emplace_back(s.substr(b, i - b));
    }
    return out;
}

// "[031:032]" -> "031" (the source-to-target code); "---", "+++" and "" -> none; "210a",
// "025?" -> the leading digits.
std::string code_of(std::string_view text) {
    const auto open = text.find('[');
    if (open == std::string_view::npos) return {};
    const auto close = text.find(']', open);
    if (close == std::string_view::npos) return {};
    std::string_view c = trim(text.substr(open + 1, close - open - 1));
    std::string out;
    for (char ch : c) {
        if (ch < '0' || ch > '9') break;
        out += ch;
    }
    return out.size() >= 2 ? out : std::string();
}

struct Kind {
    EventType type;
    const char* frames;
};

// The event type a code's root stands for; none for codes outside 01-05.
std::optional<Kind> kind_of(const std::string& code) {
    const auto r = code.substr(0, 2);
    if (r == "01") return Kind{EventType::statement, "self"};
    if (r == "02") return Kind{EventType::appeal, "obj,with"};
    if (r == "03") return Kind{EventType::other, "obj,with"};
    if (r == "04") {
        const auto sub = code.size() >= 3 ? code.substr(0, 3) : code;
        if (sub == "041") return Kind{EventType::phone_call, "obj,with"};
        if (sub == "042") return Kind{EventType::visit, "dest"};  // a visit needs a destination
        if (sub == "045") return Kind{EventType::mediation, "obj,with"};
        if (sub == "046") return Kind{EventType::negotiation, "obj,with"};
        return Kind{EventType::meeting, "obj,with"};
    }
    if (r == "05")
        return Kind{code.starts_with("057") ? EventType::agreement : EventType::other, "obj,with"};
    return std::nullopt;
}

// A pattern that says only where the verb's actors stand: "* [x]", "* WITH + [x]", "$ * + [x]".
bool simple_pattern(std::string_view pattern) {
    static const std::set<std::string, std::less<>> allowed = {
        "*",  "$",       "+",    "%",     "WITH", "TO", "FOR",  "ON",   "AT",
        "IN", "AGAINST", "FROM", "ABOUT", "OF",   "BY", "OVER", "INTO", "UPON"};
    std::string p(pattern);
    std::replace(p.begin(), p.end(), '_', ' ');
    bool star = false;
    for (const auto& t : split_ws(p)) {
        if (!allowed.count(t)) return false;
        star = star || t == "*";
    }
    return star;
}

bool vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// "ban" -> doubles its last letter before -ed/-ing; "open", "visit" (two vowel groups) do not.
bool doubles(const std::string& w) {
    if (w.size() < 3) return false;
    const char a = w[w.size() - 3], b = w[w.size() - 2], c = w.back();
    if (vowel(a) || !vowel(b) || vowel(c) || c == 'w' || c == 'x' || c == 'y') return false;
    int groups = 0;
    for (std::size_t i = 0; i < w.size(); ++i)
        groups += vowel(w[i]) && (i == 0 || !vowel(w[i - 1]));
    return groups == 1;
}

// Regular English forms of a verb word: -s/-es, -ed/-d, -ing.
std::vector<std::string> inflect(const std::string& w, bool past) {
    std::vector<std::string> out;
    if (w.empty()) return out;
    const char last = w.back();
    const bool cons_y = last == 'y' && w.size() > 1 && !vowel(w[w.size() - 2]);
    const std::string stem = w.substr(0, w.size() - 1);
    if (w.ends_with("s") || w.ends_with("x") || w.ends_with("z") || w.ends_with("ch") ||
        w.ends_with("sh"))
        out.push_back(w + "es");
    else
        out.push_back(cons_y ? stem + "ies" : w + "s");
    if (past) {
        if (last == 'e')
            out.push_back(w + "d");
        else if (cons_y)
            out.push_back(stem + "ied");
        else if (doubles(w))
            out.push_back(w + last + "ed");
        else
            out.push_back(w + "ed");
    }
    if (w.ends_with("ie"))
        out.push_back(w.substr(0, w.size() - 2) + "ying");
    else if (last == 'e' && !w.ends_with("ee") && !w.ends_with("ye") && !w.ends_with("oe"))
        out.push_back(stem + "ing");
    else if (doubles(w))
        out.push_back(w + last + "ing");
    else
        out.push_back(w + "ing");
    return out;
}

struct Form {
    std::vector<std::string> words;
    std::size_t head = 0;  ///< the word that inflects ("wire_+tap": tap)
};

// "KLM_NOP_+RST" -> klm nop rst, head 2; "+BREAK_DOWN" -> break down, head 0.
Form form_of(std::string_view token) {
    Form f;
    if (!token.empty() && token.front() == '+') token.remove_prefix(1);
    std::size_t b = 0;
    while (b <= token.size()) {
        auto e = token.find('_', b);
        if (e == std::string_view::npos) e = token.size();
        std::string_view part = token.substr(b, e - b);
        bool head = false;
        if (!part.empty() && part.front() == '+') {
            part.remove_prefix(1);
            head = true;
        }
        if (!part.empty()) {
            if (head) f.head = f.words.size();
            f.words.push_back(fold_word(part));
        }
        b = e + 1;
    }
    return f;
}

struct VerbLine {
    std::vector<Form> forms;  ///< the verb and its brace-given forms
    std::string code;         ///< the line's own code, if any
};

struct Block {
    std::string code;
    std::vector<VerbLine> verbs;
    std::map<std::string, int> simple_codes;  ///< code -> how many simple patterns give it
};

}  // namespace

void add_petrarch_verbs(const std::filesystem::path& path, EventRules& rules) {
    std::ifstream in(path, std::ios::binary);
    if (!std::filesystem::is_regular_file(path) || !in)
        throw Error(path.string() + ": cannot read verb dictionary");

    std::vector<Block> blocks;
    bool in_block = false;  // false before the first header and inside a synset
    std::string raw;
    std::size_t lineno = 0;
    while (std::getline(in, raw)) {
        ++lineno;
        std::string_view line(raw);
        if (const auto hash = line.find('#'); hash != std::string_view::npos)
            line = line.substr(0, hash);
        line = trim(line);
        if (line.empty() || line.starts_with("<!")) continue;
        if (line.starts_with("---")) {
            blocks.emplace_back();
            blocks.back().code = code_of(line);
            in_block = true;
            continue;
        }
        if (line.front() == '&') {  // a synset: its members are not verbs
            in_block = false;
            continue;
        }
        if (!in_block) continue;
        Block& blk = blocks.back();
        if (line.front() == '-') {
            const auto open = line.find('[');
            if (open == std::string_view::npos) continue;
            const auto code = code_of(line);
            if (!code.empty() && simple_pattern(line.substr(1, open - 1))) ++blk.simple_codes[code];
            continue;
        }
        VerbLine v;
        std::string_view rest = line;
        std::size_t i = 0;
        while (i < rest.size() && !is_space(rest[i]) && rest[i] != '{' && rest[i] != '[') ++i;
        v.forms.push_back(form_of(rest.substr(0, i)));
        rest = rest.substr(i);
        if (const auto ob = rest.find('{'); ob != std::string_view::npos) {
            const auto cb = rest.find('}', ob);
            if (cb == std::string_view::npos)
                throw Error(path.string() + ":" + std::to_string(lineno) + ": unclosed '{'");
            for (const auto& t : split_ws(rest.substr(ob + 1, cb - ob - 1)))
                v.forms.push_back(form_of(t));
            rest = rest.substr(cb + 1);
        }
        v.code = code_of(rest);
        if (!v.forms.front().words.empty()) blk.verbs.push_back(std::move(v));
    }

    auto known = [&](const std::vector<std::string>& words) {
        auto it = rules.triggers.find(words.front());
        if (it == rules.triggers.end()) return false;
        for (const auto& t : it->second)
            if (t.words == words) return true;
        return false;
    };

    for (const auto& blk : blocks) {
        std::string block_code = blk.code;
        if (block_code.empty()) {  // "--- ACCORD [---] ---": its most common simple pattern's
            int best = 0;
            for (const auto& [c, n] : blk.simple_codes)
                if (n > best) best = n, block_code = c;
        }
        for (const auto& v : blk.verbs) {
            const std::string code = v.code.empty() ? block_code : v.code;
            if (code.empty()) continue;
            const auto kind = kind_of(code);
            if (!kind) continue;
            // Every spelling: the forms as given, and the regular inflections of the first
            // (past tense too unless the braces give the irregular ones).
            std::vector<std::vector<std::string>> phrases;
            for (const auto& f : v.forms) phrases.push_back(f.words);
            const Form& base = v.forms.front();
            for (const auto& w : inflect(base.words[base.head], v.forms.size() == 1)) {
                auto words = base.words;
                words[base.head] = w;
                phrases.push_back(std::move(words));
            }
            for (auto& words : phrases) {
                if (words.empty() || known(words)) continue;
                Trigger t;
                t.type = kind->type;
                t.cameo = code;
                t.noun = false;
                std::string_view frames = kind->frames;
                while (!frames.empty()) {
                    const auto comma = frames.find(',');
                    t.frames.emplace_back(frames.substr(0, comma));
                    frames = comma == std::string_view::npos ? std::string_view()
                                                             : frames.substr(comma + 1);
                }
                t.words = std::move(words);
                rules.max_trigger = std::max(rules.max_trigger, t.words.size());
                rules.triggers[t.words.front()].push_back(std::move(t));
            }
        }
    }
}

}  // namespace parley::detail
