// parley ingest FILE|DIR|- ... : extract articles (or read .jsonl events) into the corpus.
// Workers extract on --jobs threads; this thread is the one writer, storing one transaction per
// batch so that a kill leaves the database as it was before the batch (a large run is a bulk
// load: see Store::begin_bulk_load).
#include "cli/command.hpp"
#include "cli/db_options.hpp"
#include "cli/inputs.hpp"
#include "core/fnv.hpp"

#include <parley/error.hpp>
#include <parley/extract.hpp>
#include <parley/json.hpp>
#include <parley/knowledge.hpp>
#include <parley/store.hpp>

#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <sstream>
#include <thread>
#include <unordered_map>
#include <unordered_set>

namespace parley::cli {
namespace {

namespace fs = std::filesystem;

struct IngestArgs {
    DbOptions db;
    std::vector<std::string> inputs;
    std::string date;
    unsigned jobs = 0;
    std::size_t batch_documents = 500;
    std::size_t batch_events = 50000;
};

bool wanted_extension(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return ext == ".txt" || ext == ".text" || ext == ".html" || ext == ".htm" || ext == ".xhtml" ||
           ext == ".jsonl";
}

/// Files to read: folders recursively (text, HTML and .jsonl, sorted), files and "-" as given.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs,
                                       std::size_t& failures) {
    std::vector<std::string> files;
    for (const auto& in : inputs) {
        std::error_code ec;
        if (in != "-" && fs::is_directory(in, ec)) {
            std::vector<std::string> found;
            for (auto it = fs::recursive_directory_iterator(
                     in, fs::directory_options::skip_permission_denied, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
                if (it->is_regular_file(ec) && wanted_extension(it->path()))
                    found.push_back(it->path().string());
            if (ec) {
                std::cerr << "parley: " << in << ": " << ec.message() << "\n";
                ++failures;
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.push_back(in);
        }
    }
    return files;
}

uint64_t fnv(uint64_t h, std::string_view s) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h ^ 0xff;  // separates lines
}
constexpr uint64_t kFnvBasis = 14695981039346656037ull;

/// What a worker hands the writer: documents to store, or an error to report.
struct Work {
    std::vector<DocumentRecord> records;
    std::string error;
    bool file_done = false;  // last piece of an input
    bool jsonl = false;      // pre-extracted events: batched by event count alone
};

/// A bounded queue between the workers and the writer.
class Queue {
  public:
    explicit Queue(std::size_t cap) : m_cap(cap) {}
    void push(Work w) {
        std::unique_lock lock(m_mu);
        m_not_full.wait(lock, [&] { return m_items.size() < m_cap; });
        m_items.push_back(std::move(w));
        m_not_empty.notify_one();
    }
    /// False when every producer is done and nothing is left.
    bool pop(Work& w, std::chrono::milliseconds wait) {
        std::unique_lock lock(m_mu);
        if (!m_not_empty.wait_for(lock, wait,
                                  [&] { return !m_items.empty() || m_producers == 0; })) {
            w = Work{};
            w.file_done = false;
            return true;  // timeout: an empty piece lets the writer refresh its progress
        }
        if (m_items.empty()) return false;
        w = std::move(m_items.front());
        m_items.pop_front();
        m_not_full.notify_one();
        return true;
    }
    void set_producers(int n) { m_producers = n; }
    void producer_done() {
        std::lock_guard lock(m_mu);
        --m_producers;
        m_not_empty.notify_all();
    }

  private:
    std::mutex m_mu;
    std::condition_variable m_not_full, m_not_empty;
    std::deque<Work> m_items;
    std::size_t m_cap;
    int m_producers = 0;
};

/// Reads an events .jsonl stream: consecutive events of one document make one record, handed
/// over every `chunk` events so that a huge file streams.
void read_jsonl(std::istream& in, const std::string& name, Queue& q, std::size_t chunk) {
    std::unordered_map<std::string, int> seen;  // a document reappearing later gets a part suffix
    DocumentRecord cur;
    uint64_t h = kFnvBasis;
    Work w;
    std::size_t pending = 0;
    auto close_record = [&] {
        if (cur.events.empty()) return;
        cur.hash = detail::hex16(h);
        pending += cur.events.size();
        w.records.push_back(std::move(cur));
        cur = DocumentRecord{};
        h = kFnvBasis;
        if (pending >= chunk) {
            w.jsonl = true;
            q.push(std::move(w));
            w = Work{};
            pending = 0;
        }
    };
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        Event e = event_from_jsonl(line, name, n);
        const std::string& doc = e.evidence.document.empty() ? name : e.evidence.document;
        if (cur.events.empty() || !std::string_view(cur.source).starts_with(doc) ||
            (cur.source.size() != doc.size() && cur.source[doc.size()] != '#')) {
            close_record();
            int part = seen[doc]++;
            cur.source = part ? doc + "#" + std::to_string(part + 1) : doc;
        }
        h = fnv(h, line);
        if (e.sources.empty()) e.sources.push_back(doc);
        cur.events.push_back(std::move(e));
    }
    close_record();
    w.file_done = true;
    w.jsonl = true;
    q.push(std::move(w));
}

/// The progress line, redrawn on a terminal only.
class Progress {
  public:
    explicit Progress(std::size_t files) : m_files(files), m_tty(::isatty(2) != 0) {}
    void update(std::size_t files_done, std::size_t docs, std::size_t events, bool force = false) {
        if (!m_tty) return;
        auto now = std::chrono::steady_clock::now();
        if (!force && now - m_last < std::chrono::milliseconds(100)) return;
        m_last = now;
        const double secs = std::chrono::duration<double>(now - m_start).count();
        const int width = 30;
        const int filled = m_files ? int(double(files_done) / double(m_files) * width) : width;
        std::fprintf(stderr, "\r[%s%s] %zu/%zu files  %zu docs  %.1f docs/s  %zu events ",
                     std::string(std::size_t(filled), '#').c_str(),
                     std::string(std::size_t(width - filled), ' ').c_str(), files_done, m_files,
                     docs, secs > 0 ? double(docs) / secs : 0.0, events);
        m_drawn = true;
    }
    void clear() {
        if (m_drawn) std::fputs("\r\033[K", stderr);
        m_drawn = false;
    }

  private:
    std::size_t m_files;
    bool m_tty;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point m_last{};
};

/// Events a run is about to add, roughly, for Store::begin_bulk_load(): `.jsonl` by size (a
/// line of `parley extract` is about 600 to 700 bytes; 800 errs low, so that a run too small
/// to gain from a bulk load is not taken for one), an article as two events, stdin as none.
std::size_t expected_events(const std::vector<std::string>& files) {
    constexpr std::uintmax_t kJsonlBytesPerEvent = 800;
    std::size_t n = 0;
    for (const auto& f : files) {
        if (f == "-") continue;
        if (!f.ends_with(".jsonl")) {
            n += 2;
            continue;
        }
        std::error_code ec;
        const auto bytes = fs::file_size(f, ec);
        if (!ec) n += static_cast<std::size_t>(bytes / kJsonlBytesPerEvent);
    }
    return n;
}

void run_ingest(const IngestArgs& args) {
    // --date anchors only the articles that carry no date of their own, so it is applied after
    // loading rather than as IngestOptions::date_override (which overrides every date).
    const IngestOptions opts;
    const auto anchor = parse_date_option(args.date, "--date");
    std::size_t failures = 0;
    const auto files = expand_inputs(args.inputs, failures);
    const auto start = std::chrono::steady_clock::now();

    Store store(db_path(args.db), Store::Mode::read_write);
    // What is stored already, so workers skip extracting unchanged articles.
    std::unordered_map<std::string, std::string> stored;
    std::unordered_set<std::string> stored_hashes;
    store.for_each_document([&](const std::string& s, const std::string& h) {
        stored.emplace(s, h);
        stored_hashes.insert(h);
    });

    // A run large next to what is stored (a first load) drops the random-insert secondary
    // indexes once, and rebuilds them by a sort at the end: cheaper than keeping them up row by
    // row. A kill in between leaves them out until the next writable open rebuilds them.
    store.begin_bulk_load(expected_events(files));

    const Knowledge& kb = globals().kb();
    unsigned jobs =
        args.jobs ? args.jobs : std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    jobs = std::min<unsigned>(jobs, std::max<std::size_t>(files.size(), 1));
    Queue queue(std::max<std::size_t>(4, jobs * 2));
    queue.set_producers(int(jobs));
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < files.size();) {
            const std::string& f = files[i];
            Work w;
            w.file_done = true;
            try {
                if (f.ends_with(".jsonl")) {
                    std::ifstream in(f, std::ios::binary);
                    if (!in) throw InputError(f + ": cannot open file");
                    read_jsonl(in, f, queue, args.batch_events);
                    continue;
                }
                Document doc;
                if (f == "-") {
                    std::string bytes{std::istreambuf_iterator<char>(std::cin),
                                      std::istreambuf_iterator<char>()};
                    const auto first = bytes.find_first_not_of(" \t\r\n");
                    if (first != std::string::npos && bytes[first] == '{') {
                        std::istringstream in(bytes);
                        read_jsonl(in, "-", queue, args.batch_events);
                        continue;
                    }
                    doc = parse_document(bytes, "-", kb, opts);
                } else {
                    doc = load_document(f, kb, opts);
                }
                if (!doc.publication && anchor) {
                    doc.publication = anchor;
                    doc.publication_origin = DateOrigin::override_;
                }
                DocumentRecord rec;
                rec.source = doc.source;
                rec.hash = doc.id;
                if (auto it = stored.find(rec.source);
                    (it != stored.end() && it->second == rec.hash) ||
                    stored_hashes.count(rec.hash)) {
                    w.records.push_back(std::move(rec));  // unchanged: the store skips it
                } else {
                    rec.title = doc.title;
                    rec.publication = doc.publication;
                    auto x = extract(std::move(doc), kb);
                    rec.actors = std::move(x.actors.actors);
                    rec.events = std::move(x.events);
                    w.records.push_back(std::move(rec));
                }
            } catch (const Error& e) {
                w.records.clear();
                w.error = e.what();
            } catch (const std::exception& e) {
                w.records.clear();
                w.error = f + ": " + e.what();
            }
            queue.push(std::move(w));
        }
        queue.producer_done();
    };
    std::vector<std::thread> threads;
    for (unsigned j = 0; j < jobs; ++j) threads.emplace_back(worker);

