/* memest.h: what the files of the memory estimator share (memest_sym.c,
 * memest_value.c, memest_ops.c, memest.c). Nothing outside passes/memest*
 * includes it: the rest of surgec sees passes.h's section only.
 *
 * The pieces:
 *   - Sym: a symbolic, non-negative upper bound: a polynomial over atoms
 *     (file statistics, len_of names, the item of a loop, max(...)),
 *     printed as a Python expression (docs/memest.md has the grammar);
 *   - AVal: what the analysis knows of one SSA value (its kind, int range,
 *     length, items, and the bytes of the objects it reaches);
 *   - FnCtx: one analysis of one function under one calling context. */
#ifndef SURGE_MEMEST_H
#define SURGE_MEMEST_H

#include "passes/passes.h"
#include "passes/pysize.h"

/* ---- memest_sym.c: symbolic sizes ---- */

/* File statistics a formula may name; the runner computes the same ones
 * (docs/memest.md defines them exactly). */
enum { FS_LINES, FS_BYTES, FS_MAXLINE, FS_WIDTH, FS_NSTATS,
       FS_COUNT = FS_NSTATS,   /* occurrences of a separator in the file */
       FS_MAXCOUNT,            /* the most of them on one line */
       FS_DISTINCT,            /* distinct words (split()'s parts) in the file */
       FS_MAXPART };           /* the longest word in characters */

enum { MA_FILE, MA_LEN, MA_ITEM, MA_MAX };

typedef struct Sym Sym;
typedef struct MemAtom MemAtom;

struct MemAtom {
	int kind;               /* MA_* */
	int id;                 /* creation order: identity for ITEM and MAX */
	int stat;               /* MA_FILE: FS_* */
	const char *str;        /* MA_FILE: the path as written; MA_LEN: the name */
	const char *sep;        /* MA_FILE FS_COUNT, FS_MAXCOUNT: the separator */
	/* MA_ITEM: the loop's first item atom; a loop has one per measure of
	 * its item (its length, the separators in it), summed together */
	const MemAtom *group;
	/* MA_ITEM: the item of a loop: its length is at most `max`, the
	 * lengths of all items sum to at most `sum`, and there are at most
	 * `count` items. Updated while the analysis iterates. MA_LEN: `max`
	 * is the static bound (NULL: none). */
	const Sym *max, *sum, *count;
	int nargs;              /* MA_MAX */
	const Sym **args;
	uint64_t minval;        /* a lower bound of the atom (file_width >= 1) */
};

typedef struct SymTerm {
	uint64_t coef;
	int n;                  /* atoms in the product, sorted; repeats are powers */
	MemAtom **atoms;
} SymTerm;

/* The value is at most (sum of terms) / den, a real number; printed and
 * evaluated rounded up. `unknown` is +infinity. Syms are immutable. */
struct Sym {
	bool unknown;
	int n;
	uint64_t den;
	SymTerm *terms;
};

/* What a file measured at compile time gave. */
typedef struct FileStat {
	const char *path;       /* as written in the program */
	bool found;
	uint64_t v[FS_NSTATS];
} FileStat;

/* Separators counted in a file, measured at compile time. */
typedef struct SepStat {
	const char *path, *sep;
	bool found;
	uint64_t count, maxcount;
	uint64_t distinct, maxpart; /* words only (sep ""): FS_DISTINCT, FS_MAXPART */
} SepStat;

typedef struct SymCtx {
	Arena *arena;
	const char *dir;        /* the input program's folder: relative paths */
	MemAtom **atoms;        /* interned FILE, LEN and MAX atoms (open addressing) */
	int atom_cap, atom_len;
	int next_id;
	FileStat *files;
	int nfiles, files_cap;
	SepStat *seps;
	int nseps, seps_cap;
	const Sym *zero, *one, *unknown_sym;
} SymCtx;

#define MEM_INF UINT64_MAX

void symctx_init(SymCtx *c, Arena *a, const char *dir);
void symctx_free(SymCtx *c);

const Sym *sym_num(SymCtx *c, uint64_t v);
const Sym *sym_unknown(SymCtx *c);
const Sym *sym_atom(SymCtx *c, MemAtom *a);
const Sym *sym_file(SymCtx *c, const char *path, int stat);
/* file_count(path, sep), file_max_count(path, sep); file_distinct(path,
 * None), file_max_part(path, None) with sep "" */
