#include "cli/inputs.hpp"

#include "cli/command.hpp"

#include <parley/error.hpp>
#include <parley/extract.hpp>
#include <parley/json.hpp>
#include <parley/knowledge.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>

namespace parley::cli {

std::optional<date::sys_days> parse_date_option(const std::string& value, const char* option) {
    if (value.empty()) return std::nullopt;
    auto d = parse_iso_day(value);
    if (!d)
        throw Error(std::string(option) + ": \"" + value +
                    "\" is not a valid date (expected YYYY-MM-DD)");
    return d;
}

std::size_t for_each_event_batch(const std::vector<std::string>& inputs, const IngestOptions& opts,
                                 const std::function<void(std::vector<Event>&)>& sink) {
    std::size_t failures = 0;
    const Knowledge& kb = globals().kb();
    for (const auto& in : inputs) {
        try {
            std::vector<Event> events;
            if (in.size() > 6 && in.ends_with(".jsonl")) {
                std::ifstream f(in);
                if (!f) throw InputError(in + ": cannot open file");
                events = read_events_jsonl(f, in);
            } else {
                auto x = extract(load_document(in, kb, opts), kb);
                events = std::move(x.events);
            }
            sink(events);
        } catch (const Error& e) {
            std::cerr << "parley: " << e.what() << "\n";
            ++failures;
        }
    }
    return failures;
}

std::vector<Event> collect_events(const std::vector<std::string>& inputs, const IngestOptions& opts,
                                  std::size_t& failures) {
    std::vector<Event> all;
    failures = for_each_event_batch(inputs, opts, [&](std::vector<Event>& batch) {
        for (auto& e : batch) all.push_back(std::move(e));
    });
    unify_participant_names(all);
    std::stable_sort(all.begin(), all.end(), [](const Event& a, const Event& b) {
        if (a.date.first.has_value() != b.date.first.has_value()) return a.date.first.has_value();
        return a.date.first && *a.date.first < *b.date.first;
    });
    return all;
}

}  // namespace parley::cli
