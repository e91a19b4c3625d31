/* partition_facts.h: per-statement names for the partitioner (internal to
 * partition*.c). */
#ifndef SURGE_PARTITION_FACTS_H
#define SURGE_PARTITION_FACTS_H

#include "passes/passes.h"

/* Names interned to small ids (for the partitioner and the DDG). */
typedef struct NameTable {
	Arena *arena;          /* for names made here (import a.b binds a) */
	const char **names;
	int len, ncap;
	int *slots;            /* open addressing over ids, -1 free */
	int cap;
	/* The ids of the strings seen, by address: the summaries name each
	 * name by one string, so most lookups need not read the string. */
	const char **seen;     /* open addressing, NULL free */
	int *seen_id;
	int nseen, seen_cap;
} NameTable;

/* The id of s. The table keeps s, and its id by s's address: s must
 * live, unchanged, as long as the table (AST, IR and arena strings do). */
int names_intern(NameTable *t, const char *s);
void names_free(NameTable *t);

/* A set of ids (names, or -1 - class for a class of objects) in the order
 * they were added. Zero-initialized is empty; free(items) frees it all:
 * a set past IDSET_SCAN items keeps a hash index of its items in the
 * same block, after items[cap], so adding and testing stay O(1) when a
 * statement reads thousands of names through its callees. */
typedef struct IdSet { int *items; int len, cap; } IdSet;
enum { IDSET_SCAN = 16 };
void idset_add(IdSet *s, int x);
bool idset_has(const IdSet *s, int x);

typedef struct StmtFacts {
	IdSet uses, defs, muts;
	bool compound;         /* if/while/for/try/with: binds only maybe */
	bool mutates_unknown;  /* may change objects no name reaches */
} StmtFacts;

/* Adds the names the statement's code loads and binds. */
void facts_from_ast(NameTable *names, StmtFacts *f, const Stmt *s);
void facts_free(StmtFacts *f);

#endif
