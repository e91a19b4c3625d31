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
	const double *work;        /* [statements] */
	Arena *arena;              /* for split plans */
	const SourceFile *src;
	bool freassociate;         /* float sums may be regrouped */
	bool sets;                 /* the program may make sets: unknown values may hold one */
	struct LocIndex *locs;     /* IR values by source position, per function (lazily) */
} SplitContext;

/* Frees what the context built lazily. */
void split_context_free(SplitContext *c);

/* The hoisted module-level def called `name` (its IR function, its
 * statement), bound once; NULL otherwise. */
Function *split_module_def(SplitContext *c, const char *name);
const Stmt *split_def_stmt(SplitContext *c, const char *name);
/* Names, constants, operators, tuples and subscripts of names only. */
bool split_simple_expr(const Expr *e);
/* Whether the items of top-level loop s can be listed before it runs. */
bool split_items_ok(SplitContext *c, int s, const Expr *it);

/* The split plan of statement s (its own `for` loop, or a loop in the
 * function it calls), or NULL; then *why says why when a loop was
 * considered and refused (NULL if none was). loopsplit.c. */
struct LoopPlan *loopsplit_plan(SplitContext *c, int s, const char **why);
/* A call in statement s (or in the body of a top-level `for` over a small
 * range) of a function whose loop can be split inside the task that runs
 * s, across the workers: its plan, or NULL and *why as above. */
struct LoopPlan *loopsplit_inline_plan(SplitContext *c, int s, const char **why);

/* If statement s is a `for` loop whose iterations each call one pure
 * function that can run ahead in parallel, returns the function's name and
 * sets *call to the call; NULL otherwise. */
const char *split_candidate(SplitContext *c, int s, const Expr **call);

#endif
