// Event <-> JSON, with the field names of docs/event-schema.md.
#include "text/utf8.hpp"

#include <parley/error.hpp>
#include <parley/json.hpp>

#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <cstdint>

namespace parley {

namespace {

using nlohmann::json;

json opt_day(const std::optional<date::sys_days>& d) {
    return d ? json(format_iso_day(*d)) : json(nullptr);
}

std::optional<date::sys_days> day_from(const json& j, const std::string& where) {
    if (j.is_null()) return std::nullopt;
    if (!j.is_string()) throw Error(where + ": date must be a string or null");
    auto s = j.get<std::string>();
    auto d = parse_iso_day(std::string_view(s).substr(0, 10));
    if (!d) throw Error(where + ": date \"" + s + "\" does not parse as YYYY-MM-DD");
    return d;
}

std::optional<Granularity> granularity_from(std::string_view s) {
    for (int g = 0; g <= static_cast<int>(Granularity::century); ++g)
        if (s == to_string(static_cast<Granularity>(g))) return static_cast<Granularity>(g);
    return std::nullopt;
}

std::optional<ActorKind> kind_from(std::string_view s) {
    for (int k = 0; k <= static_cast<int>(ActorKind::group); ++k)
        if (s == to_string(static_cast<ActorKind>(k))) return static_cast<ActorKind>(k);
    return std::nullopt;
}

json str_or_null(const std::string& s) {
    return s.empty() ? json(nullptr) : json(s);
}
std::string string_or_empty(const json& j, const char* key) {
    auto it = j.find(key);
    return (it == j.end() || !it->is_string()) ? std::string() : it->get<std::string>();
}

// ---- Direct writer for to_json_line: the bytes nlohmann's dump() gives (keys sorted, compact),
// without building a json tree per event. Strings that are not valid UTF-8 take nlohmann.

bool valid_utf8(std::string_view s) {
    return detail::invalid_utf8_offset(s) == std::string_view::npos;
}

class LineWriter {
  public:
    bool ok = true;  ///< false once a string was not valid UTF-8
    std::string out;

    void raw(std::string_view s) { out.append(s); }
    void str(std::string_view s) {
        out.push_back('"');
        // Plain bytes are appended in runs; only quotes, backslashes and controls escape.
        bool ascii = true;
        std::size_t run = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            const auto c = static_cast<unsigned char>(s[i]);
            ascii &= c < 0x80;
            if (c > 0x1F && c != '"' && c != '\\') continue;
            out.append(s.data() + run, i - run);
            run = i + 1;
            escape(static_cast<char>(c));
        }
        out.append(s.data() + run, s.size() - run);
        out.push_back('"');
        // ASCII is valid UTF-8: only strings with high bytes need the check.
        if (!ascii && !valid_utf8(s)) ok = false;
    }
    void escape(char c) {
        switch (c) {
            case '"':
                out.append("\\\"");
                break;
            case '\\':
                out.append("\\\\");
                break;
            case '\b':
                out.append("\\b");
                break;
            case '\f':
                out.append("\\f");
                break;
            case '\n':
                out.append("\\n");
                break;
            case '\r':
                out.append("\\r");
                break;
            case '\t':
                out.append("\\t");
                break;
            default: {
                static constexpr char hex[] = "0123456789abcdef";
                out.append("\\u00");
                out.push_back(hex[(c >> 4) & 0xF]);
                out.push_back(hex[c & 0xF]);
            }
        }
    }
    void str_or_null(std::string_view s) {
        if (s.empty())
            raw("null");
        else
            str(s);
    }
    void day_or_null(const std::optional<date::sys_days>& d) {
        if (d)
            str(format_iso_day(*d));
        else
            raw("null");
    }
    void key(std::string_view k) {
        out.push_back('"');
        out.append(k);
        out.append("\":");
    }
};

// nlohmann's text for k/100 (the confidences to_json_line writes), computed by nlohmann once.
const std::string* hundredth_text(double v) {
    static const std::vector<std::string> table = [] {
        std::vector<std::string> t;
        for (int k = -100; k <= 100; ++k) t.push_back(json(std::round(k) / 100).dump());
        return t;
    }();
    if (!(v >= -1.0 && v <= 1.0)) return nullptr;  // confidences; others take nlohmann
    const double k = std::round(v * 100);
    if (k / 100 != v || (v == 0 && std::signbit(v))) return nullptr;
    return &table[static_cast<std::size_t>(static_cast<long>(k) + 100)];
}

std::string to_json_line_tree(const Event& e);

}  // namespace

