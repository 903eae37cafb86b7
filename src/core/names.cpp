// String names of the enums: the JSON vocabulary of event-schema.md.
#include <parley/document.hpp>
#include <parley/event.hpp>
#include <parley/time.hpp>

#include <array>

namespace parley {

namespace {
template <class E, std::size_t N>
std::optional<E> lookup(const std::array<const char*, N>& names, std::string_view s) {
    for (std::size_t i = 0; i < N; ++i)
        if (s == names[i]) return static_cast<E>(i);
    return std::nullopt;
}
constexpr std::array<const char*, 9> kEventTypes = {"meeting",   "visit",       "phone_call",
                                                    "statement", "negotiation", "agreement",
                                                    "appeal",    "mediation",   "other"};
constexpr std::array<const char*, 5> kStatuses = {"occurred", "scheduled", "reported", "denied",
                                                  "cancelled"};
constexpr std::array<const char*, 6> kRoles = {"source",  "target",   "host",
                                               "visitor", "mediator", "participant"};
constexpr std::array<const char*, 11> kGranularities = {"unknown", "day",    "weekend", "week",
                                                        "month",   "season", "quarter", "half",
                                                        "year",    "decade", "century"};
constexpr std::array<const char*, 4> kTimexTypes = {"date", "time", "duration", "set"};
constexpr std::array<const char*, 4> kKinds = {"person", "country", "organisation", "group"};
constexpr std::array<const char*, 6> kOrigins = {"none", "override", "meta",
                                                 "time", "json-ld",  "dateline"};
}  // namespace

const char* to_string(EventType t) {
    return kEventTypes[static_cast<std::size_t>(t)];
}
const char* to_string(EventStatus s) {
    return kStatuses[static_cast<std::size_t>(s)];
}
const char* to_string(Role r) {
    return kRoles[static_cast<std::size_t>(r)];
}
const char* to_string(Granularity g) {
    return kGranularities[static_cast<std::size_t>(g)];
}
const char* to_string(TimexType t) {
    return kTimexTypes[static_cast<std::size_t>(t)];
}
const char* to_string(ActorKind k) {
    return kKinds[static_cast<std::size_t>(k)];
}
const char* to_string(DateOrigin o) {
    return kOrigins[static_cast<std::size_t>(o)];
}

std::optional<EventType> event_type_from_string(std::string_view s) {
    return lookup<EventType>(kEventTypes, s);
}
std::optional<EventStatus> event_status_from_string(std::string_view s) {
    return lookup<EventStatus>(kStatuses, s);
}
std::optional<Role> role_from_string(std::string_view s) {
    return lookup<Role>(kRoles, s);
}

}  // namespace parley
