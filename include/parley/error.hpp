// Errors: I/O and usage failures throw parley::Error with a "file: reason" message;
// linguistic doubt is a Diagnostic, never an exception.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace parley {

/// A failure the caller must report: unreadable file, bad encoding, bad option.
/// what() is one line: "FILE: reason".
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Thrown for malformed input (not UTF-8, binary, empty, ...).
class InputError : public Error {
  public:
    using Error::Error;
};

/// A note about the text that is not fatal, e.g. an unresolvable date.
/// Printed as "source:begin: warning[code]: message".
struct Diagnostic {
    std::string code;     ///< short kebab-case id, e.g. "date-unresolved"
    std::string message;  ///< quotes the offending text
    uint32_t begin = 0;   ///< byte offset in the cleaned text
    uint32_t end = 0;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace parley
