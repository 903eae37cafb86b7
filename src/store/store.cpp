// The corpus store: schema checks and migrations, batched transactional ingest with actor and
// event merging, and the reads the query layer needs.
#include "store/schema.hpp"
#include "store/sqlite.hpp"

#include <parley/store.hpp>

#include <unistd.h>
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace parley {

using detail::Stmt;

namespace {

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

struct MergeCandidate {
    int64_t id;
    EventDate date;  // expression left empty: only the span and granularity matter
};

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

struct Store::Impl {
    detail::Db db;
    std::filesystem::path path;
    Mode mode = Mode::read_write;
    int version = 0;

    // Writer state, prepared on the first batch.
    bool writer_ready = false;
    Stmt doc_by_source, doc_by_hash, doc_insert, doc_update, doc_sources, doc_delete_sources,
        event_delete_orphan, actor_insert, actor_country, actor_promote, alias_insert, role_upsert,
        event_insert, participant_insert, source_insert, event_narrow, event_location;

    // Caches, rebuilt from the database after a rollback.
    bool caches_ready = false;
    std::unordered_map<std::string, int64_t> actor_by_key;  // kind + '\t' + key
    std::unordered_map<std::string, std::vector<int64_t>> full_names_by_surname;  // persons
    std::unordered_map<int64_t, bool> actor_has_country;
    std::unordered_set<std::string> aliases_seen;         // id + '\t' + key
    std::unordered_map<std::string, int64_t> name_cache;  // kind + name as written -> id
    std::unordered_map<std::string, int64_t> title_ids;   // interned titles for roles_seen
    std::unordered_map<int64_t, std::pair<int64_t, int64_t>> roles_seen;  // id << 20 | title
    bool merge_ready = false;
    std::unordered_map<int64_t, std::vector<MergeCandidate>> merge;

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
        name_cache.clear();
        merge.clear();
    }
    void store_document(const DocumentRecord& doc, IngestStats& stats);
    int64_t resolve_actor(const std::string& name, ActorKind kind, const std::string& country,
                          const std::string& sector);
    void add_alias(int64_t id, const std::string& alias);
    void add_role(int64_t id, const std::string& title, const EventDate& d);
    std::vector<StoredEvent> hydrate(const std::vector<int64_t>& ids);
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
    if (m == Mode::read_write) {
        db.exec("PRAGMA journal_mode=WAL");
        db.exec("PRAGMA synchronous=NORMAL");
    }
    db.exec("PRAGMA foreign_keys=ON");
    db.exec("PRAGMA cache_size=-262144");  // 256 MB: the indexes of a million events stay cached
    db.exec("PRAGMA mmap_size=1073741824");
    db.exec("PRAGMA temp_store=MEMORY");
    if (m == Mode::read_write && version < kSchemaVersion) migrate(version);
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
    participant_insert =
        Stmt(db,
             "INSERT OR IGNORE INTO participants(event_id, actor_id, ord, role, title) "
             "VALUES (?, ?, ?, ?, ?)");
    source_insert = Stmt(db,
                         "INSERT INTO sources(event_id, document_id, uid, status, first, last, "
                         "sentence, begin, end, confidence) VALUES (?,?,?,?,?,?,?,?,?,?)");
    event_narrow = Stmt(db,
                        "UPDATE events SET first = ?, last = ?, granularity = ?, expression = ? "
                        "WHERE id = ?");
    event_location = Stmt(db, "UPDATE events SET location = ? WHERE id = ? AND location IS NULL");
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
        actor_has_country[id] = !st.null(3);
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
    while (st.step()) {
        MergeCandidate c{st.i64(0), {}};
        c.date.first = num_day(st.i64(2));
        c.date.last = num_day(st.null(3) ? st.i64(2) : st.i64(3));
        c.date.granularity = static_cast<Granularity>(st.i64(4));
        merge[st.i64(1)].push_back(std::move(c));
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
    const int64_t title_id = title_ids.try_emplace(title, int64_t(title_ids.size())).first->second;
    auto [it, fresh] = roles_seen.try_emplace((id << 20) ^ title_id, first, last);
    if (!fresh) {
        if (first >= it->second.first && last <= it->second.second) return;
        it->second.first = std::min(it->second.first, first);
        it->second.second = std::max(it->second.second, last);
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
    std::string cache_key(1, char('0' + static_cast<int>(kind)));
    cache_key += name;
    if (auto hit = name_cache.find(cache_key); hit != name_cache.end()) {
        if (!country.empty()) {
            auto& has = actor_has_country[hit->second];
            if (!has) {
                actor_country.bind_text(1, country).bind(2, hit->second).exec();
                has = true;
            }
        }
        return hit->second;
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
        actor_has_country[id] = !country.empty();
        if (person && full) full_names_by_surname[surname].push_back(id);
    } else if (!country.empty()) {
        auto& has = actor_has_country[id];
        if (!has) {
            actor_country.bind_text(1, country).bind(2, id).exec();
            has = true;
        }
    }
    add_alias(id, name);
    name_cache.emplace(std::move(cache_key), id);
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
        std::vector<int64_t> affected;
        doc_sources.bind(1, doc_id);
        while (doc_sources.step()) affected.push_back(doc_sources.i64(0));
        doc_sources.reset();
        doc_delete_sources.bind(1, doc_id).exec();
        for (auto ev : affected) event_delete_orphan.bind(1, ev).exec();
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
    for (std::size_t n = 0; n < doc.events.size(); ++n) {
        const Event& e = doc.events[n];
        ids.clear();
        std::vector<std::size_t> kept;  // participant indexes, one per actor
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
            auto it = merge.find(mkey);
            if (it != merge.end())
                for (auto& c : it->second)
                    if (dates_compatible(c.date, date)) {
                        event_id = c.id;
                        // The finer report wins the date: "on Tuesday" over "this week".
                        if (*date.last - *date.first < *c.date.last - *c.date.first &&
                            *date.first >= *c.date.first && *date.last <= *c.date.last) {
                            event_narrow.bind(1, day_num(*date.first))
                                .bind(2, day_num(*date.last))
                                .bind(3, static_cast<int64_t>(date.granularity))
                                .bind(4, date.expression)
                                .bind(5, event_id)
                                .exec();
                            c.date.first = date.first;
                            c.date.last = date.last;
                            c.date.granularity = date.granularity;
                        }
                        if (!e.location.empty())
                            event_location.bind(1, e.location).bind(2, event_id).exec();
                        break;
                    }
        }
        if (event_id) {
            ++stats.events_merged;
        } else {
            std::string uid = e.id;
            if (uid.empty()) {
                char buf[17];
                const uint64_t h = fnv1a(
                    fnv1a(14695981039346656037ull, doc.hash.data(), doc.hash.size()), &n, sizeof n);
                std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
                uid = buf;
            }
            event_insert.bind_text(1, uid)
                .bind(2, static_cast<int64_t>(e.type))
                .bind(3, e.cameo)
                .bind(4, static_cast<int64_t>(e.status))
                .bind(5, opt_num(date.first))
                .bind(6, opt_num(date.last))
                .bind(7, static_cast<int64_t>(date.granularity))
                .bind(8, date.expression)
                .bind(9, e.location)
                .bind(10, e.confidence)
                .bind(11, mkey)
                .exec();
            event_id = db.last_id();
            for (std::size_t k = 0; k < kept.size(); ++k) {
                const auto& p = e.participants[kept[k]];
                participant_insert.bind(1, event_id)
                    .bind(2, ids[k])
                    .bind(3, static_cast<int64_t>(k))
                    .bind(4, static_cast<int64_t>(p.role))
                    .bind(5, p.title)
                    .exec();
            }
            if (date.first && !ids.empty()) merge[mkey].push_back(MergeCandidate{event_id, date});
            ++stats.events_added;
        }
        source_insert.bind(1, event_id)
            .bind(2, doc_id)
            .bind(3, e.id)
            .bind(4, static_cast<int64_t>(e.status))
            .bind(5, opt_num(date.first))
            .bind(6, opt_num(date.last))
            .bind(7, e.evidence.sentence)
            .bind(8, static_cast<int64_t>(e.evidence.begin))
            .bind(9, static_cast<int64_t>(e.evidence.end))
            .bind(10, e.confidence)
            .exec();
    }
}

std::vector<StoredEvent> Store::Impl::hydrate(const std::vector<int64_t>& ids) {
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

// ---- Store ----

Store::Store(const std::filesystem::path& path, Mode mode) : m(std::make_unique<Impl>()) {
    m->open(path, mode);
}
Store::~Store() = default;
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
    IngestStats stats;
    m->db.exec("BEGIN IMMEDIATE");
    try {
        m->load_caches();
        for (const auto& doc : batch) m->store_document(doc, stats);
        m->db.exec("COMMIT");
    } catch (...) {
        sqlite3_exec(m->db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        m->invalidate();
        throw;
    }
    return stats;
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
    std::string sql =
        "SELECT a.id, a.name, a.kind, a.country, a.sector, count(e.id), min(e.first), "
        "max(coalesce(e.last, e.first)) FROM actors a "
        "LEFT JOIN participants p ON p.actor_id = a.id "
        "LEFT JOIN events e ON e.id = p.event_id" +
        cond + " GROUP BY a.id" + (filtered ? " HAVING count(e.id) > 0" : "") +
        " ORDER BY count(e.id) DESC, a.name";
    Stmt st(m->db, sql.c_str());
    for (std::size_t i = 0; i < binds.size(); ++i) st.bind(static_cast<int>(i + 1), binds[i]);
    std::vector<StoredActor> out;
    std::unordered_map<int64_t, std::size_t> index;
    while (st.step()) {
        StoredActor a;
        a.id = st.i64(0);
        a.name = st.str(1);
        a.kind = static_cast<ActorKind>(st.i64(2));
        a.country = st.str(3);
        a.sector = st.str(4);
        a.events = static_cast<uint32_t>(st.i64(5));
        a.first = opt_day(st.opt_i64(6));
        a.last = opt_day(st.opt_i64(7));
        index[a.id] = out.size();
        out.push_back(std::move(a));
    }
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
