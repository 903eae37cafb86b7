#include "eval/tempeval.hpp"

#include <parley/error.hpp>
#include <parley/knowledge.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace parley {

namespace {

constexpr std::array<const char*, 4> kTypes = {"DATE", "TIME", "DURATION", "SET"};

int type_index(std::string_view t) {
    for (std::size_t i = 0; i < kTypes.size(); ++i)
        if (t == kTypes[i]) return int(i);
    return -1;
}

void append_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// Decodes one entity starting at s[i] == '&'; returns the characters consumed (0 if none).
std::size_t decode_entity(std::string_view s, std::size_t i, std::string& out) {
    const std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) return 0;
    const std::string_view name = s.substr(i + 1, semi - i - 1);
    if (name == "amp")
        out += '&';
    else if (name == "lt")
        out += '<';
    else if (name == "gt")
        out += '>';
    else if (name == "quot")
        out += '"';
    else if (name == "apos")
        out += '\'';
    else if (name.size() > 1 && name[0] == '#') {
        unsigned long cp = 0;
        const bool hex = name[1] == 'x' || name[1] == 'X';
        for (char c : name.substr(hex ? 2 : 1)) {
            int d = c >= '0' && c <= '9'                            ? c - '0'
                    : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                                    : -1;
            if (d < 0) return 0;
            cp = cp * (hex ? 16 : 10) + unsigned(d);
            if (cp > 0x10FFFF) return 0;
        }
        append_utf8(out, cp);
    } else {
        return 0;
    }
    return semi - i + 1;
}

std::string attr(std::string_view tag, std::string_view name) {
    std::size_t pos = 0;
    while ((pos = tag.find(name, pos)) != std::string_view::npos) {
        const bool start_ok =
            pos > 0 && (tag[pos - 1] == ' ' || tag[pos - 1] == '\t' || tag[pos - 1] == '\n');
        std::size_t k = pos + name.size();
        while (k < tag.size() && tag[k] == ' ') ++k;
        if (start_ok && k < tag.size() && tag[k] == '=') {
            ++k;
            while (k < tag.size() && tag[k] == ' ') ++k;
            if (k < tag.size() && (tag[k] == '"' || tag[k] == '\'')) {
                const std::size_t e = tag.find(tag[k], k + 1);
                if (e != std::string_view::npos) {
                    std::string v;
                    std::string_view raw = tag.substr(k + 1, e - k - 1);
                    for (std::size_t i = 0; i < raw.size(); ++i) {
                        if (raw[i] == '&') {
                            if (std::size_t n = decode_entity(raw, i, v)) {
                                i += n - 1;
                                continue;
                            }
                        }
                        v += raw[i];
                    }
                    return v;
                }
            }
        }
        pos += name.size();
    }
    return {};
}

bool tag_is(std::string_view tag, std::string_view name) {
    return tag.size() >= name.size() && tag.substr(0, name.size()) == name &&
           (tag.size() == name.size() || tag[name.size()] == ' ' || tag[name.size()] == '>' ||
            tag[name.size()] == '/' || tag[name.size()] == '\t' || tag[name.size()] == '\n');
}

}  // namespace

TmlDocument parse_tml(std::string_view xml, const std::string& source) {
    TmlDocument doc;
    doc.source = source;
    // The DCT: the TIMEX3 whose functionInDocument is CREATION_TIME.
    for (std::size_t pos = 0; (pos = xml.find("<TIMEX3", pos)) != std::string_view::npos;) {
        const std::size_t e = xml.find('>', pos);
        if (e == std::string_view::npos) break;
        const std::string_view tag = xml.substr(pos + 1, e - pos - 1);
        if (attr(tag, "functionInDocument") == "CREATION_TIME") {
            const std::string v = attr(tag, "value");
            if (v.size() >= 10) doc.dct = parse_iso_day(std::string_view(v).substr(0, 10));
            break;
        }
        pos = e;
    }
    const std::size_t tb = xml.find("<TEXT>");
    const std::size_t te = xml.find("</TEXT>");
    if (tb == std::string_view::npos || te == std::string_view::npos || te < tb)
        throw Error(source + ": no <TEXT> element");
    const std::string_view body = xml.substr(tb + 6, te - tb - 6);
    std::vector<GoldTimex> open;
    for (std::size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c == '<') {
            const std::size_t e = body.find('>', i);
            if (e == std::string_view::npos) throw Error(source + ": unclosed tag in TEXT");
            const std::string_view tag = body.substr(i + 1, e - i - 1);
            if (tag_is(tag, "TIMEX3")) {
                GoldTimex t;
                t.begin = uint32_t(doc.text.size());
                t.type = attr(tag, "type");
                t.value = attr(tag, "value");
                if (!tag.empty() && tag.back() == '/') {  // empty element: nothing to find
                } else {
                    open.push_back(std::move(t));
                }
            } else if (tag_is(tag, "/TIMEX3") && !open.empty()) {
                GoldTimex t = std::move(open.back());
                open.pop_back();
                t.end = uint32_t(doc.text.size());
                t.text = doc.text.substr(t.begin, t.end - t.begin);
                if (t.end > t.begin) doc.timexes.push_back(std::move(t));
            }
            i = e;
            continue;
        }
        if (c == '&') {
            if (std::size_t n = decode_entity(body, i, doc.text)) {
                i += n - 1;
                continue;
            }
        }
        doc.text += c;
    }
    std::sort(doc.timexes.begin(), doc.timexes.end(),
              [](const GoldTimex& a, const GoldTimex& b) { return a.begin < b.begin; });
    return doc;
}

