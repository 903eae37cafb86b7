// The timeline: one lane per actor, a date axis with adaptive ticks, event markers shaped by
// type and filled by status, stacked labels that never overlap, tooltips with the evidence.
#include <parley/render.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace parley {

namespace {

using date::days;
using date::sys_days;

constexpr const char* kFont =
    "'Source Sans Pro','Segoe UI','Helvetica Neue',Helvetica,Arial,'DejaVu Sans',sans-serif";
constexpr const char* kInk = "#1f2933";
constexpr const char* kMuted = "#616e7c";
constexpr const char* kGrid = "#e4e7eb";
constexpr const char* kCross = "#323f4b";

// Width of one character as a fraction of the font size: wide fonts (DejaVu) are the worst case.
constexpr double kCharEm = 0.60;
constexpr double kBoldCharEm = 0.66;

struct TypeStyle {
    const char* fill;
    const char* stroke;
    const char* label;
};

// A calm palette: muted hues, each with a darker outline for contrast in grey print.
constexpr std::array<TypeStyle, 9> kTypeStyles = {{
    {"#4e79a7", "#2f4b6e", "meeting"},
    {"#59a14f", "#356330", "visit"},
    {"#f28e2b", "#a85a12", "phone call"},
    {"#76b7b2", "#3f7b76", "statement"},
    {"#b07aa1", "#764d6a", "negotiation"},
    {"#e0b23a", "#8f6d12", "agreement"},
    {"#e15759", "#9a2f31", "appeal"},
    {"#9c755f", "#634735", "mediation"},
    {"#8c959f", "#555d66", "other"},
}};

const TypeStyle& style_of(EventType t) {
    return kTypeStyles[static_cast<std::size_t>(t)];
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    if (s == "-0") s = "0";
    return s;
}

std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

// Cuts to at most `max` code points, with an ellipsis when something was cut.
std::string truncate_utf8(std::string_view s, std::size_t max) {
    if (utf8_length(s) <= max) return std::string(s);
    std::size_t n = 0, i = 0;
    for (; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (n == max - 1) break;
            ++n;
        }
    }
    return std::string(s.substr(0, i)) + "\u2026";
}

double text_width(std::string_view s, double size, bool bold = false) {
    return static_cast<double>(utf8_length(s)) * size * (bold ? kBoldCharEm : kCharEm);
}

// Glyph advances of DejaVu Sans Bold (the widest font the stack falls back to), in 1/2048 em,
// for ' ' to '~': lane names are measured letter by letter, so "WWW" is not taken for "iii".
constexpr std::array<unsigned short, 95> kBoldAdvance = {
    713,  823,  1067, 1716, 1425, 2052, 1774, 616,  934,  934,  1047, 1716, 780,  854,  780,  748,
    1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 823,  823,  1716, 1716, 1716, 1290,
    2048, 1585, 1565, 1498, 1696, 1400, 1400, 1683, 1716, 758,  758,  1604, 1339, 2040, 1716, 1747,
    1511, 1747, 1587, 1479, 1403, 1669, 1585, 2259, 1544, 1493, 1470, 934,  748,  934,  1716, 1024,
    1024, 1382, 1466, 1214, 1466, 1389, 891,  1466, 1458, 702,  702,  1362, 702,  2134, 1458, 1407,
    1466, 1466, 1010, 1219, 979,  1458, 1335, 1876, 1321, 1335, 1192, 1141, 748,  1141, 1716};

// Width in px of `s` at `size`, letter by letter; regular weight is about 9% narrower.
double measure(std::string_view s, double size, bool bold) {
    double em = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7F) {
            em += kBoldAdvance[c - 0x20] / 2048.0;
            ++i;
            continue;
        }
        // Non-ASCII: a full em from U+2E80 (CJK and friends), a capital's width below it.
        const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        const unsigned next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
        const bool wide = len == 4 || (len == 3 && (c > 0xE2 || (c == 0xE2 && next >= 0xBA)));
        em += wide ? 1.0 : 0.78;
        i += len;
    }
    return em * size * (bold ? 1.0 : 0.91);
}

// `s` cut (with an ellipsis) to fit in `max_px`.
std::string fit_width(std::string_view s, double size, bool bold, double max_px) {
    if (measure(s, size, bold) <= max_px) return std::string(s);
    const double room = max_px - measure("\u2026", size, bold);
    std::size_t end = 0;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t j = i + 1;
        while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
        if (measure(s.substr(0, j), size, bold) > room) break;
        end = i = j;
    }
    // No dangling space before the ellipsis.
    while (end > 0 && s[end - 1] == ' ') --end;
    return std::string(s.substr(0, end)) + "\u2026";
}

constexpr std::array<const char*, 12> kMonthShort = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<const char*, 12> kMonthLong = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

struct Ymd {
    int y;
    unsigned m;  // 1..12
    unsigned d;
};
Ymd ymd_of(sys_days d) {
    const date::year_month_day v{d};
    return {static_cast<int>(v.year()), static_cast<unsigned>(v.month()),
            static_cast<unsigned>(v.day())};
}

// "21 Jul", "24–25 Jul", "30 Jul – 2 Aug", "Jul 1999", "1999": short, for labels and ticks.
std::string date_label(const EventDate& dt, bool with_year, bool long_months = false) {
    const auto& months = long_months ? kMonthLong : kMonthShort;
    if (!dt.first) return "undated";
    const sys_days a = *dt.first;
    const sys_days b = dt.last ? *dt.last : a;
    const Ymd x = ymd_of(a), y = ymd_of(b);
    const std::string yx = std::to_string(x.y), yy = std::to_string(y.y);
    if (dt.granularity == Granularity::year || dt.granularity == Granularity::decade ||
        dt.granularity == Granularity::century) {
        return x.y == y.y ? yx : yx + "\u2013" + yy;
    }
    const bool whole_months = x.d == 1 && ymd_of(b + days{1}).d == 1 && b - a >= days{27};
    if (dt.granularity == Granularity::month || dt.granularity == Granularity::quarter ||
        dt.granularity == Granularity::half || dt.granularity == Granularity::season ||
        whole_months) {
        if (x.y == y.y && x.m == y.m) return std::string(months[x.m - 1]) + " " + yx;
        if (x.y == y.y) return std::string(months[x.m - 1]) + "\u2013" + months[y.m - 1] + " " + yx;
        return std::string(months[x.m - 1]) + " " + yx + " \u2013 " + months[y.m - 1] + " " + yy;
    }
    std::string s;
    if (a == b) {
        s = std::to_string(x.d) + " " + months[x.m - 1];
        if (with_year) s += " " + yx;
    } else if (x.y == y.y && x.m == y.m) {
        s = std::to_string(x.d) + "\u2013" + std::to_string(y.d) + " " + months[x.m - 1];
        if (with_year) s += " " + yx;
    } else if (x.y == y.y) {
        s = std::to_string(x.d) + " " + months[x.m - 1] + " \u2013 " + std::to_string(y.d) + " " +
            months[y.m - 1];
        if (with_year) s += " " + yx;
    } else {
        s = std::to_string(x.d) + " " + months[x.m - 1] + " " + yx + " \u2013 " +
            std::to_string(y.d) + " " + months[y.m - 1] + " " + yy;
    }
    return s;
}

