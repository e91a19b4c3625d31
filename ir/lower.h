/* lower.h: state shared by the files that lower the AST into SSA
 * (scope.c, ssa.c, lower.c, lower_expr.c). Not used outside ir/. */
#ifndef SURGE_LOWER_H
#define SURGE_LOWER_H

#include "ir/ir.h"

/* ---- scope.c ---- */

/* A set of names, by content. */
typedef struct NameSet {
	const char **keys;
	int cap, len;
} NameSet;

bool nameset_has(const NameSet *s, const char *name);
bool nameset_add(NameSet *s, const char *name);   /* true if new */
void nameset_free(NameSet *s);

/* Where a name of a function lives. */
typedef enum VarKind {
	VAR_SSA,        /* a local in SSA form */
	VAR_SLOT,       /* a local an exception may carry: slot_load/store */
	VAR_CELL,       /* a local nested functions capture */
	VAR_FREE,       /* captured from an enclosing function's cell */
	VAR_GLOBAL,     /* a module-level name, read from a function */
	VAR_BUILTIN,    /* not bound anywhere: a builtin (or a NameError) */
} VarKind;

/* What one function scope binds and reads, from its AST. */
typedef struct ScopeInfo {
	struct ScopeInfo *parent;
	bool is_module;
	NameSet params;
	NameSet assigned;       /* bound in this scope (params not included) */
	NameSet slots;          /* assigned where an exception may carry them */
	NameSet cells;          /* locals read by nested functions */
	NameSet free;           /* read here or deeper, bound in an enclosing function */
	/* module only: names any function reads as globals */
	NameSet read_by_functions;
	bool captures_comprehension_var;
	SrcRange capture_at;    /* the function that does */
} ScopeInfo;

/* Analyses a function (params and body) or the module (params NULL). */
void scope_analyze(ScopeInfo *s, ScopeInfo *parent, const ParamList *params,
                   const StmtList *body, const Expr *lambda_body);
void scope_free(ScopeInfo *s);
VarKind scope_lookup(const ScopeInfo *s, const char *name);
bool is_builtin_name(const char *name);

/* ---- ssa.c ---- */

/* Values of variables per block, for SSA construction after Braun et al.
 * 2013, "Simple and Efficient Construction of Static Single Assignment
 * Form": a variable is read where it is used, looking back through the
 * predecessors and placing phis only where paths join. */
typedef struct SSABuilder {
	Function *fn;
	/* (block id, variable id) -> value, open addressing */
	uint64_t *keys;
	Instr **vals;
	size_t cap, len;
	/* variable ids by name (open addressing); the name of each id */
	const char **vkeys;
	int *vvals;
	int vcap, vlen;
	NameVec names;
	/* phis waiting for a block to be sealed: (block, var, phi) */
	struct Pending { Block *block; int var; Instr *phi; } *pending;
	int npending, cappending;
	/* A handler block's values are those at the try's entry, where the
	 * exceptional edge leaves: by block id. */
	Block **exc_from;
	int exc_cap;
} SSABuilder;

void ssa_init(SSABuilder *b, Function *fn);
void ssa_free(SSABuilder *b);
/* A fresh variable for a name: comprehension targets get their own. */
int ssa_new_var(SSABuilder *b, const char *name);
int ssa_var(SSABuilder *b, const char *name);
void ssa_write(SSABuilder *b, int var, Block *block, Instr *value);
Instr *ssa_read(SSABuilder *b, int var, Block *block, SrcRange loc);
void ssa_seal(SSABuilder *b, Block *block);
void ssa_set_exc_from(SSABuilder *b, Block *handler, Block *from);

/* ---- lower.c ---- */

/* Something to do when control leaves a try-finally or a with block by
 * return, break or continue. */
typedef struct Cleanup {
	bool is_with;
	const StmtList *finalbody;  /* try-finally */
	Block *handler;             /* the handler around the finally */
	Instr *manager;             /* with */
} Cleanup;

typedef struct Loop {
	Block *cont, *brk;
	int cleanup_depth;
} Loop;

typedef struct Lower {
	Arena *arena;
	DiagEngine *diag;
	IRModule *m;
	TypeTable *types;
	Function *fn;
	ScopeInfo *scope;
	SSABuilder ssa;
	Block *cur;             /* NULL after a terminator */
	Block *handler;         /* where an exception goes from here */
	Region *region;
	int stmt;
	SrcRange loc;
	Loop *loops;
	int nloops, caploops;
	Cleanup *cleanups;
	int ncleanups, capcleanups;
	/* comprehension targets: their names and fresh variables */
	struct Shadow { const char *name; int var; } *shadows;
	int nshadows, capshadows;
	/* the cells of this function and those it captures, by name */
	struct CellRef { const char *name; Instr *cell; } *cellrefs;
	int ncellrefs, capcellrefs;
	int counter;            /* for unique names of lambdas, genexps */
	bool failed;
} Lower;

Instr *emit(Lower *L, Op op, const Type *type);
Instr *emit1(Lower *L, Op op, const Type *type, Instr *a);
Instr *emit2(Lower *L, Op op, const Type *type, Instr *a, Instr *b);
Instr *emit_const(Lower *L, ConstKind k);
Instr *emit_str(Lower *L, Str s);
Block *new_block(Lower *L, const char *label);
/* Makes sure there is a block to emit into (code after a return goes to a
 * block nothing reaches). */
void ensure_current_block(Lower *L);
void set_block(Lower *L, Block *b);
void emit_br(Lower *L, Block *to);
void emit_loop_entry(Lower *L, Block *head);
void emit_condbr(Lower *L, Instr *cond, Block *t, Block *f);
void seal(Lower *L, Block *b);
/* Seals b (all its predecessors are known) and continues there. */
void enter_block(Lower *L, Block *b);
const Type *ty(Lower *L, TypeKind k);

Instr *lower_iter(Lower *L, Instr *iterable);
Instr *emit_iternext(Lower *L, Instr *it, Block *body, Block *done);
Instr *read_name(Lower *L, const char *name, SrcRange loc);
void write_name(Lower *L, const char *name, Instr *value);
void assign_target(Lower *L, const Expr *target, Instr *value);
/* Lowers a def, a lambda (lambda_body) or a generator expression
 * (genexp) into a new function, and emits in the current one the
 * make_function that creates it: *made. */
Function *lower_function(Lower *L, const char *name, const ParamList *params,
                         const StmtList *body, const Expr *lambda_body,
                         const Expr *genexp, SrcRange loc, Instr **made);

/* ---- lower_expr.c ---- */

Instr *lower_expr(Lower *L, const Expr *e);
Instr *emit_binop(Lower *L, BinOpKind op, Instr *a, Instr *b);
/* The loop of one `for target in iter if ...` clause of a comprehension
 * or generator expression: returns with the current block inside the loop,
 * past the filters; the caller lowers what the clause does, then closes
 * it. fresh_target gives the target variables of their own (comprehension
 * targets do not leak into the function). */
typedef struct ClauseLoop { Block *head, *exit; } ClauseLoop;
ClauseLoop open_clause_loop(Lower *L, const Comprehension *c, Instr *it, bool fresh_target);
void close_clause_loop(Lower *L, ClauseLoop cl);

/* The truth of a condition, branched on: and/or/not without phis. */
void lower_cond(Lower *L, const Expr *e, Block *t, Block *f);

#endif
