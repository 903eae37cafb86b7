// The corpus store: schema checks and migrations, batched transactional ingest with actor and
// event merging, and the reads the query layer needs.
#include "core/fnv.hpp"
#include "core/view_hash.hpp"
#include "store/schema.hpp"
#include "store/sqlite.hpp"

#include <parley/store.hpp>

#include <unistd.h>
#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace parley {

using detail::Stmt;

namespace {

/// Spreads an integer key over the bits the flat tables below index by (MurmurHash3's
/// finaliser half).
uint64_t mix(uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    return k;
}

int64_t day_num(date::sys_days d) {
    return d.time_since_epoch().count();
}
date::sys_days num_day(int64_t n) {
    return date::sys_days(date::days(n));
}
std::optional<int64_t> opt_num(const std::optional<date::sys_days>& d) {
    return d ? std::optional<int64_t>(day_num(*d)) : std::nullopt;
}
std::optional<date::sys_days> opt_day(const std::optional<int64_t>& n) {
    return n ? std::optional<date::sys_days>(num_day(*n)) : std::nullopt;
}

uint64_t fnv1a(uint64_t h, const void* data, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < n; ++i) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h;
}

/// The merge key: type and the sorted participant ids.
int64_t merge_key(EventType type, std::vector<int64_t> ids) {
    std::sort(ids.begin(), ids.end());
    uint64_t h = 14695981039346656037ull;
    const auto t = static_cast<uint8_t>(type);
    h = fnv1a(h, &t, 1);
    for (auto id : ids) h = fnv1a(h, &id, sizeof id);
    return static_cast<int64_t>(h >> 1);
}

std::string last_token(const std::string& key) {
    auto sp = key.rfind(' ');
    return sp == std::string::npos ? key : key.substr(sp + 1);
}

/// SQL conditions on events aliased `e` for a filter; binds returned in order.
std::string filter_sql(const EventFilter& f, std::vector<int64_t>& binds, bool with_actors) {
    std::string sql;
    if (f.dated_only()) sql += " AND e.first IS NOT NULL";
    if (f.from) {
        sql += " AND e.last >= ?";
        binds.push_back(day_num(*f.from));
    }
    if (f.to) {
        sql += " AND e.first <= ?";
        binds.push_back(day_num(*f.to));
    }
    if (!f.types.empty()) {
        sql += " AND e.type IN (";
        for (std::size_t i = 0; i < f.types.size(); ++i)
            sql += (i ? "," : "") + std::to_string(static_cast<int>(f.types[i]));
        sql += ")";
    }
    if (with_actors && !f.actors.empty()) {
        sql += " AND e.id IN (SELECT event_id FROM participants WHERE actor_id IN (";
        for (std::size_t i = 0; i < f.actors.size(); ++i)
            sql += (i ? "," : "") + std::to_string(f.actors[i]);
        sql += "))";
    }
    return sql;
}

template <class V>
using StrMap = detail::ViewMap<V>;  // searched with a string_view, no key string built

/// Open addressing from a 64-bit key to a 32-bit value. No node per entry: a lookup in the
/// million merge keys or the hot name cache touches a cache line or two, not a pointer chain.
class FlatIndex {
  public:
    static constexpr uint32_t kNone = UINT32_MAX;
    uint32_t find(uint64_t key) const {
        if (m_slots.empty()) return kNone;
        for (std::size_t i = mix(key) & m_mask;; i = (i + 1) & m_mask) {
            const Slot& s = m_slots[i];
            if (s.value == kNone) return kNone;
            if (s.key == key) return s.value;
        }
    }
    /// Inserts or overwrites.
    void set(uint64_t key, uint32_t value) {
        if ((m_size + 1) * 4 > m_slots.size() * 3) grow();
        for (std::size_t i = mix(key) & m_mask;; i = (i + 1) & m_mask) {
            Slot& s = m_slots[i];
            if (s.value == kNone) {
                s = Slot{key, value};
                ++m_size;
                return;
            }
            if (s.key == key) {
                s.value = value;
                return;
            }
        }
    }
    void clear() {
        m_slots.clear();
        m_size = 0;
        m_mask = 0;
    }

  private:
    struct Slot {
        uint64_t key = 0;
        uint32_t value = kNone;
    };
    void grow() {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(std::max<std::size_t>(64, old.size() * 2), Slot{});
        m_mask = m_slots.size() - 1;
        m_size = 0;
        for (const auto& s : old)
            if (s.value != kNone) set(s.key, s.value);
    }
    std::vector<Slot> m_slots;
    std::size_t m_size = 0;
    std::size_t m_mask = 0;
};

/// Strings (with a small tag, e.g. the actor kind) to an int64: keys live in one arena and the
/// index is flat, so the lookup of every participant's name stays in cache.
class NameCache {
  public:
    int64_t* find(uint8_t tag, std::string_view name) {
        const uint64_t h = hash(tag, name);
        for (uint32_t i = m_index.find(h); i != FlatIndex::kNone; i = m_entries[i].next) {
            Entry& e = m_entries[i];
            if (e.tag == tag && e.len == name.size() &&
                std::memcmp(m_arena.data() + e.offset, name.data(), name.size()) == 0)
                return &e.value;
        }
        return nullptr;
    }
    void add(uint8_t tag, std::string_view name, int64_t value) {
        const uint64_t h = hash(tag, name);
        Entry e{m_arena.size(), static_cast<uint32_t>(name.size()), tag, value, m_index.find(h)};
        m_arena.append(name);
        m_index.set(h, static_cast<uint32_t>(m_entries.size()));
        m_entries.push_back(e);
    }
    std::size_t size() const { return m_entries.size(); }
    void clear() {
        m_index.clear();
        m_entries.clear();
        m_arena.clear();
    }

  private:
    struct Entry {
        std::size_t offset;
        uint32_t len;
        uint8_t tag;
        int64_t value;
        uint32_t next;  // an entry with the same 64-bit hash
    };
    static uint64_t hash(uint8_t tag, std::string_view s) {
        return std::hash<std::string_view>{}(s) ^ (uint64_t(tag) * 0x9e3779b97f4a7c15ull);
    }
    FlatIndex m_index;
    std::vector<Entry> m_entries;
    std::string m_arena;
};

/// A stored dated event that later reports may merge into.
struct MergeCandidate {
    int64_t id = 0;
    int32_t first = 0, last = 0;  // days
    Granularity granularity = Granularity::unknown;
    EventDate date() const {
        EventDate d;
        d.first = date::sys_days(date::days(first));
        d.last = date::sys_days(date::days(last));
        d.granularity = granularity;
        return d;
    }
};

/// Merge key -> its candidates, oldest first. Open addressing with the first candidate in the
/// slot itself (most keys have one) and the rest in a contiguous overflow list: a busy pair's
/// hundreds of candidates are scanned in one run instead of a chase across memory.
class MergeTable {
  public:
    template <class F>
    void for_each(uint64_t key, F&& fn) {
        Slot* s = find(key);
        if (!s) return;
        const uint32_t more = s->more;
        if (fn(s->first)) return;
        if (more == kNone) return;
        for (auto& c : m_overflow[more])
            if (fn(c)) return;
    }
    void add(uint64_t key, const MergeCandidate& c) {
        if ((m_size + 1) * 4 > m_slots.size() * 3) grow();
        Slot& s = probe(key);
        if (s.first.id == 0) {
            s.key = key;
            s.first = c;
            ++m_size;
            return;
        }
        if (s.more == kNone) {
            s.more = static_cast<uint32_t>(m_overflow.size());
            m_overflow.emplace_back();
        }
        m_overflow[s.more].push_back(c);
    }
    void clear() {
        m_slots.clear();
        m_overflow.clear();
        m_size = 0;
        m_mask = 0;
    }

