/* loopsplit.h: loops split into map parts over chunks of their items and a
 * combine part that merges the chunks' reductions (docs/tasks.md, "Split
 * loops"). Internal to partition*.c and the Python emitter. */
#ifndef SURGE_LOOPSPLIT_H
#define SURGE_LOOPSPLIT_H

#include "passes/passes.h"

/* The reductions a split loop may carry from one iteration to the next.
 * Each names its accumulator; the map part runs the loop body on its chunk
 * with the accumulator bound to the identity below, and the combine part
 * merges each chunk's value into the real accumulator, in chunk order. */
#define LOOPSPLIT_REDUCTIONS(X)                                                  \
	X(ADD, "sum")             /* acc += e, acc = acc + e (int, str, list)  */ \
	X(MUL, "product")         /* acc *= e, acc = acc * e (int)             */ \
	X(APPEND, "list append")  /* acc.append(e)                             */ \
	X(SET_ADD, "set add")     /* acc.add(e)                                */ \
	X(COUNT, "dict count")    /* acc[k] = acc.get(k, 0) + e                */ \
	X(STORE, "dict store")    /* acc[k] = e                                */ \
	X(GROUP, "dict group")    /* acc.setdefault(k, []).append(e)           */ \
	X(INDEX_ADD, "add by index") /* acc[i] += e on a list                  */ \
	X(KEY_ADD, "add by key")  /* acc[k] += e on a dict of ints             */ \
	X(MAX, "max")             /* acc = max(acc, e)                         */ \
	X(LAST, "last value")     /* x = e, read only after the loop           */ \
	X(MIN, "min")             /* acc = min(acc, e)                         */ \
	X(BEST, "best")           /* if e OP acc: acc = e; other = ...         */

typedef enum RedKind {
#define X(k, s) RED_##k,
	LOOPSPLIT_REDUCTIONS(X)
#undef X
} RedKind;

typedef struct Reduction {
	RedKind kind;
	const char *name;       /* the accumulator */
	/* RED_BEST: the `if` that keeps the best so far; `with` are the
	 * names it assigns besides the compared one, in the body's order. */
	const Stmt *test;
	bool acc_left;          /* the test is `acc OP e` (else `e OP acc`) */
	bool augmented;         /* RED_ADD, RED_MUL: `acc += e` (else `acc = acc + e`) */
	const char *identity;   /* RED_ADD: the chunk's start, Python text ("0", "''", "[]") */
	bool unkept;            /* RED_ADD: some operand may hold objects reached another way */
	const char **with; int nwith;
} Reduction;

typedef struct LoopPlan {
	const Stmt *loop;       /* the `for` that is split */
	/* A loop inside a called function: the call, the def holding the
	 * loop, and the loop's index in the def's body (the statements before
	 * it run in the items part, those after it in the combine part). */
	const Expr *call;
	const Stmt *def;
	int loop_at;
	Reduction *reds; int nreds;
	const char **mapin; int nmapin;   /* locals the loop reads: sent to map parts */
	const char **keep; int nkeep;     /* locals the combine part needs */
	const char **lasts; int nlasts;   /* loop variables read after the loop */
	const char **binds; int nbinds;   /* every name the loop binds */
	bool breaks;                      /* a `break` may end it early */
} LoopPlan;

/* How many chunks a split loop's items are cut into per worker: a few,
 * so that chunks of uneven work even out across the workers. */
#define SPLIT_CHUNKS_PER_WORKER 4
/* A loop in a function called from a top-level `for i in range(K)` is
 * split inside its task (once per call) when K is at most this. */
#define LOOPSPLIT_MAX_ROUNDS 64

/* The reason loopsplit_plan gives for a top-level loop whose calls are
 * better split inside its task (then no other split is tried). */
extern const char loopsplit_prefer_inside[];

const char *reduction_name(RedKind k);

/* Writes how the loop is split and one line per reduction, for
 * -print-tasks; `inside`: split inside its task (Partition.inplan). */
void loopplan_print(StrBuf *out, const LoopPlan *lp, const char *indent, bool inside);

#endif
