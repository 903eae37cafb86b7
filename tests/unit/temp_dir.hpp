// A folder of one test program's own under the system's temporary directory, removed when the
// program ends, so that test runs do not pile up in /tmp.
#pragma once

#include <filesystem>
#include <string>
#include <system_error>

#include <unistd.h>

namespace parley::test {

class TempDir {
  public:
    /// /tmp/parley-TAG-PID, created empty.
    explicit TempDir(const std::string& tag)
        : m_path(std::filesystem::temp_directory_path() /
                 ("parley-" + tag + "-" + std::to_string(::getpid()))),
          m_owner(::getpid()) {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
        std::filesystem::create_directories(m_path);
    }
    // Only by the process that made it: a forked child that exits must not take it along.
    ~TempDir() {
        if (::getpid() != m_owner) return;
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

  private:
    std::filesystem::path m_path;
    pid_t m_owner;
};

}  // namespace parley::test
