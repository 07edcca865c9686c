#ifndef RELGRAPH_CGRAPHVIZ_SHIM_H
#define RELGRAPH_CGRAPHVIZ_SHIM_H
// Graphviz's layout/render context (gvc) and graph library (cgraph).
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// Exported by libcgraph but missing from its public header: flushes the DOT lexer's buffer, so the next text is
// read from its start.
extern void aglexbad(void);
#endif
