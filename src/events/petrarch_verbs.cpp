// PETRARCH verb dictionaries as extra triggers (a first, minimal reader: see the helper's work).
#include "events/event_rules.hpp"

namespace parley::detail {

void add_petrarch_verbs(const std::filesystem::path& path, EventRules&) {
    if (!std::filesystem::is_regular_file(path)) throw Error(path.string() + ": cannot read verb dictionary");
}

}  // namespace parley::detail