const Sym *sym_file_sep(SymCtx *c, const char *path, int stat, const char *sep);
const Sym *sym_len_of(SymCtx *c, const char *name, const Sym *bound);
MemAtom *sym_new_item(SymCtx *c);
/* Another measure of the same loop's item (summed with it). */
MemAtom *sym_new_measure(SymCtx *c, const MemAtom *item);

const Sym *sym_add(SymCtx *c, const Sym *a, const Sym *b);
const Sym *sym_add3(SymCtx *c, const Sym *a, const Sym *b, const Sym *d);
const Sym *sym_mul(SymCtx *c, const Sym *a, const Sym *b);
const Sym *sym_scale(SymCtx *c, const Sym *a, uint64_t k);
/* a / k as a real number: the bound stays exact and is rounded up only
 * when printed or evaluated. */
const Sym *sym_div(SymCtx *c, const Sym *a, uint64_t k);
const Sym *sym_max(SymCtx *c, const Sym *a, const Sym *b);

/* True with *v when s names no atom (a compile-time number). */
bool sym_is_num(const Sym *s, uint64_t *v);
bool sym_is_zero(const Sym *s);
bool sym_equal(const Sym *a, const Sym *b);
/* Whether a <= b is certain, term by term. */
bool sym_le(const Sym *a, const Sym *b);
/* The value with the files measured at compile time and the static
 * bounds of len_of names; MEM_INF when some part has none. */
uint64_t sym_eval(SymCtx *c, const Sym *s);
/* Whether s mentions an item atom. */
bool sym_has_item(const Sym *s, const MemAtom *item);

/* Summing s over the iterations of the loop whose item is `item`: a term
 * linear in the item's length sums to the lengths' sum, a term without
 * it is multiplied by the count, anything else is bounded by the maximum
 * times the count. */
const Sym *sym_sum_over(SymCtx *c, const Sym *s, const MemAtom *item, const Sym *count);
/* s with the item replaced by its maximum (s for any one iteration). */
const Sym *sym_max_over(SymCtx *c, const Sym *s, const MemAtom *item);
/* s with every item atom replaced by its maximum, repeatedly. */
const Sym *sym_no_items(SymCtx *c, const Sym *s);

/* A Python expression (docs/memest.md), or `unknown`. */
void sym_print(StrBuf *out, const Sym *s);
/* The same bound with file_lines, file_bytes and len_of only: the other
 * statistics replaced by bounds made of those. */
const Sym *sym_basic(SymCtx *c, const Sym *s);
/* "1234 B (1.2 KiB)" or "? B" */
void sym_print_bytes(StrBuf *out, uint64_t v);

/* The statistics of a file named by a literal path, measured once. */
const FileStat *sym_file_stat(SymCtx *c, const char *path);
const SepStat *sym_sep_stat(SymCtx *c, const char *path, const char *sep);

/* ---- memest_value.c: what the analysis knows of a value ---- */

typedef enum AKind {
	AK_BOT,      /* not computed yet (the analysis iterates from here) */
	AK_TOP,      /* any object: only `graph` may still bound it */
	AK_NONE, AK_BOOL, AK_INT, AK_FLOAT, AK_STR, AK_LIST, AK_TUPLE, AK_DICT, AK_SET,
	AK_RANGE, AK_ITER, AK_FILE, AK_FUNC, AK_MODULE, AK_OBJ,
} AKind;

/* How iterating a value makes its items: the items of a list exist
 * already, the lines of a file or the ints of a range are new objects. */
typedef enum Fresh { FR_NONE, FR_ITEM, FR_TUPLE, FR_GEN } Fresh;

#define AV_INF INT64_MAX

