// Date compatibility: the rule that decides whether two reports can be the same event.
#include <parley/store.hpp>
#include <parley/text.hpp>

#include <cctype>

namespace parley {

namespace {
int span_days(const EventDate& d) {
    return static_cast<int>((*d.last - *d.first).count()) + 1;
}
}  // namespace

bool dates_compatible(const EventDate& a, const EventDate& b) {
    if (!a.first || !a.last || !b.first || !b.last) return false;
    if (*a.last < *b.first || *b.last < *a.first) return false;
    if (span_days(a) <= 7 && span_days(b) <= 7) return true;
    return a.granularity == b.granularity;
}

}  // namespace parley