  private:
    static constexpr uint32_t kNone = UINT32_MAX;
    struct Slot {
        uint64_t key = 0;
        MergeCandidate first;  // id 0: the slot is free
        uint32_t more = kNone;
    };
    Slot* find(uint64_t key) {
        if (m_slots.empty()) return nullptr;
        Slot& s = probe(key);
        return s.first.id == 0 ? nullptr : &s;
    }
    /// The slot holding `key`, or the free slot where it would go.
    Slot& probe(uint64_t key) {
        for (std::size_t i = mix(key) & m_mask;; i = (i + 1) & m_mask) {
            Slot& s = m_slots[i];
            if (s.first.id == 0 || s.key == key) return s;
        }
    }
    void grow() {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(std::max<std::size_t>(64, old.size() * 2), Slot{});
        m_mask = m_slots.size() - 1;
        for (const auto& s : old)
            if (s.first.id != 0) probe(s.key) = s;
    }
    std::vector<Slot> m_slots;
    std::vector<std::vector<MergeCandidate>> m_overflow;
    std::size_t m_size = 0;
    std::size_t m_mask = 0;
};

/// The secondary indexes that a bulk batch drops and rebuilds, as the schema defines them (keep
/// in step with store/schema.hpp). Rebuilding one by a sort costs about a third of keeping it
/// up row by row, so a batch as large as half of what is stored gains by it.
constexpr std::array<std::pair<const char*, const char*>, 3> kBulkIndexes{{
    {"participants_actor",
     "CREATE INDEX IF NOT EXISTS participants_actor ON participants(actor_id, event_id)"},
    {"sources_event", "CREATE INDEX IF NOT EXISTS sources_event ON sources(event_id)"},
    {"sources_document", "CREATE INDEX IF NOT EXISTS sources_document ON sources(document_id)"},
}};
constexpr std::size_t kBulkMinEvents = 1000;

std::string not_parley(const std::string& path, const std::string& reason) {
    return path + ": not a Parley database (" + reason + ")";
}

}  // namespace

IngestStats& IngestStats::operator+=(const IngestStats& o) {
    documents_added += o.documents_added;
    documents_replaced += o.documents_replaced;
    documents_unchanged += o.documents_unchanged;
    events_added += o.events_added;
    events_merged += o.events_merged;
    return *this;
}

bool EventFilter::keeps(EventType t, std::optional<date::sys_days> first,
                        std::optional<date::sys_days> last) const {
    if (!types.empty() && std::find(types.begin(), types.end(), t) == types.end()) return false;
    if (dated_only() && !first) return false;
    if (from && (last ? *last : *first) < *from) return false;
    if (to && *first > *to) return false;
    return true;
}

/// Everything hydrate() returns, held in memory for a long-lived reader: a snapshot taken by
/// Store::cache_events(), dropped by the next add_batch().
struct EventDetails {
    struct Ev {
        bool present = false;
        EventType type = EventType::other;
        EventStatus status = EventStatus::occurred;
        Granularity granularity = Granularity::unknown;
        std::optional<int64_t> first, last;
        uint32_t cameo = 0, expression = 0, location = 0;  // into strings
        double confidence = 0;
        uint32_t parts_begin = 0, parts_end = 0;  // into parts
        uint32_t docs_begin = 0, docs_end = 0;    // into docs
        bool has_evidence = false;
        uint32_t evidence_doc = 0, begin = 0, end = 0;
        std::string uid;
        std::string sentence;
    };
    struct Part {
        int64_t actor;
        uint32_t title;  // into strings
        Role role;
    };
    struct ActorRow {
        uint32_t name = 0, country = 0;
        ActorKind kind = ActorKind::person;
    };
    std::vector<Ev> events;  // by event id
    std::vector<Part> parts;
    std::vector<uint32_t> docs;  // distinct reporting documents (into strings), in source order
    std::unordered_map<int64_t, ActorRow> actors;
    std::vector<std::string> strings{std::string()};  // interned; 0 is ""
    StrMap<uint32_t> string_index;

    uint32_t intern(std::string_view v) {
        if (v.empty()) return 0;
        if (auto it = string_index.find(v); it != string_index.end()) return it->second;
        const auto n = static_cast<uint32_t>(strings.size());
        strings.emplace_back(v);
        string_index.emplace(std::string(v), n);
        return n;
    }
};

struct Store::Impl {
    detail::Db db;
    std::filesystem::path path;
    Mode mode = Mode::read_write;
    int version = 0;

    // Writer state, prepared on the first batch.
    bool writer_ready = false;
    Stmt doc_by_source, doc_by_hash, doc_insert, doc_update, doc_sources, doc_delete_sources,
        event_delete_orphan, actor_insert, actor_country, actor_promote, alias_insert, role_upsert,
        event_insert, source_insert, event_narrow, event_location, participants_delete;
    // participant_inserts[n - 1] inserts n participant rows: one statement per event.
    std::array<Stmt, 4> participant_inserts;

    // Caches, rebuilt from the database after a rollback.
    bool caches_ready = false;
    std::unordered_map<std::string, int64_t> actor_by_key;  // kind + '\t' + key
    std::unordered_map<std::string, std::vector<int64_t>> full_names_by_surname;  // persons
    std::vector<uint8_t> actor_has_country;                                       // by actor id
    std::unordered_set<std::string> aliases_seen;                                 // id + '\t' + key
    NameCache name_cache;  // (kind, name as written) -> id
    NameCache title_ids;   // interned titles for roles_seen
    FlatIndex roles_seen;  // (id << 20) ^ title -> role_spans
    std::vector<std::pair<int64_t, int64_t>> role_spans;
    bool merge_ready = false;
    MergeTable merge;
    bool indexes_dropped = false;  // some of kBulkIndexes are missing (dropped by this writer)
    bool run_deferred = false;     // a bulk load dropped them for many batches
    bool bulk_armed = false;       // begin_bulk_load() said yes; no new document written yet
    std::unique_ptr<EventDetails> details;  // Store::cache_events()