typedef struct AVal AVal;
struct AVal {
	AKind kind;
	int64_t lo, hi;         /* AK_INT, AK_BOOL, AK_FLOAT: the value, within
	                         * these integers; -AV_INF..AV_INF */
	const Sym *ub;          /* AK_INT: a symbolic bound of the value (len(x)) */
	const Sym *len;         /* AK_STR: characters; containers, ranges, iterators: items */
	const Sym *width;       /* AK_STR: bytes per character (1, or file_width(p)) */
	const AVal *elem;       /* items (dict: keys) */
	const AVal *val;        /* dict: values */
	const Sym *sum_len;     /* the lengths of all items summed; NULL: unknown */
	const Sym *items;       /* bytes of all items' graphs */
	const Sym *shape;       /* containers: the container itself */
	const Sym *graph;       /* bytes of everything reachable */
	const Sym *ifresh;      /* FR_GEN: bytes a generator makes per item */
	const Sym *rlen;        /* AK_TOP: the length of its repr(), when bounded */
	int ntup;               /* AK_TUPLE of known length: its items */
	const AVal **tup;
	const char *name;       /* AK_FILE: literal path; AK_MODULE: module; AK_FUNC:
	                         * builtin or "module.attr"; AK_OBJ: what it is;
	                         * AK_STR: the text, when a constant */
	Function *fn;           /* AK_FUNC: a user function */
	const Instr *mkfn;      /* AK_FUNC: the make_function (defaults) */
	char mode;              /* AK_FILE: 'r' read, 'w' write */
	Fresh fresh;            /* AK_ITER, AK_RANGE, AK_FILE, AK_STR: see Fresh */
	bool strkeys;           /* AK_DICT, AK_SET: all keys are str */
	const char *src;        /* AK_STR: the file it is (part of) a line of */
	const MemAtom *line;    /* AK_STR: the loop item it is (stripped, lowered) */
	bool appended;          /* AK_LIST: grown from empty by appends */
	bool fresh_items;       /* containers: their items were made with them (split's
	                         * parts, appended new objects): one taken out and
	                         * kept elsewhere must be counted there */
	bool approx;            /* len is a bound the run may be far below: distinct
	                         * keys of a set or dict, or what was made of them */
	/* how many different values (by ==) it may take over the whole run,
	 * wherever it is made (the words of a file: file_distinct); NULL: no
	 * bound but the number of times it is made. av_distinct adds what
	 * ranges, constants and tuples give. */
	const Sym *distinct;
};

typedef struct MemEstimates MemEst;

const AVal *av_bot(void);
const AVal *av_top(MemEst *E, const Sym *graph);
const AVal *av_simple(MemEst *E, AKind k);            /* none, float, ... */
const AVal *av_int(MemEst *E, int64_t lo, int64_t hi, const Sym *ub);
/* A float in lo..hi (integer bounds, inclusive); past +-2**53 no bound
 * (lo, hi = -AV_INF, AV_INF, as av_simple gives). */
const AVal *av_float(MemEst *E, int64_t lo, int64_t hi);
const AVal *av_float_const(MemEst *E, double f);
const AVal *av_str(MemEst *E, const Sym *len, const Sym *width);
const AVal *av_str_const(MemEst *E, const char *s, size_t n);
/* A list, set or dict of `len` items like `elem` whose graphs sum to
 * `items`; shape is the container's own bytes. */
const AVal *av_coll(MemEst *E, AKind k, const Sym *len, const AVal *elem, const AVal *val,
                    const Sym *sum_len, const Sym *items, const Sym *shape);
const AVal *av_tuple(MemEst *E, int n, const AVal **items);
const AVal *av_seq_tuple(MemEst *E, const Sym *len, const AVal *elem, const Sym *items);
/* Decimal digits of v (1 for 0): the printed width of an int up to v. */
uint64_t memest_decimal_digits(uint64_t v);
const AVal *av_iter(MemEst *E, AKind k, const Sym *len, const AVal *elem, const Sym *sum_len,
                    Fresh fresh);
const AVal *av_obj(MemEst *E, AKind k, const char *name, const Sym *graph);
const AVal *av_join(MemEst *E, const AVal *a, const AVal *b);
const AVal *av_widen(MemEst *E, const AVal *old, const AVal *nw);
bool av_equal(const AVal *a, const AVal *b);
/* The item of a container or iterator (TOP when not known). */
const AVal *av_item(MemEst *E, const AVal *a);
/* The length (items, characters), unknown when not known. */
const Sym *av_len(MemEst *E, const AVal *a);
/* Bytes of the graphs of all items (len times the item's when not summed). */
const Sym *av_items(MemEst *E, const AVal *a);
/* Lengths of all items summed (len times the item's when not known). */
const Sym *av_sum_len(MemEst *E, const AVal *a);
/* The same value with a different length (and str graph). */
const AVal *av_with_len(MemEst *E, const AVal *a, const Sym *len);
/* Every item atom replaced by its maximum (a value seen from outside the
 * loops it was made in). */
