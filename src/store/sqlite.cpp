#include "store/sqlite.hpp"

#include <mutex>

namespace parley::detail {

Stmt::Stmt(Db& db, const char* sql) : m_db(&db) {
    if (sqlite3_prepare_v3(db.handle(), sql, -1, SQLITE_PREPARE_PERSISTENT, &m_st, nullptr) !=
        SQLITE_OK)
        db.fail(std::string("cannot prepare \"") + sql + "\"");
}

Stmt::~Stmt() {
    if (m_st) sqlite3_finalize(m_st);
}

Stmt& Stmt::operator=(Stmt&& o) noexcept {
    if (this != &o) {
        if (m_st) sqlite3_finalize(m_st);
        m_db = o.m_db;
        m_st = o.m_st;
        o.m_st = nullptr;
    }
    return *this;
}

Stmt& Stmt::bind(int i, int64_t v) {
    sqlite3_bind_int64(m_st, i, v);
    return *this;
}
Stmt& Stmt::bind(int i, double v) {
    sqlite3_bind_double(m_st, i, v);
    return *this;
}
Stmt& Stmt::bind(int i, std::string_view v) {
    if (v.empty()) return bind_null(i);
    return bind_text(i, v);
}
Stmt& Stmt::bind_text(int i, std::string_view v) {
    sqlite3_bind_text(m_st, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
}
Stmt& Stmt::bind_ref(int i, std::string_view v) {
    if (v.empty()) return bind_null(i);
    sqlite3_bind_text(m_st, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    return *this;
}
Stmt& Stmt::bind_null(int i) {
    sqlite3_bind_null(m_st, i);
    return *this;
}

bool Stmt::step() {
    int rc = sqlite3_step(m_st);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    std::string sql = sqlite3_sql(m_st) ? sqlite3_sql(m_st) : "";
    sqlite3_reset(m_st);
    m_db->fail("query failed (" + sql.substr(0, 60) + ")");
}

void Stmt::exec() {
    while (step()) {
    }
    reset();
}

void Stmt::reset() {
    sqlite3_reset(m_st);
    sqlite3_clear_bindings(m_st);
}

void Db::open(const std::string& path, bool writable) {
    // Memory statistics take a global mutex on every allocation; nothing here reads them.
    // sqlite3_config only works before SQLite initialises, hence once and first.
    static std::once_flag once;
    std::call_once(once, [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);  // SQLITE_MISUSE when too late: harmless
    });
    close();
    m_path = path;
    int flags = writable ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) : SQLITE_OPEN_READONLY;
    flags |= SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr) != SQLITE_OK) {
        std::string msg = m_db ? sqlite3_errmsg(m_db) : "out of memory";
        close();
        throw Error(path + ": cannot open database (" + msg + ")");
    }
    sqlite3_extended_result_codes(m_db, 1);
    // Another process may be writing (WAL allows readers alongside one writer).
    sqlite3_busy_timeout(m_db, 10000);
}

void Db::close() {
    if (m_db) sqlite3_close_v2(m_db);
    m_db = nullptr;
}

void Db::exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "unknown error";
        sqlite3_free(err);
        throw Error(m_path + ": " + msg);
    }
}

void Db::fail(std::string_view what) const {
    throw Error(m_path + ": " + std::string(what) + " (" +
                (m_db ? sqlite3_errmsg(m_db) : "closed") + ")");
}

}  // namespace parley::detail
