// A thin RAII layer over sqlite3: the only header (with src/store/*.cpp) that sees sqlite3.h.
#pragma once

#include <parley/error.hpp>

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parley::detail {

class Db;

/// A prepared statement; reset() before reuse. Binds are 1-based.
class Stmt {
  public:
    Stmt() = default;
    Stmt(Db& db, const char* sql);
    ~Stmt();
    Stmt(Stmt&& o) noexcept : m_db(o.m_db), m_st(o.m_st) { o.m_st = nullptr; }
    Stmt& operator=(Stmt&& o) noexcept;
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    Stmt& bind(int i, int64_t v);
    Stmt& bind(int i, double v);
    Stmt& bind(int i, std::string_view v);       ///< NULL when empty
    Stmt& bind_text(int i, std::string_view v);  ///< '' stays ''
    /// NULL when empty; not copied: `v` must outlive the step()/exec() that uses it.
    Stmt& bind_ref(int i, std::string_view v);
    Stmt& bind_null(int i);
    Stmt& bind(int i, const std::optional<int64_t>& v) { return v ? bind(i, *v) : bind_null(i); }

    /// True while a row is available.
    bool step();
    /// Runs to completion (INSERT/UPDATE/DELETE), then resets.
    void exec();
    void reset();

    int64_t i64(int col) const { return sqlite3_column_int64(m_st, col); }
    double dbl(int col) const { return sqlite3_column_double(m_st, col); }
    bool null(int col) const { return sqlite3_column_type(m_st, col) == SQLITE_NULL; }
    std::optional<int64_t> opt_i64(int col) const {
        return null(col) ? std::nullopt : std::optional<int64_t>(i64(col));
    }
    std::string str(int col) const {
        auto* p = sqlite3_column_text(m_st, col);
        return p ? std::string(reinterpret_cast<const char*>(p),
                               static_cast<std::size_t>(sqlite3_column_bytes(m_st, col)))
                 : std::string();
    }

  private:
    Db* m_db = nullptr;
    sqlite3_stmt* m_st = nullptr;
};

class Db {
  public:
    Db() = default;
    ~Db() { close(); }
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    /// Throws Error "PATH: reason" when the file cannot be opened.
    void open(const std::string& path, bool writable);
    void close();
    void exec(const char* sql);
    sqlite3* handle() const { return m_db; }
    const std::string& path() const { return m_path; }
    /// "PATH: what (sqlite message)".
    [[noreturn]] void fail(std::string_view what) const;
    int64_t last_id() const { return sqlite3_last_insert_rowid(m_db); }

  private:
    sqlite3* m_db = nullptr;
    std::string m_path;
};

}  // namespace parley::detail