const AVal *av_no_items(MemEst *E, const AVal *a, const MemAtom *item);
/* The bytes of an int in lo..hi (a shared small int included) and what
 * making one allocates (0 for -5..256, which CPython shares). */
uint64_t int_bytes(int64_t lo, int64_t hi);
uint64_t int_alloc(int64_t lo, int64_t hi);
/* The width of str(x): numbers and their containers are ASCII. */
const Sym *text_width(MemEst *E, const AVal *a, int depth);
/* Characters of str(x) and repr(x). */
const Sym *av_str_len(MemEst *E, const AVal *a, bool repr, int depth);
/* The bytes of a str of len characters of the given width. */
const Sym *str_bytes(MemEst *E, const Sym *len, const Sym *width);
/* Shapes: what the container object itself takes. */
const Sym *list_shape_appended(MemEst *E, const Sym *n);
const Sym *list_shape_exact(MemEst *E, const Sym *n);
const Sym *list_shape_sized(MemEst *E, const Sym *n);
const Sym *list_shape_iter(MemEst *E, const Sym *n);
const Sym *dict_shape(MemEst *E, const Sym *n, bool strkeys);
const Sym *set_shape(MemEst *E, const Sym *n);
void av_fingerprint(StrBuf *out, const AVal *a, int depth);
/* The different values a may take over the run, or NULL: no bound. */
const Sym *av_distinct(MemEst *E, const AVal *a);
/* The smaller of two bounds as the files measured now say (either is
 * sound: both are upper bounds of the same count). */
const Sym *sym_min_now(SymCtx *c, const Sym *a, const Sym *b);

/* ---- memest_fn.c: one function under one calling context ---- */

typedef struct Loop {
	Block *header;
	int parent;             /* enclosing loop, -1 */
	int depth;
	Instr *iter;            /* the iterator ITERNEXT reads; NULL: a while loop */
	bool comp;              /* a comprehension's loop (its own function in 3.11) */
	int stmt;
} Loop;

/* What does not depend on the calling context. */
typedef struct FnInfo {
	Function *f;
	int nbid;               /* block ids are below this */
	Block **block;          /* by block id (reachable blocks only) */
	Block **rpo;            /* reachable blocks, reverse post-order */
	int nrpo;
	int *bloop;             /* by block id: innermost loop or -1 */
	Loop *loops;
	int nloops;
	int *loop_order;        /* inner loops first */
	int **preds;            /* by block id: predecessors' ids, exceptional edges too */
	int *npreds;
	Instr **def;            /* by value id */
	int *use_start;         /* by value id: uses[use_start[v] .. use_start[v+1]) */
	Instr **uses;
	int *cls;               /* by value id: the object class (same object) */
	bool *named;            /* by value id: a Python variable holds it */
	/* by region (0 the function, l + 1 loop l): its blocks and the headers
	 * of the loops directly inside it, in reverse post-order */
	int *region_start, *region_nodes;
	/* by class root: its members; the instructions that may grow it, or
	 * one of its items; the loop its outermost member is made in */
	int *member_start, *members;
	int *site_start;
	Instr **sites;
	int *isite_start;
	Instr **isites;
	int *cregion;
	Instr **stores;         /* slot_store and cell_store */
	int nstores;
} FnInfo;

typedef struct CallRes {
	const AVal *ret;
	const Sym *ret_fresh;   /* bytes the result owns, made by the call */
	const Sym *escaped;     /* bytes the call leaves to objects it did not make */
	const Sym *peak;        /* bytes made by the call alive at its peak */
	uint64_t mutates;       /* bit i: may grow what parameter i reaches */
	uint64_t escapes;       /* bit i: may keep parameter i's object past the call */
	bool mutates_unknown;   /* may grow objects it cannot name */
} CallRes;

