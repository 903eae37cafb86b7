// Schema of the corpus database and its forward migrations (version N -> N+1, in order).
#pragma once

#include <array>

namespace parley::detail {

// Days are stored as integers: days since 1970-01-01 (date::sys_days). Types, statuses, roles,
// kinds and granularities are the enum values of include/parley/*.hpp.
inline constexpr std::array<const char*, 2> kMigrations = {
    // 0 -> 1: the initial schema.
    R"sql(
CREATE TABLE parley_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO parley_meta VALUES ('application', 'parley');
CREATE TABLE documents(
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    title TEXT,
    publication INTEGER,
    ingested TEXT NOT NULL DEFAULT (datetime('now')));
CREATE INDEX documents_hash ON documents(hash);
CREATE TABLE actors(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    surname TEXT,
    kind INTEGER NOT NULL,
    country TEXT,
    sector TEXT,
    UNIQUE(key, kind));
CREATE INDEX actors_surname ON actors(surname);
CREATE TABLE aliases(
    key TEXT NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    PRIMARY KEY(key, actor_id)) WITHOUT ROWID;
CREATE TABLE roles(
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    first INTEGER,
    last INTEGER,
    PRIMARY KEY(actor_id, title)) WITHOUT ROWID;
CREATE TABLE events(
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL,
    type INTEGER NOT NULL,
    cameo TEXT,
    status INTEGER NOT NULL,
    first INTEGER,
    last INTEGER,
    granularity INTEGER NOT NULL,
    expression TEXT,
    location TEXT,
    confidence REAL NOT NULL,
    mkey INTEGER NOT NULL);
CREATE INDEX events_first ON events(first);
CREATE TABLE participants(
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    ord INTEGER NOT NULL,
    role INTEGER NOT NULL,
    title TEXT,
    PRIMARY KEY(event_id, actor_id)) WITHOUT ROWID;
CREATE INDEX participants_actor ON participants(actor_id, event_id);
CREATE TABLE sources(
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    uid TEXT,
    status INTEGER NOT NULL,
    first INTEGER,
    last INTEGER,
    sentence TEXT,
    begin INTEGER,
    end INTEGER,
    confidence REAL);
CREATE INDEX sources_event ON sources(event_id);
CREATE INDEX sources_document ON sources(document_id);
)sql",
    // 1 -> 2: events(first) goes. It cost a random B-tree insert per new event (about a fifth
    // of the writer's time at a million events) and served only the `--to` bound of a date
    // window, which now scans the events table instead (about 0.1 s at a million events).
    R"sql(
DROP INDEX events_first;
)sql",
};

}  // namespace parley::detail
