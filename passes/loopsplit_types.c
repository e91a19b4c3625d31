/* loopsplit_types.c: which values of a loop are surely ints.
 *
 * Combining a reduction chunk by chunk regroups its operations: an int sum
 * regrouped is the same sum, a float sum is not (rounding), and the best of
 * chunk-local bests is the overall best only under a total order (floats
 * have NaN). So a reduction is split only when its values are provably
 * ints. This is a small syntactic inference, enough for counters, lengths
 * and functions that count: a name is an int when every store of it in its
 * scope stores an int (assumed while being checked, so `n = n + 1` after
 * `n = 0` is one), and a call of a module-level def is one when every
 * return of the def is, and the def cannot fall off its end. */
#include "passes/loopsplit_check.h"

#include <stdlib.h>

/* ---- IR values by source position ---- */

typedef struct LocEntry { SrcRange r; const Instr *in; } LocEntry;

typedef struct LocIndex {
	Function *fn;
	LocEntry *items; int len;
	struct LocIndex *next;
} LocIndex;

static int range_cmp(SrcRange a, SrcRange b)
{
	if (a.line != b.line) return a.line < b.line ? -1 : 1;
	if (a.col != b.col) return a.col < b.col ? -1 : 1;
	if (a.end_line != b.end_line) return a.end_line < b.end_line ? -1 : 1;
	if (a.end_col != b.end_col) return a.end_col < b.end_col ? -1 : 1;
	return 0;
}

static int entry_cmp(const void *x, const void *y)
{
	const LocEntry *a = x, *b = y;
	int c = range_cmp(a->r, b->r);
	return c ? c : (a->in->id > b->in->id) - (a->in->id < b->in->id);
}

static void index_add(LocIndex *ix, int *cap, const Instr *in)
{
	if (in->dead)
		return;
	if (ix->len == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		ix->items = xrealloc(ix->items, (size_t)*cap * sizeof *ix->items);
	}
	ix->items[ix->len++] = (LocEntry){in->loc, in};
}

static LocIndex *index_of(SplitContext *c, Function *f)
{
	for (LocIndex *ix = c->locs; ix; ix = ix->next)
		if (ix->fn == f)
			return ix;
	LocIndex *ix = xcalloc(1, sizeof *ix);
	ix->fn = f;
	int cap = 0;
	for (int b = 0; b < f->blocks.len; b++) {
		const Block *bb = f->blocks.items[b];
		for (int i = 0; i < bb->phis.len; i++)
			index_add(ix, &cap, bb->phis.items[i]);
		for (int i = 0; i < bb->instrs.len; i++)
			index_add(ix, &cap, bb->instrs.items[i]);
	}
	if (ix->len)
		qsort(ix->items, (size_t)ix->len, sizeof *ix->items, entry_cmp);
	ix->next = c->locs;
	c->locs = ix;
	return ix;
}