/* A record of bytes that live together: made at `site` (an instruction),
 * owned by `owner` (the value whose lifetime they share), `amount` per
 * execution, or in total when `once` (a container's growth). */
typedef struct Rec {
	Instr *site;
	Instr *owner;           /* NULL: objects made before the call (external) */
	const Sym *amount;
	bool once;
} Rec;

typedef struct FnCtx FnCtx;
struct FnCtx {
	MemEst *E;
	FnInfo *I;
	FnCtx *caller;
	const AVal **args;
	int nargs;
	bool rooted;            /* reached from the module body */
	const AVal **val;       /* by value id */
	const Sym **alloc;      /* by value id: bytes one execution makes and keeps */
	const Sym **extra;      /* by value id: bytes it makes and frees again */
	bool *taken;            /* by value id: alloc is an item taken out of a
	                         * container, counted only if it is kept elsewhere */
	CallRes **calls;        /* by value id: user calls */
	MemAtom **items;        /* by loop */
	struct Measure { int loop; const char *sep; MemAtom *atom; } *measures;
	int nmeasures, cap_measures;
	const Sym **trips;      /* by loop */
	/* growth records found by the ops (csv buffers): site, receiver, bytes */
	Rec *once;
	int nonce, cap_once;
	/* per round */
	const AVal **final;     /* by class root: the object after all growth */
	const AVal **prev_final; /* the same, the round before */
	bool *final_busy;
	const AVal **slots;     /* slot_load: by slot name index */
	const AVal *ret;
	Instr *cur;             /* the instruction being transferred */
	bool changed;
	int round;
	/* results */
	CallRes res;
	const Sym **stmt_peak, **stmt_live;
};

/* The value of v as its uses see it: after everything this function adds
 * to it (appends, item assignments). */
const AVal *fn_get(FnCtx *X, Instr *v);
/* Loop `l` of the instruction's block, and the atom of its item. */
int fn_loop_of(FnCtx *X, const Instr *in);
MemAtom *fn_item(FnCtx *X, int loop);
/* The count of `sep` in the item of the loop whose item atom is `line`
 * (a line of file `path`): summed over the loop, file_count(path, sep). */
const Sym *fn_sep_count(FnCtx *X, const MemAtom *line, const char *path, const char *sep);
void fn_add_once(FnCtx *X, Instr *site, Instr *receiver, const Sym *bytes);
/* s per execution of a block in loop `from`, summed over the loops
 * around it up to (not including) loop `upto`'s. */
const Sym *fn_over_loops(FnCtx *X, int from, int upto, const Sym *s);
/* Whether v's object was made in this function (not reached through a
 * parameter, a module-level name or an attribute). */
bool fn_local_object(FnCtx *X, Instr *v);
/* The analysis of a user function with these arguments (memoized). */
const CallRes *fn_call(FnCtx *X, Function *g, const Instr *mkfn, const AVal **args, int nargs,
                       const char *const *kwnames, int nkw);

/* ---- memest_ops.c, memest_builtins.c: what each instruction makes ---- */

/* What CPython 3.11 makes beside the objects pysize.c sizes, measured with
 * tracemalloc and rounded up (docs/memest.md). */
enum {
	C_FUNC = 152,           /* a function object */
	C_ITER = 56,            /* a list, tuple, str, set, dict or range iterator */
	C_RANGE = 48,
	C_VIEW = 48,            /* dict.items(), keys(), values() */
	C_ENUM = 72,            /* enumerate, zip, reversed objects */
	C_SLICE = 56,
	C_CELL = 48,
	C_BOUND = 72,           /* a bound method or builtin method object */
	/* open(): FileIO, BufferedReader/Writer and its 4 KiB buffer (a file
	 * system's block size), TextIOWrapper, its decoder or encoder */
	C_FILE = 6144,
	/* reading text: a chunk of 8 KiB read as bytes and decoded to str */
	C_FILE_READ = 10240,
	/* writing text: up to 8 KiB of pending strs, their list, and the
	 * bytes they are joined into when flushed */
	C_FILE_WRITE = 18432,
	/* print: the method lookup, str() of each argument and its bytes on
	 * their way to a line-buffered or unbuffered stdout; the first print of
	 * a process sets up 344 bytes more */
	C_PRINT = 256 + 384,
	C_CSV_WRITER = 256,
	C_CSV_RECORD = 131072 + 512, /* the writer's record buffer: 32768 UCS-4 characters */
	C_EXC = 1024,           /* an exception, its args and traceback */
	C_SORT_PER_ITEM = 4,    /* timsort's merge area: n/2 pointers */
	C_ROUND = 128,          /* round(x, n) goes through a decimal string */
	C_INT_PARSE = 96,
	C_SUM_TEMP = 56,        /* sum(): the iterator and a running float */
	/* str(), repr(), format() of a number or with a spec: the digits'
	 * buffer and a unicode writer, beside the result (measured 80-130) */
	C_TEXT = 160,
};



