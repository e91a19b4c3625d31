/* passes.h: the passes over the SSA IR and the pass manager that runs
 * them. Sectioned by the file that owns the functions.
 *
 * Every pass is one function `bool pass_NAME(Function *f)` that rewrites
 * one function in place and says whether it changed anything. Passes are
 * registered in passes.def; nothing else needs to know their names. */
#ifndef SURGE_PASSES_H
#define SURGE_PASSES_H

#include "ir/ir.h"

#include <stdio.h>

/* ---- dce.c, copyprop.c, constfold.c, simplifycfg.c: one pass each ---- */

/* bool pass_dce(Function *f); and so on for every line of passes.def. */
#define PASS(name, fn, desc) bool fn(Function *f);
#include "passes/passes.def"

/* ---- cfg.c ---- */

/* The index of the last edge from pred in b->preds, or -1. */
int cfg_pred_index(const Block *b, const Block *pred);
/* Drops b->preds[k] and the matching argument of every phi of b. */
void cfg_remove_pred(Block *b, int k);

/* ---- parcopy.c ---- */

/* One copy `dst <- src` of a parallel copy, over small variable ids. */
typedef struct CopyPair { int dst, src; } CopyPair;

/* Sequentializes the parallel copy pairs[0..n) (Boissinot et al.'s
 * algorithm; see ../shared/parcopy.md): every source is read before any
 * destination is written, as in Python's `a, b = b, a`. A destination
 * named twice takes its last source, self copies vanish, a source may
 * feed several destinations. Variables are ids in [0, nvars); tmp is an
 * id no pair names (nvars will do), the one temporary that breaks every
 * cycle. Writes the plain copies, in order, to out, which must hold
 * parcopy_max_copies(n) pairs, and returns how many: always
 * parcopy_min_copies(pairs, n, nvars). Bad ids are a bug: die(). */
int parcopy_sequentialize(const CopyPair *pairs, int n, int nvars, int tmp, CopyPair *out);
/* The fewest plain copies that do it: the distinct non-self copies (the
 * last one for a destination named twice), plus one for each cycle none
 * of whose variables also feeds a copy outside the cycle. */
int parcopy_min_copies(const CopyPair *pairs, int n, int nvars);
/* The most copies a parallel copy of n pairs can need (n + n/2). */
int parcopy_max_copies(int n);

/* ---- float_repr.c ---- */

/* Writes what CPython's repr(x) writes: the shortest digits that read back
 * as x, in exponent form when the exponent is below -4 or at least 16
 * ("1e+16", "1e-05", "0.0001", "1000000000000000.0", "inf", "nan"). */
void float_repr(double x, char buf[32]);

/* ---- summary.c ---- */

/* Ordered effects: two calls that share one must keep their order. */
enum {
	EFF_STDOUT = 1u << 0,
	EFF_STDIN = 1u << 1,
	EFF_FILES = 1u << 2,    /* any file: paths are not told apart yet */
	EFF_RANDOM = 1u << 3,   /* the random module's hidden state */
	EFF_UNKNOWN = 1u << 4,  /* a call to something not seen */
};

/* What a function does that its caller can observe. The name lists hold
 * each name once, in the order the fixed point found them. */
typedef struct Summary {
	Function *fn;
	NameVec reads_globals;     /* module-level names read, here or in callees */
	uint64_t mutates_params;   /* bit i: the objects parameter i reaches */
	NameVec mutates_globals;   /* objects module-level names reach */
	bool mutates_unknown;      /* objects it cannot name */
	unsigned effects;          /* EFF_* */
} Summary;

typedef struct SummaryTable {
	Summary *items;            /* one per function, by Function.index */
	int len;
	/* module-level defs bound once: name -> function (open addressing) */
	const char **def_keys;
	Function **def_fns;
	int def_cap;
} SummaryTable;

/* Computes every function's summary, iterating to a fixed point. */
void summaries_compute(SummaryTable *t, IRModule *m);
void summaries_free(SummaryTable *t);
const Summary *summary_find(const SummaryTable *t, const Function *f);
/* The user function a callee value is, when the IR shows it: a def made
 * here, or a module-level def bound once under that name. */