std::string to_json_line(const Event& e) {
    const double confidence = std::round(e.confidence * 100) / 100;
    const std::string* conf = hundredth_text(confidence);
    if (!conf) return to_json_line_tree(e);
    LineWriter w;
    w.out.reserve(256 + e.evidence.sentence.size() + 96 * e.participants.size());
    w.raw("{");
    w.key("cameo");
    w.str(e.cameo);
    w.raw(",");
    w.key("confidence");
    w.raw(*conf);
    w.raw(",");
    w.key("date");
    w.raw("{");
    w.key("expression");
    w.str_or_null(e.date.expression);
    w.raw(",");
    w.key("first");
    w.day_or_null(e.date.first);
    w.raw(",");
    w.key("granularity");
    if (e.date.first)
        w.str(to_string(e.date.granularity));
    else
        w.raw("null");
    w.raw(",");
    w.key("last");
    w.day_or_null(e.date.last);
    w.raw("},");
    w.key("evidence");
    w.raw("{");
    w.key("begin");
    w.raw(std::to_string(e.evidence.begin));
    w.raw(",");
    w.key("document");
    w.str(e.evidence.document);
    w.raw(",");
    w.key("end");
    w.raw(std::to_string(e.evidence.end));
    w.raw(",");
    w.key("sentence");
    w.str(e.evidence.sentence);
    w.raw("},");
    w.key("id");
    w.str(e.id);
    w.raw(",");
    w.key("location");
    w.str_or_null(e.location);
    w.raw(",");
    w.key("participants");
    w.raw("[");
    for (std::size_t i = 0; i < e.participants.size(); ++i) {
        const auto& p = e.participants[i];
        if (i) w.raw(",");
        w.raw("{");
        w.key("country");
        w.str_or_null(p.country);
        w.raw(",");
        w.key("kind");
        w.str(to_string(p.kind));
        w.raw(",");
        w.key("name");
        w.str(p.name);
        w.raw(",");
        w.key("role");
        w.str(to_string(p.role));
        w.raw(",");
        w.key("title");
        w.str_or_null(p.title);
        w.raw("}");
    }
    w.raw("],");
    w.key("sources");
    w.raw("[");
    for (std::size_t i = 0; i < e.sources.size(); ++i) {
        if (i) w.raw(",");
        w.str(e.sources[i]);
    }
    w.raw("],");
    w.key("status");
    w.str(to_string(e.status));
    w.raw(",");
    w.key("type");
    w.str(to_string(e.type));
    w.raw("}");
    if (!w.ok) return to_json_line_tree(e);
    return std::move(w.out);
}