/* Sets X->val, X->alloc, X->extra (and X->calls) of a value instruction;
 * notes the effects of the others. */
void ops_transfer(FnCtx *X, Instr *in);
/* How many items one execution of `in` adds to the object `recv`, the
 * item it adds (NULL: none), and whether it replaces instead. */
typedef struct Growth {
	const Sym *count;
	const AVal *item;       /* the key, for a dict */
	const AVal *value;      /* dicts: the value */
	bool replace;           /* a list item assignment: no new slot */
	bool unknown;           /* grows by an unknown amount */
} Growth;
bool ops_growth(FnCtx *X, Instr *in, Instr *recv, Growth *g);
/* Whether `in` stores its operand `arg` into another object (whose
 * lifetime it then shares): the receiver, or NULL with *escapes set when
 * it may go anywhere. */
Instr *ops_stored_into(FnCtx *X, Instr *in, int arg, bool *escapes);
/* Whether `user` keeps its operand alive as long as itself (iterators,
 * views). */
bool ops_keeps_alive(const Instr *user, int arg);
/* The value of a constant instruction. */
const AVal *ops_const(MemEst *E, const Instr *c);
/* The import cost of a module; MEM_INF for a module not modelled. */
uint64_t ops_import_bytes(const char *module);

/* ---- memest.c ---- */

struct MemEstimates {
	Arena arena;
	SymCtx S;
	IRModule *m;
	const SummaryTable *T;
	FnInfo **info;          /* by function index */
	/* module-level names functions read: name -> value */
	const char **gnames;
	const AVal **gvals;
	int ng, gcap;
	void *gindex, *mindex;  /* hash indexes of gnames and memo_keys (memest.c) */
	uint64_t gversion;
	/* memo of analyses: key -> context */
	char **memo_keys;
	FnCtx **memo_ctx;
	int nmemo, memo_cap;
	int depth;
	long budget;            /* instructions analyzed: past it, calls are unknown */
	FnCtx **stack;
	int nstack;
	/* per function, the maximum over its contexts */
	struct FnOut *out;
	MemStmt **stmts;        /* by function index: the results, as printed */
	MemSize *call_peaks;
	MemSize **values;       /* by function index, by value id: made on demand */
	FnCtx **all;            /* every context, freed at the end */
	int nall, all_cap;
};

const AVal *mem_global(MemEst *E, const char *name);
void mem_set_global(MemEst *E, const char *name, const AVal *v);
FnInfo *mem_info(MemEst *E, Function *f);
/* Runs the analysis of one function under one context (memest_walk.c):
 * fn_values (memest_fn.c), then owners and the walk. */
void fn_analyze(FnCtx *X);
void fn_values(FnCtx *X);
/* What memest_fn.c and memest_walk.c share of the CFG and the values. */
bool fn_python_name(const char *n);
bool fn_live(const Instr *in);
int fn_nsucc(const Block *b, Block **out);
/* Whether loop l is a or inside a (every loop is inside -1, the body). */
bool fn_loop_within(const FnInfo *I, int l, int a);
/* The loop directly inside `region` that contains loop l, or -1. */
int fn_child_of(const FnInfo *I, int region, int l);
/* The container whose item v is (getitem, a loop's item, get, setdefault,
 * an element of an unpacked item), or NULL; the outermost such. */
