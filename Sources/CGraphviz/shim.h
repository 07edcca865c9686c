#ifndef RELGRAPH_CGRAPHVIZ_SHIM_H
#define RELGRAPH_CGRAPHVIZ_SHIM_H
// Graphviz's layout/render context (gvc) and graph library (cgraph).
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
