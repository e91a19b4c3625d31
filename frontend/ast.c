/* ast.c: node constructors and the names of node kinds and operators. */
#include "frontend/ast.h"

#include <string.h>

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

/* `if __name__ == '__main__':` (either operand order), no else. */
static bool is_main_guard(const Stmt *s)
{
	if (s->kind != STMT_IF || s->u.cond.orelse.len != 0)
		return false;
	const Expr *t = s->u.cond.test;
	if (t->kind != EXPR_COMPARE || t->u.compare.ops.len != 1 ||
	    t->u.compare.ops.items[0] != CMP_EQ)
		return false;
	const Expr *a = t->u.compare.left, *b = t->u.compare.comparators.items[0];
	if (a->kind == EXPR_STR) {
		const Expr *x = a;
		a = b;
		b = x;
	}
	return a->kind == EXPR_NAME && strcmp(a->u.name.id, "__name__") == 0 &&
	       b->kind == EXPR_STR && b->u.str.len == 8 && memcmp(b->u.str.s, "__main__", 8) == 0;
}

const StmtList *ast_script_body(Arena *a, const Module *m)
{
	bool any = false;
	for (int i = 0; i < m->body.len; i++)
		any |= is_main_guard(m->body.items[i]);
	if (!any)
		return &m->body;
	StmtList *out = arena_alloc(a, sizeof *out);
	*out = (StmtList){0};
	for (int i = 0; i < m->body.len; i++) {
		const Stmt *s = m->body.items[i];
		if (!is_main_guard(s)) {
			stmtlist_push(a, out, (Stmt *)s);
			continue;
		}
		for (int k = 0; k < s->u.cond.body.len; k++)
			stmtlist_push(a, out, s->u.cond.body.items[k]);
	}
	return out;
}
