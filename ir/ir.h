/* ir.h: the SSA IR every pass works on and both backends read.
 *
 * A Module holds Functions (the module body is one too, `<module>`); a
 * Function holds Blocks; a Block holds phi nodes, then three-address
 * instructions, then one terminator. An instruction that produces a value
 * *is* that value (as in LLVM): operands point at instructions.
 *
 * Each instruction keeps its source location and the id of the top-level
 * statement of its function it came from: the dependence graph and the
 * partitioner work on those statements. Each value has a static type
 * (int, float, str, list[int], ...) or `object` when unknown: the memory
 * estimator and the LLVM backend need them.
 *
 * Python's structured control flow (if, while, for, try, with) is recorded
 * as Regions so the Python emitter can rebuild it without a relooper.
 *
 * Variables that an exception may carry into a handler, a finally block or
 * past the try statement are not in SSA form: they live in named slots
 * (slot_load/slot_store), as variables captured by nested functions live
 * in cells. Everything else is SSA. */
#ifndef SURGE_IR_H
#define SURGE_IR_H

#include "frontend/ast.h"

typedef struct Type Type;
typedef struct Instr Instr;
typedef struct Block Block;
typedef struct Function Function;
typedef struct Region Region;
typedef struct IRModule IRModule;

/* ---- types.c ---- */

#define IR_TYPES(X)                                                        \
	X(OBJECT, "object") X(NONE, "none") X(BOOL, "bool") X(INT, "int")  \
	X(FLOAT, "float") X(STR, "str") X(LIST, "list") X(TUPLE, "tuple")   \
	X(DICT, "dict") X(SET, "set") X(RANGE, "range") X(FUNC, "func")     \
	X(MODULE, "module") X(FILE, "file") X(ITER, "iter")                 \
	X(SLICE, "slice") X(EXC, "exception")

typedef enum TypeKind {
#define X(k, s) TY_##k,
	IR_TYPES(X)
#undef X
} TypeKind;

/* Types are interned: two types are equal exactly when their pointers are. */
struct Type {
	TypeKind kind;
	const Type *elem;      /* list, set, iter: items; dict: values */
	const Type *key;       /* dict: keys */
};

DEFINE_VEC(TypeVec, const Type *, typevec_push)

typedef struct TypeTable {
	Arena *arena;
	const Type *basic[TY_EXC + 1];
	TypeVec composite;
} TypeTable;

void types_init(TypeTable *t, Arena *a);
const Type *type_basic(TypeTable *t, TypeKind k);
const Type *type_container(TypeTable *t, TypeKind k, const Type *key, const Type *elem);
/* The most precise type that holds both (object when they differ). */
const Type *type_join(TypeTable *t, const Type *a, const Type *b);
void type_print(StrBuf *out, const Type *t);
/* A set, or a container that may hold one: a value whose copy in another
 * process may iterate in another order (a set unpickles as its items
 * inserted again, and items whose hashes collided land elsewhere). An
 * unknown type, or a container of unknown items, may hold one when
 * `unknown` says so. */
bool type_may_hold_set(const Type *t, bool unknown);

/* ---- ir.c ---- */

