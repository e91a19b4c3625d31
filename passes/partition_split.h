/* partition_split.h: which top-level loops the partitioner splits
 * (internal to partition*.c). */
#ifndef SURGE_PARTITION_SPLIT_H
#define SURGE_PARTITION_SPLIT_H

#include "passes/partition_facts.h"

typedef struct SplitContext {
	Function *f;               /* the module body */
	const StmtList *body;
	NameTable *names;
	StmtFacts *facts;
	const SummaryTable *sums;
	WorkModel *wm;
	Ddg *ddg;
	const bool *hoisted;
} SplitContext;

/* If statement s is a `for` loop whose iterations each call one pure
 * function that can run ahead in parallel, returns the function's name and
 * sets *call to the call; NULL otherwise. */
const char *split_candidate(SplitContext *c, int s, const Expr **call);

#endif
