/* ast.h: the abstract syntax tree of the Surge Python subset.
 *
 * Nodes mirror CPython's ast module (Assign, BinOp, comprehension, ...) so
 * a reader who knows Python's AST knows this one. Every node carries its
 * source range. All nodes live in the compilation's arena. */
#ifndef SURGE_AST_H
#define SURGE_AST_H

#include "support/support.h"

typedef struct Expr Expr;
typedef struct Stmt Stmt;

/* Counted arrays of nodes, grown in the arena while parsing. */
DEFINE_VEC(ExprList, Expr *, exprlist_push)
DEFINE_VEC(StmtList, Stmt *, stmtlist_push)

/* A string literal's value: UTF-8 bytes, may hold NUL. */
typedef struct Str { const char *s; size_t len; } Str;

#define AST_BINOPS(X)                                                    \
	X(ADD, "+") X(SUB, "-") X(MUL, "*") X(DIV, "/") X(FLOORDIV, "//") \
	X(MOD, "%") X(POW, "**") X(LSHIFT, "<<") X(RSHIFT, ">>")            \
	X(BITOR, "|") X(BITXOR, "^") X(BITAND, "&")

typedef enum BinOpKind {
#define X(k, s) BINOP_##k,
	AST_BINOPS(X)
#undef X
} BinOpKind;

typedef enum UnaryOpKind { UNARY_NEG, UNARY_POS, UNARY_INVERT, UNARY_NOT } UnaryOpKind;
typedef enum BoolOpKind { BOOLOP_AND, BOOLOP_OR } BoolOpKind;

#define AST_CMPOPS(X)                                                   \
	X(EQ, "==") X(NE, "!=") X(LT, "<") X(LE, "<=") X(GT, ">")          \
	X(GE, ">=") X(IS, "is") X(ISNOT, "is not") X(IN, "in")             \
	X(NOTIN, "not in")

typedef enum CmpOpKind {
#define X(k, s) CMP_##k,
	AST_CMPOPS(X)
#undef X
} CmpOpKind;

DEFINE_VEC(CmpOpList, CmpOpKind, cmpoplist_push)

/* Whether a name, attribute, subscript or display is read, assigned or
 * deleted; set when the parser turns an expression into a target. */
typedef enum ExprCtx { CTX_LOAD, CTX_STORE, CTX_DEL } ExprCtx;

#define AST_EXPR_KINDS(X)                                         \
	X(NAME, "Name") X(NONE, "None") X(TRUE, "True")              \
	X(FALSE, "False") X(INT, "Int") X(FLOAT, "Float")             \
	X(STR, "Str") X(JOINEDSTR, "JoinedStr")                       \
	X(FORMATTED, "FormattedValue") X(BOOLOP, "BoolOp")            \
	X(BINOP, "BinOp") X(UNARYOP, "UnaryOp") X(COMPARE, "Compare") \
	X(IFEXP, "IfExp") X(LAMBDA, "Lambda") X(CALL, "Call")         \
	X(ATTRIBUTE, "Attribute") X(SUBSCRIPT, "Subscript")           \
	X(SLICE, "Slice") X(LIST, "List") X(TUPLE, "Tuple")           \
	X(SET, "Set") X(DICT, "Dict") X(LISTCOMP, "ListComp")         \
	X(SETCOMP, "SetComp") X(DICTCOMP, "DictComp")                 \
	X(GENEXP, "GeneratorExp")

typedef enum ExprKind {
#define X(k, s) EXPR_##k,
	AST_EXPR_KINDS(X)
#undef X
} ExprKind;

/* A default-able parameter of a def or lambda. */
typedef struct Param {
	const char *name;
	Expr *default_value;   /* NULL when none */
	SrcRange range;
} Param;

DEFINE_VEC(ParamList, Param *, paramlist_push)

/* name=value in a call. */
typedef struct Keyword {
	const char *name;
	Expr *value;
	SrcRange range;
} Keyword;

DEFINE_VEC(KeywordList, Keyword *, keywordlist_push)

/* One `for target in iter if cond...` clause of a comprehension. */
typedef struct Comprehension {
	Expr *target;
	Expr *iter;
	ExprList ifs;
} Comprehension;

DEFINE_VEC(ComprehensionList, Comprehension *, complist_push)

