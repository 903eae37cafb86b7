// Knowledge: the data files under data/ (lexicons, gazetteers, triggers), loaded once.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <typeindex>
#include <vector>

namespace parley {

/// The knowledge base: a data directory plus, per stage, its compiled tables.
/// Stages keep their own table types and ask for them with get<T>(); each T is built
/// once from the files (T must be constructible from const Knowledge&). Thread-safe.
class Knowledge {
  public:
    /// `dir` is the data directory (holding boilerplate.txt, gazetteer/, time/, ...).
    explicit Knowledge(std::filesystem::path dir);

    /// The default directory: $PARLEY_DATA, else the data/ folder next to the executable's
    /// build tree or install prefix, else the source tree's data/ (compiled in).
    static std::filesystem::path default_dir();

    const std::filesystem::path& dir() const { return m_dir; }

    /// Lines of a data file (relative to dir()), without comments ('#' at line start)
    /// and blank lines, trimmed. Throws Error naming the file if it cannot be read.
    std::vector<std::string> lines(const std::string& relpath) const;
    /// Tab-separated rows of a data file, same rules as lines().
    std::vector<std::vector<std::string>> rows(const std::string& relpath) const;
    /// Whether an optional data file exists.
    bool has(const std::string& relpath) const;

    /// Extra actor dictionaries (PETRARCH format) given with --actors.
    std::vector<std::filesystem::path> actor_dictionaries;
    /// PETRARCH verb dictionaries given with --verbs, coded by their patterns (petrarch_coder).
    std::vector<std::filesystem::path> verb_dictionaries;

    template <class T>
    const T& get() const {
        std::lock_guard lock(m_mutex);
        auto it = m_tables.find(std::type_index(typeid(T)));
        if (it == m_tables.end()) {
            auto holder = std::make_shared<Holder<T>>(*this);
            it = m_tables.emplace(std::type_index(typeid(T)), holder).first;
        }
        return static_cast<const Holder<T>&>(*it->second).value;
    }

  private:
    struct HolderBase {
        virtual ~HolderBase() = default;
    };
    template <class T>
    struct Holder : HolderBase {
        explicit Holder(const Knowledge& kb) : value(kb) {}
        T value;
    };
    std::filesystem::path m_dir;
    mutable std::recursive_mutex m_mutex;
    mutable std::map<std::type_index, std::shared_ptr<HolderBase>> m_tables;
};

}  // namespace parley