/* Opcodes. The third column says whether the instruction yields a value. */
#define IR_OPS(X)                                                             \
	/* values */                                                          \
	X(CONST, "const", 1)        /* imm.constant */                        \
	X(PARAM, "param", 1)        /* imm.index, name */                     \
	X(PHI, "phi", 1)            /* args parallel to block->preds */       \
	X(UNDEF, "undef", 1)        /* a variable not bound here (name) */    \
	X(BINOP, "binop", 1)        /* imm.binop */                           \
	X(UNARY, "unary", 1)        /* imm.unary */                           \
	X(COMPARE, "cmp", 1)        /* imm.cmp: one operator, chains branch */ \
	X(BUILTIN, "builtin", 1)    /* imm.name: print, len, range, ... */    \
	X(IMPORT, "import", 1)      /* imm.name: the module */                \
	X(LOAD_GLOBAL, "load_global", 1)   /* imm.name */                     \
	X(STORE_GLOBAL, "store_global", 0) /* imm.name, value */              \
	X(SLOT_LOAD, "slot_load", 1)       /* imm.name */                     \
	X(SLOT_STORE, "slot_store", 0)     /* imm.name, value */              \
	X(CELL_NEW, "cell_new", 1)         /* imm.name */                     \
	X(CELL_LOAD, "cell_load", 1)       /* cell */                         \
	X(CELL_STORE, "cell_store", 0)     /* cell, value */                  \
	X(MAKE_FUNCTION, "make_function", 1) /* imm.fn; defaults, cells */    \
	X(CALL, "call", 1)          /* callee, args...; imm.kwnames */        \
	X(CALL_DIRECT, "call_direct", 1) /* imm.fn; args...; imm.kwnames */  \
	X(CALL_METHOD, "call_method", 1) /* obj, args...; imm.name, kwnames */ \
	X(GETATTR, "getattr", 1)    /* obj; imm.name */                       \
	X(SETATTR, "setattr", 0)    /* obj, value; imm.name */                \
	X(GETITEM, "getitem", 1)    /* obj, index */                          \
	X(SETITEM, "setitem", 0)    /* obj, index, value */                   \
	X(DELITEM, "delitem", 0)    /* obj, index */                          \
	X(DELATTR, "delattr", 0)    /* obj; imm.name */                       \
	X(SLICE, "slice", 1)        /* lower, upper, step (none if omitted) */ \
	X(BUILD_LIST, "build_list", 1)                                        \
	X(BUILD_TUPLE, "build_tuple", 1)                                      \
	X(BUILD_SET, "build_set", 1)                                          \
	X(BUILD_DICT, "build_dict", 1)  /* key, value, key, value, ... */     \
	X(LIST_APPEND, "list_append", 0) /* list, item: comprehensions */     \
	X(SET_ADD, "set_add", 0)         /* set, item */                      \
	X(DICT_PUT, "dict_put", 0)       /* dict, key, value */               \
	X(UNPACK, "unpack", 1)      /* iterable; imm.index = count expected */ \
	X(EXTRACT, "extract", 1)    /* unpacked; imm.index */                 \
	X(ITER, "iter", 1)          /* iter(x) */                             \
	X(FORMAT, "format", 1)      /* value[, spec]; imm.index = conversion */ \
	X(JOIN_STR, "join_str", 1)  /* parts: f-strings */                    \
	X(WITH_ENTER, "with_enter", 1) /* manager: the value of `as` */       \
	X(WITH_EXIT, "with_exit", 0)   /* manager: normal exit */             \
	X(CUR_EXC, "current_exc", 1)   /* in a handler: the exception */      \
	X(EXC_MATCH, "exc_match", 1)   /* type: does the exception match */   \
	X(YIELD, "yield", 0)           /* value: generator expressions only */ \
	/* out of SSA only (Function.out_of_ssa) */                          \
	X(COPY, "copy", 0)          /* src; assigns it to the register dest */ \
	/* terminators */                                                     \
	X(BR, "br", 0)              /* succ[0] */                             \
	X(CONDBR, "condbr", 0)      /* cond (truthiness); succ[0] if true */  \
	X(ITERNEXT, "iternext", 1)  /* iter: the next item into succ[0], */   \
	                            /* succ[1] when exhausted */              \
	X(RET, "ret", 0)            /* value */                               \
	X(RAISE, "raise", 0)        /* [exc[, cause]]: none re-raises */      \
	X(UNREACHABLE, "unreachable", 0)

typedef enum Op {
#define X(k, s, v) OP_##k,
	IR_OPS(X)
#undef X
	OP_COUNT
} Op;

typedef enum ConstKind { K_NONE, K_TRUE, K_FALSE, K_INT, K_FLOAT, K_STR } ConstKind;

typedef struct Constant {
	ConstKind kind;
	int64_t i;              /* K_INT when fits */
	const char *digits;     /* K_INT: decimal digits, any size (sign apart) */
	bool negative;
	bool fits;
	double f;               /* K_FLOAT */
	const char *text;       /* K_FLOAT: as written, for exact printing */
	Str s;                  /* K_STR */
} Constant;

DEFINE_VEC(InstrVec, Instr *, instrvec_push)
DEFINE_VEC(BlockVec, Block *, blockvec_push)
DEFINE_VEC(NameVec, const char *, namevec_push)

struct Instr {
	Op op;
	int id;                 /* value number %id, unique in the function */
	const Type *type;
	SrcRange loc;
	int stmt;               /* top-level statement of the function, 0-based */
	Block *block;
	InstrVec args;
	/* Python variable this value was assigned to, if any: the emitter
	 * keeps original names where SSA allows. */
	const char *name;
	Instr *replaced;        /* set when a pass replaced it; see ir_resolve */
	bool dead;
	bool inplace;           /* BINOP of an augmented assignment: x += y
	                         * extends a list in place, x = x + y does not */
	union {
		Constant constant;
		BinOpKind binop;
		UnaryOpKind unary;
		CmpOpKind cmp;
		const char *name;
		int index;
		Function *fn;
	} imm;
	const char *const *kwnames;  /* calls: names of the last nkw args */
	int nkw;
	Block *succ[2];              /* terminators */
	Instr *dest;                 /* COPY: the register it assigns, one
	                              * of Function.vars */
};

struct Block {
	int id;
	Function *fn;
	BlockVec preds;
	InstrVec phis;
	InstrVec instrs;        /* the last one is the terminator */
	/* The handler an exception raised in this block goes to, or NULL
	 * when it leaves the function. */
	Block *handler;
	bool sealed;            /* all predecessors known (SSA construction) */
	int rpo;                /* reverse post-order number, -1 unreachable */
	Block *idom;
	/* Pre/post order numbers in the dominator tree (-1 unreachable),
	 * set by ir_fill_dominators; ir_dominates compares them. */
	int dom_pre, dom_post;
	const char *label;      /* what the block is, for readers: "for.body" */
	int stmt;               /* the top-level statement that made it */
};

