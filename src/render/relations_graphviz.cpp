// The relationship diagram: actors as nodes coloured (and, with dot, clustered) by country,
// one edge per pair of actors who shared an event, weighted by how many. Graphviz is linked as
// a library (cgraph builds the graph, gvc lays it out and renders); the `dot` program is never run.
#include <parley/error.hpp>
#include <parley/render.hpp>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace parley {

namespace {

using date::sys_days;

// Graphviz keeps global state (error handler, plugin tables): one graph at a time.
std::mutex& graphviz_mutex() {
    static std::mutex m;
    return m;
}

constexpr const char* kFont = "Helvetica,Arial,DejaVu Sans,sans-serif";

struct CountryStyle {
    const char* fill;
    const char* line;
};
// Pastel fills with a darker outline of the same hue; unknown countries are grey.
constexpr std::array<CountryStyle, 12> kCountryStyles = {{
    {"#cfe0f3", "#4e79a7"},
    {"#fbd9c0", "#c66a1e"},
    {"#d3ecd0", "#4b8a42"},
    {"#f6cfd0", "#b8474a"},
    {"#e6d6e8", "#8a5a80"},
    {"#d5ecea", "#4f8f8a"},
    {"#f8ecc2", "#a68314"},
    {"#e8dcd3", "#7d5c48"},
    {"#e0e4f7", "#5561a6"},
    {"#f3d9ea", "#a8558a"},
    {"#dcebc6", "#6b8a2c"},
    {"#d9e5ec", "#51728a"},
}};
constexpr CountryStyle kUnknownCountry = {"#eef0f3", "#7b8794"};

constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string day_text(sys_days d, bool with_year = true) {
    const date::year_month_day v{d};
    std::string s = std::to_string(static_cast<unsigned>(v.day())) + " " +
                    kMonths[static_cast<unsigned>(v.month()) - 1];
    if (with_year) s += " " + std::to_string(static_cast<int>(v.year()));
    return s;
}

// "21 Jul 1999", "Jul 20-25 1999" style ranges, short enough for an edge label.
std::string range_text(sys_days a, sys_days b) {
    if (a == b) return day_text(a);
    const date::year_month_day x{a}, y{b};
    const std::string yb = std::to_string(static_cast<int>(y.year()));
    if (x.year() == y.year() && x.month() == y.month())
        return std::to_string(static_cast<unsigned>(x.day())) + "\u2013" +
               std::to_string(static_cast<unsigned>(y.day())) + " " +
               kMonths[static_cast<unsigned>(y.month()) - 1] + " " + yb;
    if (x.year() == y.year()) return day_text(a, false) + " \u2013 " + day_text(b);
    return day_text(a) + " \u2013 " + day_text(b);
}

std::string type_name(EventType t) {
    std::string s = to_string(t);
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

// escString attributes (tooltip, plain labels) give backslashes a meaning: keep them literal.
std::string esc_string(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '\\') out += '\\';
        if (c == '\n' || c == '\r') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

struct NodeInfo {
    std::string name;
    std::string country;
    std::string title;
    int events = 0;
};

struct PairInfo {
    int count = 0;
    int undated = 0;
    int scheduled = 0;
    std::optional<sys_days> first, last;
    std::map<EventType, int> types;
};

struct Model {
    std::vector<NodeInfo> nodes;
    std::map<std::string, std::size_t> index;
    std::map<std::pair<std::size_t, std::size_t>, PairInfo> pairs;
    std::vector<std::string> countries;  ///< sorted, known codes only
};

Model build_model(const std::vector<Event>& events) {
    Model m;
    for (const auto& e : events) {
        std::vector<std::size_t> ids;
        for (const auto& p : e.participants) {
            if (p.name.empty()) continue;
            auto [it, fresh] = m.index.try_emplace(p.name, m.nodes.size());
            if (fresh) m.nodes.push_back({p.name, "", "", 0});
            NodeInfo& n = m.nodes[it->second];
            if (n.country.empty()) n.country = p.country;
            if (n.title.empty()) n.title = p.title;
            if (std::find(ids.begin(), ids.end(), it->second) == ids.end())
                ids.push_back(it->second);
        }
        for (auto id : ids) ++m.nodes[id].events;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            for (std::size_t j = i + 1; j < ids.size(); ++j) {
                PairInfo& pi = m.pairs[{std::min(ids[i], ids[j]), std::max(ids[i], ids[j])}];
                ++pi.count;
                ++pi.types[e.type];
                if (e.status == EventStatus::scheduled) ++pi.scheduled;
                if (e.date.first) {
                    const sys_days a = *e.date.first;
                    const sys_days b = e.date.last && *e.date.last >= a ? *e.date.last : a;
                    pi.first = pi.first ? std::min(*pi.first, a) : a;
                    pi.last = pi.last ? std::max(*pi.last, b) : b;
                } else {
                    ++pi.undated;
                }
            }
        }
    }
    std::set<std::string> cs;
    for (const auto& n : m.nodes)
        if (!n.country.empty()) cs.insert(n.country);
    m.countries.assign(cs.begin(), cs.end());
    return m;
}

std::string choose_engine(const std::string& requested, std::size_t nodes) {
    if (requested != "auto" && !requested.empty()) return requested;
    if (nodes < 50) return "dot";
    if (nodes < 1000) return "neato";
    return "sfdp";
}

const CountryStyle& country_style(const Model& m, const std::string& code) {
    const auto it = std::lower_bound(m.countries.begin(), m.countries.end(), code);
    if (code.empty() || it == m.countries.end() || *it != code) return kUnknownCountry;
    return kCountryStyles[static_cast<std::size_t>(it - m.countries.begin()) %
                          kCountryStyles.size()];
}

// ---- cgraph helpers -------------------------------------------------------------------------

void set(void* obj, const char* key, const std::string& value) {
    agsafeset(obj, const_cast<char*>(key), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

void set_html(Agraph_t* root, void* obj, int kind, const char* key, const std::string& html) {
    Agsym_t* sym = agattr(root, kind, const_cast<char*>(key), nullptr);
    if (!sym) sym = agattr(root, kind, const_cast<char*>(key), const_cast<char*>(""));
    char* h = agstrdup_html(root, const_cast<char*>(html.c_str()));
    agxset(obj, sym, h);
    agstrfree(root, h);
}

struct GraphCloser {
    void operator()(Agraph_t* g) const { agclose(g); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

GraphPtr build_graph(const Model& m, const GraphOptions& opts, const std::string& engine,
                     bool for_png) {
    GraphPtr g(agopen(const_cast<char*>("relations"), Agundirected, nullptr));
    if (!g) throw Error("graphviz: cannot create a graph");
    Agraph_t* root = g.get();
    const bool large = m.nodes.size() >= 200 || m.pairs.size() >= 400;

    set(root, "fontname", kFont);
    set(root, "bgcolor", "#ffffff");
    set(root, "pad", "0.3");
    set(root, "labelloc", "t");
    set(root, "outputorder", "edgesfirst");
    set(root, "fontcolor", "#1f2933");
    if (engine == "dot") {
        set(root, "rankdir", "LR");
        set(root, "nodesep", "0.45");
        set(root, "ranksep", "1.1");
        set(root, "newrank", "true");
    } else {
        set(root, "overlap", "false");
        set(root, "splines", large ? "false" : "true");
        set(root, "sep", "+14");
        if (engine == "neato") {
            set(root, "mode", "major");
            // Longer springs leave room for the edge labels.
            agattr(root, AGEDGE, const_cast<char*>("len"), const_cast<char*>("1.9"));
        }
    }
    if (for_png) set(root, "dpi", "96");

    // Title with a colour key of the countries.
    {
        std::string html =
            "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" "
            "CELLPADDING=\"3\"><TR><TD COLSPAN=\"40\"><FONT POINT-SIZE=\"18\"><B>" +
            escape_xml(opts.title) + "</B></FONT></TD></TR>";
        const std::size_t shown = std::min<std::size_t>(m.countries.size(), 16);
        if (shown) {
            html += "<TR><TD><FONT POINT-SIZE=\"10\" COLOR=\"#52606d\">Country:</FONT></TD>";
            for (std::size_t i = 0; i < shown; ++i) {
                const CountryStyle& cs = country_style(m, m.countries[i]);
                html += std::string("<TD BGCOLOR=\"") + cs.fill + "\" BORDER=\"1\" COLOR=\"" +
                        cs.line + "\"><FONT POINT-SIZE=\"10\">" + escape_xml(m.countries[i]) +
                        "</FONT></TD>";
            }
            if (shown < m.countries.size())
                html += "<TD><FONT POINT-SIZE=\"10\" COLOR=\"#52606d\">+" +
                        std::to_string(m.countries.size() - shown) + " more</FONT></TD>";
            html += "</TR>";
        }
        html += "</TABLE>";
        set_html(root, root, AGRAPH, "label", html);
    }

    // Default node and edge attributes.
    agattr(root, AGNODE, const_cast<char*>("shape"), const_cast<char*>("box"));
    agattr(root, AGNODE, const_cast<char*>("style"), const_cast<char*>("rounded,filled"));
    agattr(root, AGNODE, const_cast<char*>("fontname"), const_cast<char*>(kFont));
    agattr(root, AGNODE, const_cast<char*>("fontsize"), const_cast<char*>("11"));
    agattr(root, AGNODE, const_cast<char*>("margin"), const_cast<char*>("0.12,0.06"));
    agattr(root, AGEDGE, const_cast<char*>("fontname"), const_cast<char*>(kFont));
    agattr(root, AGEDGE, const_cast<char*>("fontsize"), const_cast<char*>("9"));
    agattr(root, AGEDGE, const_cast<char*>("fontcolor"), const_cast<char*>("#52606d"));
    agattr(root, AGEDGE, const_cast<char*>("color"), const_cast<char*>("#7b8794"));

    // With dot, one cluster per country groups its actors.
    std::map<std::string, Agraph_t*> clusters;
    // Small graphs only: in bigger ones clusters stretch across ranks and tangle the edges.
    if (engine == "dot" && m.nodes.size() <= 8) {
        for (const auto& c : m.countries) {
            std::string name = "cluster_" + c;
            Agraph_t* sg = agsubg(root, name.data(), 1);
            const CountryStyle& cs = country_style(m, c);
            set(sg, "label", c);
            set(sg, "style", "rounded,dashed");
            set(sg, "labeljust", "l");
            set(sg, "color", cs.line);
            set(sg, "fontcolor", cs.line);
            set(sg, "fontsize", "11");
            set(sg, "margin", "10");
            clusters[c] = sg;
        }
    }

    std::vector<Agnode_t*> nodes;
    for (const auto& n : m.nodes) {
        std::string name = n.name;
        Agnode_t* v = agnode(root, name.data(), 1);
        if (auto it = clusters.find(n.country); it != clusters.end()) agsubnode(it->second, v, 1);
        const CountryStyle& cs = country_style(m, n.country);
        set(v, "fillcolor", cs.fill);
        set(v, "color", cs.line);
        std::string sub = n.title;
        if (!n.country.empty()) sub += (sub.empty() ? "" : " \u00b7 ") + n.country;
        std::string html = "<B>" + escape_xml(n.name) + "</B>";
        if (!sub.empty())
            html += "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"#52606d\">" + escape_xml(sub) + "</FONT>";
        set_html(root, v, AGNODE, "label", html);
        set(v, "tooltip",
            esc_string(n.name + (sub.empty() ? "" : " (" + sub + ")") + " \u2014 " +
                       std::to_string(n.events) + (n.events == 1 ? " event" : " events")));
        nodes.push_back(v);
    }

    for (const auto& [key, pi] : m.pairs) {
        // dot ranks tail before head: putting the busier actor first makes hubs the roots.
        auto [a, b] = key;
        if (m.nodes[b].events > m.nodes[a].events) std::swap(a, b);
        Agedge_t* e = agedge(root, nodes[a], nodes[b], nullptr, 1);
        std::string when;
        if (pi.first) when = range_text(*pi.first, *pi.last);
        if (pi.undated) when += (when.empty() ? "" : ", ") + std::string("undated");
        std::string what;
        for (const auto& [t, k] : pi.types) {
            if (!what.empty()) what += ", ";
            what += type_name(t);
            if (k > 1) what += " \u00d7" + std::to_string(k);
        }
        std::string label = pi.count == 1 ? when : std::to_string(pi.count) + " events, " + when;
        if (pi.count == 1 && pi.scheduled) what += " (scheduled)";
        label += "\\n" + what;
        if (!large) set(e, "label", label);
        set(e, "tooltip", nodes.size() < 2 ? "" : label);
        set(e, "weight", std::to_string(pi.count));
        const double pen = std::min(1.2 + 1.6 * std::log2(static_cast<double>(pi.count)), 8.0);
        char buf[16];
        std::snprintf(buf, sizeof buf, "%.1f", pen);
        set(e, "penwidth", buf);
        if (pi.scheduled == pi.count) set(e, "style", "dashed");
    }
    return g;
}

// One context for the whole process, never freed: Graphviz 2.42's pango plugin keeps a static
// pointer to the last font name, which lives in the context; a second context would make it
// read freed memory (AddressSanitizer shows it). Call with graphviz_mutex() held.
GVC_t* shared_context() {
    // gvContext() loads the plugins listed in the installed config (layout engines, cairo).
    static GVC_t* gvc = gvContext();
    return gvc;
}

// Collects Graphviz's error messages instead of letting them go to stderr.
thread_local std::string g_graphviz_errors;
int collect_error(char* msg) {
    if (msg) g_graphviz_errors += msg;
    return 0;
}

struct ErrorCapture {
    agusererrf previous;
    ErrorCapture() : previous(agseterrf(collect_error)) { g_graphviz_errors.clear(); }
    ~ErrorCapture() { agseterrf(previous); }
    ErrorCapture(const ErrorCapture&) = delete;
    ErrorCapture& operator=(const ErrorCapture&) = delete;
};

std::string write_dot(Agraph_t* g) {
    char* buf = nullptr;
    std::size_t len = 0;
    FILE* f = open_memstream(&buf, &len);
    if (!f) throw Error("graphviz: cannot open a memory stream");
    const int rc = agwrite(g, f);
    std::fclose(f);
    std::string out(buf ? buf : "", len);
    std::free(buf);
    if (rc != 0) throw Error("graphviz: cannot write DOT");
    return out;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

std::string relations_dot(const std::vector<Event>& events, const GraphOptions& opts) {
    const Model m = build_model(events);
    const std::string engine = choose_engine(opts.engine, m.nodes.size());
    std::lock_guard lock(graphviz_mutex());
    ErrorCapture capture;
    GraphPtr g = build_graph(m, opts, engine, false);
    return write_dot(g.get());
}

void render_relations(const std::vector<Event>& events, const std::filesystem::path& out,
                      const GraphOptions& opts) {
    const std::string ext = lower(out.extension().string());
    if (ext != ".dot" && ext != ".gv" && ext != ".svg" && ext != ".png")
        throw Error(out.string() + ": unknown diagram format '" + ext +
                    "' (expected .dot, .svg or .png)");
    if (ext == ".dot" || ext == ".gv") {
        const std::string text = relations_dot(events, opts);
        std::ofstream f(out, std::ios::binary);
        if (!f) throw Error(out.string() + ": cannot open for writing");
        f << text;
        if (!f.flush()) throw Error(out.string() + ": write failed");
        return;
    }

    const Model m = build_model(events);
    const std::string engine = choose_engine(opts.engine, m.nodes.size());
    std::lock_guard lock(graphviz_mutex());
    ErrorCapture capture;
    GVC_t* gvc = shared_context();
    if (!gvc) throw Error(out.string() + ": cannot start Graphviz");
    GraphPtr g = build_graph(m, opts, engine, ext == ".png");
    if (gvLayout(gvc, g.get(), engine.c_str()) != 0)
        throw Error(out.string() + ": Graphviz layout engine '" + engine + "' not available");
    const std::string format = ext.substr(1);
    const int rc = gvRenderFilename(gvc, g.get(), format.c_str(), out.string().c_str());
    gvFreeLayout(gvc, g.get());
    if (rc != 0) {
        std::string why = g_graphviz_errors;
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
        throw Error(out.string() + ": Graphviz could not render " + format +
                    (why.empty() ? "" : " (" + why + ")"));
    }
}

}  // namespace parley