const Function *summary_callee(const SummaryTable *t, Instr *callee);
/* What one instruction does that must stay in order: EFF_* bits, with
 * calls as their callee's summary says; *exits is set by return, raise X,
 * assert and sys.exit (it is not cleared). */
unsigned effects_of_instr(const Instr *in, const SummaryTable *t, bool *exits);
/* append, pop, update, ...: methods of builtin types that change their
 * receiver. */
bool is_mutating_method(const char *name);
/* One line per function: "summary @f: reads X; mutates param a; effects stdout;" */
void summaries_print(StrBuf *out, const SummaryTable *t);

/* ---- ddg.c ---- */

/* The statement dependence graph of every function, as -print-ddg shows
 * it: one line per top-level statement (with its source line), one per
 * edge ("S1 -> S2 RAW a"). */
typedef struct DdgOptions {
	bool dot;          /* -print-ddg-dot: Graphviz instead of text */
	bool show_names;   /* -ddg-show-names: the WAR/WAW SSA renaming removed */
} DdgOptions;

void ddg_print(StrBuf *out, IRModule *m, const SourceFile *src, const DdgOptions *opts);
/* Source line `line` without its indentation or line end, for the one-line
 * statement labels of -print-ddg and -print-tasks (nothing if out of range). */
void put_source_line(StrBuf *out, const SourceFile *src, int line);

typedef enum DdgEdgeKind { DDG_RAW, DDG_WAR, DDG_WAW, DDG_MEM, DDG_EFFECT, DDG_CTRL } DdgEdgeKind;

typedef struct DdgEdge {
	int from, to;           /* statement indexes, from < to */
	DdgEdgeKind kind;
	const char *label;      /* the name, class or effect; may be NULL */
	const char *why;        /* an explanation, or NULL */
	bool removed;           /* on a local that SSA renames: not a constraint */
} DdgEdge;

/* What one top-level statement does to objects and to the world. Objects
 * are classes of values that may share a mutable object (ddg_class_of). */
typedef struct DdgStmt {
	unsigned effects;       /* EFF_* */
	bool ends;              /* may return, raise or exit on purpose */
	int *reads, *writes;    /* classes read and possibly mutated */
	int nr, nw;
} DdgStmt;

typedef struct Ddg {
	Function *fn;
	DdgEdge *edges;         /* sorted by (from, to, kind, label) */
	int nedges;
	DdgStmt *stmts;
	int nstmts;
	int *cls_parent;        /* union-find of the classes (internal) */
	const char **cls_label;
	int ncls;
} Ddg;

/* The graph of one function and the facts behind it; show_names adds the
 * edges SSA renaming removed (marked removed). Free with ddg_free. */
Ddg *ddg_build(Function *f, const SummaryTable *t, const SourceFile *src, bool show_names);
void ddg_free(Ddg *d);
/* The class of objects a value may name, or -1 for an immutable value. */
int ddg_class_of(const Ddg *d, const Instr *v);
/* The class of objects nothing in the function can name: anything. */
bool ddg_class_is_unknown(int cls);

/* ---- workest.c ---- */

/* Loops whose trip count is not known when compiling count this many. */
#define WORK_DEFAULT_TRIPS 1000
typedef struct WorkModel WorkModel;
WorkModel *work_model_new(IRModule *m, const SummaryTable *t);
void work_model_free(WorkModel *w);
/* out[s]: the operations top-level statement s of f runs (calls counted
 * with their callees' bodies, loops with their trip counts). */
void work_of_stmts(WorkModel *w, Function *f, double *out);
/* The operations one call of g runs. */
double work_of_call(WorkModel *w, Function *g);

/* ---- partition.c ---- */

/* The partition of the module's top-level statements into tasks: each
 * task is a run of consecutive statements (so program order is task
 * order), and runs when the tasks it receives values from are done. */

/* A task that takes no less work than this is worth its own process
 * round trip (about a millisecond of the runner's time). */
#define PARTITION_MIN_WORK 20000.0