typedef enum RegionKind { RG_IF, RG_WHILE, RG_FOR, RG_TRY, RG_WITH } RegionKind;

DEFINE_VEC(RegionVec, Region *, regionvec_push)

/* A structured statement: the blocks that start each of its parts. */
struct Region {
	RegionKind kind;
	int stmt;
	SrcRange loc;
	Block *head;            /* the test, the loop header, the try entry */
	Block *body;
	Block *orelse;          /* else part, NULL if none */
	Block *handlers;        /* try: where exceptions go; NULL if none */
	Block *final;           /* try: the exceptional copy of finally */
	Block *exit;            /* where control continues */
	Region *parent;
};

/* `name = value` as a top-level statement of the module body does it. */
typedef struct Binding {
	int stmt;
	const char *name;
	Instr *value;
} Binding;

DEFINE_VEC(BindingVec, Binding, bindingvec_push)

struct Function {
	const char *name;
	IRModule *module;
	Function *parent;       /* the function it is nested in */
	SrcRange loc;
	int nparams;
	BlockVec blocks;        /* blocks[0] is the entry */
	RegionVec regions;
	NameVec slots;          /* variables kept out of SSA (see above) */
	NameVec cells;          /* variables nested functions capture */
	NameVec freevars;       /* captured from enclosing functions */
	int nvalues;
	int nstmts;
	SrcRange *stmt_ranges;  /* [nstmts]: where each top-level statement is */
	/* [nstmts]: the local names each statement reads and assigns, as the
	 * source says them (before SSA renames them): what a name-based
	 * dependence graph would see. */
	NameVec *stmt_reads, *stmt_writes;
	/* Every value a top-level statement binds to a name, in order (module
	 * body only): names that may share an object are found from these. */
	BindingVec binds;
	int index;              /* in module->functions */
	bool is_module;
	bool is_genexp;         /* a generator expression: yields, returns none */
	/* Set by the out-of-ssa pass, the last one to run: phis are gone.
	 * Each was moved, without arguments, to `vars` (its `block` still
	 * names the block it joined at), and became a register that `copy`
	 * instructions assign on the edges into that block, as the phi took
	 * its values; vars also holds the one temporary that breaks cycles
	 * of copies (block NULL). Values other than vars keep one definition
	 * dominating their uses. */
	bool out_of_ssa;
	InstrVec vars;
};

DEFINE_VEC(FunctionVec, Function *, functionvec_push)

struct IRModule {
	Arena *arena;
	TypeTable types;
	FunctionVec functions;  /* functions[0] is <module> */
	const char *filename;
};

IRModule *ir_module_new(Arena *a, const char *filename);
Function *ir_function_new(IRModule *m, const char *name, Function *parent);
Block *ir_block_new(Function *f, const char *label);
Instr *ir_instr_new(Function *f, Op op, const Type *type);
/* Appends to a block; the instruction gets the block. */
void ir_append(Block *b, Instr *i);
void ir_add_arg(Function *f, Instr *i, Instr *arg);
void ir_add_pred(Block *b, Block *pred);
Instr *ir_terminator(const Block *b);  /* NULL while the block is open */
bool ir_is_terminator(Op op);
bool ir_has_value(Op op);
/* Whether removing the instruction could change what the program does:
 * calls, stores, anything that may raise or has an effect. */
bool ir_has_effect(const Instr *i);
const char *ir_op_name(Op op);
int ir_nsuccs(const Instr *term);
/* Follows `replaced` links to the value that stands for i now. */
Instr *ir_resolve(Instr *i);
/* Rewrites every operand of f through ir_resolve and drops dead
 * instructions and phis from their blocks. */
void ir_compact(Function *f);

/* ---- lower.c ---- */

/* Lowers a module that passed sema. Returns NULL after reporting an error
 * (constructs the IR cannot express yet). */
IRModule *ir_lower(Arena *a, DiagEngine *d, const Module *m, const char *filename);

/* ---- print.c ---- */

void ir_print_function(StrBuf *out, const Function *f);
void ir_print_module(StrBuf *out, const IRModule *m);

/* ---- dom.c ---- */

/* Numbers blocks in reverse post-order (from the entry, following normal
 * and exceptional edges) and computes immediate dominators. */
void ir_fill_dominators(Function *f);
bool ir_dominates(const Block *a, const Block *b);

/* ---- verify.c ---- */

/* Checks the invariants every pass relies on; reports each violation on
 * stderr with the function and value. Returns true when all hold. */
bool ir_verify_function(Function *f, StrBuf *errors);
bool ir_verify_module(IRModule *m, StrBuf *errors);

#endif