TmlDocument load_tml(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string() + ": cannot read");
    std::stringstream ss;
    ss << in.rdbuf();
    return parse_tml(ss.str(), path.string());
}

void score_tempeval(const TmlDocument& doc, const std::vector<TimeSpan>& found,
                    TempEvalReport& report) {
    ++report.documents;
    std::vector<const GoldTimex*> gold;
    for (const auto& g : doc.timexes)
        if (type_index(g.type) >= 0) gold.push_back(&g);
    auto overlap = [](const GoldTimex& g, const TimeSpan& s) {
        return s.span.begin < g.end && g.begin < s.span.end;
    };
    auto exact = [](const GoldTimex& g, const TimeSpan& s) {
        return s.span.begin == g.begin && s.span.end == g.end;
    };
    auto sys_type = [](const TimeSpan& s) { return int(s.type); };  // same order as kTypes
    for (const auto& s : found) {
        auto& row = report.by_type[std::size_t(sys_type(s))];
        ++row.system;
        ++report.overall.system;
        bool rel = false, str = false;
        for (const auto* g : gold) {
            rel = rel || overlap(*g, s);
            str = str || exact(*g, s);
        }
        row.relaxed_system += rel;
        row.strict_system += str;
        report.overall.relaxed_system += rel;
        report.overall.strict_system += str;
    }
    for (const auto* g : gold) {
        auto& row = report.by_type[std::size_t(type_index(g->type))];
        ++row.gold;
        ++report.overall.gold;
        bool rel = false, str = false, val = false;
        std::string ours;
        for (const auto& s : found) {
            if (!overlap(*g, s)) continue;
            rel = true;
            str = str || exact(*g, s);
            if (s.timex == g->value) val = true;
            if (ours.empty()) ours = s.timex;
        }
        row.relaxed_gold += rel;
        row.strict_gold += str;
        row.value_correct += val;
        report.overall.relaxed_gold += rel;
        report.overall.strict_gold += str;
        report.overall.value_correct += val;
        if (!val) {
            report.errors.push_back(std::filesystem::path(doc.source).filename().string() + ": " +
                                    g->type + " \"" + g->text + "\" gold " + g->value + ", ours " +
                                    (rel ? (ours.empty() ? "(no value)" : ours) : "(missed)"));
        }
    }
}

TempEvalReport evaluate_tempeval(const std::vector<std::filesystem::path>& inputs,
                                 const Knowledge& kb) {
    std::vector<std::filesystem::path> files;
    for (const auto& in : inputs) {
        std::error_code ec;
        if (std::filesystem::is_directory(in, ec)) {
            for (const auto& e : std::filesystem::directory_iterator(in))
                if (e.path().extension() == ".tml") files.push_back(e.path());
        } else if (std::filesystem::is_regular_file(in, ec)) {
            files.push_back(in);
        } else {
            throw Error(in.string() + ": no such file or directory");
        }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) throw Error("no .tml files found");
    TempEvalReport report;
    for (const auto& f : files) {
        const TmlDocument doc = load_tml(f);
        TimeOptions opts;
        opts.publication = doc.dct;
        score_tempeval(doc, find_times(doc.text, {}, kb, opts, nullptr), report);
    }
    return report;
}

std::string format_tempeval_table(const TempEvalReport& r) {
    std::string out;
    char buf[256];
    std::snprintf(buf, sizeof buf, "TempEval-3 evaluation: %zu documents\n\n", r.documents);
    out += buf;
    out +=
        "type        gold  sys   strict P/R/F1        relaxed P/R/F1       value acc  value F1\n";
    auto row = [&](const char* name, const TempEvalCounts& c) {
        std::snprintf(buf, sizeof buf,
                      "%-10s %5zu %5zu  %5.1f %5.1f %5.1f    %5.1f %5.1f %5.1f    %6.1f   %6.1f\n",
                      name, c.gold, c.system, 100 * c.strict_p(), 100 * c.strict_r(),
                      100 * c.strict_f1(), 100 * c.relaxed_p(), 100 * c.relaxed_r(),
                      100 * c.relaxed_f1(), 100 * c.value_accuracy(), 100 * c.value_f1());
        out += buf;
    };
    for (std::size_t i = 0; i < kTypes.size(); ++i) row(kTypes[i], r.by_type[i]);
    row("overall", r.overall);
    out +=
        "HeidelTime (TempEval-3, published, all types): strict F1 81.34, relaxed F1 90.30, "
        "value F1 77.61\n";
    return out;
}

}  // namespace parley
