// Corpus store: a persistent SQLite database of documents, actors and merged events.
// SQLite stays behind a pimpl: this header includes neither sqlite3.h nor Boost.
#pragma once

#include <parley/event.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

/// One article's worth of events to store. The same `source` with the same `hash` is skipped;
/// with another hash its old events are replaced. A `hash` already stored under another
/// source (the same article copied) is skipped too.
struct DocumentRecord {
    std::string source;  ///< path as given
    std::string hash;    ///< content hash (Document::id, or a hash of the .jsonl lines)
    std::string title;
    std::optional<date::sys_days> publication;
    std::vector<Actor> actors;  ///< optional: the article's actors, for aliases and titles
    std::vector<Event> events;
};

struct IngestStats {
    std::size_t documents_added = 0;
    std::size_t documents_replaced = 0;
    std::size_t documents_unchanged = 0;
    std::size_t events_added = 0;   ///< new events
    std::size_t events_merged = 0;  ///< reports merged into an event already stored
    IngestStats& operator+=(const IngestStats& o);
};

/// Which events a query wants. A window (from/to) keeps events whose dates overlap it and
/// drops undated ones.
struct EventFilter {
    std::optional<date::sys_days> from;
    std::optional<date::sys_days> to;
    std::vector<EventType> types;  ///< empty: every type
    std::vector<int64_t> actors;   ///< events with any of these actors; empty: all
    bool dated_only() const { return from.has_value() || to.has_value(); }
    bool keeps(EventType t, std::optional<date::sys_days> first,
               std::optional<date::sys_days> last) const;
};

struct StoredActor {
    int64_t id = 0;
    std::string name;  ///< canonical
    ActorKind kind = ActorKind::person;
    std::string country;
    std::string sector;
    std::vector<std::string> titles;
    std::vector<std::string> aliases;
    std::optional<date::sys_days> first;  ///< first and last appearance in an event
    std::optional<date::sys_days> last;
    uint32_t events = 0;
};

struct StoredEvent {
    int64_t id = 0;
    Event event;  ///< participant names canonical; `sources` every reporting document
    std::vector<int64_t> actors;  ///< parallel to event.participants
};

/// A thin (event, actor) row: what the graph is built from.
struct EventActorRow {
    int64_t event = 0;
    int64_t actor = 0;
    EventType type = EventType::other;
    std::optional<date::sys_days> first;
    std::optional<date::sys_days> last;
};

class Store {
  public:
    enum class Mode { read_write, read_only };
    static constexpr int kSchemaVersion = 2;

    /// Opens the database, creating it when missing (read_write). A file that is not a Parley
    /// database throws Error "FILE: not a Parley database (reason)" and is left untouched.
    explicit Store(const std::filesystem::path& path, Mode mode = Mode::read_write);
    ~Store();
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;

    const std::filesystem::path& path() const;
    int schema_version() const;

    /// Stores a batch in one transaction: all of it or, on any failure, nothing.
    IngestStats add_batch(const std::vector<DocumentRecord>& batch);
    /// Starts a bulk load when `expected_events` (what the caller is about to add) is at least
    /// 1,000 and at least half of what is stored: the secondary indexes
    /// participants(actor_id, event_id), sources(event_id) and sources(document_id) are
    /// dropped, in a transaction of their own, before the first add_batch() that adds a new
    /// document, until end_bulk_load() rebuilds them by a sort. Each add_batch() stays one
    /// transaction. A process killed in between leaves a consistent database without those
    /// indexes: queries stay correct (slower), and the next read_write open rebuilds them.
    /// Returns whether the bulk load is on.
    bool begin_bulk_load(std::size_t expected_events);
    /// Rebuilds the indexes begin_bulk_load() dropped (one transaction); the destructor does it
    /// too. No-op when no bulk load is on.
    void end_bulk_load();
    bool bulk_loading() const;
    /// Whether this exact content is stored already (lets ingest skip extraction).
    bool has_document(const std::string& source, const std::string& hash) const;

    /// Every stored document's source and content hash.
    void for_each_document(
        const std::function<void(const std::string& source, const std::string& hash)>& fn) const;

    std::size_t count_documents() const;
    std::size_t count_events() const;
    std::size_t count_actors() const;
    std::size_t count_sources() const;

    /// Actors with their titles, aliases and appearance in the events `f` keeps (actor filter
    /// ignored). With a type or window filter, actors without such events are left out.
    std::vector<StoredActor> actors(const EventFilter& f = {}) const;
    std::optional<StoredActor> actor(int64_t id) const;
    /// Actors a command-line name may mean, best first: an exact name, else an alias, else a
    /// surname (case, accents, "al-"/"el" particles and middle initials ignored).
    std::vector<StoredActor> find_actors(std::string_view name) const;

    /// Events `f` keeps, chronologically (undated last).
    std::vector<StoredEvent> events(const EventFilter& f) const;
    /// Events by id, in the order given (unknown ids skipped).
    std::vector<StoredEvent> events_by_id(const std::vector<int64_t>& ids) const;
    /// Reads every event's details (participants, sources, evidence) into memory, so that
    /// events() and events_by_id() answer without a lookup per event: for a long-lived reader
    /// (about 250 MB and 1.5 s for a million events). A snapshot: the next add_batch() drops it.
    void cache_events() const;
    /// Ids of the events of `actor` that `f` keeps (f.actors: the event must also have one of
    /// them, `actor` aside), in the order of CorpusGraph::events_of, without loading a graph.
    std::vector<int64_t> event_ids_of(int64_t actor, const EventFilter& f) const;
    /// Every (event, participant) pair, ordered by event.
    void for_each_event_actor(const std::function<void(const EventActorRow&)>& fn) const;

    /// SQLite's integrity check: "ok" or the first problem.
    std::string integrity_check() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

/// Whether two reported dates can be the same happening: both dated, overlapping, and of
/// compatible granularity (both a week or shorter, or the same granularity).
bool dates_compatible(const EventDate& a, const EventDate& b);

}  // namespace parley
