// One person, one name across articles: "Abbas" in one article and "Mahmoud Abbas" in another,
// or "George Bush" and "George W. Bush", are shown as the same participant.
#include <parley/event.hpp>

#include <map>
#include <set>

namespace parley {

namespace {

// The words of an actor's key: folded, without particles and middle initials.
std::vector<std::string> words_of(const std::string& name) {
    std::vector<std::string> out;
    const std::string key = actor_key(name);
    for (std::size_t b = 0; b < key.size();) {
        auto e = key.find(' ', b);
        if (e == std::string::npos) e = key.size();
        if (e > b) out.push_back(key.substr(b, e - b));
        b = e + 1;
    }
    return out;
}

}  // namespace

void unify_participant_names(std::vector<Event>& events) {
    // Surname -> the full names seen with it (first and last words).
    std::map<std::string, std::set<std::string>> full;
    std::map<std::string, std::string> longest;  // "george bush" key -> longest spelling
    for (const auto& e : events)
        for (const auto& p : e.participants) {
            if (p.kind != ActorKind::person) continue;
            auto w = words_of(p.name);
            if (w.size() < 2) continue;
            const std::string key = w.front() + " " + w.back();
            full[w.back()].insert(key);
            auto& l = longest[key];
            if (p.name.size() > l.size()) l = p.name;
        }
    std::map<std::string, std::string> rename;
    for (const auto& e : events)
        for (const auto& p : e.participants) {
            if (p.kind != ActorKind::person || rename.count(p.name)) continue;
            auto w = words_of(p.name);
            if (w.empty()) continue;
            auto it = full.find(w.back());
            if (it == full.end()) continue;
            if (w.size() == 1 && it->second.size() == 1) {
                rename[p.name] = longest[*it->second.begin()];
            } else if (w.size() >= 2) {
                const std::string& to = longest[w.front() + " " + w.back()];
                if (!to.empty() && to != p.name) rename[p.name] = to;
            }
        }
    if (rename.empty()) return;
    for (auto& e : events)
        for (auto& p : e.participants)
            if (auto r = rename.find(p.name); r != rename.end()) p.name = r->second;
}

}  // namespace parley