std::string type_label(EventType t) {
    return style_of(t).label;
}

// ---- markers -------------------------------------------------------------------------------

std::string points(const std::vector<std::pair<double, double>>& pts) {
    std::string s;
    for (const auto& [x, y] : pts) {
        if (!s.empty()) s += ' ';
        s += num(x) + "," + num(y);
    }
    return s;
}

std::vector<std::pair<double, double>> regular(double cx, double cy, double r, int n,
                                               double phase) {
    std::vector<std::pair<double, double>> p;
    for (int i = 0; i < n; ++i) {
        const double a = phase + 2 * M_PI * i / n;
        p.emplace_back(cx + r * std::cos(a), cy + r * std::sin(a));
    }
    return p;
}

// The bare shape of a type, with `paint` holding its fill/stroke attributes.
std::string shape(EventType t, double cx, double cy, double r, const std::string& paint) {
    switch (t) {
        case EventType::meeting:
            return "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\"" +
                   paint + "/>";
        case EventType::visit:
            return "<polygon points=\"" +
                   points({{cx, cy - r * 1.2},
                           {cx + r * 1.15, cy + r * 0.85},
                           {cx - r * 1.15, cy + r * 0.85}}) +
                   "\"" + paint + "/>";
        case EventType::appeal:
            return "<polygon points=\"" +
                   points({{cx, cy + r * 1.2},
                           {cx + r * 1.15, cy - r * 0.85},
                           {cx - r * 1.15, cy - r * 0.85}}) +
                   "\"" + paint + "/>";
        case EventType::phone_call:
            return "<polygon points=\"" + points(regular(cx, cy, r * 1.25, 4, -M_PI / 2)) + "\"" +
                   paint + "/>";
        case EventType::statement:
            return "<rect x=\"" + num(cx - r * 0.88) + "\" y=\"" + num(cy - r * 0.88) +
                   "\" width=\"" + num(r * 1.76) + "\" height=\"" + num(r * 1.76) + "\"" + paint +
                   "/>";
        case EventType::negotiation:
            return "<polygon points=\"" + points(regular(cx, cy, r * 1.1, 6, 0)) + "\"" + paint +
                   "/>";
        case EventType::agreement: {
            std::vector<std::pair<double, double>> p;
            for (int i = 0; i < 10; ++i) {
                const double rr = (i % 2 == 0) ? r * 1.35 : r * 0.6;
                const double a = -M_PI / 2 + M_PI * i / 5;
                p.emplace_back(cx + rr * std::cos(a), cy + rr * std::sin(a));
            }
            return "<polygon points=\"" + points(p) + "\"" + paint + "/>";
        }
        case EventType::mediation: {
            const double a = r * 1.15, b = r * 0.42;
            return "<polygon points=\"" +
                   points({{cx - b, cy - a},
                           {cx + b, cy - a},
                           {cx + b, cy - b},
                           {cx + a, cy - b},
                           {cx + a, cy + b},
                           {cx + b, cy + b},
                           {cx + b, cy + a},
                           {cx - b, cy + a},
                           {cx - b, cy + b},
                           {cx - a, cy + b},
                           {cx - a, cy - b},
                           {cx - b, cy - b}}) +
                   "\"" + paint + "/>";
        }
        case EventType::other:
            break;
    }
    return "<rect x=\"" + num(cx - r * 1.15) + "\" y=\"" + num(cy - r * 0.65) + "\" width=\"" +
           num(r * 2.3) + "\" height=\"" + num(r * 1.3) + "\" rx=\"" + num(r * 0.65) + "\"" +
           paint + "/>";
}

// A marker: the shape painted for its status; denied and cancelled ones are crossed out.
std::string marker(EventType t, EventStatus st, double cx, double cy, double r, const char* fill,
                   const char* stroke, const std::string& hatch_id) {
    std::string paint;
    const std::string f = fill, s = stroke;
    switch (st) {
        case EventStatus::occurred:
            paint = " fill=\"" + f + "\" stroke=\"" + s + "\" stroke-width=\"1.2\"";
            break;
        case EventStatus::scheduled:
            paint = " fill=\"#ffffff\" stroke=\"" + f + "\" stroke-width=\"2.2\"";
            break;
        case EventStatus::reported:
            paint = " fill=\"url(#" + hatch_id + ")\" stroke=\"" + s + "\" stroke-width=\"1.4\"";
            break;
        case EventStatus::denied:
            paint = " fill=\"" + f + "\" fill-opacity=\"0.35\" stroke=\"" + s +
                    "\" stroke-width=\"1.4\"";
            break;
        case EventStatus::cancelled:
            paint = " fill=\"#ffffff\" stroke=\"" + f +
                    "\" stroke-width=\"1.6\" stroke-dasharray=\"2.5,1.5\"";
            break;
    }
    std::string out = shape(t, cx, cy, r, paint);
    if (st == EventStatus::denied || st == EventStatus::cancelled) {
        const double k = r * 0.95;
        out += "<path d=\"M" + num(cx - k) + "," + num(cy - k) + " L" + num(cx + k) + "," +
               num(cy + k) + " M" + num(cx + k) + "," + num(cy - k) + " L" + num(cx - k) + "," +
               num(cy + k) + "\" stroke=\"" + kCross +
               "\" stroke-width=\"1.8\" stroke-linecap=\"round\"/>";
    }
    return out;
}

// ---- axis ------------------------------------------------------------------------------------

enum class TickUnit { day, week, month, year };
struct TickStep {
    TickUnit unit;
    int n;
};
struct Tick {
    sys_days day;
    std::string label;
    std::string context;  ///< month/year shown under the first tick of each month/year
};

std::vector<Tick> make_ticks(sys_days lo, sys_days hi, const TickStep& st) {
    std::vector<Tick> out;
    auto add = [&](sys_days d) {
        if (d >= lo && d <= hi) out.push_back({d, "", ""});
    };
    switch (st.unit) {
        case TickUnit::day:
            for (sys_days d = lo; d <= hi; d += days{1})
                if (d.time_since_epoch().count() % st.n == 0) add(d);
            break;
        case TickUnit::week: {
            // Mondays; a 2-week step keeps every other Monday counted from the epoch.
            sys_days d = lo;
            while (date::weekday{d} != date::Monday) d += days{1};
            for (; d <= hi; d += days{7}) {
                const auto wk = (d.time_since_epoch().count() + 3) / 7;
                if (wk % st.n == 0) add(d);
            }
            break;
        }
        case TickUnit::month: {
            const date::year_month_day a{lo};
            date::year_month ym{a.year(), a.month()};
            for (;; ym += date::months{1}) {
                const sys_days d = sys_days{ym / 1};
                if (d > hi) break;
                if ((static_cast<unsigned>(ym.month()) - 1) % static_cast<unsigned>(st.n) == 0)
                    add(d);
            }
            break;
        }
        case TickUnit::year: {
            for (int y = ymd_of(lo).y; y <= ymd_of(hi).y + 1; ++y) {
                if (((y % st.n) + st.n) % st.n != 0) continue;
                add(sys_days{date::year{y} / 1 / 1});
            }
            break;
        }
    }
    int prev_y = -100000;
    unsigned prev_m = 0;
    for (auto& t : out) {
        const Ymd v = ymd_of(t.day);
        switch (st.unit) {
            case TickUnit::day:
            case TickUnit::week:
                t.label = std::to_string(v.d) + " " + kMonthShort[v.m - 1];
                if (v.y != prev_y || v.m != prev_m)
                    t.context = std::string(kMonthLong[v.m - 1]) + " " + std::to_string(v.y);
                break;
            case TickUnit::month:
                t.label = kMonthShort[v.m - 1];
                if (v.y != prev_y) t.context = std::to_string(v.y);
                break;
            case TickUnit::year:
                t.label = std::to_string(v.y);
                break;
        }
        prev_y = v.y;
        prev_m = v.m;
    }
    return out;
}