const Type *split_type_at(SplitContext *c, Function *f, SrcRange r, Op op)
{
	if (!f)
		return NULL;
	LocIndex *ix = index_of(c, f);
	int lo = 0, hi = ix->len;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (range_cmp(ix->items[mid].r, r) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* The value of the whole expression is the last one made there (an
	 * operator's operands come first, with their own ranges). */
	const Instr *found = NULL;
	for (int i = lo; i < ix->len && range_cmp(ix->items[i].r, r) == 0; i++)
		if (op == OP_COUNT || ix->items[i].in->op == op)
			found = ix->items[i].in;
	return found ? found->type : NULL;
}

void split_context_free(SplitContext *c)
{
	while (c->locs) {
		LocIndex *next = c->locs->next;
		free(c->locs->items);
		free(c->locs);
		c->locs = next;
	}
}

static bool ir_int_at(IntScope *s, SrcRange r, Op op)
{
	const Type *t = split_type_at(s->c, s->ir, r, op);
	return t && (t->kind == TY_INT || t->kind == TY_BOOL);
}

void nl_add(NameList *l, const char *s)
{
	if (nl_has(l, s))
		return;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		l->v = xrealloc(l->v, (size_t)l->cap * sizeof *l->v);
	}
	l->v[l->n++] = s;
}

bool nl_has(const NameList *l, const char *s)
{
	for (int i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return true;
	return false;
}

void nl_free(NameList *l)
{
	free(l->v);
	*l = (NameList){0};
}

void target_stores(const Expr *t, NameList *out)
{
	if (!t)
		return;
	if (t->kind == EXPR_NAME)
		nl_add(out, t->u.name.id);
	else if (t->kind == EXPR_TUPLE || t->kind == EXPR_LIST)
		for (int i = 0; i < t->u.seq.elts.len; i++)
			target_stores(t->u.seq.elts.items[i], out);
}

void stmts_stores(const StmtList *l, NameList *out)
{
	for (int i = 0; i < l->len; i++) {
		const Stmt *s = l->items[i];
		switch (s->kind) {
		case STMT_FUNCTIONDEF: nl_add(out, s->u.funcdef.name); break;
		case STMT_ASSIGN:
			for (int t = 0; t < s->u.assign.targets.len; t++)
				target_stores(s->u.assign.targets.items[t], out);
			break;
		case STMT_AUGASSIGN: target_stores(s->u.augassign.target, out); break;
		case STMT_FOR:
			target_stores(s->u.for_.target, out);
			stmts_stores(&s->u.for_.body, out);
			stmts_stores(&s->u.for_.orelse, out);
			break;
		case STMT_IF: case STMT_WHILE:
			stmts_stores(&s->u.cond.body, out);
			stmts_stores(&s->u.cond.orelse, out);
			break;
		case STMT_TRY:
			stmts_stores(&s->u.try_.body, out);
			for (int h = 0; h < s->u.try_.handlers.len; h++) {
				const ExceptHandler *eh = s->u.try_.handlers.items[h];
				if (eh->name)
					nl_add(out, eh->name);
				stmts_stores(&eh->body, out);
			}
			stmts_stores(&s->u.try_.orelse, out);
			stmts_stores(&s->u.try_.finalbody, out);
			break;
		case STMT_WITH:
			for (int w = 0; w < s->u.with.items.len; w++)
				target_stores(s->u.with.items.items[w]->target, out);
			stmts_stores(&s->u.with.body, out);
			break;
		case STMT_DELETE:
			for (int t = 0; t < s->u.delete_.targets.len; t++)
				target_stores(s->u.delete_.targets.items[t], out);
			break;
		case STMT_IMPORT:
			for (int a = 0; a < s->u.import.names.len; a++) {
				const Alias *al = s->u.import.names.items[a];
				nl_add(out, al->asname ? al->asname : al->name);
			}
			break;
		case STMT_IMPORTFROM:
			for (int a = 0; a < s->u.importfrom.names.len; a++) {
				const Alias *al = s->u.importfrom.names.items[a];
				nl_add(out, al->asname ? al->asname : al->name);
			}
			break;
		default:
			break;
		}
	}
}

bool builtin_unshadowed(SplitContext *c, const NameList *locals, const char *name)
{
	if (locals && nl_has(locals, name))
		return false;
	int id = names_intern(c->names, name);
	for (int j = 0; j < c->body->len && j < c->f->nstmts; j++)
		if (idset_has(&c->facts[j].defs, id))
			return false;
	return true;
}

enum { INT_DEPTH = 8 };

/* Names being checked: assumed ints until a store says otherwise. */
typedef struct Assume { const char *name; const struct Assume *up; } Assume;

static bool int_expr(IntScope *s, const Expr *e, const Assume *as);

static bool int_range_call(IntScope *s, const Expr *it)
{
	if (it->kind != EXPR_CALL || it->u.call.func->kind != EXPR_NAME ||
	    strcmp(it->u.call.func->u.name.id, "range") != 0 || it->u.call.keywords.len ||
	    !builtin_unshadowed(s->c, s->unknown, "range"))
		return false;
	return true; /* range() yields ints or raises */
}

/* Every store of `name` in l stores an int; *found counts the stores. */
static bool stores_int(IntScope *s, const StmtList *l, const char *name, const Assume *as, int *found)
{
	for (int i = 0; i < l->len; i++) {
		const Stmt *st = l->items[i];
		NameList here = {0};
		StmtList one = {0};
		Stmt *tmp = (Stmt *)st;
		one.items = &tmp;
		one.len = 1;
		bool compound = st->kind == STMT_FOR || st->kind == STMT_IF || st->kind == STMT_WHILE ||
		                st->kind == STMT_TRY || st->kind == STMT_WITH;
		if (!compound) {
			stmts_stores(&one, &here);
			bool binds = nl_has(&here, name);
			nl_free(&here);
			if (!binds)
				continue;
			++*found;
			if (st->kind == STMT_ASSIGN && st->u.assign.targets.len == 1 &&
			    st->u.assign.targets.items[0]->kind == EXPR_NAME) {
				if (!int_expr(s, st->u.assign.value, as))
					return false;
				continue;
			}
			if (st->kind == STMT_AUGASSIGN && st->u.augassign.target->kind == EXPR_NAME) {
				BinOpKind op = st->u.augassign.op;
				if (op == BINOP_DIV || op == BINOP_POW || !int_expr(s, st->u.augassign.value, as))
					return false;
				continue;
			}
			return false;
		}
		switch (st->kind) {
		case STMT_FOR:
			if (st->u.for_.target->kind == EXPR_NAME && strcmp(st->u.for_.target->u.name.id, name) == 0) {
				++*found;
				if (!int_range_call(s, st->u.for_.iter) &&
				    !ir_int_at(s, st->u.for_.target->range, OP_ITERNEXT))
					return false;
			} else {
				target_stores(st->u.for_.target, &here);
				bool binds = nl_has(&here, name);
				nl_free(&here);
				if (binds)
					return false;
			}
			if (!stores_int(s, &st->u.for_.body, name, as, found) ||
			    !stores_int(s, &st->u.for_.orelse, name, as, found))
				return false;
			break;
		case STMT_IF: case STMT_WHILE:
			if (!stores_int(s, &st->u.cond.body, name, as, found) ||
			    !stores_int(s, &st->u.cond.orelse, name, as, found))
				return false;
			break;
		default:
			/* try and with: stores there are not followed here */
			stmts_stores(&one, &here);
			bool binds = nl_has(&here, name);
			nl_free(&here);
			if (binds)
				return false;
			break;
		}
	}
	return true;
}

static bool param_int(IntScope *s, const char *name)
{
	if (!s->ir)
		return false;
	const Block *entry = s->ir->blocks.len ? s->ir->blocks.items[0] : NULL;
	for (int i = 0; entry && i < entry->instrs.len; i++) {
		const Instr *in = entry->instrs.items[i];
		if (in->op == OP_PARAM && in->name && strcmp(in->name, name) == 0)
			return in->type && (in->type->kind == TY_INT || in->type->kind == TY_BOOL);
	}
	return false;
}

static bool int_name(IntScope *s, const char *name, const Assume *as)
{
	for (const Assume *a = as; a; a = a->up)
		if (strcmp(a->name, name) == 0)
			return true;
	Assume me = {name, as};
	int found = 0;
	if (s->unknown && nl_has(s->unknown, name)) {
		if (!param_int(s, name))
			return false;
		found = 1; /* bound on entry to an int; its other stores follow */
	}
	for (int i = 0; i < s->nlists; i++)
		if (!stores_int(s, s->lists[i], name, &me, &found))
			return false;
	return found > 0;
}

/* The last statement of a body surely leaves it (return or raise). */
static bool ends_in_exit(const StmtList *l)
{
	if (!l->len)
		return false;
	const Stmt *last = l->items[l->len - 1];
	if (last->kind == STMT_RETURN || last->kind == STMT_RAISE)
		return true;
	if (last->kind == STMT_IF)
		return ends_in_exit(&last->u.cond.body) && ends_in_exit(&last->u.cond.orelse);
	return false;
}

static bool returns_int(IntScope *fs, const StmtList *l, const Assume *as)
{
	for (int i = 0; i < l->len; i++) {
		const Stmt *st = l->items[i];
		switch (st->kind) {
		case STMT_RETURN:
			if (!st->u.ret.value || !int_expr(fs, st->u.ret.value, as))
				return false;
			break;
		case STMT_FOR:
			if (!returns_int(fs, &st->u.for_.body, as) || !returns_int(fs, &st->u.for_.orelse, as))
				return false;
			break;
		case STMT_IF: case STMT_WHILE:
			if (!returns_int(fs, &st->u.cond.body, as) || !returns_int(fs, &st->u.cond.orelse, as))
				return false;
			break;
		case STMT_TRY: case STMT_WITH:
			return false; /* a return there is not followed */
		default:
			break;
		}
	}
	return true;
}

static bool int_call(IntScope *s, const Expr *e, const Assume *as)
{
	const Expr *fn = e->u.call.func;
	if (fn->kind != EXPR_NAME)
		return false;
	const char *name = fn->u.name.id;
	if (strcmp(name, "len") == 0 || strcmp(name, "ord") == 0 || strcmp(name, "int") == 0)
		return e->u.call.keywords.len == 0 && builtin_unshadowed(s->c, s->unknown, name);
	if (strcmp(name, "max") == 0 || strcmp(name, "min") == 0 || strcmp(name, "abs") == 0) {
		/* of ints given one by one: one of them, or its absolute value */
		if (e->u.call.keywords.len || !e->u.call.args.len ||
		    (e->u.call.args.len < 2 && strcmp(name, "abs") != 0) ||
		    !builtin_unshadowed(s->c, s->unknown, name))
			return false;
		for (int i = 0; i < e->u.call.args.len; i++)
			if (!int_expr(s, e->u.call.args.items[i], as))
				return false;
		return true;
	}
	if ((s->unknown && nl_has(s->unknown, name)) || s->depth >= INT_DEPTH)
		return false;
	const Stmt *d = split_def_stmt(s->c, name);
	if (!d || !ends_in_exit(&d->u.funcdef.body))
		return false;
	NameList params = {0};
	for (int i = 0; i < d->u.funcdef.params.len; i++)
		nl_add(&params, d->u.funcdef.params.items[i]->name);
	/* A recursive def runs out of depth: not an int, which is safe. */
	IntScope fs = {s->c, {&d->u.funcdef.body}, 1, &params, s->depth + 1, split_module_def(s->c, name)};
	(void)as;
	bool ok = returns_int(&fs, &d->u.funcdef.body, NULL);
	nl_free(&params);
	return ok;
}

static bool ir_expr_int(IntScope *s, const Expr *e);

static bool int_expr(IntScope *s, const Expr *e, const Assume *as)
{
	if (ir_expr_int(s, e))
		return true;
	switch (e->kind) {
	case EXPR_INT:
		return true;
	case EXPR_NAME:
		return int_name(s, e->u.name.id, as);
	case EXPR_UNARYOP:
		return e->u.unaryop.op != UNARY_NOT && int_expr(s, e->u.unaryop.operand, as);
	case EXPR_BINOP:
		switch (e->u.binop.op) {
		case BINOP_DIV:
			return false;
		case BINOP_POW: /* int ** int is a float when the exponent is negative */
			return e->u.binop.right->kind == EXPR_INT && int_expr(s, e->u.binop.left, as);
		default:
			return int_expr(s, e->u.binop.left, as) && int_expr(s, e->u.binop.right, as);
		}
	case EXPR_CALL:
		return int_call(s, e, as);
	default:
		return false;
	}
}

bool expr_is_int(IntScope *s, const Expr *e)
{
	return int_expr(s, e, NULL);
}

/* Whether the IR value computed for e (not a name: a name's value is
 * decided by its stores) is an int. */
static bool ir_expr_int(IntScope *s, const Expr *e)
{
	return e->kind != EXPR_NAME && ir_int_at(s, e->range, OP_COUNT);
}

bool expr_same(const Expr *a, const Expr *b)
{
	if (!a || !b)
		return a == b;
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case EXPR_NAME: return strcmp(a->u.name.id, b->u.name.id) == 0;
	case EXPR_INT: return strcmp(a->u.int_.digits, b->u.int_.digits) == 0;
	case EXPR_STR: return a->u.str.len == b->u.str.len && memcmp(a->u.str.s, b->u.str.s, a->u.str.len) == 0;
	case EXPR_NONE: case EXPR_TRUE: case EXPR_FALSE: return true;
	case EXPR_ATTRIBUTE:
		return strcmp(a->u.attribute.attr, b->u.attribute.attr) == 0 &&
		       expr_same(a->u.attribute.value, b->u.attribute.value);
	case EXPR_SUBSCRIPT:
		return expr_same(a->u.subscript.value, b->u.subscript.value) &&
		       expr_same(a->u.subscript.index, b->u.subscript.index);
	case EXPR_BINOP:
		return a->u.binop.op == b->u.binop.op && expr_same(a->u.binop.left, b->u.binop.left) &&
		       expr_same(a->u.binop.right, b->u.binop.right);
	case EXPR_TUPLE:
		if (a->u.seq.elts.len != b->u.seq.elts.len)
			return false;
		for (int i = 0; i < a->u.seq.elts.len; i++)
			if (!expr_same(a->u.seq.elts.items[i], b->u.seq.elts.items[i]))
				return false;
		return true;
	default:
		return false;
	}
}
