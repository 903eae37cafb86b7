// Ingest: bytes (plain text or HTML) -> Document. Refuses bad input with parley::InputError.
#pragma once

#include <parley/document.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

class Knowledge;

struct IngestOptions {
    /// --date: overrides any date found in the article.
    std::optional<date::sys_days> date_override;
    /// Largest input accepted, in bytes; larger files are refused, not truncated.
    std::size_t max_bytes = 64u << 20;
};

/// Reads and cleans one article. `path` "-" reads stdin. Throws InputError
/// ("FILE: not UTF-8 (invalid byte 0xE9 at offset 120)", "FILE: empty", ...).
Document load_document(const std::filesystem::path& path, const Knowledge& kb,
                       const IngestOptions& opts = {});

/// Same on bytes already in memory; `source` names them in errors.
Document parse_document(std::string_view bytes, std::string source, const Knowledge& kb,
                        const IngestOptions& opts = {});

/// The document with its title as the first paragraph and sentence (Document::title_span set,
/// offsets shifted): what the extractor reads, since headlines report events too.
Document lead_with_title(Document doc);

/// True when the bytes look like HTML rather than plain text.
bool looks_like_html(std::string_view bytes);

/// Checks the bytes are non-empty, valid UTF-8 text (no NUL bytes); throws InputError naming
/// `source`.
void check_text_input(std::string_view bytes, const std::string& source);

/// Finds a publication date stamp near the top of plain text:
/// "Wednesday 21 July 1999 23:02 BST", "July 21, 1999", "1999-07-21". Returns the date and
/// the byte span of the stamp.
struct DateStamp {
    date::sys_days day;
    Span span;
};
std::optional<DateStamp> find_date_stamp(std::string_view text, std::size_t search_limit = 1500);

}  // namespace parley