// The finest step whose labels still fit: days, weeks, months, years.
std::vector<Tick> choose_ticks(sys_days lo, sys_days hi, double plot_w) {
    static constexpr std::array<TickStep, 17> steps = {{{TickUnit::day, 1},
                                                        {TickUnit::day, 2},
                                                        {TickUnit::week, 1},
                                                        {TickUnit::week, 2},
                                                        {TickUnit::month, 1},
                                                        {TickUnit::month, 2},
                                                        {TickUnit::month, 3},
                                                        {TickUnit::month, 6},
                                                        {TickUnit::year, 1},
                                                        {TickUnit::year, 2},
                                                        {TickUnit::year, 5},
                                                        {TickUnit::year, 10},
                                                        {TickUnit::year, 20},
                                                        {TickUnit::year, 50},
                                                        {TickUnit::year, 100},
                                                        {TickUnit::year, 200},
                                                        {TickUnit::year, 500}}};
    const double span_days = static_cast<double>((hi - lo).count()) + 1;
    for (const auto& st : steps) {
        double approx = 0;
        switch (st.unit) {
            case TickUnit::day:
                approx = span_days / st.n;
                break;
            case TickUnit::week:
                approx = span_days / (7.0 * st.n);
                break;
            case TickUnit::month:
                approx = span_days / (30.44 * st.n);
                break;
            case TickUnit::year:
                approx = span_days / (365.25 * st.n);
                break;
        }
        const double min_gap = st.unit == TickUnit::month ? 44 : 58;
        if (approx * min_gap <= plot_w) return make_ticks(lo, hi, st);
    }
    return make_ticks(lo, hi, steps.back());
}

// ---- layout helpers -------------------------------------------------------------------------

// Moves positions apart to at least `sep`, keeping each group centred on its true positions,
// inside [lo, hi]. `x` must be sorted.
std::vector<double> spread(const std::vector<double>& x, double sep, double lo, double hi) {
    struct Cluster {
        std::size_t begin, count;
        double sum;
        double left(double s) const { return sum / count - (count - 1) * s / 2; }
        double right(double s) const { return sum / count + (count - 1) * s / 2; }
    };
    std::vector<Cluster> cs;
    for (std::size_t i = 0; i < x.size(); ++i) {
        cs.push_back({i, 1, x[i]});
        while (cs.size() > 1 && cs[cs.size() - 2].right(sep) + sep > cs.back().left(sep)) {
            Cluster b = cs.back();
            cs.pop_back();
            cs.back().count += b.count;
            cs.back().sum += b.sum;
        }
    }
    std::vector<double> out(x.size());
    for (const auto& c : cs)
        for (std::size_t k = 0; k < c.count; ++k) out[c.begin + k] = c.left(sep) + k * sep;
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = std::max(out[i], i ? out[i - 1] + sep : lo);
    for (std::size_t i = out.size(); i-- > 0;)
        out[i] = std::min(out[i], i + 1 < out.size() ? out[i + 1] - sep : hi);
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = std::max(out[i], lo);
    return out;
}

// ---- axis breaks ----------------------------------------------------------------------------

// A cut axis: clusters of events far apart in time each get their own stretch of the width.
// A gap is cut when it is long in absolute terms and dwarfs the clusters on both sides.
constexpr long kBreakMinGapDays = 60;
constexpr double kBreakGapRatio = 3.0;
constexpr double kBreakMinShare = 0.3;  ///< of the whole span: scattered dates stay uncut
constexpr std::size_t kMaxSegments = 6;

struct Segment {
    sys_days first, last;  ///< the events' own extent
    sys_days lo, hi;       ///< padded domain drawn
    double x0 = 0, x1 = 0;
};

// The clusters, in time order, of the closed day intervals `iv` (not empty).
std::vector<Segment> find_segments(std::vector<std::pair<sys_days, sys_days>> iv) {
    std::sort(iv.begin(), iv.end());
    // Runs: the union of the intervals, so that no event ever straddles a cut.
    std::vector<std::pair<sys_days, sys_days>> runs;
    for (const auto& [a, b] : iv) {
        if (!runs.empty() && a <= runs.back().second + days{1})
            runs.back().second = std::max(runs.back().second, b);
        else
            runs.push_back({a, b});
    }
    std::vector<bool> cut(runs.size(), false);  // cut[i]: between run i-1 and run i
    for (std::size_t i = 1; i < runs.size(); ++i)
        cut[i] = (runs[i].first - runs[i - 1].second).count() > kBreakMinGapDays;
    // Drops the weakest cut until every remaining one dwarfs its neighbours.
    const double total = std::max<double>(1, (runs.back().second - runs.front().first).count());
    for (;;) {
        std::vector<std::size_t> starts{0};
        for (std::size_t i = 1; i < runs.size(); ++i)
            if (cut[i]) starts.push_back(i);
        auto extent = [&](std::size_t c) {
            const std::size_t end = c + 1 < starts.size() ? starts[c + 1] : runs.size();
            return (runs[end - 1].second - runs[starts[c]].first).count();
        };
        std::size_t weakest = 0;
        double weakest_ratio = 1e300;
        bool all_ok = true;
        for (std::size_t c = 1; c < starts.size(); ++c) {
            const auto gap = (runs[starts[c]].first - runs[starts[c] - 1].second).count();
            const double longer = static_cast<double>(std::max<long>(
                {1, static_cast<long>(extent(c - 1)), static_cast<long>(extent(c))}));
            // Scores below 1 fail: the gap is short beside a neighbour, or beside the span.
            const double ratio = std::min(static_cast<double>(gap) / longer / kBreakGapRatio,
                                          static_cast<double>(gap) / total / kBreakMinShare);
            if (ratio <= 1) all_ok = false;
            if (ratio < weakest_ratio) {
                weakest_ratio = ratio;
                weakest = starts[c];
            }
        }
        if (starts.size() <= 1 || (all_ok && starts.size() <= kMaxSegments)) {
            std::vector<Segment> out;
            for (std::size_t c = 0; c < starts.size(); ++c) {
                const std::size_t end = c + 1 < starts.size() ? starts[c + 1] : runs.size();
                Segment g;
                g.first = runs[starts[c]].first;
                g.last = runs[end - 1].second;
                // Padded so that markers sit inside the axis.
                g.lo = g.first;
                g.hi = g.last;
                if ((g.hi - g.lo).count() < 6) {
                    const auto extra = days{(6 - (g.hi - g.lo).count() + 1) / 2};
                    g.lo -= extra;
                    g.hi += extra;
                }
                const auto pad = days{std::max<long>(1, std::lround((g.hi - g.lo).count() * 0.04))};
                g.lo -= pad;
                g.hi += pad;
                out.push_back(g);
            }
            return out;
        }
        cut[weakest] = false;
    }
}

