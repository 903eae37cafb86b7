// HTML -> title, block-level paragraphs and publication date (Gumbo).
#pragma once

#include <parley/document.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley {
class Knowledge;
}

namespace parley::detail {

struct HtmlArticle {
    std::string title;
    std::vector<std::string> paragraphs;  ///< raw block texts, not yet cleaned
    std::optional<date::sys_days> date;
    std::string date_text;
    DateOrigin origin = DateOrigin::none;
};

/// Parses HTML (tolerant of truncation) and keeps the article: block texts outside page
/// furniture (data/html-noise.txt) and the date from metadata (data/html-date-meta.txt).
HtmlArticle extract_html(std::string_view html, const Knowledge& kb);

}  // namespace parley::detail