typedef struct TaskRecv { const char *name; int from; } TaskRecv;

typedef struct Task {
	int id;
	int first, last;            /* statement indexes, inclusive */
	int *deps; int ndeps;       /* task ids, ascending */
	TaskRecv *recv; int nrecv;  /* names installed before it runs */
	const char **sends; int nsends;
	const char **globals; int nglobals; /* names its statements bind */
	unsigned effects;           /* EFF_* of its statements */
	bool commit;                /* writes files or reads stdin: never early */
	bool main;                  /* runs in the runner's process (stdin) */
	double work;
	/* estimated peak bytes while it runs, received values included: a
	 * number or a formula of the inputs (docs/runtime.md); NULL: none */
	const char *memory;
	const char *reason;         /* why its statements are together, or NULL */
	/* A loop whose calls of one pure function run in parallel: */
	const Stmt *split_for;
	const Expr *split_call;
	const char *split_fn;
	/* A loop split with its reductions (loopsplit.h), the statement's own
	 * or one in a function it calls: */
	const struct LoopPlan *plan;
	const char *nosplit;        /* why its loop was not split, or NULL */
} Task;

typedef struct Partition {
	Task *tasks; int ntasks;
	const StmtList *body; /* the script's statements (ast_script_body) */
	int nstmts;
	bool *hoisted;              /* [nstmts]: a def or import every task sees */
	double *work;               /* [nstmts] */
	const char *fallback;       /* why everything is one task, or NULL */
	/* [nstmts]: a call in the statement whose callee's loop is split
	 * inside the task (statements of tasks without a plan), or why not */
	const struct LoopPlan **inplan;
	const char **inplan_why;
} Partition;

typedef struct PartitionOptions {
	bool freassociate;         /* -freassociate: float sums may be regrouped */
} PartitionOptions;

/* Partitions the module body. `ast` is the module the IR was lowered from. */
Partition *partition_build(IRModule *m, const Module *ast, Arena *arena,
                           const SourceFile *src, const PartitionOptions *opts);
void partition_free(Partition *p);
/* -print-tasks: one block per task (lines, statements, why they are
 * together, what it receives and sends, its dependences and work). */
void partition_print(StrBuf *out, const Partition *p, const SourceFile *src);

/* ---- memest.c ---- */

/* Memory estimates (docs/memest.md): for every function, the bytes each
 * top-level statement has alive at its peak and leaves alive, the peak of
 * one call, and the bytes of the objects an SSA value names; CPython 3.11
 * 64-bit object sizes (pysize.c), conservative: never below what runs.
 *
 * Each size is a number now and a formula for later: a Python expression
 * of integer literals, + * //, max(...), file_lines('p'), file_bytes('p'),
 * file_max_line('p'), file_width('p'), file_count('p', sep),
 * file_max_count('p', sep) and len_of('name') (or the single word
 * `unknown`), whose grammar and meaning docs/memest.md gives. `basic` is
 * the same bound written with file_lines, file_bytes and len_of only. */
#define MEM_SIZE_UNKNOWN UINT64_MAX

typedef struct MemSize {
	uint64_t bytes;         /* the formula with the files measured at compile
	                         * time and static bounds; MEM_SIZE_UNKNOWN: none */
	bool is_const;          /* the formula names no input: bytes is all there is */
	const char *formula;
	const char *basic;
} MemSize;

typedef struct MemStmt {
	MemSize peak;           /* made by the statement, alive at its peak */
	MemSize live;           /* made by the statement, alive after it */
} MemStmt;

typedef struct MemEstimates MemEstimates;

/* Estimates the whole module. `t` from summaries_compute; `input_dir` is
 * the program's folder, where relative paths given to open() are measured
 * (NULL: the current folder). Strings live until memest_free. */