// Widths proportional to each segment's span, none narrower than its `min_w` (scaled down
// together when they cannot all fit).
std::vector<double> segment_widths(const std::vector<Segment>& segs, double total,
                                   std::vector<double> min_w) {
    const std::size_t n = segs.size();
    if (n == 1) return {total};
    double sum_min = 0;
    for (double m : min_w) sum_min += m;
    if (sum_min > total)
        for (double& m : min_w) m *= total / sum_min;
    std::vector<bool> fixed(n, false);
    std::vector<double> w(n);
    for (bool changed = true; changed;) {
        changed = false;
        double free_w = total, free_span = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (fixed[i])
                free_w -= min_w[i];
            else
                free_span += std::max<double>(1, (segs[i].hi - segs[i].lo).count());
        }
        for (std::size_t i = 0; i < n; ++i) {
            w[i] = min_w[i];
            if (fixed[i]) continue;
            w[i] = free_w * std::max<double>(1, (segs[i].hi - segs[i].lo).count()) / free_span;
            if (w[i] < min_w[i]) {
                fixed[i] = true;
                changed = true;
            }
        }
    }
    return w;
}

// "8 years", "5 months": the interval a break leaves out, roughly.
std::string skipped_text(long gap_days) {
    const double g = static_cast<double>(gap_days);
    if (g >= 2 * 365.25) return std::to_string(std::lround(g / 365.25)) + " years";
    const long months = std::lround(g / 30.44);
    if (months >= 12) return months == 12 ? "1 year" : std::to_string(months) + " months";
    if (months >= 2) return std::to_string(months) + " months";
    return std::to_string(gap_days) + " days";
}

struct Lane {
    std::string name;
    std::string country;
    std::string title;
    int count = 0;
    std::optional<sys_days> first_seen;
    std::size_t order = 0;  ///< first appearance in the input
};

std::string participants_text(const Event& e) {
    std::string s;
    for (const auto& p : e.participants) {
        if (!s.empty()) s += "; ";
        s += p.name;
        std::string extra = p.title;
        if (!p.country.empty()) extra += (extra.empty() ? "" : ", ") + p.country;
        if (!extra.empty()) s += " (" + extra + ")";
        if (p.role != Role::participant) s += std::string(" [") + to_string(p.role) + "]";
    }
    return s.empty() ? "(no named participants)" : s;
}

std::string tooltip(const Event& e) {
    std::string t = type_label(e.type);
    t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
    t += " \u2014 " + date_label(e.date, true, true);
    if (!e.date.expression.empty()) t += " (\u201c" + e.date.expression + "\u201d)";
    t += " \u2014 " + std::string(to_string(e.status));
    t += "\nParticipants: " + participants_text(e);
    if (!e.location.empty()) t += "\nLocation: " + e.location;
    if (!e.evidence.sentence.empty())
        t += "\nEvidence: \u201c" + truncate_utf8(e.evidence.sentence, 600) + "\u201d";
    if (!e.evidence.document.empty()) t += "\nSource: " + e.evidence.document;
    if (e.sources.size() > 1) t += " (+" + std::to_string(e.sources.size() - 1) + " more)";
    return "<title>" + escape_xml(t) + "</title>";
}

std::string svg_open(double w, double h, const std::string& title) {
    std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n";
    s += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + num(w) +
         "\" height=\"" + num(h) + "\" viewBox=\"0 0 " + num(w) + " " + num(h) +
         "\" font-family=\"" + kFont + "\" font-size=\"12\">\n";
    s += "<title>" + escape_xml(title) + "</title>\n";
    s += "<rect x=\"0\" y=\"0\" width=\"" + num(w) + "\" height=\"" + num(h) +
         "\" fill=\"#ffffff\"/>\n";
    return s;
}

std::string text_el(double x, double y, const std::string& escaped, const std::string& attrs) {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + attrs + ">" + escaped + "</text>\n";
}

struct Placed {
    std::size_t event;
    double x;    ///< marker position after spreading
    double lx0;  ///< label extent
    double lx1;
    int row = -1;  ///< label row, 0 nearest the lanes; -1 = no label
    bool right_anchored = false;
};

}  // namespace

