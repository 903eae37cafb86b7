#include "actors/actor_codes.hpp"

#include "actors/gazetteer.hpp"

#include <parley/knowledge.hpp>

#include <unordered_map>

namespace parley {

namespace {

// lexicon/group-sectors.tsv and lexicon/cameo-sectors.tsv, compiled once per Knowledge.
struct CodeTables {
    explicit CodeTables(const Knowledge& kb) {
        if (kb.has("lexicon/group-sectors.tsv"))
            for (const auto& row : kb.rows("lexicon/group-sectors.tsv"))
                if (row.size() >= 2) group_sector.emplace(detail::fold_phrase(row[0]), row[1]);
        if (kb.has("lexicon/cameo-sectors.tsv"))
            for (const auto& row : kb.rows("lexicon/cameo-sectors.tsv"))
                if (row.size() >= 2) cameo_sector.emplace(row[0], row[1]);
    }
    std::string sector(const std::string& s) const {
        auto it = cameo_sector.find(s);
        return it == cameo_sector.end() ? s : it->second;
    }
    std::unordered_map<std::string, std::string> group_sector;
    std::unordered_map<std::string, std::string> cameo_sector;
};

std::string upper(std::string s) {
    for (auto& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    return s;
}

const detail::GazMatch* lookup(const detail::Gazetteer& gaz, std::string_view name,
                               detail::GazKind kind) {
    if (name.empty()) return nullptr;
    if (const auto* hits = gaz.find(detail::fold_phrase(name)))
        for (const auto& h : *hits)
            if (h.kind == kind) return &h;
    return nullptr;
}

std::string title_sector(const detail::Gazetteer& gaz, const CodeTables& t,
                         std::string_view title) {
    if (const auto* m = lookup(gaz, title, detail::GazKind::title))
        return t.sector(gaz.titles()[m->index].sector);
    return {};
}

std::string country_of(const detail::Gazetteer& gaz, const Participant& p) {
    if (!p.country.empty()) return p.country;
    if (const auto* m = lookup(gaz, p.name, detail::GazKind::country_name))
        return gaz.countries()[m->index].code;
    return {};
}

// The dictionary role of a person on `day`: dated roles are exceptions to the open ones
// (PETRARCH's rule), and the narrowest dated role is the most specific.
std::string person_role(const detail::PersonEntry& person, date::sys_days day) {
    const detail::DatedRole* best = nullptr;
    long best_len = 0;
    for (const auto& r : person.roles) {
        if ((r.from && day < *r.from) || (r.to && day > *r.to)) continue;
        const bool dated = r.from || r.to;
        // Open bounds count as very long, so that a closed interval beats a half-open one.
        const long len = dated ? (r.from && r.to ? (*r.to - *r.from).count() : 1L << 30) : 1L << 31;
        if (!best || len < best_len) {
            best = &r;
            best_len = len;
        }
    }
    return best ? upper(best->code) : std::string();
}

}  // namespace

std::string actor_code(const Participant& p, date::sys_days day, const Knowledge& kb) {
    const auto& gaz = kb.get<detail::Gazetteer>();
    const auto& t = kb.get<CodeTables>();
    switch (p.kind) {
        case ActorKind::person: {
            if (auto idx = gaz.person_by_name(detail::fold_phrase(p.name))) {
                auto code = person_role(gaz.people()[*idx], day);
                if (!code.empty()) return code;
            }
            const auto country = country_of(gaz, p);
            const auto sector = title_sector(gaz, t, p.title);
            if (country.empty() && sector.empty()) return {};
            return (country.empty() ? "---" : country) + sector;
        }
        case ActorKind::country:
            return upper(country_of(gaz, p));
        case ActorKind::organisation: {
            if (const auto* m = lookup(gaz, p.name, detail::GazKind::organisation)) {
                const auto& o = gaz.organisations()[m->index];
                const auto code = upper(o.code);
                if (code.size() > 3) return code;
                const auto country = p.country.empty() ? o.country : p.country;
                if (country.empty() || country == code) return code;
                return country + t.sector(code);
            }
            return upper(p.country);
        }
        case ActorKind::group: {
            const auto country = country_of(gaz, p);
            std::string_view name = p.name;
            const auto sp = name.rfind(' ');
            const auto head =
                detail::fold_phrase(sp == std::string_view::npos ? name : name.substr(sp + 1));
            // The whole agent first ("foreign minister"), then its head noun.
            auto it = p.title.empty() ? t.group_sector.end()
                                      : t.group_sector.find(detail::fold_phrase(p.title));
            if (it == t.group_sector.end()) it = t.group_sector.find(head);
            std::string sector =
                it != t.group_sector.end() ? it->second : title_sector(gaz, t, p.title);
            if (country.empty() && sector.empty()) return {};
            return (country.empty() ? "---" : country) + sector;
        }
    }
    return {};
}

}  // namespace parley