    void open(const std::filesystem::path& p, Mode m);
    void migrate(int from);
    void prepare_writer();
    void load_caches();
    void load_merge();
    void invalidate() {
        caches_ready = false;
        merge_ready = false;
        actor_by_key.clear();
        full_names_by_surname.clear();
        actor_has_country.clear();
        aliases_seen.clear();
        roles_seen.clear();
        role_spans.clear();
        name_cache.clear();
        merge.clear();
    }
    void drop_indexes() {
        for (const auto& [name, sql] : kBulkIndexes)
            db.exec(("DROP INDEX IF EXISTS " + std::string(name)).c_str());
        indexes_dropped = true;
    }
    void restore_indexes() {
        if (!indexes_dropped) return;
        for (const auto& [name, sql] : kBulkIndexes) db.exec(sql);
        indexes_dropped = false;
    }
    /// The kBulkIndexes that the database lacks: a bulk load that was killed leaves them out.
    std::vector<const char*> missing_indexes() {
        std::vector<const char*> out;
        Stmt st(db, "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?");
        for (const auto& [name, sql] : kBulkIndexes) {
            st.bind_text(1, name);
            if (!st.step()) out.push_back(sql);
            st.reset();
        }
        return out;
    }
    /// Builds the missing kBulkIndexes, in one transaction of its own.
    void create_missing_indexes() {
        const auto missing = missing_indexes();
        if (missing.empty()) return;
        db.exec("BEGIN IMMEDIATE");
        try {
            for (const char* sql : missing) db.exec(sql);
            db.exec("COMMIT");
        } catch (...) {
            sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }
    uint8_t& has_country(int64_t id) {
        const auto i = static_cast<std::size_t>(id);
        if (i >= actor_has_country.size()) actor_has_country.resize(i + i / 2 + 1024, 0);
        return actor_has_country[i];
    }
    void add_candidate(int64_t mkey, int64_t id, const EventDate& d) {
        merge.add(static_cast<uint64_t>(mkey),
                  MergeCandidate{id, static_cast<int32_t>(day_num(*d.first)),
                                 static_cast<int32_t>(day_num(*d.last)), d.granularity});
    }
    void store_document(const DocumentRecord& doc, IngestStats& stats);
    void start_bulk_load();
    bool adds_a_document(const std::vector<DocumentRecord>& batch);
    int64_t resolve_actor(const std::string& name, ActorKind kind, const std::string& country,
                          const std::string& sector);
    void add_alias(int64_t id, const std::string& alias);
    void add_role(int64_t id, const std::string& title, const EventDate& d);
    std::vector<StoredEvent> hydrate(const std::vector<int64_t>& ids);
    std::vector<StoredEvent> hydrate_cached(const std::vector<int64_t>& ids) const;
    void cache_events();
    int64_t scalar(const char* sql) {
        Stmt st(db, sql);
        return st.step() ? st.i64(0) : 0;
    }
};

void Store::Impl::open(const std::filesystem::path& p, Mode m) {
    path = p;
    mode = m;
    const std::string name = p.string();
    std::error_code ec;
    const bool exists = std::filesystem::exists(p, ec);
    if (m == Mode::read_only && !exists)
        throw Error(name + ": no such database (create it with `parley ingest`)");
    if (exists && std::filesystem::is_directory(p, ec))
        throw Error(not_parley(name, "a directory"));
    // Queries open read-write without create when they can, so that a WAL database's
    // shared-memory file can be set up; query_only keeps them from writing.
    bool writable = true;
    try {
        db.open(name, m == Mode::read_write);
        if (m == Mode::read_only) db.exec("PRAGMA query_only=1");
    } catch (const Error&) {
        if (m == Mode::read_write) throw;
        writable = false;
        db.open(name, false);
    }
    (void)writable;
    // Look before touching anything: a foreign file must stay byte-for-byte as it was.
    std::vector<std::string> tables;
    {
        sqlite3_stmt* st = nullptr;
        int rc = sqlite3_prepare_v2(
            db.handle(), "SELECT name FROM sqlite_master WHERE type='table'", -1, &st, nullptr);
        if (rc == SQLITE_OK)
            while ((rc = sqlite3_step(st)) == SQLITE_ROW)
                tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
        const std::string reason = sqlite3_errmsg(db.handle());
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE) {
            db.close();
            throw Error(not_parley(name, reason));
        }
    }
    if (tables.empty()) {
        if (m == Mode::read_only) {
            db.close();
            throw Error(not_parley(name, "empty database"));
        }
    } else if (std::find(tables.begin(), tables.end(), "parley_meta") == tables.end()) {
        std::string list;
        for (std::size_t i = 0; i < tables.size() && i < 3; ++i)
            list += (i ? ", " : "") + tables[i];
        if (tables.size() > 3) list += ", ...";
        db.close();
        throw Error(not_parley(name, "it has other tables: " + list));
    } else {
        Stmt st(db, "SELECT key, value FROM parley_meta");
        std::string app;
        while (st.step()) {
            if (st.str(0) == "application") app = st.str(1);
            if (st.str(0) == "schema_version") version = std::atoi(st.str(1).c_str());
        }
        if (app != "parley") {
            db.close();
            throw Error(not_parley(name, "parley_meta names another application"));
        }
        if (version > kSchemaVersion) {
            db.close();
            throw Error(name + ": database schema version " + std::to_string(version) +
                        " is newer than this parley supports (" + std::to_string(kSchemaVersion) +
                        ")");
        }
        if (version < kSchemaVersion && m == Mode::read_only) {
            db.close();
            throw Error(name + ": database schema version " + std::to_string(version) +
                        " is old; run `parley ingest` to migrate it");
        }
    }
    // A new database gets 8 KB pages (SQLite's default is 4 KB): shallower B-trees, fewer
    // page writes per batch. It took about a tenth off the writer's CPU at a million events,
    // and queries ran as fast or slightly faster. An existing file keeps its page size.
    if (m == Mode::read_write && tables.empty()) db.exec("PRAGMA page_size=8192");
    if (m == Mode::read_write) {
        db.exec("PRAGMA journal_mode=WAL");
        db.exec("PRAGMA synchronous=NORMAL");
        // Fewer, larger checkpoints: a page rewritten by several batches is copied back once.
        db.exec("PRAGMA wal_autocheckpoint=16384");
        db.exec("PRAGMA secure_delete=OFF");  // this build zeroes freed pages otherwise
    }
    db.exec("PRAGMA foreign_keys=ON");
    db.exec("PRAGMA cache_size=-262144");  // 256 MB: the indexes of a million events stay cached
    db.exec("PRAGMA mmap_size=1073741824");
    db.exec("PRAGMA temp_store=MEMORY");
    if (m == Mode::read_write && version < kSchemaVersion) migrate(version);
    // An ingest killed during a bulk load (Store::begin_bulk_load) leaves the database without
    // some secondary indexes: correct, but slow to query. A writer puts them back first.
    if (m == Mode::read_write && version > 0) create_missing_indexes();
}