std::string render_timeline_svg(const std::vector<Event>& events, const TimelineOptions& opts) {
    const double W = std::max(opts.width, 480);
    const double margin = 24;

    if (events.empty()) {
        std::string s = svg_open(W, 150, opts.title);
        s += text_el(margin, 38, escape_xml(opts.title),
                     std::string(" font-size=\"20\" font-weight=\"bold\" fill=\"") + kInk + "\"");
        s += "<rect x=\"" + num(margin) + "\" y=\"62\" width=\"" + num(W - 2 * margin) +
             "\" height=\"60\" rx=\"6\" fill=\"#f5f7fa\" stroke=\"" + kGrid + "\"/>\n";
        s += text_el(
            W / 2, 97, "No events",
            std::string(" font-size=\"14\" text-anchor=\"middle\" fill=\"") + kMuted + "\"");
        return s + "</svg>\n";
    }

    // Lanes: one per named participant, in order of first appearance in time.
    std::vector<Lane> lanes;
    std::map<std::string, std::size_t> lane_of;
    for (const auto& e : events) {
        for (const auto& p : e.participants) {
            if (p.name.empty()) continue;
            auto [it, fresh] = lane_of.try_emplace(p.name, lanes.size());
            if (fresh) lanes.push_back({p.name, "", "", 0, std::nullopt, lanes.size()});
            Lane& l = lanes[it->second];
            if (l.country.empty()) l.country = p.country;
            if (l.title.empty()) l.title = p.title;
        }
        std::set<std::string> seen;
        for (const auto& p : e.participants) {
            if (p.name.empty() || !seen.insert(p.name).second) continue;
            Lane& l = lanes[lane_of[p.name]];
            ++l.count;
            if (e.date.first && (!l.first_seen || *e.date.first < *l.first_seen))
                l.first_seen = e.date.first;
        }
    }
    std::vector<std::size_t> lane_order(lanes.size());
    for (std::size_t i = 0; i < lanes.size(); ++i) lane_order[i] = i;
    std::stable_sort(lane_order.begin(), lane_order.end(), [&](std::size_t a, std::size_t b) {
        const Lane &x = lanes[a], &y = lanes[b];
        if (x.first_seen.has_value() != y.first_seen.has_value()) return x.first_seen.has_value();
        if (x.first_seen && *x.first_seen != *y.first_seen) return *x.first_seen < *y.first_seen;
        if (x.count != y.count) return x.count > y.count;
        return x.order < y.order;
    });
    std::vector<std::size_t> lane_row(lanes.size());
    for (std::size_t r = 0; r < lane_order.size(); ++r) lane_row[lane_order[r]] = r;

    std::vector<std::size_t> dated, undated;
    for (std::size_t i = 0; i < events.size(); ++i)
        (events[i].date.first ? dated : undated).push_back(i);
    auto first_of = [&](std::size_t i) { return *events[i].date.first; };
    auto last_of = [&](std::size_t i) {
        const auto& d = events[i].date;
        return d.last && *d.last >= *d.first ? *d.last : *d.first;
    };

    // Horizontal layout.
    double gutter = 120;
    for (const auto& l : lanes) {
        gutter = std::max(gutter, measure(truncate_utf8(l.name, 30), 12.5, true) + 28);
        std::string sub = l.country + (l.country.empty() || l.title.empty() ? "" : " \u00b7 ") +
                          truncate_utf8(l.title, 30);
        gutter = std::max(gutter, measure(sub, 10.5, false) + 28);
    }
    gutter = std::min(gutter, std::max(140.0, W * 0.28));
    const std::size_t undated_slots = std::min<std::size_t>(undated.size(), 8);
    const double undated_w = undated.empty() ? 0 : std::max(70.0, 22.0 * undated_slots + 24);
    const double plot_l = gutter + 12;
    const double plot_r = W - margin - (undated.empty() ? 0 : undated_w + 12);
    const double plot_w = plot_r - plot_l;

    // Time domain: one segment per cluster of dates, with breaks between far-apart clusters.
    std::vector<Segment> segs;
    std::vector<std::string> break_text;
    if (!dated.empty()) {
        std::vector<std::pair<sys_days, sys_days>> iv;
        for (auto i : dated) iv.push_back({first_of(i), last_of(i)});
        segs = find_segments(std::move(iv));
        std::vector<double> break_w;
        double breaks_w = 0;
        for (std::size_t g = 1; g < segs.size(); ++g) {
            break_text.push_back(skipped_text((segs[g].first - segs[g - 1].last).count()));
            break_w.push_back(std::max(30.0, text_width(break_text.back(), 10) + 14));
            breaks_w += break_w.back();
        }
        // A segment is wide enough for its ticks, and for its markers side by side.
        std::vector<std::size_t> n_events(segs.size(), 0);
        for (auto i : dated) {
            std::size_t g = 0;
            while (g + 1 < segs.size() && first_of(i) >= segs[g + 1].lo) ++g;
            ++n_events[g];
        }
        std::vector<double> min_w;
        for (auto n : n_events)
            min_w.push_back(std::max({120.0, plot_w * 0.16, 19.0 * static_cast<double>(n) + 24}));
        const std::vector<double> ws = segment_widths(segs, plot_w - breaks_w, min_w);
        double x = plot_l;
        for (std::size_t g = 0; g < segs.size(); ++g) {
            if (g > 0) x += break_w[g - 1];
            segs[g].x0 = x;
            segs[g].x1 = x + ws[g];
            x += ws[g];
        }
        segs.back().x1 = plot_r;  // no rounding drift at the right edge
    }
    auto seg_of = [&](sys_days d) {
        std::size_t g = 0;
        while (g + 1 < segs.size() && d >= segs[g + 1].lo) ++g;
        return g;
    };
    auto x_of = [&](sys_days d) {
        const Segment& g = segs[seg_of(d)];
        const double span = std::max<double>(1, (g.hi - g.lo).count());
        return g.x0 + (d - g.lo).count() / span * (g.x1 - g.x0);
    };
    auto mid_of = [&](std::size_t i) {
        const double a = x_of(first_of(i)), b = x_of(last_of(i));
        return (a + b) / 2;
    };
    // Labels name the year only when the axis spans many; the axis shows it otherwise.
    // With breaks, the axis gives each segment's year under its first tick.
    bool multi_year = false;
    for (const auto& g : segs) multi_year = multi_year || (g.hi - g.lo).count() > 540;

    // Markers: spread apart where dates collide, so each event keeps its own connector.
    std::stable_sort(dated.begin(), dated.end(),
                     [&](std::size_t a, std::size_t b) { return mid_of(a) < mid_of(b); });
    const double r = 7;
    std::vector<double> true_x;
    for (auto i : dated) true_x.push_back(mid_of(i));
    // Each segment spreads its own markers, so none slides into a break.
    std::vector<double> xs;
    for (std::size_t g = 0, k = 0; g < segs.size(); ++g) {
        std::vector<double> part;
        for (; k < dated.size() && seg_of(first_of(dated[k])) == g; ++k) part.push_back(true_x[k]);
        if (part.empty()) continue;
        const double seg_w = segs[g].x1 - segs[g].x0;
        const double sep = std::min(2 * r + 5, seg_w / static_cast<double>(part.size()));
        for (double x : spread(part, sep, segs[g].x0 + 2, segs[g].x1 - 2)) xs.push_back(x);
    }

    // Labels: greedy rows; a label never covers another label or another label's leader.
    // Labels start at their leader and run right (left near the right edge); placing them
    // from right to left, a label only has to climb above the leaders it would cover, so a
    // free row always exists.
    const double label_size = 11;
    const bool show_labels = dated.size() <= 400;
    std::vector<Placed> placed;
    for (std::size_t k = 0; k < dated.size(); ++k) {
        const Event& e = events[dated[k]];
        const std::string text = date_label(e.date, multi_year) + " \u00b7 " + type_label(e.type);
        const double w = text_width(text, label_size) + 4;
        Placed p{dated[k], xs[k], xs[k] - 2, xs[k] + w, -1, false};
        if (p.lx1 > W - margin) {
            p.lx0 = xs[k] - w;
            p.lx1 = xs[k] + 2;
            p.right_anchored = true;
        }
        placed.push_back(p);
    }
    int rows = 0;
    if (show_labels) {
        for (std::size_t k = placed.size(); k-- > 0;) {
            Placed& p = placed[k];
            for (int row = 0;; ++row) {
                bool ok = true;
                for (std::size_t j = k + 1; j < placed.size() && ok; ++j) {
                    const Placed& q = placed[j];
                    if (q.row == row && q.lx1 + 6 > p.lx0 && p.lx1 + 6 > q.lx0) ok = false;
                    // q sits below: it must not cover p's leader.
                    if (q.row < row && q.lx0 - 2 < p.x && p.x < q.lx1 + 2) ok = false;
                    // q sits above: p must not cover q's leader.
                    if (q.row > row && p.lx0 - 2 < q.x && q.x < p.lx1 + 2) ok = false;
                }
                if (ok || row > rows) {  // above every row: only leaders can clash, rarely
                    p.row = row;
                    rows = std::max(rows, row + 1);
                    break;
                }
            }
        }
    }
    // Dense timelines would stack into a staircase: tilt the labels instead. Markers are at
    // least `sep` apart, so tilted labels only collide when sep is below a line height.
    const double kTilt = 0.7071;  // sin 45 = cos 45
    const bool tilted = rows > 4;
    double tilt_h = 0, canvas_w = W;
    if (tilted) {
        rows = 0;
        double last = -1e9;
        for (auto& p : placed) {
            p.row = p.x - last >= 15 ? 0 : -1;
            if (p.row < 0) continue;
            last = p.x;
            const double w = p.lx1 - p.lx0;
            tilt_h = std::max(tilt_h, w * kTilt);
            canvas_w = std::max(canvas_w, p.x + 3 + w * kTilt + 8);
        }
        tilt_h += 12;
    }

    // Legend items: the types and statuses that occur.
    std::set<EventType> types;
    std::set<EventStatus> statuses;
    for (const auto& e : events) {
        types.insert(e.type);
        statuses.insert(e.status);
    }
    struct LegendItem {
        bool is_type;
        int value;
        std::string text;
        double w;
    };
    std::vector<LegendItem> legend;
    for (auto t : types) legend.push_back({true, static_cast<int>(t), type_label(t), 0});
    for (auto s : statuses) legend.push_back({false, static_cast<int>(s), to_string(s), 0});
    for (auto& it : legend) it.w = 22 + text_width(it.text, 11.5) + 16;

    // Vertical layout.
    const double title_y = 36;
    const double legend_y0 = 62;
    std::vector<double> legend_row_y;
    {
        double x = margin + 50, y = legend_y0 + 10;
        bool prev_type = true;
        legend_row_y.push_back(y);
        for (std::size_t i = 0; i < legend.size(); ++i) {
            const bool new_group = i > 0 && prev_type && !legend[i].is_type;
            if (new_group || x + legend[i].w > W - margin) {
                x = margin + 50;
                y += 24;
                legend_row_y.push_back(y);
            }
            legend_row_y.back() = y;
            x += legend[i].w;
            prev_type = legend[i].is_type;
        }
    }
    const double legend_bottom = legend_row_y.back() + 18;
    const double row_h = 17;
    const double band_top = legend_bottom + 14;
    const double band_bottom = band_top + (tilted ? tilt_h : rows * row_h + (rows ? 10 : 4));
    // Many actors: one-line lanes (the country and title stay in the name's tooltip).
    const bool compact = lanes.size() > 40;
    const double lane_h = compact ? 22 : 42;
    const double lanes_top = band_bottom;
    const double lanes_bottom = lanes_top + lane_h * lanes.size();
    const double axis_y = lanes_bottom;
    const bool has_axis = !dated.empty();
    double y_cursor = axis_y + (has_axis ? 48 : 16);

    // Undated list at the bottom, so nothing is dropped silently.
    const std::size_t undated_list_max = 40;
    const double undated_list_top = y_cursor + 6;
    if (!undated.empty())
        y_cursor = undated_list_top + 22 + 18.0 * std::min(undated.size(), undated_list_max + 1);
    const double H = y_cursor + 18;

    std::string s = svg_open(canvas_w, H, opts.title);

    // Patterns for reported (hatched) markers, one per colour used.
    s += "<defs>\n";
    auto hatch = [](const std::string& id, const char* colour) {
        return "<pattern id=\"" + id +
               "\" patternUnits=\"userSpaceOnUse\" width=\"4\" height=\"4\" "
               "patternTransform=\"rotate(45)\"><rect width=\"4\" height=\"4\" "
               "fill=\"#ffffff\"/><line x1=\"1\" y1=\"0\" x2=\"1\" y2=\"4\" stroke=\"" +
               std::string(colour) + "\" stroke-width=\"2\"/></pattern>\n";
    };
    for (auto t : types) s += hatch(std::string("hatch-") + to_string(t), style_of(t).fill);
    s += hatch("hatch-legend", "#52606d");
    s += "</defs>\n";

    // Title and subtitle.
    s += text_el(margin, title_y, escape_xml(opts.title),
                 std::string(" font-size=\"20\" font-weight=\"bold\" fill=\"") + kInk + "\"");
    {
        std::string sub = std::to_string(events.size()) +
                          (events.size() == 1 ? " event" : " events") + " \u00b7 " +
                          std::to_string(lanes.size()) + (lanes.size() == 1 ? " actor" : " actors");
        if (!dated.empty()) {
            EventDate all;
            all.first = first_of(dated.front());
            all.last = first_of(dated.front());
            for (auto i : dated) {
                all.first = std::min(*all.first, first_of(i));
                all.last = std::max(*all.last, last_of(i));
            }
            all.granularity = Granularity::day;
            sub += " \u00b7 " + date_label(all, true, false);
        }
        if (!undated.empty()) sub += " \u00b7 " + std::to_string(undated.size()) + " undated";
        const double tx = margin + text_width(opts.title, 20, true) + 14;
        if (tx + text_width(sub, 12) < W - margin)
            s += text_el(tx, title_y, escape_xml(sub),
                         std::string(" font-size=\"12\" fill=\"") + kMuted + "\"");
    }

    // Legend.
    s += "<g class=\"legend\">\n";
    s += text_el(margin, legend_row_y.front() + 4, "Type",
                 std::string(" font-size=\"11\" font-weight=\"bold\" fill=\"") + kMuted + "\"");
    {
        bool status_header = false;
        // Replays the layout loop above, now drawing.
        double x = margin + 50;
        std::size_t row = 0;
        bool prev_type = true;
        for (std::size_t i = 0; i < legend.size(); ++i) {
            const LegendItem& it = legend[i];
            const bool new_group = i > 0 && prev_type && !it.is_type;
            if (new_group || x + it.w > W - margin) {
                x = margin + 50;
                ++row;
            }
            const double y = legend_row_y[row];
            if (!it.is_type && !status_header) {
                s += text_el(
                    margin, y + 4, "Status",
                    std::string(" font-size=\"11\" font-weight=\"bold\" fill=\"") + kMuted + "\"");
                status_header = true;
            }
            if (it.is_type) {
                const auto t = static_cast<EventType>(it.value);
                s += marker(t, EventStatus::occurred, x + 8, y, 6.5, style_of(t).fill,
                            style_of(t).stroke, "");
            } else {
                s += marker(EventType::meeting, static_cast<EventStatus>(it.value), x + 8, y, 6.5,
                            "#52606d", "#323f4b", "hatch-legend");
            }
            s += text_el(x + 20, y + 4, escape_xml(it.text),
                         std::string(" font-size=\"11.5\" fill=\"") + kInk + "\"");
            x += it.w;
            prev_type = it.is_type;
        }
    }
    s += "</g>\n";

    // Lanes: alternating bands with the actor's name and country/title.
    s += "<g class=\"lanes\">\n";
    for (std::size_t row = 0; row < lane_order.size(); ++row) {
        const Lane& l = lanes[lane_order[row]];
        const double y = lanes_top + row * lane_h;
        s += "<rect x=\"" + num(margin / 2) + "\" y=\"" + num(y) + "\" width=\"" + num(W - margin) +
             "\" height=\"" + num(lane_h) + "\" fill=\"" + (row % 2 == 0 ? "#f5f7fa" : "#ffffff") +
             "\"/>\n";
        std::string sub = l.country;
        if (!l.title.empty()) sub += (sub.empty() ? "" : " \u00b7 ") + l.title;
        const std::string full_sub = sub;
        if (compact) sub.clear();
        // Names end well before the plot: measured letter by letter, cut with an ellipsis.
        const double room = plot_l - margin - 14;
        const std::string name = fit_width(l.name, 12.5, true, room);
        const double cy = y + lane_h / 2;
        s += "<text x=\"" + num(margin) + "\" y=\"" + num(sub.empty() ? cy + 4.5 : cy - 1) +
             "\" font-size=\"12.5\" font-weight=\"bold\" fill=\"" + kInk + "\" class=\"lane\">" +
             "<title>" + escape_xml(l.name + (full_sub.empty() ? "" : " (" + full_sub + ")")) +
             " \u2014 " + std::to_string(l.count) + (l.count == 1 ? " event" : " events") +
             "</title>" + escape_xml(name) + "</text>\n";
        if (!sub.empty())
            s += text_el(margin, cy + 13, escape_xml(fit_width(sub, 10.5, false, room)),
                         std::string(" font-size=\"10.5\" fill=\"") + kMuted + "\"");
    }
    s += "</g>\n";

    // Axis and grid.
    if (has_axis) {
        struct AxisTick {
            double x;
            Tick t;
        };
        struct BreakBox {
            double x0, x1, cx, text_w;
        };
        std::vector<BreakBox> breaks;
        for (std::size_t g = 1; g < segs.size(); ++g) {
            const double a = segs[g - 1].x1, b = segs[g].x0;
            breaks.push_back({a, b, (a + b) / 2, text_width(break_text[g - 1], 10)});
        }
        // A tick whose label would run into a break's text is left out; its month/year caption
        // moves to the next tick of its segment.
        std::vector<AxisTick> ticks;
        for (const auto& g : segs) {
            std::string pending;
            for (auto& t : choose_ticks(g.lo, g.hi, g.x1 - g.x0)) {
                const double x = x_of(t.day), half = text_width(t.label, 11) / 2;
                bool clear = true;
                for (const auto& bx : breaks)
                    if (x - half - 4 < bx.cx + bx.text_w / 2 &&
                        bx.cx - bx.text_w / 2 < x + half + 4)
                        clear = false;
                if (!clear) {
                    if (!t.context.empty()) pending = t.context;
                    continue;
                }
                if (t.context.empty()) t.context = pending;
                pending.clear();
                ticks.push_back({x, t});
            }
        }
        // Breaks: a light band over the lanes, a pair of slashes across the axis, the skipped
        // interval written under it.
        s += "<g class=\"axis\">\n";
        for (std::size_t k = 0; k < breaks.size(); ++k) {
            const BreakBox& bx = breaks[k];
            const Segment &left = segs[k], &right = segs[k + 1];
            EventDate skipped;
            skipped.first = left.last;
            skipped.last = right.first;
            skipped.granularity = Granularity::day;
            s += "<g class=\"axis-break\"><title>" +
                 escape_xml("Axis cut: nothing between " + date_label(skipped, true) + " (" +
                            break_text[k] + ")") +
                 "</title>";
            s += "<rect x=\"" + num(bx.x0 + 3) + "\" y=\"" + num(lanes_top) + "\" width=\"" +
                 num(bx.x1 - bx.x0 - 6) + "\" height=\"" + num(axis_y - lanes_top) +
                 "\" fill=\"#e4e8ed\" fill-opacity=\"0.75\"/>";
            for (double x : {bx.x0 + 3, bx.x1 - 3})
                s += "<line x1=\"" + num(x - 4) + "\" y1=\"" + num(axis_y + 7) + "\" x2=\"" +
                     num(x + 4) + "\" y2=\"" + num(axis_y - 7) +
                     "\" stroke=\"#52606d\" stroke-width=\"1.5\" stroke-linecap=\"round\"/>";
            s += text_el(bx.cx, axis_y + 18, escape_xml(break_text[k]),
                         std::string(" font-size=\"10\" font-style=\"italic\" "
                                     "text-anchor=\"middle\" fill=\"") +
                             kMuted + "\" class=\"break-label\"");
            s += "</g>\n";
        }
        // A month/year caption gives way to the next one when they would overlap.
        std::vector<bool> show_context(ticks.size(), false);
        for (std::size_t i = 0; i < ticks.size(); ++i) {
            if (ticks[i].t.context.empty()) continue;
            show_context[i] = true;
            const double end = ticks[i].x + text_width(ticks[i].t.context, 11, true) + 10;
            for (std::size_t j = i + 1; j < ticks.size(); ++j)
                if (!ticks[j].t.context.empty()) {
                    if (ticks[j].x - 2 < end) show_context[i] = false;
                    break;
                }
        }
        for (std::size_t i = 0; i < ticks.size(); ++i) {
            const Tick& t = ticks[i].t;
            const double x = ticks[i].x;
            s += "<line x1=\"" + num(x) + "\" y1=\"" + num(lanes_top) + "\" x2=\"" + num(x) +
                 "\" y2=\"" + num(axis_y + 5) + "\" stroke=\"" + kGrid +
                 "\" stroke-width=\"1\"/>\n";
            s += "<line x1=\"" + num(x) + "\" y1=\"" + num(axis_y) + "\" x2=\"" + num(x) +
                 "\" y2=\"" + num(axis_y + 5) + "\" stroke=\"#9aa5b1\" stroke-width=\"1\"/>\n";
            s += text_el(x, axis_y + 18, escape_xml(t.label),
                         " font-size=\"11\" text-anchor=\"middle\" fill=\"#52606d\" "
                         "class=\"tick\"");
            // The last caption may not run off the canvas.
            const double cx =
                std::min(x - 2, W - margin / 2 - text_width(t.context, 11, true) * 0.9);
            if (show_context[i])
                s += text_el(
                    cx, axis_y + 35, escape_xml(t.context),
                    std::string(" font-size=\"11\" font-weight=\"bold\" fill=\"") + kInk + "\"");
        }
        // The axis line, interrupted at each break.
        for (std::size_t g = 0; g < segs.size(); ++g) {
            const double a = g == 0 ? segs[g].x0 - 6 : segs[g].x0 - 3;
            const double b = g + 1 == segs.size() ? segs[g].x1 + 6 : segs[g].x1 + 3;
            s += "<line x1=\"" + num(a) + "\" y1=\"" + num(axis_y) + "\" x2=\"" + num(b) +
                 "\" y2=\"" + num(axis_y) + "\" stroke=\"#9aa5b1\" stroke-width=\"1.2\"/>\n";
        }
        s += "</g>\n";
    } else {
        s +=
            text_el(plot_l, lanes_top - 8, "No dated events",
                    std::string(" font-size=\"12\" font-style=\"italic\" fill=\"") + kMuted + "\"");
    }

    // Undated column at the right of the lanes.
    std::vector<double> undated_x;
    if (!undated.empty()) {
        const double c0 = W - margin - undated_w;
        s += "<line x1=\"" + num(c0) + "\" y1=\"" + num(lanes_top - 14) + "\" x2=\"" + num(c0) +
             "\" y2=\"" + num(lanes_bottom) +
             "\" stroke=\"#9aa5b1\" stroke-width=\"1\" stroke-dasharray=\"4,3\"/>\n";
        s += text_el(c0 + undated_w / 2, axis_y + 18, "no date",
                     std::string(" font-size=\"11\" font-style=\"italic\" text-anchor=\"middle\" "
                                 "fill=\"") +
                         kMuted + "\"");
        const double slot_w = (undated_w - 12) / std::max<std::size_t>(1, undated_slots);
        for (std::size_t k = 0; k < undated.size(); ++k)
            undated_x.push_back(c0 + 6 + slot_w * (k % undated_slots + 0.5));
    }

    auto lanes_of = [&](const Event& e) {
        std::vector<std::size_t> rows_;
        for (const auto& p : e.participants) {
            if (p.name.empty()) continue;
            const std::size_t row = lane_row[lane_of[p.name]];
            if (std::find(rows_.begin(), rows_.end(), row) == rows_.end()) rows_.push_back(row);
        }
        std::sort(rows_.begin(), rows_.end());
        return rows_;
    };
    auto lane_cy = [&](std::size_t row) { return lanes_top + row * lane_h + lane_h / 2; };

    // Labels, leaders and connectors first, markers on top.
    s += "<g class=\"connectors\">\n";
    for (const auto& p : placed) {
        const Event& e = events[p.event];
        const auto rows_ = lanes_of(e);
        const TypeStyle& ts = style_of(e.type);
        const double top = rows_.empty() ? lanes_top + 6 : lane_cy(rows_.front());
        if (p.row >= 0) {
            const double ly = tilted ? band_bottom + 4 : band_bottom - 8 - p.row * row_h;
            s += "<line x1=\"" + num(p.x) + "\" y1=\"" + num(ly - 9) + "\" x2=\"" + num(p.x) +
                 "\" y2=\"" + num(top) +
                 "\" stroke=\"#9aa5b1\" stroke-width=\"0.8\" "
                 "stroke-dasharray=\"2,2\"/>\n";
        }
        if (rows_.size() > 1)
            s += "<line x1=\"" + num(p.x) + "\" y1=\"" + num(lane_cy(rows_.front())) + "\" x2=\"" +
                 num(p.x) + "\" y2=\"" + num(lane_cy(rows_.back())) + "\" stroke=\"" + ts.fill +
                 "\" stroke-width=\"2.5\" stroke-opacity=\"0.55\"/>\n";
        // A multi-day event also shows its span as a light bar in each lane.
        const double a = x_of(first_of(p.event)), b = x_of(last_of(p.event));
        if (b - a > 2 * r + 6)
            for (auto row : rows_)
                s += "<rect x=\"" + num(a) + "\" y=\"" + num(lane_cy(row) - 3.5) + "\" width=\"" +
                     num(b - a) + "\" height=\"7\" rx=\"3.5\" fill=\"" + ts.fill +
                     "\" fill-opacity=\"0.22\"/>\n";
    }
    for (std::size_t k = 0; k < undated.size(); ++k) {
        const auto rows_ = lanes_of(events[undated[k]]);
        if (rows_.size() > 1)
            s += "<line x1=\"" + num(undated_x[k]) + "\" y1=\"" + num(lane_cy(rows_.front())) +
                 "\" x2=\"" + num(undated_x[k]) + "\" y2=\"" + num(lane_cy(rows_.back())) +
                 "\" stroke=\"" + style_of(events[undated[k]].type).fill +
                 "\" stroke-width=\"2.5\" stroke-opacity=\"0.55\"/>\n";
    }
    s += "</g>\n<g class=\"labels\">\n";
    for (const auto& p : placed) {
        if (p.row < 0) continue;
        const Event& e = events[p.event];
        const double ly = band_bottom - 8 - p.row * row_h;
        std::string place;
        if (tilted) {
            const double tx = p.x + 1, ty = band_bottom - 5;
            place = "x=\"" + num(tx) + "\" y=\"" + num(ty) + "\" transform=\"rotate(-45 " +
                    num(tx) + " " + num(ty) + ")\"";
        } else {
            place = "x=\"" + num(p.right_anchored ? p.x - 3 : p.x + 3) + "\" y=\"" + num(ly) +
                    "\"" + (p.right_anchored ? " text-anchor=\"end\"" : "");
        }
        s += "<text " + place + " font-size=\"" + num(label_size) + "\" fill=\"" + kInk +
             "\" xml:space=\"preserve\" class=\"event-label\">" + "<tspan font-weight=\"bold\">" +
             escape_xml(date_label(e.date, multi_year)) + "</tspan><tspan fill=\"" + kMuted +
             "\"> \u00b7 " + escape_xml(type_label(e.type)) + "</tspan></text>\n";
    }
    s += "</g>\n";

    // Markers, one per participant lane, each with its tooltip.
    s += "<g class=\"markers\">\n";
    auto draw_markers = [&](std::size_t ev, double x) {
        const Event& e = events[ev];
        const TypeStyle& ts = style_of(e.type);
        const std::string tip = tooltip(e);
        const std::string hatch_id = std::string("hatch-") + to_string(e.type);
        for (auto row : lanes_of(e))
            s += "<g class=\"marker\" data-event=\"" + escape_xml(e.id) + "\">" + tip +
                 marker(e.type, e.status, x, lane_cy(row), r, ts.fill, ts.stroke, hatch_id) +
                 "</g>\n";
    };
    for (const auto& p : placed) draw_markers(p.event, p.x);
    for (std::size_t k = 0; k < undated.size(); ++k) draw_markers(undated[k], undated_x[k]);
    s += "</g>\n";

    // The undated events in words.
    if (!undated.empty()) {
        s += "<g class=\"undated\">\n";
        s += text_el(margin, undated_list_top + 10,
                     "Undated events (" + std::to_string(undated.size()) + ")",
                     std::string(" font-size=\"12\" font-weight=\"bold\" fill=\"") + kInk + "\"");
        const auto max_chars = static_cast<std::size_t>((W - 2 * margin - 24) / (11 * kCharEm));
        for (std::size_t k = 0; k < undated.size() && k <= undated_list_max; ++k) {
            const double y = undated_list_top + 30 + 18.0 * k;
            if (k == undated_list_max) {
                s += text_el(margin + 20, y + 4,
                             "\u2026 and " + std::to_string(undated.size() - k) + " more",
                             std::string(" font-size=\"11\" fill=\"") + kMuted + "\"");
                break;
            }
            const Event& e = events[undated[k]];
            std::string line = type_label(e.type) + " \u2014 ";
            std::string names;
            for (const auto& p : e.participants)
                if (!p.name.empty()) names += (names.empty() ? "" : ", ") + p.name;
            line += names.empty() ? "(no named participants)" : names;
            if (!e.location.empty()) line += " \u2014 " + e.location;
            line += std::string(" (") + to_string(e.status) + ")";
            if (!e.date.expression.empty()) line += " \u2014 \u201c" + e.date.expression + "\u201d";
            const TypeStyle& ts = style_of(e.type);
            s += "<g>" + tooltip(e) +
                 marker(e.type, e.status, margin + 7, y, 5.5, ts.fill, ts.stroke,
                        std::string("hatch-") + to_string(e.type)) +
                 text_el(margin + 20, y + 4, escape_xml(truncate_utf8(line, max_chars)),
                         std::string(" font-size=\"11\" fill=\"") + kInk + "\"") +
                 "</g>\n";
        }
        s += "</g>\n";
    }
    s += "</svg>\n";
    return s;
}

}  // namespace parley
