// PETRARCH verb dictionaries given to the trigger stage. Their verbs are coded by the
// verb-pattern coder (src/events/petrarch_coder.cpp), which reads the patterns too; the trigger
// stage only checks the file. Measured on the PETRARCH2 unit-test records (docs/evaluation.md):
// the verbs as plain triggers as well added no right event and 8 records of spurious ones.
#include "events/event_rules.hpp"
#include "events/petrarch_coder.hpp"

namespace parley::detail {

void add_petrarch_verbs(const std::filesystem::path& path, EventRules& rules) {
    (void)rules;
    PetrarchVerbs check;
    check.read(path);  // throws Error naming the file (and line) it cannot read
}

}  // namespace parley::detail