Instr *fn_item_parent(Instr *v);
Instr *fn_top_container(Instr *v);
/* The region a class's objects are made in (its outermost member's loop). */
int fn_class_region(FnCtx *X, int root);
/* An object made before the call: a parameter, a module name, ... */
bool fn_external(const Instr *v);
FnInfo *fninfo_build(MemEst *E, Function *f);
void fninfo_free(FnInfo *I);
void fnctx_free(FnCtx *X);
/* A generator expression: how many items it yields (summed over its
 * loops) and the most bytes one item makes. */
const Sym *fn_yield_count(FnCtx *X);
const Sym *fn_yield_fresh(FnCtx *X);

/* The bytes of a function object (memest_value.c). */
extern const int memest_func_bytes;

/* ---- shared by memest_ops.c and memest_builtins.c (after MemEst) ---- */

/* What one instruction gives and makes. */
typedef struct Out {
	const AVal *val;
	const Sym *alloc;
	const Sym *extra;
	bool taken;             /* alloc is an item taken out (see FnCtx.taken) */
} Out;

static inline const AVal *A(FnCtx *X, Instr *v)
{
	return fn_get(X, v);
}

static inline Instr *arg(Instr *in, int i)
{
	return i < in->args.len ? ir_resolve(in->args.items[i]) : NULL;
}

static inline const Sym *num(MemEst *E, uint64_t v)
{
	return sym_num(&E->S, v);
}

static inline const Sym *unk(MemEst *E)
{
	return sym_unknown(&E->S);
}

/* The keyword argument `name` of a call, or NULL. */
static inline Instr *kwarg(Instr *in, const char *name)
{
	int npos = in->args.len - in->nkw;
	for (int k = 0; k < in->nkw; k++)
		if (in->kwnames && in->kwnames[k] && strcmp(in->kwnames[k], name) == 0)
			return ir_resolve(in->args.items[npos + k]);
	return NULL;
}

static inline bool is_const_str(const Instr *v, const char **s, size_t *n)
{
	if (!v || v->op != OP_CONST || v->imm.constant.kind != K_STR)
		return false;
	*s = v->imm.constant.s.s;
	*n = v->imm.constant.s.len;
	return true;
}

static inline bool const_int(const AVal *a, int64_t *v)
{
	if (a->kind != AK_INT || a->lo != a->hi)
		return false;
	*v = a->lo;
	return true;
}

/* A new object like a (what an int, float or str costs to make). */
const Sym *ops_fresh_bytes(MemEst *E, const AVal *a);
/* The bytes iterating a makes for each item, and for all of them. */
const Sym *ops_item_fresh(MemEst *E, const AVal *a, const AVal *item);
const Sym *ops_items_fresh(MemEst *E, const AVal *a);
/* Iterating any value: what its items are. */
const AVal *ops_iterable(MemEst *E, const AVal *a);
bool ops_sized(const AVal *a);
const AVal *ops_int_op(MemEst *E, BinOpKind op, const AVal *x, const AVal *y);
/* A numeric operation whose result is a float (one operand a float, or
 * `/`), with its range. */
const AVal *ops_float_op(MemEst *E, BinOpKind op, const AVal *x, const AVal *y);
/* The str format(v, spec) or an f-string's {v!conv:spec} makes (conv 'r',
 * 's', 'a' or 0; spec NULL: none), or NULL when it has no bound. */
const AVal *ops_format(MemEst *E, const AVal *v, const char *spec, size_t n, int conv);
/* What formatting v under a spec of n bytes into r makes and frees. */
const Sym *ops_format_extra(MemEst *E, const AVal *v, size_t n, const AVal *r);
/* The str "fmt" % y makes, fmt a constant of n bytes; NULL: no bound. */
const AVal *ops_percent(MemEst *E, const char *fmt, size_t n, const AVal *y);
/* The largest |x| of an int's or float's range, AV_INF when unbounded. */
int64_t ops_max_mag(const AVal *a);
int64_t ops_sadd(int64_t a, int64_t b);
int64_t ops_smul(int64_t a, int64_t b);
void ops_call(FnCtx *X, Instr *in, Out *o);
void ops_call_method(FnCtx *X, Instr *in, Out *o);

#endif
