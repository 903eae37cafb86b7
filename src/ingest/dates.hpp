// Date parsing for ingest: date stamps in prose and date values in HTML metadata.
#pragma once

#include <parley/ingest.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace parley::detail {

/// Every date stamp (day, month and year) starting before `limit`, in text order.
std::vector<DateStamp> find_date_stamps(std::string_view text, std::size_t limit);

/// A date value from metadata: "2020-09-23T10:00:00+03:00", "2020/09/23", "20200923",
/// "23.09.2020", "Wed, 23 Sep 2020 10:00:00 GMT", "September 23, 2020". The calendar day as
/// written (no time-zone conversion).
std::optional<date::sys_days> parse_date_value(std::string_view value);

/// The date in a URL path: ".../2020/09/23/...", ".../2020-09-23/...".
std::optional<date::sys_days> date_from_url(std::string_view url);

}  // namespace parley::detail
