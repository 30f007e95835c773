#include "analysis/Causality.h"

#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/reverse_graph.hpp>

namespace uintr::analysis {

CausalityGraph::CausalityGraph(const model::Trace& trace)
    : causal_(trace.events.size()), happensBefore_(trace.events.size()) {
    std::vector<int> lastOnCpu;
    for (std::size_t i = 0; i < trace.events.size(); ++i) {
        const model::TraceEvent& e = trace.events[i];
        for (int cause : {e.cause, e.cause2}) {
            // Causes always precede their effects in the trace: the graph is acyclic.
            if (cause >= 0 && static_cast<std::size_t>(cause) < i) {
                boost::add_edge(static_cast<std::size_t>(cause), i, causal_);
                boost::add_edge(static_cast<std::size_t>(cause), i, happensBefore_);
                ++causalEdges_;
            }
        }
        if (e.cpu >= 0) {
            if (static_cast<std::size_t>(e.cpu) >= lastOnCpu.size())
                lastOnCpu.resize(static_cast<std::size_t>(e.cpu) + 1, -1);
            int& last = lastOnCpu[static_cast<std::size_t>(e.cpu)];
            if (last >= 0) boost::add_edge(static_cast<std::size_t>(last), i, happensBefore_);
            last = static_cast<int>(i);
        }
    }
}

namespace {
// Records every vertex a breadth-first search discovers.
struct Collector : boost::default_bfs_visitor {
    std::vector<int>* out = nullptr;
    template <class V, class G> void discover_vertex(V v, const G&) const {
        out->push_back(static_cast<int>(v));
    }
};
} // namespace

std::vector<int> CausalityGraph::reach(const Graph& g, int event, bool forward) {
    std::vector<int> out;
    if (event < 0 || static_cast<std::size_t>(event) >= boost::num_vertices(g)) return out;
    Collector visitor;
    visitor.out = &out;
    std::vector<boost::default_color_type> colors(boost::num_vertices(g));
    auto colorMap =
        boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, g));
    const auto start = static_cast<std::size_t>(event);
    if (forward)
        boost::breadth_first_search(g, start, boost::visitor(visitor).color_map(colorMap));
    else
        boost::breadth_first_search(boost::make_reverse_graph(g), start,
                                    boost::visitor(visitor).color_map(colorMap));
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<int> CausalityGraph::causesOf(int event) const {
    return reach(causal_, event, false);
}
std::vector<int> CausalityGraph::effectsOf(int event) const {
    return reach(causal_, event, true);
}

bool CausalityGraph::happensBefore(int a, int b) const {
    if (a == b) return false;
    const auto after = reach(happensBefore_, a, true);
    return std::binary_search(after.begin(), after.end(), b);
}

} // namespace uintr::analysis
