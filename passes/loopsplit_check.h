/* loopsplit_check.h: the checks behind loop splitting (internal to
 * loopsplit*.c). */
#ifndef SURGE_LOOPSPLIT_CHECK_H
#define SURGE_LOOPSPLIT_CHECK_H

#include "passes/loopsplit.h"
#include "passes/partition_split.h"

/* A growable list of names, in the order first added, each once. */
typedef struct NameList { const char **v; int n, cap; } NameList;

void nl_add(NameList *l, const char *s);
bool nl_has(const NameList *l, const char *s);
void nl_free(NameList *l);

/* The stores of one name, and the names every store binds. */
void stmts_stores(const StmtList *l, NameList *out);
void target_stores(const Expr *t, NameList *out);

/* Where an int-typed value may come from: the statements whose stores of a
 * name decide its type (a function body, or a loop body plus the
 * statements before it), and the names that are never ints (parameters). */
typedef struct IntScope {
	SplitContext *c;
	const StmtList *lists[2]; int nlists;
	const NameList *unknown;   /* parameters: ints only if the IR says so */
	int depth;
	Function *ir;              /* the IR of the scope, for inferred types */
} IntScope;

/* The type typeinfer (or lowering) gave the value computed at exactly
 * range r in function f, or NULL when no single value is there. */
const Type *split_type_at(SplitContext *c, Function *f, SrcRange r, Op op);

/* Whether e is an int whenever it evaluates without raising. Sound: false
 * when in doubt. */
bool expr_is_int(IntScope *s, const Expr *e);
/* Whether two expressions are written the same (names, constants,
 * subscripts, attributes, tuples, operators). */
bool expr_same(const Expr *a, const Expr *b);
/* Whether a builtin called by name is unchanged (no module-level binding,
 * no local of the function that holds the loop). */
bool builtin_unshadowed(SplitContext *c, const NameList *locals, const char *name);

#endif