namespace {

std::string to_json_line_tree(const Event& e) {
    json participants = json::array();
    for (const auto& p : e.participants) {
        participants.push_back({{"name", p.name},
                                {"kind", to_string(p.kind)},
                                {"country", str_or_null(p.country)},
                                {"title", str_or_null(p.title)},
                                {"role", to_string(p.role)}});
    }
    json j = {{"id", e.id},
              {"type", to_string(e.type)},
              {"cameo", e.cameo},
              {"status", to_string(e.status)},
              {"date",
               {{"first", opt_day(e.date.first)},
                {"last", opt_day(e.date.last)},
                {"granularity", e.date.first ? json(to_string(e.date.granularity)) : json(nullptr)},
                {"expression", str_or_null(e.date.expression)}}},
              {"participants", participants},
              {"location", str_or_null(e.location)},
              {"evidence",
               {{"document", e.evidence.document},
                {"sentence", e.evidence.sentence},
                {"begin", e.evidence.begin},
                {"end", e.evidence.end}}},
              {"sources", e.sources},
              {"confidence", std::round(e.confidence * 100) / 100}};
    // Replace invalid UTF-8 rather than throw: evidence comes from checked input, but be safe.
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

Event event_from_json(std::string_view line, const std::string& where) {
    json j;
    try {
        j = json::parse(line);
    } catch (const json::parse_error& ex) {
        throw Error(where + ": not a JSON object (" + std::string(ex.what()) + ")");
    }
    if (!j.is_object()) throw Error(where + ": expected a JSON object per line");
    Event e;
    e.id = string_or_empty(j, "id");
    auto type = event_type_from_string(string_or_empty(j, "type"));
    if (!type) throw Error(where + ": missing or unknown event \"type\"");
    e.type = *type;
    e.cameo = string_or_empty(j, "cameo");
    if (auto st = event_status_from_string(string_or_empty(j, "status"))) e.status = *st;
    if (auto it = j.find("date"); it != j.end() && it->is_object()) {
        e.date.first = day_from(it->value("first", json(nullptr)), where);
        e.date.last = day_from(it->value("last", json(nullptr)), where);
        if (e.date.first && !e.date.last) e.date.last = e.date.first;
        if (auto g = granularity_from(string_or_empty(*it, "granularity"))) e.date.granularity = *g;
        e.date.expression = string_or_empty(*it, "expression");
    }
    if (auto it = j.find("participants"); it != j.end() && it->is_array()) {
        for (const auto& pj : *it) {
            if (!pj.is_object()) throw Error(where + ": participant must be an object");
            Participant p;
            p.name = string_or_empty(pj, "name");
            if (p.name.empty()) throw Error(where + ": participant without a name");
            if (auto k = kind_from(string_or_empty(pj, "kind"))) p.kind = *k;
            p.country = string_or_empty(pj, "country");
            p.title = string_or_empty(pj, "title");
            if (auto r = role_from_string(string_or_empty(pj, "role"))) p.role = *r;
            e.participants.push_back(std::move(p));
        }
    }
    e.location = string_or_empty(j, "location");
    if (auto it = j.find("evidence"); it != j.end() && it->is_object()) {
        e.evidence.document = string_or_empty(*it, "document");
        e.evidence.sentence = string_or_empty(*it, "sentence");
        e.evidence.begin = it->value("begin", 0u);
        e.evidence.end = it->value("end", 0u);
    }
    if (auto it = j.find("sources"); it != j.end() && it->is_array())
        for (const auto& s : *it)
            if (s.is_string()) e.sources.push_back(s.get<std::string>());
    if (auto it = j.find("confidence"); it != j.end() && it->is_number())
        e.confidence = it->get<double>();
    return e;
}

namespace {

/// Fills an Event straight from nlohmann's SAX events, without a DOM. It takes only the shapes
/// that event_from_json reads the ordinary way (the types of event-schema.md, each key once,
/// unknown keys skipped); anything else makes it give up, and the caller falls back to
/// event_from_json, which then gives the same Event or the same error.
class EventSax {
  public:
    using string_t = json::string_t;
    explicit EventSax(Event& e) : m_e(e) {}
    bool complete() const { return m_has_type; }

    bool null() {
        if (skipping() || top() == Ctx::sources) return true;  // sources skip non-strings
        switch (m_field) {
            case Field::skip:
            case Field::first:  // an undated end
            case Field::last:
                m_field = Field::none;
                return true;
            case Field::begin:
            case Field::end:
            case Field::type:
                return false;  // event_from_json throws on these
            case Field::date:
            case Field::participants:
            case Field::evidence:
            case Field::sources:
            case Field::confidence:
                m_field = Field::none;  // not an object, array or number: ignored
                return true;
            default: {
                string_t empty;
                return string(empty);  // a null string reads as ""
            }
        }
    }
    bool boolean(bool) { return skip_scalar(); }
    bool number_integer(json::number_integer_t v) { return number(static_cast<double>(v), false); }
    bool number_unsigned(json::number_unsigned_t v) {
        if (skipping()) return true;
        if (m_field == Field::begin || m_field == Field::end) {
            if (v > UINT32_MAX) return false;
            (m_field == Field::begin ? m_e.evidence.begin : m_e.evidence.end) =
                static_cast<uint32_t>(v);
            m_field = Field::none;
            return true;
        }
        return number(static_cast<double>(v), false);
    }
    bool number_float(json::number_float_t v, const string_t&) { return number(v, true); }
    bool binary(json::binary_t&) { return skip_scalar(); }

    bool string(string_t& v) {
        if (skipping()) return true;
        if (top() == Ctx::sources) {
            m_e.sources.push_back(v);
            return true;
        }
        const Field f = m_field;
        m_field = Field::none;
        switch (f) {
            case Field::skip:
                return true;
            case Field::id:
                m_e.id = v;
                return true;
            case Field::type: {
                auto t = event_type_from_string(v);
                if (!t) return false;
                m_e.type = *t;
                m_has_type = true;
                return true;
            }
            case Field::cameo:
                m_e.cameo = v;
                return true;
            case Field::status:
                if (auto st = event_status_from_string(v)) m_e.status = *st;
                return true;
            case Field::location:
                m_e.location = v;
                return true;
            case Field::first:
            case Field::last: {
                auto d = parse_iso_day(std::string_view(v).substr(0, 10));
                if (!d) return false;
                (f == Field::first ? m_e.date.first : m_e.date.last) = d;
                return true;
            }
            case Field::granularity:
                if (auto g = granularity_from(v)) m_e.date.granularity = *g;
                return true;
            case Field::expression:
                m_e.date.expression = v;
                return true;
            case Field::name:
                part().name = v;
                return true;
            case Field::kind:
                if (auto k = kind_from(v)) part().kind = *k;
                return true;
            case Field::country:
                part().country = v;
                return true;
            case Field::title:
                part().title = v;
                return true;
            case Field::role:
                if (auto r = role_from_string(v)) part().role = *r;
                return true;
            case Field::document:
                m_e.evidence.document = v;
                return true;
            case Field::sentence:
                m_e.evidence.sentence = v;
                return true;
            default:
                return false;
        }
    }

    bool start_object(std::size_t) {
        if (skipping() || m_field == Field::skip) return enter_skip();
        if (m_depth == m_ctx.size()) return false;
        Ctx next;
        if (m_depth == 0)
            next = Ctx::top;
        else if (m_field == Field::date)
            next = Ctx::date;
        else if (m_field == Field::evidence)
            next = Ctx::evidence;
        else if (top() == Ctx::parts) {
            next = Ctx::part;
            m_e.participants.emplace_back();
        } else
            return false;
        m_field = Field::none;
        m_seen[m_depth] = 0;
        m_ctx[m_depth++] = next;
        return true;
    }
    bool end_object() {
        if (m_skip) {
            --m_skip;
            return true;
        }
        if (m_depth == 0 || (top() == Ctx::part && part().name.empty())) return false;
        --m_depth;
        return true;
    }
    bool start_array(std::size_t) {
        if (skipping() || m_field == Field::skip) return enter_skip();
        if (m_depth == m_ctx.size()) return false;
        Ctx next;
        if (m_field == Field::participants)
            next = Ctx::parts;
        else if (m_field == Field::sources)
            next = Ctx::sources;
        else
            return false;
        m_field = Field::none;
        m_ctx[m_depth++] = next;
        return true;
    }
    bool end_array() {
        if (m_skip) {
            --m_skip;
            return true;
        }
        if (m_depth == 0) return false;
        --m_depth;
        return true;
    }
    bool key(string_t& k) {
        if (m_skip) return true;
        const Ctx c = top();
        int bit = -1;
        m_field = Field::skip;
        auto is = [&](const char* name, Field f, int b) {
            if (k != name) return false;
            m_field = f;
            bit = b;
            return true;
        };
        switch (c) {
            case Ctx::top:
                is("id", Field::id, 0) || is("type", Field::type, 1) ||
                    is("cameo", Field::cameo, 2) || is("status", Field::status, 3) ||
                    is("date", Field::date, 4) || is("participants", Field::participants, 5) ||
                    is("location", Field::location, 6) || is("evidence", Field::evidence, 7) ||
                    is("sources", Field::sources, 8) || is("confidence", Field::confidence, 9);
                break;
            case Ctx::date:
                is("first", Field::first, 0) || is("last", Field::last, 1) ||
                    is("granularity", Field::granularity, 2) ||
                    is("expression", Field::expression, 3);
                break;
            case Ctx::part:
                is("name", Field::name, 0) || is("kind", Field::kind, 1) ||
                    is("country", Field::country, 2) || is("title", Field::title, 3) ||
                    is("role", Field::role, 4);
                break;
            case Ctx::evidence:
                is("document", Field::document, 0) || is("sentence", Field::sentence, 1) ||
                    is("begin", Field::begin, 2) || is("end", Field::end, 3);
                break;
            default:
                return false;
        }
        if (bit >= 0) {
            // A repeated key: the DOM keeps the last value; leave that to event_from_json.
            if (m_seen[m_depth - 1] & (1u << bit)) return false;
            m_seen[m_depth - 1] |= 1u << bit;
        }
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
        return false;
    }

  private:
    enum class Ctx : uint8_t { none, top, date, parts, part, evidence, sources };
    enum class Field : uint8_t {
        none,
        skip,
        id,
        type,
        cameo,
        status,
        date,
        participants,
        location,
        evidence,
        sources,
        confidence,
        first,
        last,
        granularity,
        expression,
        name,
        kind,
        country,
        title,
        role,
        document,
        sentence,
        begin,
        end
    };
    Ctx top() const { return m_depth ? m_ctx[m_depth - 1] : Ctx::none; }
    Participant& part() { return m_e.participants.back(); }
    bool skipping() const { return m_skip > 0; }
    bool enter_skip() {
        ++m_skip;  // nested containers inside a skipped value
        m_field = Field::none;
        return true;
    }
    bool skip_scalar() {
        if (skipping()) return true;
        if (m_field != Field::skip) return false;
        m_field = Field::none;
        return true;
    }
    bool number(double v, bool) {
        if (skipping()) return true;
        if (m_field == Field::confidence) {
            m_e.confidence = v;
            m_field = Field::none;
            return true;
        }
        return skip_scalar();
    }

    Event& m_e;
    std::array<Ctx, 4> m_ctx{};
    std::array<uint32_t, 4> m_seen{};
    std::size_t m_depth = 0;
    std::size_t m_skip = 0;
    Field m_field = Field::none;
    bool m_has_type = false;
};

}  // namespace

Event event_from_jsonl(std::string_view line, const std::string& source, std::size_t line_number) {
    Event e;
    EventSax sax(e);
    bool ok = false;
    try {
        ok = json::sax_parse(line.begin(), line.end(), &sax) && sax.complete();
    } catch (const std::exception&) {
        ok = false;
    }
    if (ok) {
        if (e.date.first && !e.date.last) e.date.last = e.date.first;
        return e;
    }
    return event_from_json(line, source + ":" + std::to_string(line_number));
}

std::vector<Event> read_events_jsonl(std::istream& in, const std::string& source) {
    std::vector<Event> out;
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        out.push_back(event_from_json(line, source + ":" + std::to_string(n)));
    }
    return out;
}

}  // namespace parley