void Store::Impl::migrate(int from) {
    db.exec("BEGIN IMMEDIATE");
    try {
        for (int v = from; v < kSchemaVersion; ++v)
            db.exec(detail::kMigrations[static_cast<std::size_t>(v)]);
        Stmt st(db, "INSERT OR REPLACE INTO parley_meta VALUES ('schema_version', ?)");
        st.bind_text(1, std::to_string(kSchemaVersion)).exec();
        db.exec("COMMIT");
    } catch (...) {
        sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
    version = kSchemaVersion;
}

void Store::Impl::prepare_writer() {
    if (writer_ready) return;
    doc_by_source = Stmt(db, "SELECT id, hash FROM documents WHERE source = ?");
    doc_by_hash = Stmt(db, "SELECT 1 FROM documents WHERE hash = ? LIMIT 1");
    doc_insert =
        Stmt(db, "INSERT INTO documents(source, hash, title, publication) VALUES (?, ?, ?, ?)");
    doc_update = Stmt(db,
                      "UPDATE documents SET hash = ?, title = ?, publication = ?, "
                      "ingested = datetime('now') WHERE id = ?");
    doc_sources = Stmt(db, "SELECT DISTINCT event_id FROM sources WHERE document_id = ?");
    doc_delete_sources = Stmt(db, "DELETE FROM sources WHERE document_id = ?");
    event_delete_orphan = Stmt(db,
                               "DELETE FROM events WHERE id = ?1 AND NOT EXISTS "
                               "(SELECT 1 FROM sources WHERE event_id = ?1)");
    actor_insert = Stmt(db,
                        "INSERT INTO actors(name, key, surname, kind, country, sector) "
                        "VALUES (?, ?, ?, ?, ?, ?)");
    actor_country = Stmt(db, "UPDATE actors SET country = ? WHERE id = ? AND country IS NULL");
    actor_promote = Stmt(db, "UPDATE actors SET name = ?, key = ?, surname = ? WHERE id = ?");
    alias_insert = Stmt(db, "INSERT OR IGNORE INTO aliases(key, actor_id, alias) VALUES (?, ?, ?)");
    role_upsert =
        Stmt(db,
             "INSERT INTO roles(actor_id, title, first, last) VALUES (?, ?, ?, ?) "
             "ON CONFLICT(actor_id, title) DO UPDATE SET "
             "first = min(coalesce(first, excluded.first), coalesce(excluded.first, first)), "
             "last = max(coalesce(last, excluded.last), coalesce(excluded.last, last))");
    event_insert = Stmt(db,
                        "INSERT INTO events(uid, type, cameo, status, first, last, granularity, "
                        "expression, location, confidence, mkey) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    for (std::size_t n = 1; n <= participant_inserts.size(); ++n) {
        std::string sql =
            "INSERT OR IGNORE INTO participants(event_id, actor_id, ord, role, title) VALUES ";
        for (std::size_t i = 0; i < n; ++i) sql += i ? ",(?,?,?,?,?)" : "(?,?,?,?,?)";
        participant_inserts[n - 1] = Stmt(db, sql.c_str());
    }
    source_insert = Stmt(db,
                         "INSERT INTO sources(event_id, document_id, uid, status, first, last, "
                         "sentence, begin, end, confidence) VALUES (?,?,?,?,?,?,?,?,?,?)");
    event_narrow = Stmt(db,
                        "UPDATE events SET first = ?, last = ?, granularity = ?, expression = ? "
                        "WHERE id = ?");
    event_location = Stmt(db, "UPDATE events SET location = ? WHERE id = ? AND location IS NULL");
    participants_delete = Stmt(db, "DELETE FROM participants WHERE event_id = ?");
    writer_ready = true;
}

void Store::Impl::load_caches() {
    if (caches_ready) return;
    Stmt st(db, "SELECT id, key, kind, country FROM actors");
    while (st.step()) {
        const int64_t id = st.i64(0);
        const std::string key = st.str(1);
        const auto kind = static_cast<ActorKind>(st.i64(2));
        actor_by_key[std::to_string(static_cast<int>(kind)) + '\t' + key] = id;
        has_country(id) = !st.null(3);
        if (kind == ActorKind::person && key.find(' ') != std::string::npos)
            full_names_by_surname[last_token(key)].push_back(id);
    }
    Stmt al(db, "SELECT actor_id, key FROM aliases");
    while (al.step()) aliases_seen.insert(std::to_string(al.i64(0)) + '\t' + al.str(1));
    caches_ready = true;
}

void Store::Impl::load_merge() {
    if (merge_ready) return;
    merge.clear();
    Stmt st(db, "SELECT id, mkey, first, last, granularity FROM events WHERE first IS NOT NULL");
    EventDate d;
    while (st.step()) {
        d.first = num_day(st.i64(2));
        d.last = num_day(st.null(3) ? st.i64(2) : st.i64(3));
        d.granularity = static_cast<Granularity>(st.i64(4));
        add_candidate(st.i64(1), st.i64(0), d);
    }
    merge_ready = true;
}

void Store::Impl::add_alias(int64_t id, const std::string& alias) {
    std::string key = actor_key(alias);
    if (key.empty()) return;
    if (!aliases_seen.insert(std::to_string(id) + '\t' + key).second) return;
    alias_insert.bind_text(1, key).bind(2, id).bind_text(3, alias).exec();
}

void Store::Impl::add_role(int64_t id, const std::string& title, const EventDate& d) {
    if (title.empty()) return;
    const int64_t first = d.first ? day_num(*d.first) : INT64_MAX;
    const int64_t last = d.last ? day_num(*d.last) : INT64_MIN;
    int64_t title_id;
    if (const int64_t* t = title_ids.find(0, title)) {
        title_id = *t;
    } else {
        title_id = static_cast<int64_t>(title_ids.size());
        title_ids.add(0, title, title_id);
    }
    const auto key = static_cast<uint64_t>((id << 20) ^ title_id);
    const uint32_t at = roles_seen.find(key);
    if (at == FlatIndex::kNone) {
        roles_seen.set(key, static_cast<uint32_t>(role_spans.size()));
        role_spans.emplace_back(first, last);
    } else {
        auto& span = role_spans[at];
        if (first >= span.first && last <= span.second) return;
        span.first = std::min(span.first, first);
        span.second = std::max(span.second, last);
    }
    role_upsert.bind(1, id)
        .bind_text(2, title)
        .bind(3, opt_num(d.first))
        .bind(4, opt_num(d.last))
        .exec();
}

int64_t Store::Impl::resolve_actor(const std::string& name, ActorKind kind,
                                   const std::string& country, const std::string& sector) {
    // Names repeat across a corpus: the same spelling resolves once.
    const auto tag = static_cast<uint8_t>(kind);
    if (const int64_t* hit = name_cache.find(tag, name)) {
        if (!country.empty()) {
            auto& has = has_country(*hit);
            if (!has) {
                actor_country.bind_text(1, country).bind(2, *hit).exec();
                has = 1;
            }
        }
        return *hit;
    }
    std::string key = actor_key(name);
    if (key.empty()) key = name;
    const std::string kind_prefix = std::to_string(static_cast<int>(kind)) + '\t';
    const bool person = kind == ActorKind::person;
    const bool full = key.find(' ') != std::string::npos;
    auto found = actor_by_key.find(kind_prefix + key);
    int64_t id = 0;
    if (found != actor_by_key.end()) {
        id = found->second;
    } else if (person && !full) {
        // A surname alone is the one full-named person with that surname, when there is one.
        auto it = full_names_by_surname.find(key);
        if (it != full_names_by_surname.end() && it->second.size() == 1) id = it->second.front();
    } else if (person && full) {
        // A surname-only actor stored before the full name is promoted to it (ids stay valid).
        const std::string surname = last_token(key);
        auto single = actor_by_key.find(kind_prefix + surname);
        auto others = full_names_by_surname.find(surname);
        if (single != actor_by_key.end() &&
            (others == full_names_by_surname.end() || others->second.empty())) {
            id = single->second;
            actor_promote.bind_text(1, name)
                .bind_text(2, key)
                .bind_text(3, surname)
                .bind(4, id)
                .exec();
            actor_by_key[kind_prefix + key] = id;
            full_names_by_surname[surname].push_back(id);
        }
    }
    if (id == 0) {
        const std::string surname = person ? last_token(key) : std::string();
        actor_insert.bind_text(1, name)
            .bind_text(2, key)
            .bind(3, surname)
            .bind(4, static_cast<int64_t>(kind))
            .bind(5, country)
            .bind(6, sector)
            .exec();
        id = db.last_id();
        actor_by_key[kind_prefix + key] = id;
        has_country(id) = !country.empty();
        if (person && full) full_names_by_surname[surname].push_back(id);
    } else if (!country.empty()) {
        auto& has = has_country(id);
        if (!has) {
            actor_country.bind_text(1, country).bind(2, id).exec();
            has = 1;
        }
    }
    add_alias(id, name);
    name_cache.add(tag, name, id);
    return id;
}

void Store::Impl::store_document(const DocumentRecord& doc, IngestStats& stats) {
    int64_t doc_id = 0;
    doc_by_source.bind_text(1, doc.source);
    if (doc_by_source.step()) {
        doc_id = doc_by_source.i64(0);
        const bool same = doc_by_source.str(1) == doc.hash;
        doc_by_source.reset();
        if (same) {
            ++stats.documents_unchanged;
            return;
        }
        // A changed article: its old reports go, and events nobody else reported with them.
        restore_indexes();  // found through sources(document_id) and sources(event_id)
        std::vector<int64_t> affected;
        doc_sources.bind(1, doc_id);
        while (doc_sources.step()) affected.push_back(doc_sources.i64(0));
        doc_sources.reset();
        doc_delete_sources.bind(1, doc_id).exec();
        for (auto ev : affected) {
            event_delete_orphan.bind(1, ev).exec();
            // Foreign keys are off while a batch is written: no cascade, so by hand.
            if (sqlite3_changes(db.handle()) > 0) participants_delete.bind(1, ev).exec();
        }
        doc_update.bind_text(1, doc.hash)
            .bind(2, doc.title)
            .bind(3, opt_num(doc.publication))
            .bind(4, doc_id)
            .exec();
        merge_ready = false;  // some candidates are gone
        ++stats.documents_replaced;
    } else {
        doc_by_source.reset();
        doc_by_hash.bind_text(1, doc.hash);
        const bool copy = doc_by_hash.step();
        doc_by_hash.reset();
        if (copy) {
            ++stats.documents_unchanged;
            return;
        }
        doc_insert.bind_text(1, doc.source)
            .bind_text(2, doc.hash)
            .bind(3, doc.title)
            .bind(4, opt_num(doc.publication))
            .exec();
        doc_id = db.last_id();
        ++stats.documents_added;
    }
    load_merge();

    for (const auto& a : doc.actors) {
        if (a.name.empty()) continue;
        const int64_t id = resolve_actor(a.name, a.kind, a.country, a.sector);
        for (const auto& al : a.aliases) add_alias(id, al);
        for (const auto& t : a.titles) add_role(id, t, EventDate{});
    }

    std::vector<int64_t> ids;
    std::vector<std::size_t> kept;  // participant indexes, one per actor
    std::string uid_buf;
    for (std::size_t n = 0; n < doc.events.size(); ++n) {
        const Event& e = doc.events[n];
        ids.clear();
        kept.clear();
        for (std::size_t i = 0; i < e.participants.size(); ++i) {
            const auto& p = e.participants[i];
            if (p.name.empty()) continue;
            const int64_t id = resolve_actor(p.name, p.kind, p.country, "");
            add_role(id, p.title, e.date);
            if (std::find(ids.begin(), ids.end(), id) != ids.end()) continue;
            ids.push_back(id);
            kept.push_back(i);
        }
        const int64_t mkey = merge_key(e.type, ids);
        EventDate date = e.date;
        if (date.first && !date.last) date.last = date.first;
        int64_t event_id = 0;
        if (date.first && !ids.empty()) {
            const int64_t lo = day_num(*date.first), hi = day_num(*date.last);
            merge.for_each(static_cast<uint64_t>(mkey), [&](MergeCandidate& c) {
                if (c.last < lo || hi < c.first) return false;  // no overlap: cheap to rule out
                const EventDate cd = c.date();
                if (!dates_compatible(cd, date)) return false;
                event_id = c.id;
                // The finer report wins the date: "on Tuesday" over "this week".
                if (*date.last - *date.first < *cd.last - *cd.first && *date.first >= *cd.first &&
                    *date.last <= *cd.last) {
                    event_narrow.bind(1, day_num(*date.first))
                        .bind(2, day_num(*date.last))
                        .bind(3, static_cast<int64_t>(date.granularity))
                        .bind(4, date.expression)
                        .bind(5, event_id)
                        .exec();
                    c.first = static_cast<int32_t>(day_num(*date.first));
                    c.last = static_cast<int32_t>(day_num(*date.last));
                    c.granularity = date.granularity;
                }
                if (!e.location.empty())
                    event_location.bind(1, e.location).bind(2, event_id).exec();
                return true;
            });
        }
        if (event_id) {
            ++stats.events_merged;
        } else {
            std::string_view uid = e.id;
            if (uid.empty()) {
                const uint64_t h = fnv1a(
                    fnv1a(14695981039346656037ull, doc.hash.data(), doc.hash.size()), &n, sizeof n);
                uid_buf = detail::hex16(h);
                uid = uid_buf;
            }
            event_insert.bind_ref(1, uid)
                .bind(2, static_cast<int64_t>(e.type))
                .bind_ref(3, e.cameo)
                .bind(4, static_cast<int64_t>(e.status))
                .bind(5, opt_num(date.first))
                .bind(6, opt_num(date.last))
                .bind(7, static_cast<int64_t>(date.granularity))
                .bind_ref(8, date.expression)
                .bind_ref(9, e.location)
                .bind(10, e.confidence)
                .bind(11, mkey)
                .exec();
            event_id = db.last_id();
            for (std::size_t at = 0; at < kept.size(); at += participant_inserts.size()) {
                const std::size_t n = std::min(kept.size() - at, participant_inserts.size());
                Stmt& st = participant_inserts[n - 1];
                for (std::size_t k = at; k < at + n; ++k) {
                    const auto& p = e.participants[kept[k]];
                    const int c = static_cast<int>(k - at) * 5;
                    st.bind(c + 1, event_id)
                        .bind(c + 2, ids[k])
                        .bind(c + 3, static_cast<int64_t>(k))
                        .bind(c + 4, static_cast<int64_t>(p.role))
                        .bind_ref(c + 5, p.title);
                }
                st.exec();
            }
            if (date.first && !ids.empty()) add_candidate(mkey, event_id, date);
            ++stats.events_added;
        }
        source_insert.bind(1, event_id)
            .bind(2, doc_id)
            .bind_ref(3, e.id)
            .bind(4, static_cast<int64_t>(e.status))
            .bind(5, opt_num(date.first))
            .bind(6, opt_num(date.last))
            .bind_ref(7, e.evidence.sentence)
            .bind(8, static_cast<int64_t>(e.evidence.begin))
            .bind(9, static_cast<int64_t>(e.evidence.end))
            .bind(10, e.confidence)
            .exec();
    }
}

std::vector<StoredEvent> Store::Impl::hydrate(const std::vector<int64_t>& ids) {
    if (details) return hydrate_cached(ids);
    // Chunks of ids, three queries each: a busy actor's thousand encounters cost a few
    // statements, not three per event.
    std::vector<StoredEvent> out;
    out.reserve(ids.size());
    constexpr std::size_t kChunk = 512;
    for (std::size_t at = 0; at < ids.size(); at += kChunk) {
        const std::size_t end = std::min(ids.size(), at + kChunk);
        std::string list;
        std::unordered_map<int64_t, std::size_t> index;
        for (std::size_t i = at; i < end; ++i) {
            list += (i > at ? "," : "") + std::to_string(ids[i]);
            index.emplace(ids[i], out.size() + (i - at));
        }
        std::vector<StoredEvent> chunk(end - at);
        std::vector<char> found(end - at, 0);
        Stmt st(
            db,
            ("SELECT id, uid, type, cameo, status, first, last, granularity, expression, location, "
             "confidence FROM events WHERE id IN (" +
             list + ")")
                .c_str());
        while (st.step()) {
            const std::size_t k = index.at(st.i64(0)) - out.size();
            found[k] = 1;
            StoredEvent& se = chunk[k];
            se.id = st.i64(0);
            Event& e = se.event;
            e.id = st.str(1);
            e.type = static_cast<EventType>(st.i64(2));
            e.cameo = st.str(3);
            e.status = static_cast<EventStatus>(st.i64(4));
            e.date.first = opt_day(st.opt_i64(5));
            e.date.last = opt_day(st.opt_i64(6));
            e.date.granularity = static_cast<Granularity>(st.i64(7));
            e.date.expression = st.str(8);
            e.location = st.str(9);
            e.confidence = st.dbl(10);
        }
        Stmt parts(
            db, ("SELECT p.event_id, p.actor_id, a.name, a.kind, a.country, p.title, p.role FROM "
                 "participants p JOIN actors a ON a.id = p.actor_id WHERE p.event_id IN (" +
                 list + ") ORDER BY p.event_id, p.ord")
                    .c_str());
        while (parts.step()) {
            StoredEvent& se = chunk[index.at(parts.i64(0)) - out.size()];
            se.actors.push_back(parts.i64(1));
            Participant p;
            p.name = parts.str(2);
            p.kind = static_cast<ActorKind>(parts.i64(3));
            p.country = parts.str(4);
            p.title = parts.str(5);
            p.role = static_cast<Role>(parts.i64(6));
            se.event.participants.push_back(std::move(p));
        }
        Stmt srcs(db, ("SELECT s.event_id, d.source, s.sentence, s.begin, s.end FROM sources s "
                       "JOIN documents d "
                       "ON d.id = s.document_id WHERE s.event_id IN (" +
                       list + ") ORDER BY s.event_id, s.id")
                          .c_str());
        while (srcs.step()) {
            StoredEvent& se = chunk[index.at(srcs.i64(0)) - out.size()];
            std::string src = srcs.str(1);
            if (se.event.sources.empty())
                se.event.evidence = Evidence{src, srcs.str(2), static_cast<uint32_t>(srcs.i64(3)),
                                             static_cast<uint32_t>(srcs.i64(4))};
            if (std::find(se.event.sources.begin(), se.event.sources.end(), src) ==
                se.event.sources.end())
                se.event.sources.push_back(std::move(src));
        }
        for (std::size_t k = 0; k < chunk.size(); ++k)
            if (found[k]) out.push_back(std::move(chunk[k]));
    }
    return out;
}

void Store::Impl::cache_events() {
    if (details) return;
    auto d = std::make_unique<EventDetails>();
    // Whole-table scans in storage order: a few sequential passes instead of a random seek
    // per event later.
    {
        Stmt st(db, "SELECT id, name, kind, country FROM actors");
        while (st.step()) {
            EventDetails::ActorRow a;
            a.name = d->intern(st.str(1));
            a.kind = static_cast<ActorKind>(st.i64(2));
            a.country = d->intern(st.str(3));
            d->actors.emplace(st.i64(0), a);
        }
    }
    std::unordered_map<int64_t, uint32_t> doc_names;
    {
        Stmt st(db, "SELECT id, source FROM documents");
        while (st.step()) doc_names.emplace(st.i64(0), d->intern(st.str(1)));
    }
    {
        const int64_t max_id = scalar("SELECT max(id) FROM events");
        d->events.resize(static_cast<std::size_t>(std::max<int64_t>(max_id, 0) + 1));
        Stmt st(db,
                "SELECT id, uid, type, cameo, status, first, last, granularity, expression, "
                "location, confidence FROM events");
        while (st.step()) {
            const auto id = static_cast<std::size_t>(st.i64(0));
            if (id >= d->events.size()) continue;  // written since max(): not in the snapshot
            auto& e = d->events[id];
            e.present = true;
            e.uid = st.str(1);
            e.type = static_cast<EventType>(st.i64(2));
            e.cameo = d->intern(st.str(3));
            e.status = static_cast<EventStatus>(st.i64(4));
            e.first = st.opt_i64(5);
            e.last = st.opt_i64(6);
            e.granularity = static_cast<Granularity>(st.i64(7));
            e.expression = d->intern(st.str(8));
            e.location = d->intern(st.str(9));
            e.confidence = st.dbl(10);
        }
    }
    {
        // Primary-key order: an event's rows are together, sorted by actor; `ord` restores
        // the reported order.
        Stmt st(db, "SELECT event_id, actor_id, ord, role, title FROM participants");
        std::vector<std::pair<int64_t, EventDetails::Part>> group;
        int64_t current = -1;
        auto close = [&] {
            if (current < 0 || static_cast<std::size_t>(current) >= d->events.size()) return;
            std::sort(group.begin(), group.end(),
                      [](const auto& x, const auto& y) { return x.first < y.first; });
            auto& e = d->events[static_cast<std::size_t>(current)];
            e.parts_begin = static_cast<uint32_t>(d->parts.size());
            for (const auto& g : group) d->parts.push_back(g.second);
            e.parts_end = static_cast<uint32_t>(d->parts.size());
        };
        while (st.step()) {
            const int64_t ev = st.i64(0);
            if (ev != current) {
                close();
                group.clear();
                current = ev;
            }
            group.push_back({st.i64(2), EventDetails::Part{st.i64(1), d->intern(st.str(4)),
                                                           static_cast<Role>(st.i64(3))}});
        }
        close();
    }
    {
        // Sources in id order (the table's order); grouped by event afterwards.
        Stmt st(db, "SELECT event_id, document_id, sentence, begin, end FROM sources");
        std::vector<std::pair<int64_t, uint32_t>> rows;  // event, document name
        while (st.step()) {
            const auto ev = static_cast<std::size_t>(st.i64(0));
            if (ev >= d->events.size()) continue;
            auto dn = doc_names.find(st.i64(1));
            const uint32_t name = dn == doc_names.end() ? 0 : dn->second;
            auto& e = d->events[ev];
            if (!e.has_evidence) {  // the first report supplies the evidence
                e.has_evidence = true;
                e.evidence_doc = name;
                e.sentence = st.str(2);
                e.begin = static_cast<uint32_t>(st.i64(3));
                e.end = static_cast<uint32_t>(st.i64(4));
            }
            rows.emplace_back(static_cast<int64_t>(ev), name);
        }
        std::stable_sort(rows.begin(), rows.end(),
                         [](const auto& x, const auto& y) { return x.first < y.first; });
        for (std::size_t i = 0; i < rows.size();) {
            auto& e = d->events[static_cast<std::size_t>(rows[i].first)];
            e.docs_begin = static_cast<uint32_t>(d->docs.size());
            std::size_t j = i;
            for (; j < rows.size() && rows[j].first == rows[i].first; ++j)
                if (std::find(d->docs.begin() + e.docs_begin, d->docs.end(), rows[j].second) ==
                    d->docs.end())
                    d->docs.push_back(rows[j].second);
            e.docs_end = static_cast<uint32_t>(d->docs.size());
            i = j;
        }
    }
    details = std::move(d);
}

std::vector<StoredEvent> Store::Impl::hydrate_cached(const std::vector<int64_t>& ids) const {
    const auto& d = *details;
    std::vector<StoredEvent> out;
    out.reserve(ids.size());
    for (auto id : ids) {
        if (id < 0 || static_cast<std::size_t>(id) >= d.events.size()) continue;
        const auto& c = d.events[static_cast<std::size_t>(id)];
        if (!c.present) continue;
        StoredEvent se;
        se.id = id;
        Event& e = se.event;
        e.id = c.uid;
        e.type = c.type;
        e.cameo = d.strings[c.cameo];
        e.status = c.status;
        e.date.first = opt_day(c.first);
        e.date.last = opt_day(c.last);
        e.date.granularity = c.granularity;
        e.date.expression = d.strings[c.expression];
        e.location = d.strings[c.location];
        e.confidence = c.confidence;
        se.actors.reserve(c.parts_end - c.parts_begin);
        e.participants.reserve(c.parts_end - c.parts_begin);
        for (uint32_t k = c.parts_begin; k < c.parts_end; ++k) {
            const auto& p = d.parts[k];
            auto a = d.actors.find(p.actor);
            if (a == d.actors.end()) continue;  // an inner join, as in hydrate()
            se.actors.push_back(p.actor);
            Participant q;
            q.name = d.strings[a->second.name];
            q.kind = a->second.kind;
            q.country = d.strings[a->second.country];
            q.title = d.strings[p.title];
            q.role = p.role;
            e.participants.push_back(std::move(q));
        }
        if (c.has_evidence) {
            e.evidence = Evidence{d.strings[c.evidence_doc], c.sentence, c.begin, c.end};
            for (uint32_t k = c.docs_begin; k < c.docs_end; ++k)
                e.sources.push_back(d.strings[d.docs[k]]);
        }
        out.push_back(std::move(se));
    }
    return out;
}

// ---- Store ----

Store::Store(const std::filesystem::path& path, Mode mode) : m(std::make_unique<Impl>()) {
    m->open(path, mode);
}
Store::~Store() {
    // A bulk load left open (an exception on the way out) still ends with its indexes.
    if (!m || !m->run_deferred) return;
    try {
        end_bulk_load();
    } catch (...) {
        // The next writable open builds them.
    }
}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

const std::filesystem::path& Store::path() const {
    return m->path;
}
int Store::schema_version() const {
    return m->version;
}

IngestStats Store::add_batch(const std::vector<DocumentRecord>& batch) {
    if (m->mode != Mode::read_write) throw Error(m->path.string() + ": opened read-only");
    m->prepare_writer();
    m->details.reset();  // the snapshot would go stale
    if (m->bulk_armed && m->adds_a_document(batch)) m->start_bulk_load();
    IngestStats stats;
    // Every id the batch writes comes from the database or was just inserted, so the foreign
    // key checks (two parent lookups per participant and per source) are skipped while it
    // runs; the pragma cannot change inside a transaction.
    m->db.exec("PRAGMA foreign_keys=OFF");
    try {
        m->db.exec("BEGIN IMMEDIATE");
    } catch (...) {
        m->db.exec("PRAGMA foreign_keys=ON");
        throw;
    }
    try {
        m->load_caches();
        // A batch large next to what is stored (a first load) writes without the secondary
        // indexes and rebuilds them before its commit: same transaction, so a crash or a kill
        // leaves the database as it was, indexes included.
        std::size_t batch_events = 0;
        for (const auto& doc : batch) batch_events += doc.events.size();
        // During a bulk load (begin_bulk_load) the indexes are gone already and stay gone
        // until end_bulk_load(), unless a replaced article needed them back.
        if (!m->run_deferred && !m->bulk_armed && batch_events >= kBulkMinEvents &&
            static_cast<int64_t>(batch_events) * 2 >=
                m->scalar("SELECT coalesce(max(id), 0) FROM events"))
            m->drop_indexes();
        for (const auto& doc : batch) m->store_document(doc, stats);
        if (!m->run_deferred) m->restore_indexes();
        m->db.exec("COMMIT");
        m->run_deferred = m->indexes_dropped;
    } catch (...) {
        sqlite3_exec(m->db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_exec(m->db.handle(), "PRAGMA foreign_keys=ON", nullptr, nullptr, nullptr);
        m->indexes_dropped = m->run_deferred;  // the rollback brought back what it dropped
        m->invalidate();
        throw;
    }
    m->db.exec("PRAGMA foreign_keys=ON");
    return stats;
}

bool Store::begin_bulk_load(std::size_t expected_events) {
    if (m->mode != Mode::read_write) throw Error(m->path.string() + ": opened read-only");
    if (m->run_deferred || m->bulk_armed) return true;
    if (expected_events < kBulkMinEvents ||
        static_cast<int64_t>(expected_events) * 2 <
            m->scalar("SELECT coalesce(max(id), 0) FROM events"))
        return false;
    // The indexes go at the first batch with a new document (Impl::start_bulk_load), so that
    // a run of unchanged files does not pay for a rebuild.
    m->bulk_armed = true;
    return true;
}

void Store::Impl::start_bulk_load() {
    // Committed on its own, before the batch: each batch stays one transaction, and a kill
    // leaves a database without these indexes, which the next writable open rebuilds.
    db.exec("BEGIN IMMEDIATE");
    try {
        drop_indexes();
        db.exec("COMMIT");
    } catch (...) {
        sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        indexes_dropped = false;
        throw;
    }
    bulk_armed = false;
    run_deferred = true;
}

bool Store::Impl::adds_a_document(const std::vector<DocumentRecord>& batch) {
    for (const auto& doc : batch) {
        doc_by_source.bind_text(1, doc.source);
        const bool stored = doc_by_source.step();
        doc_by_source.reset();
        if (stored) continue;  // unchanged, or a replacement, which needs the indexes anyway
        doc_by_hash.bind_text(1, doc.hash);
        const bool copy = doc_by_hash.step();
        doc_by_hash.reset();
        if (!copy) return true;
    }
    return false;
}

void Store::end_bulk_load() {
    m->bulk_armed = false;
    if (!m->run_deferred) return;
    m->db.exec("BEGIN IMMEDIATE");
    try {
        m->restore_indexes();
        m->db.exec("COMMIT");
    } catch (...) {
        sqlite3_exec(m->db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        m->indexes_dropped = true;
        throw;
    }
    m->run_deferred = false;
}

bool Store::bulk_loading() const {
    return m->run_deferred || m->bulk_armed;
}

bool Store::has_document(const std::string& source, const std::string& hash) const {
    Stmt st(m->db, "SELECT 1 FROM documents WHERE (source = ? AND hash = ?) OR hash = ? LIMIT 1");
    st.bind_text(1, source).bind_text(2, hash).bind_text(3, hash);
    return st.step();
}

void Store::for_each_document(
    const std::function<void(const std::string& source, const std::string& hash)>& fn) const {
    Stmt st(m->db, "SELECT source, hash FROM documents");
    while (st.step()) fn(st.str(0), st.str(1));
}

std::size_t Store::count_documents() const {
    return static_cast<std::size_t>(m->scalar("SELECT count(*) FROM documents"));
}
std::size_t Store::count_events() const {
    return static_cast<std::size_t>(m->scalar("SELECT count(*) FROM events"));
}
std::size_t Store::count_actors() const {
    return static_cast<std::size_t>(m->scalar("SELECT count(*) FROM actors"));
}
std::size_t Store::count_sources() const {
    return static_cast<std::size_t>(m->scalar("SELECT count(*) FROM sources"));
}

std::vector<StoredActor> Store::actors(const EventFilter& f) const {
    std::vector<int64_t> binds;
    const std::string cond = filter_sql(f, binds, false);
    const bool filtered = f.dated_only() || !f.types.empty();
    // Counted here in one pass over the events (CROSS JOIN keeps them the outer loop; each
    // event's participants are a primary-key range). It needs no participants(actor_id) index,
    // which a killed bulk load leaves out (a join per actor without it scans the table once
    // per actor), and at a million events it is faster than SQLite's GROUP BY with the index:
    // see docs/corpus.md.
    struct Seen {
        uint32_t n = 0;
        std::optional<int64_t> first, last;
    };
    std::unordered_map<int64_t, Seen> seen;
    {
        const std::string sql =
            "SELECT p.actor_id, e.first, coalesce(e.last, e.first) FROM events e "
            "CROSS JOIN participants p ON p.event_id = e.id WHERE 1" +
            cond;
        Stmt st(m->db, sql.c_str());
        for (std::size_t i = 0; i < binds.size(); ++i) st.bind(static_cast<int>(i + 1), binds[i]);
        while (st.step()) {
            Seen& s = seen[st.i64(0)];
            ++s.n;
            if (!st.null(1) && (!s.first || st.i64(1) < *s.first)) s.first = st.i64(1);
            if (!st.null(2) && (!s.last || st.i64(2) > *s.last)) s.last = st.i64(2);
        }
    }
    std::vector<StoredActor> out;
    {
        Stmt st(m->db, "SELECT id, name, kind, country, sector FROM actors");
        while (st.step()) {
            auto it = seen.find(st.i64(0));
            if (filtered && it == seen.end()) continue;
            StoredActor a;
            a.id = st.i64(0);
            a.name = st.str(1);
            a.kind = static_cast<ActorKind>(st.i64(2));
            a.country = st.str(3);
            a.sector = st.str(4);
            if (it != seen.end()) {
                a.events = it->second.n;
                a.first = opt_day(it->second.first);
                a.last = opt_day(it->second.last);
            }
            out.push_back(std::move(a));
        }
    }
    // Busiest first, then by name (bytewise, as SQLite's BINARY collation), then by id.
    std::sort(out.begin(), out.end(), [](const StoredActor& x, const StoredActor& y) {
        if (x.events != y.events) return x.events > y.events;
        if (x.name != y.name) return x.name < y.name;
        return x.id < y.id;
    });
    std::unordered_map<int64_t, std::size_t> index;
    for (std::size_t i = 0; i < out.size(); ++i) index[out[i].id] = i;
    Stmt roles(m->db,
               "SELECT actor_id, title FROM roles ORDER BY actor_id, coalesce(first, 0), title");
    while (roles.step())
        if (auto it = index.find(roles.i64(0)); it != index.end())
            out[it->second].titles.push_back(roles.str(1));
    Stmt al(m->db, "SELECT actor_id, alias FROM aliases ORDER BY actor_id, alias");
    while (al.step())
        if (auto it = index.find(al.i64(0)); it != index.end()) {
            auto& a = out[it->second];
            if (al.str(1) != a.name) a.aliases.push_back(al.str(1));
        }
    return out;
}

std::optional<StoredActor> Store::actor(int64_t id) const {
    Stmt st(m->db, "SELECT name, kind, country, sector FROM actors WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    StoredActor a;
    a.id = id;
    a.name = st.str(0);
    a.kind = static_cast<ActorKind>(st.i64(1));
    a.country = st.str(2);
    a.sector = st.str(3);
    st.reset();
    Stmt roles(m->db,
               "SELECT title FROM roles WHERE actor_id = ? ORDER BY coalesce(first, 0), title");
    roles.bind(1, id);
    while (roles.step()) a.titles.push_back(roles.str(0));
    Stmt al(m->db, "SELECT alias FROM aliases WHERE actor_id = ? ORDER BY alias");
    al.bind(1, id);
    while (al.step())
        if (al.str(0) != a.name) a.aliases.push_back(al.str(0));
    Stmt ev(m->db,
            "SELECT count(*), min(e.first), max(coalesce(e.last, e.first)) FROM participants p "
            "JOIN events e ON e.id = p.event_id WHERE p.actor_id = ?");
    ev.bind(1, id);
    if (ev.step()) {
        a.events = static_cast<uint32_t>(ev.i64(0));
        a.first = opt_day(ev.opt_i64(1));
        a.last = opt_day(ev.opt_i64(2));
    }
    return a;
}

std::vector<StoredActor> Store::find_actors(std::string_view name) const {
    const std::string key = actor_key(name);
    std::vector<int64_t> ids;
    auto collect = [&](const char* sql) {
        Stmt st(m->db, sql);
        st.bind_text(1, key);
        while (st.step())
            if (std::find(ids.begin(), ids.end(), st.i64(0)) == ids.end()) ids.push_back(st.i64(0));
    };
    if (!key.empty()) {
        collect("SELECT id FROM actors WHERE key = ? ORDER BY id");
        if (ids.empty()) collect("SELECT actor_id FROM aliases WHERE key = ? ORDER BY actor_id");
        if (ids.empty() && key.find(' ') == std::string::npos)
            collect("SELECT id FROM actors WHERE surname = ? ORDER BY id");
    }
    std::vector<StoredActor> out;
    for (auto id : ids)
        if (auto a = actor(id)) out.push_back(std::move(*a));
    return out;
}

std::vector<StoredEvent> Store::events(const EventFilter& f) const {
    std::vector<int64_t> binds;
    std::string sql = "SELECT e.id FROM events e WHERE 1" + filter_sql(f, binds, true) +
                      " ORDER BY e.first IS NULL, e.first, e.last, e.id";
    Stmt st(m->db, sql.c_str());
    for (std::size_t i = 0; i < binds.size(); ++i) st.bind(static_cast<int>(i + 1), binds[i]);
    std::vector<int64_t> ids;
    while (st.step()) ids.push_back(st.i64(0));
    return m->hydrate(ids);
}

std::vector<int64_t> Store::event_ids_of(int64_t actor, const EventFilter& f) const {
    std::vector<int64_t> others;
    for (auto id : f.actors)
        if (id != actor) others.push_back(id);
    if (!f.actors.empty() && others.empty()) return {};
    std::vector<int64_t> binds{actor};
    std::string sql =
        "SELECT e.id FROM participants p JOIN events e ON e.id = p.event_id "
        "WHERE p.actor_id = ?" +
        filter_sql(f, binds, false);
    if (!others.empty()) {
        sql += " AND e.id IN (SELECT event_id FROM participants WHERE actor_id IN (";
        for (std::size_t i = 0; i < others.size(); ++i)
            sql += (i ? "," : "") + std::to_string(others[i]);
        sql += "))";
    }
    sql += " ORDER BY e.first IS NULL, e.first, e.id";
    Stmt st(m->db, sql.c_str());
    for (std::size_t i = 0; i < binds.size(); ++i) st.bind(static_cast<int>(i + 1), binds[i]);
    std::vector<int64_t> ids;
    while (st.step()) ids.push_back(st.i64(0));
    return ids;
}

void Store::cache_events() const {
    m->cache_events();
}

std::vector<StoredEvent> Store::events_by_id(const std::vector<int64_t>& ids) const {
    return m->hydrate(ids);
}

void Store::for_each_event_actor(const std::function<void(const EventActorRow&)>& fn) const {
    Stmt st(m->db,
            "SELECT p.event_id, p.actor_id, e.type, e.first, e.last FROM participants p "
            "JOIN events e ON e.id = p.event_id ORDER BY p.event_id");
    EventActorRow row;
    while (st.step()) {
        row.event = st.i64(0);
        row.actor = st.i64(1);
        row.type = static_cast<EventType>(st.i64(2));
        row.first = opt_day(st.opt_i64(3));
        row.last = opt_day(st.opt_i64(4));
        fn(row);
    }
}

std::string Store::integrity_check() const {
    Stmt st(m->db, "PRAGMA integrity_check");
    return st.step() ? st.str(0) : "no answer";
}

}  // namespace parley
