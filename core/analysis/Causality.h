// The trace's happens-before graph (Boost.Graph): an edge from each event to the events it
// caused (SENDUIPI → PIR post → IPI → arrival → processing or spurious → delivery; switch-out
// → SN, XSAVES; …) and, separately, program order on each CPU. "Why did E happen" walks the
// causal edges backwards; "what did E cause" walks them forwards.
#pragma once

#include "model/Trace.h"

#include <boost/graph/adjacency_list.hpp>
#include <vector>

namespace uintr::analysis {

class CausalityGraph {
  public:
    explicit CausalityGraph(const model::Trace& trace);

    // Every event that E causally depends on, E included, in trace order.
    std::vector<int> causesOf(int event) const;
    // Every event that depends on E, E included, in trace order.
    std::vector<int> effectsOf(int event) const;
    // True when a precedes b by causality or by program order on a CPU.
    bool happensBefore(int a, int b) const;

    std::size_t eventCount() const { return boost::num_vertices(causal_); }
    std::size_t causalEdgeCount() const { return causalEdges_; }

  private:
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
    static std::vector<int> reach(const Graph& g, int event, bool forward);

    Graph causal_;        // cause -> effect
    Graph happensBefore_; // causal edges plus program order on each CPU
    std::size_t causalEdges_ = 0;
};

} // namespace uintr::analysis
