/* ast.c: node constructors and the names of node kinds and operators. */
#include "frontend/ast.h"

static const char *const binop_symbols[] = {
#define X(k, s) s,
	AST_BINOPS(X)
#undef X
};

static const char *const binop_names[] = {
#define X(k, s) #k,
	AST_BINOPS(X)
#undef X
};

static const char *const cmpop_symbols[] = {
#define X(k, s) s,
	AST_CMPOPS(X)
#undef X
};

static const char *const expr_names[] = {
#define X(k, s) s,
	AST_EXPR_KINDS(X)
#undef X
};

static const char *const stmt_names[] = {
#define X(k, s) s,
	AST_STMT_KINDS(X)
#undef X
};

const char *binop_symbol(BinOpKind op) { return binop_symbols[op]; }
const char *binop_name(BinOpKind op) { return binop_names[op]; }
const char *cmpop_symbol(CmpOpKind op) { return cmpop_symbols[op]; }
const char *expr_kind_name(ExprKind k) { return expr_names[k]; }
const char *stmt_kind_name(StmtKind k) { return stmt_names[k]; }

Expr *mkexpr(Arena *a, ExprKind kind, SrcRange r)
{
	Expr *e = arena_alloc(a, sizeof *e);
	e->kind = kind;
	e->range = r;
	return e;
}

Stmt *mkstmt(Arena *a, StmtKind kind, SrcRange r)
{
	Stmt *s = arena_alloc(a, sizeof *s);
	s->kind = kind;
	s->range = r;
	return s;
}
