/* loopsplit_body.h: checking a loop body for splitting (internal to
 * loopsplit*.c). */
#ifndef SURGE_LOOPSPLIT_BODY_H
#define SURGE_LOOPSPLIT_BODY_H

#include "passes/loopsplit_check.h"

enum { LOOPSPLIT_MAX_REDS = 16 };

typedef struct Check {
	SplitContext *c;
	const Stmt *loop;
	bool freassociate;
	IntScope ints;          /* where the loop's ints are decided */
	NameList locals;        /* a function's loop: its parameters and locals */
	NameList binds;         /* every name the loop binds */
	NameList defined;       /* surely bound in this iteration so far */
	NameList fresh;         /* bound only to objects made in the iteration */
	NameList reads;         /* names read that the loop does not bind */
	NameList plain;         /* names used outside reduction statements */
	NameList comp;          /* names a comprehension being checked binds */
	NameList touched;       /* accumulators and the names kept with a best */
	NameList withs;         /* names kept with a best */
	NameList callee_reads;  /* module-level names the functions it calls read */
	Reduction reds[LOOPSPLIT_MAX_REDS]; int nreds;
	int depth;              /* loops nested inside the split loop */
	bool breaks;            /* a break leaves the split loop */
	bool calls_defs;        /* it calls user functions (which may not end) */
	bool has_while;
	const char *why;        /* the first reason it cannot be split */
} Check;

/* Checks the loop and finds its reductions; k->why says why it cannot be
 * split. The caller sets c, freassociate, ints and locals first. */
void check_loop(Check *k, const Stmt *loop);
void check_free(Check *k);
/* Whether every value the loop stores in `name` may be handed back from a
 * map part as a copy (see kept_ok in loopsplit_body.c). */
bool kept_name_ok(Check *k, const char *name);
/* Adds a reduction of the given kind on name (merging with one already
 * there of the same kind); sets k->why on a clash. */
Reduction *add_reduction(Check *k, RedKind kind, const char *name);
/* Sets k->why (if not set) to fmt with name in place of its %s. */
void failf_name(Check *k, const char *fmt, const char *name);

/* The summary of the module-level def `name` when it is hoisted, bound
 * once, changes nothing and has no effects; NULL otherwise. */
const Summary *pure_def_summary(SplitContext *c, const char *name);

#endif
