// Events: CAMEO-typed diplomatic events with participants, status, date and evidence.
#pragma once

#include <parley/actor.hpp>
#include <parley/time.hpp>

#include <string>
#include <vector>

namespace parley {

enum class EventType : uint8_t {
    meeting,
    visit,
    phone_call,
    statement,
    negotiation,
    agreement,
    appeal,
    mediation,
    other
};
const char* to_string(EventType);
std::optional<EventType> event_type_from_string(std::string_view);

enum class EventStatus : uint8_t { occurred, scheduled, reported, denied, cancelled };
const char* to_string(EventStatus);
std::optional<EventStatus> event_status_from_string(std::string_view);

enum class Role : uint8_t { source, target, host, visitor, mediator, participant };
const char* to_string(Role);
std::optional<Role> role_from_string(std::string_view);

struct Participant {
    std::string name;
    ActorKind kind = ActorKind::person;
    std::string country;
    std::string title;
    Role role = Role::participant;
};

struct EventDate {
    std::optional<date::sys_days> first;
    std::optional<date::sys_days> last;
    Granularity granularity = Granularity::unknown;
    std::string expression;  ///< empty when none was seen
};

struct Evidence {
    std::string document;
    std::string sentence;
    uint32_t begin = 0;
    uint32_t end = 0;
};

struct Event {
    std::string id;  ///< 16 hex digits, stable for the same document, sentence and type
    EventType type = EventType::other;
    std::string cameo;
    EventStatus status = EventStatus::occurred;
    EventDate date;
    std::vector<Participant> participants;
    std::string location;  ///< empty = null
    Evidence evidence;
    std::vector<std::string> sources;
    double confidence = 0.5;
};

/// Across articles, gives one person one name: a surname alone ("Abbas") becomes the one full
/// name seen with it ("Mahmoud Abbas"); "George Bush" and "George W. Bush" become the longer.
void unify_participant_names(std::vector<Event>& events);

/// Finds the events of one document, given its actors and time expressions.
std::vector<Event> find_events(const Document& doc, const ActorTable& actors,
                               const std::vector<TimeSpan>& times, const Knowledge& kb);

}  // namespace parley
