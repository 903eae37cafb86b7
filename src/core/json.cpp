// Event <-> JSON, with the field names of docs/event-schema.md.
#include <parley/error.hpp>
#include <parley/json.hpp>

#include <nlohmann/json.hpp>

#include <cmath>

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

}  // namespace

std::string to_json_line(const Event& e) {
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
