/* python_from_ir.h: internals shared by python_from_ir*.c, which
 * regenerate Python source from the out-of-SSA IR (docs/tasks.md, "Python
 * from the IR"). The entry points are in python_emit.h. */
#ifndef SURGE_PYTHON_FROM_IR_H
#define SURGE_PYTHON_FROM_IR_H

#include "backend/python_emit.h"

/* What a Python name holds at a point, in the holds analysis: a value id
 * (> 0), or one of these. */
enum { HOLD_UNKNOWN = 0, HOLD_UNBOUND = -1 };

/* A loop being written: where continue and break go, and the states
 * they carry there (NULL: none yet). */
typedef struct PyLoop { Block *head, *exit; int *cont, *brk; } PyLoop;

typedef struct PyGen {
	Function *f;
	StrBuf *out;
	const char *why;          /* the first reason it cannot be done */
	int depth;                /* indentation, 4 spaces a level */
	/* a module task: only statements first..last, NULL task otherwise */
	const Task *task;
	const Partition *part;
	int first, last;
	/* by value id, [nids] */
	int nids;
	int *uses;                /* uses counted in the emitted statements */
	bool *fold;               /* written into its one use, not assigned */
	const char **home;        /* the Python name that keeps it */
	const char **bind;        /* a source name also bound after a temp */
	bool *is_var;
	bool *is_temp;
	/* names the holds analysis tracks (homes, slots, received names) */
	NameVec names;
	int *in_state, *out_state;   /* [nblocks * names.len] */
	int *state;                  /* the current one, [names.len] */
	bool checking;               /* the last pass: report failed reads */
	Instr *failed;               /* a value some read could not find */
	/* the structured walk */
	PyLoop loops[64];
	int nloops;
	Instr *withs[32];
	int nwiths;
	int steps;                   /* blocks walked: a guard against cycles */
	NameVec globals;             /* names the code assigns as globals */
	int last_line;               /* of the last `# line N` written */
	int want_line;               /* the line of the next statement */
	int cur_stmt;                /* module: the statement being written */
	bool dead;                   /* the walk is past a jump */
} PyGen;

/* python_from_ir.c */
bool pg_fail(PyGen *g, const char *why);
bool pg_in_range(const PyGen *g, const Instr *i);
bool pg_is_ident(const char *s);
int pg_name_index(PyGen *g, const char *name, bool add);
/* The name that holds v where it is read now (checking a read when
 * g->checking), or NULL. */
const char *pg_name_of(PyGen *g, Instr *v);
/* Whether the code emitted for i is a statement of its own. */
bool pg_is_stmt(const PyGen *g, const Instr *i);
void pg_transfer(PyGen *g, Instr *i);
int *pg_state_copy(const PyGen *g, const int *s);
/* into = into meet from (NULL is unreachable); frees nothing */
int *pg_state_meet(const PyGen *g, int *into, const int *from);
bool pg_state_equal(const PyGen *g, const int *a, const int *b);
void pg_note_global(PyGen *g, const char *n);

/* python_from_ir_expr.c */
void pg_put_const(StrBuf *o, const Constant *c);
/* v as an expression: its folded text or the name that holds it. `atom`
 * asks for parentheses around anything that is not an atom. */
void pg_expr(PyGen *g, StrBuf *o, Instr *v, bool atom);
/* The text of the instruction itself (v's defining expression). */
void pg_render(PyGen *g, StrBuf *o, Instr *v, bool atom);
/* Whether the expression tree of v (through folded operands) reads the
 * Python name n. */
bool pg_reads_name(PyGen *g, Instr *v, const char *n);
const char *pg_cell_name(const Instr *cell);

/* python_from_ir_stmt.c */
void pg_indent(PyGen *g);
/* The next line written gets `# line N` of i's position, if new. */
void pg_line_comment(PyGen *g, const Instr *i);
void pg_set_dead(PyGen *g);
Region *pg_region_at(PyGen *g, Block *b, int kind1, int kind2);
bool pg_is_label(const Block *b, const char *l);
/* Writes i as a statement (if it is one) and updates the names. */
bool pg_do_instr(PyGen *g, Instr *i);
/* The module: binds the names of the statements before `next`. */
bool pg_end_stmt(PyGen *g, int next);
void pg_put_bind(PyGen *g, Instr *v);

/* python_from_ir_flow.c */
bool pg_emit_seq(PyGen *g, Block *b, Block *stop);
bool pg_emit_function(PyGen *g, Function *fn, const char *defname, Instr *made);

/* python_from_ir.c again: a nested def with its own generator, and the
 * analysis then the walk of g->f's body. */
bool pg_emit_nested(PyGen *outer, Function *fn, const char *defname, Instr *made);
bool pg_function_body(PyGen *g);

#endif