struct Expr {
	ExprKind kind;
	SrcRange range;
	/* How many pairs of parentheses the expression was written in, so
	 * `(a) = 1` and `a = 1` differ only here, and `with (a, b):` (two
	 * context managers) can be told from `with ((a, b)):` (one tuple). */
	uint8_t parenthesized;
	union {
		struct { const char *id; ExprCtx ctx; } name;
		/* Decimal digits of any size (no sign, no underscores); `small`
		 * holds the value when it fits, as `fits` says. */
		struct { const char *digits; int64_t small; bool fits; } int_;
		/* The value and the literal as written, for faithful dumps. */
		struct { double value; const char *text; } float_;
		Str str;
		struct { ExprList values; } joined;     /* Str and FormattedValue */
		/* conversion is 0, 'r', 's' or 'a'; spec is a JoinedStr or NULL */
		struct { Expr *value; int conversion; Expr *spec; } formatted;
		struct { BoolOpKind op; ExprList values; } boolop;
		struct { BinOpKind op; Expr *left, *right; } binop;
		struct { UnaryOpKind op; Expr *operand; } unaryop;
		struct { Expr *left; CmpOpList ops; ExprList comparators; } compare;
		struct { Expr *test, *body, *orelse; } ifexp;
		struct { ParamList params; Expr *body; } lambda;
		struct { Expr *func; ExprList args; KeywordList keywords; } call;
		struct { Expr *value; const char *attr; ExprCtx ctx; } attribute;
		struct { Expr *value; Expr *index; ExprCtx ctx; } subscript;
		struct { Expr *lower, *upper, *step; } slice;  /* each may be NULL */
		struct { ExprList elts; ExprCtx ctx; } seq;     /* List, Tuple, Set */
		struct { ExprList keys, values; } dict;
		/* ListComp, SetComp, GeneratorExp use elt; DictComp key and elt. */
		struct { Expr *key, *elt; ComprehensionList generators; } comp;
	} u;
};

typedef struct Alias {
	const char *name;      /* dotted for `import os.path` */
	const char *asname;    /* NULL when none */
	SrcRange range;
} Alias;

DEFINE_VEC(AliasList, Alias *, aliaslist_push)

typedef struct ExceptHandler {
	Expr *type;            /* NULL for a bare except */
	const char *name;      /* `as name`, NULL when none */
	StmtList body;
	SrcRange range;
} ExceptHandler;

DEFINE_VEC(HandlerList, ExceptHandler *, handlerlist_push)

typedef struct WithItem {
	Expr *context;
	Expr *target;          /* NULL when no `as` */
} WithItem;

DEFINE_VEC(WithItemList, WithItem *, withitemlist_push)

#define AST_STMT_KINDS(X)                                              \
	X(FUNCTIONDEF, "FunctionDef") X(RETURN, "Return")                 \
	X(ASSIGN, "Assign") X(AUGASSIGN, "AugAssign") X(EXPR, "Expr")     \
	X(IF, "If") X(WHILE, "While") X(FOR, "For") X(BREAK, "Break")      \
	X(CONTINUE, "Continue") X(PASS, "Pass") X(TRY, "Try")             \
	X(RAISE, "Raise") X(WITH, "With") X(DELETE, "Delete")             \
	X(ASSERT, "Assert") X(IMPORT, "Import") X(IMPORTFROM, "ImportFrom")

typedef enum StmtKind {
#define X(k, s) STMT_##k,
	AST_STMT_KINDS(X)
#undef X
} StmtKind;

struct Stmt {
	StmtKind kind;
	SrcRange range;
	union {
		struct { const char *name; ParamList params; StmtList body; } funcdef;
		struct { Expr *value; } ret;                  /* value may be NULL */
		/* a = b = value: targets in source order */
		struct { ExprList targets; Expr *value; } assign;
		struct { Expr *target; BinOpKind op; Expr *value; } augassign;
		struct { Expr *value; } expr;
		/* If and While; an elif is an If alone in orelse */
		struct { Expr *test; StmtList body, orelse; } cond;
		struct { Expr *target, *iter; StmtList body, orelse; } for_;
		struct { StmtList body; HandlerList handlers; StmtList orelse, finalbody; } try_;
		struct { Expr *exc, *cause; } raise;          /* both may be NULL */
		struct { WithItemList items; StmtList body; } with;
		struct { ExprList targets; } delete_;
		struct { Expr *test, *msg; } assert_;
		struct { AliasList names; } import;
		struct { const char *module; SrcRange module_range; AliasList names; } importfrom;
	} u;
};

typedef struct Module {
	StmtList body;
} Module;

/* ast.c */

const char *binop_symbol(BinOpKind op);
const char *binop_name(BinOpKind op);
const char *cmpop_symbol(CmpOpKind op);
const char *expr_kind_name(ExprKind k);
const char *stmt_kind_name(StmtKind k);

Expr *mkexpr(Arena *a, ExprKind kind, SrcRange r);
Stmt *mkstmt(Arena *a, StmtKind kind, SrcRange r);

/* The module's statements as a script runs them: the body of a top-level
 * `if __name__ == '__main__':` (without else) stands in its place, since a
 * program surgec compiles always runs as the main module. The analyses
 * and the task partition then see the statements of a RunSurge entry
 * block one by one. Returns &m->body when there is no such guard. */
const StmtList *ast_script_body(Arena *a, const Module *m);

/* ast_dump.c */

/* Writes the readable tree of -ast-dump: one node a line, two spaces per
 * level, each with <line:col-line:col>. */
void ast_dump(StrBuf *out, const Module *m);
void ast_dump_expr(StrBuf *out, const Expr *e, int depth);

#endif