    Progress progress(files.size());
    IngestStats total;
    std::size_t files_done = 0, docs_seen = 0, events_seen = 0;
    std::vector<DocumentRecord> batch;
    std::size_t batch_events = 0;
    std::size_t batch_articles = 0;  // documents extracted here, not read from .jsonl
    // A stored batch is freed on a thread of its own: the writer is the bottleneck, and freeing
    // 50,000 events' strings (allocated by the readers' threads) is not free.
    std::thread reaper;
    auto flush = [&] {
        if (batch.empty()) return;
        total += store.add_batch(batch);
        if (reaper.joinable()) reaper.join();
        reaper = std::thread([done = std::move(batch)] {});
        batch = {};
        batch_events = 0;
        batch_articles = 0;
    };
    try {
        Work w;
        while (queue.pop(w, std::chrono::milliseconds(200))) {
            if (!w.error.empty()) {
                progress.clear();
                std::cerr << "parley: " << w.error << "\n";
                ++failures;
            }
            for (auto& r : w.records) {
                ++docs_seen;
                events_seen += r.events.size();
                batch_events += r.events.size();
                batch.push_back(std::move(r));
                if (!w.jsonl) ++batch_articles;
                // Ten-event .jsonl documents would make 500-document batches small.
                if (batch_articles >= args.batch_documents || batch_events >= args.batch_events)
                    flush();
            }
            if (w.file_done) ++files_done;
            progress.update(files_done, docs_seen, events_seen);
        }
        flush();
    } catch (...) {
        progress.clear();
        // Let the workers finish their file so that the threads can be joined.
        Work sink;
        while (queue.pop(sink, std::chrono::milliseconds(50))) {
        }
        for (auto& t : threads) t.join();
        if (reaper.joinable()) reaper.join();
        throw;
    }
    for (auto& t : threads) t.join();
    if (reaper.joinable()) reaper.join();
    store.end_bulk_load();
    progress.update(files_done, docs_seen, events_seen, true);
    progress.clear();

    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::size_t reports = total.events_added + total.events_merged;
    char rate[96];
    std::snprintf(rate, sizeof rate, "%.2f s, %.0f documents/s, %.0f events/s", secs,
                  secs > 0 ? double(docs_seen) / secs : 0.0,
                  secs > 0 ? double(reports) / secs : 0.0);
    std::cerr << "parley: ingested " << files.size() << " input(s) into " << store.path().string()
              << ": " << total.documents_added << " new, " << total.documents_replaced
              << " replaced, " << total.documents_unchanged << " unchanged documents; "
              << total.events_added << " new events, " << total.events_merged << " merged; "
              << failures << " failed (" << rate << ")\n";
    if (failures)
        throw Error(std::to_string(failures) + " of " + std::to_string(files.size()) +
                    " input(s) failed");
}

const Registration reg{
    12, [](CLI::App& app) {
        auto args = std::make_shared<IngestArgs>();
        auto* cmd = app.add_subcommand(
            "ingest", "Add articles (text, HTML, folders) or events .jsonl to the corpus");
        cmd->add_option("inputs", args->inputs, "Files, folders (recursive) or - for stdin")
            ->required();
        add_db_option(cmd, args->db);
        cmd->add_option("--date", args->date,
                        "Publication date YYYY-MM-DD for articles that carry none");
        cmd->add_option("-j,--jobs", args->jobs, "Extraction threads (default: cores, at most 4)");
        cmd->add_option("--batch-documents", args->batch_documents,
                        "Articles per transaction (.jsonl input is batched by events)")
            ->default_val(500);
        cmd->add_option("--batch-events", args->batch_events, "Events per transaction")
            ->default_val(50000);
        cmd->callback([args] { run_ingest(*args); });
    }};

}  // namespace
}  // namespace parley::cli