MemEstimates *memest_compute(IRModule *m, const SummaryTable *t, const char *input_dir);
void memest_free(MemEstimates *e);
/* Top-level statement `stmt` (0-based, as Instr.stmt) of f; NULL if none. */
const MemStmt *memest_stmt(const MemEstimates *e, const Function *f, int stmt);
/* The peak of one call of f: the largest over the calls analyzed. */
MemSize memest_call_peak(const MemEstimates *e, const Function *f);
/* The bytes of the object graph the value names (what sending it costs). */
MemSize memest_value(const MemEstimates *e, const Instr *v);
/* The peak of running f's top-level statements `stmts` (ascending) one
 * after the other in one process, with the values `recv` (received from
 * elsewhere) alive throughout: what the earlier ones leave plus one's
 * peak, the largest. The strings live until memest_free. */
MemSize memest_run_peak(const MemEstimates *e, const Function *f, const int *stmts, int nstmts,
                        const Instr *const *recv, int nrecv);
/* -print-mem: the files measured, then per function "*** MEM for f ***"
 * and one line per top-level statement. */
void memest_print(StrBuf *out, const MemEstimates *e, const SourceFile *src);
/* Summaries, estimates, print, free: what -print-mem runs. `path` is the
 * program's path (its folder is the input folder). */
void memest_print_module(StrBuf *out, IRModule *m, const SourceFile *src, const char *path);

/* ---- typeinfer.c ---- */

/* Whole-program type inference (docs/ir.md, "Type inference"): an
 * optimistic fixed point over every function at once that rewrites each
 * value's Instr.type to a sound type, at least as precise as lowering's
 * when lowering's was right (loop-carried values, parameters, call
 * results, module names read in functions, container items). True when
 * a type changed. Registered as the module pass `typeinfer`. */
bool typeinfer_run(IRModule *m);

/* ---- pass_registry.c ---- */

/* A function pass has run; a module pass (MODULE_PASS in passes.def),
 * which needs the whole program at once, has run_module instead. */
typedef struct PassInfo {
	const char *name;
	bool (*run)(Function *f);
	const char *desc;
	bool (*run_module)(IRModule *m);
} PassInfo;

/* The registered passes, in passes.def order. */
extern const PassInfo pass_registry[];
extern const int pass_registry_len;

/* The pipeline run when -passes= is not given. */
/* The pipeline run when -passes= is not given. simplifycfg runs again
 * after constfold, which turns branches on constants into jumps. */
#define PASS_DEFAULT_PIPELINE "simplifycfg,constfold,simplifycfg,copyprop,dce"

typedef struct PassOptions {
	const char *pipeline;      /* -passes=a,b,c ; NULL = the default pipeline */
	const char *print_after;   /* -print-after=P (comma list allowed) */
	bool print_after_all;
	bool debug_pass_manager;   /* print "Running pass: NAME on FUNC" to stderr */
	bool time_passes;          /* print a table of time per pass to stderr at the end */
	bool verify_each;          /* run ir_verify_module after every pass */
} PassOptions;

/* The index in pass_registry of the pass called name[0..len), or -1. */
int pass_lookup(const char *name, size_t len);
/* Walks a comma-separated list: each call yields the next name (which may
 * be empty) and moves *list past it; returns false when none is left.
 * *list becomes NULL after the last name. */
bool pass_next_name(const char **list, const char **name, size_t *len);
/* Parses one command-line argument if it is a pass option; returns 1 if
 * consumed, 0 if not a pass option, -1 on a malformed one (message printed
 * as "surgec: error: ..."). A repeated option replaces the earlier one. */
int pass_parse_option(const char *arg, PassOptions *o);
/* Checks that every name in the pipeline / print-after is a registered
 * pass; prints "surgec: error: unknown pass name 'x'" and returns false
 * otherwise. */
bool pass_check_options(const PassOptions *o);
/* For --help: one line per pass, its name and what it does. */
void pass_list(FILE *f);

/* ---- pass_manager.c ---- */

/* Runs the pipeline over every function of the module in order (each
 * function goes through the whole pipeline before the next starts). Dumps
 * the IR after passes to `out` as requested, each dump headed
 * "*** IR Dump After NAME on FUNC ***". Returns false if the options name
 * an unknown pass or verification failed (errors printed to stderr,
 * prefixed "surgec: error: IR verification failed after NAME:"). */
bool pass_run(IRModule *m, const PassOptions *o, StrBuf *out);

#endif
