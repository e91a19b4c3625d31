/* partition_split.c: loops whose calls can run ahead in parallel.
 *
 * A top-level `for` loop qualifies when each iteration makes one call of
 * a pure function (no effects, changes nothing: its summary says so) whose
 * arguments are made only from the loop variables and from names the loop
 * does not touch. Then the calls can all run first, in parallel, on the
 * items of the loop; the loop itself then runs in order and takes each
 * result where it made the call. The emitted loop keeps the call as a
 * fallback, so an item whose call raised (or did not run) makes the call
 * again in order, and raises exactly where the program would.
 *
 * The items must be computed before the loop without changing what the
 * program observes: a range() of simple values, or a name bound only to
 * lists, tuples, strings, dicts, sets or ranges (iterated as a list of
 * items: the same items, in the same order). The loop may not break (the
 * items after a break would not be computed) or have an else clause. */
#include "passes/partition_split.h"
#include "passes/loopsplit_check.h"

#include <stdlib.h>

bool split_simple_expr(const Expr *e)
{
	if (!e)
		return true;
	switch (e->kind) {
	case EXPR_NAME: case EXPR_NONE: case EXPR_TRUE: case EXPR_FALSE: case EXPR_INT:
	case EXPR_FLOAT: case EXPR_STR:
		return true;
	case EXPR_BINOP:
		return split_simple_expr(e->u.binop.left) && split_simple_expr(e->u.binop.right);
	case EXPR_UNARYOP:
		return split_simple_expr(e->u.unaryop.operand);
	case EXPR_TUPLE:
		for (int i = 0; i < e->u.seq.elts.len; i++)
			if (!split_simple_expr(e->u.seq.elts.items[i]))
				return false;
		return true;
	case EXPR_SUBSCRIPT:
		return e->u.subscript.value->kind == EXPR_NAME && split_simple_expr(e->u.subscript.index);
	default:
		return false;
	}
}

/* The names an expression of simple_expr reads. */
static void expr_names(const Expr *e, NameTable *t, IdSet *out)
{
	if (!e)
		return;
	switch (e->kind) {
	case EXPR_NAME: idset_add(out, names_intern(t, e->u.name.id)); break;
	case EXPR_BINOP: expr_names(e->u.binop.left, t, out); expr_names(e->u.binop.right, t, out); break;
	case EXPR_UNARYOP: expr_names(e->u.unaryop.operand, t, out); break;
	case EXPR_TUPLE:
		for (int i = 0; i < e->u.seq.elts.len; i++)
			expr_names(e->u.seq.elts.items[i], t, out);
		break;
	case EXPR_SUBSCRIPT:
		expr_names(e->u.subscript.value, t, out);
		expr_names(e->u.subscript.index, t, out);
		break;
	default:
		break;
	}
}

static bool target_names(const Expr *t, NameTable *names, IdSet *out)
{
	if (t->kind == EXPR_NAME) {
		idset_add(out, names_intern(names, t->u.name.id));
		return true;
	}
	if (t->kind == EXPR_TUPLE || t->kind == EXPR_LIST) {
		for (int i = 0; i < t->u.seq.elts.len; i++)
			if (!target_names(t->u.seq.elts.items[i], names, out))
				return false;
		return true;
	}
	return false;
}

/* A break that leaves this loop (not one of a nested loop). */
static bool breaks(const StmtList *l)
{
	for (int i = 0; i < l->len; i++) {
		const Stmt *s = l->items[i];
		switch (s->kind) {
		case STMT_BREAK: return true;
		case STMT_IF: if (breaks(&s->u.cond.body) || breaks(&s->u.cond.orelse)) return true; break;
		case STMT_TRY:
			if (breaks(&s->u.try_.body) || breaks(&s->u.try_.orelse) || breaks(&s->u.try_.finalbody))
				return true;
			for (int h = 0; h < s->u.try_.handlers.len; h++)
				if (breaks(&s->u.try_.handlers.items[h]->body))
					return true;
			break;
		case STMT_WITH: if (breaks(&s->u.with.body)) return true; break;
		case STMT_FOR: if (breaks(&s->u.for_.orelse)) return true; break;
		case STMT_WHILE: if (breaks(&s->u.cond.orelse)) return true; break;
		default: break;
		}
	}
	return false;
}

Function *split_module_def(SplitContext *c, const char *name)
{
	for (int s = 0; s < c->body->len && s < c->f->nstmts; s++) {
		const Stmt *st = c->body->items[s];
		if (st->kind == STMT_FUNCTIONDEF && c->hoisted[s] && strcmp(st->u.funcdef.name, name) == 0) {
			IRModule *m = c->f->module;
			for (int i = 0; i < m->functions.len; i++) {
				Function *g = m->functions.items[i];
				if (g->parent == c->f && strcmp(g->name, name) == 0 &&
				    g->loc.line == st->range.line)
					return g;
			}
		}
	}
	return NULL;
}

const Stmt *split_def_stmt(SplitContext *c, const char *name)
{
	int id = names_intern(c->names, name);
	const Stmt *found = NULL;
	for (int j = 0; j < c->body->len && j < c->f->nstmts; j++) {
		if (!idset_has(&c->facts[j].defs, id))
			continue;
		const Stmt *st = c->body->items[j];
		if (found || st->kind != STMT_FUNCTIONDEF || !c->hoisted[j])
			return NULL; /* bound twice, or not by a hoisted def */
		found = st;
	}
	return found;
}

typedef struct Search {
	SplitContext *c;
	int s;
	const IdSet *targets;
	const Expr *best;
	Function *best_fn;
	double best_work;
} Search;

static bool arg_ok(Search *q, const Expr *a)
{
	if (!split_simple_expr(a))
		return false;
	IdSet used = {0};
	expr_names(a, q->c->names, &used);
	bool ok = true;
	const StmtFacts *sf = &q->c->facts[q->s];
	for (int i = 0; i < used.len && ok; i++) {
		int id = used.items[i];
		if (idset_has(q->targets, id))
			continue;
		ok = !idset_has(&sf->defs, id) && !idset_has(&sf->muts, id);
	}
	free(used.items);
	return ok;
}

static void consider_call(Search *q, const Expr *e)
{
	if (e->u.call.func->kind != EXPR_NAME)
		return;
	Function *g = split_module_def(q->c, e->u.call.func->u.name.id);
	if (!g)
		return;
	const Summary *sm = summary_find(q->c->sums, g);
	if (!sm || sm->effects || sm->mutates_unknown || sm->mutates_globals.len || sm->mutates_params)
		return;
	const StmtFacts *sf = &q->c->facts[q->s];
	for (int r = 0; r < sm->reads_globals.len; r++) {
		int id = names_intern(q->c->names, sm->reads_globals.items[r]);
		if (idset_has(&sf->defs, id) || idset_has(&sf->muts, id))
			return;
	}
	/* its value comes back as a copy: a set in it may iterate in another
	 * order (the runner would then call it again in order, for nothing) */
	if (type_may_hold_set(split_type_at(q->c, q->c->f, e->range, OP_COUNT), q->c->sets))
		return;
	for (int i = 0; i < e->u.call.args.len; i++)
		if (!arg_ok(q, e->u.call.args.items[i]))
			return;
	for (int i = 0; i < e->u.call.keywords.len; i++)
		if (!e->u.call.keywords.items[i]->name || !arg_ok(q, e->u.call.keywords.items[i]->value))
			return;
	double w = work_of_call(q->c->wm, g);
	if (!q->best || w > q->best_work) {
		q->best = e;
		q->best_fn = g;
		q->best_work = w;
	}
}

/* Walks the parts of an expression that always run, once, when it runs. */
static void search_expr(Search *q, const Expr *e)
{
	if (!e)
		return;
	switch (e->kind) {
	case EXPR_CALL:
		search_expr(q, e->u.call.func);
		for (int i = 0; i < e->u.call.args.len; i++)
			search_expr(q, e->u.call.args.items[i]);
		for (int i = 0; i < e->u.call.keywords.len; i++)
			search_expr(q, e->u.call.keywords.items[i]->value);
		consider_call(q, e);
		break;
	case EXPR_BINOP: search_expr(q, e->u.binop.left); search_expr(q, e->u.binop.right); break;
	case EXPR_UNARYOP: search_expr(q, e->u.unaryop.operand); break;
	case EXPR_COMPARE:
		search_expr(q, e->u.compare.left);
		if (e->u.compare.comparators.len)
			search_expr(q, e->u.compare.comparators.items[0]);
		break;
	case EXPR_BOOLOP: if (e->u.boolop.values.len) search_expr(q, e->u.boolop.values.items[0]); break;
	case EXPR_IFEXP: search_expr(q, e->u.ifexp.test); break;
	case EXPR_ATTRIBUTE: search_expr(q, e->u.attribute.value); break;
	case EXPR_SUBSCRIPT: search_expr(q, e->u.subscript.value); search_expr(q, e->u.subscript.index); break;
	case EXPR_LIST: case EXPR_TUPLE: case EXPR_SET:
		for (int i = 0; i < e->u.seq.elts.len; i++)
			search_expr(q, e->u.seq.elts.items[i]);
		break;
	case EXPR_FORMATTED: search_expr(q, e->u.formatted.value); break;
	case EXPR_JOINEDSTR:
		for (int i = 0; i < e->u.joined.values.len; i++)
			search_expr(q, e->u.joined.values.items[i]);
		break;
	default:
		break;
	}
}

bool split_items_ok(SplitContext *c, int s, const Expr *it)
{
	const StmtFacts *sf = &c->facts[s];
	if (it->kind == EXPR_CALL && it->u.call.func->kind == EXPR_NAME &&
	    strcmp(it->u.call.func->u.name.id, "range") == 0 && it->u.call.keywords.len == 0) {
		int id = names_intern(c->names, "range");
		for (int j = 0; j < c->body->len && j < c->f->nstmts; j++)
			if (idset_has(&c->facts[j].defs, id))
				return false;
		for (int i = 0; i < it->u.call.args.len; i++) {
			const Expr *a = it->u.call.args.items[i];
			if (!split_simple_expr(a))
				return false;
			IdSet used = {0};
			expr_names(a, c->names, &used);
			bool clash = false;
			for (int k = 0; k < used.len; k++)
				clash |= idset_has(&sf->defs, used.items[k]) || idset_has(&sf->muts, used.items[k]);
			free(used.items);
			if (clash)
				return false;
		}
		return true;
	}
	if (it->kind != EXPR_NAME)
		return false;
	int id = names_intern(c->names, it->u.name.id);
	if (idset_has(&sf->defs, id) || idset_has(&sf->muts, id))
		return false;
	bool any = false;
	for (int i = 0; i < c->f->binds.len; i++) {
		const Binding *b = &c->f->binds.items[i];
		if (strcmp(b->name, it->u.name.id) != 0)
			continue;
		const Type *t = ir_resolve(b->value)->type;
		if (!t || !(t->kind == TY_LIST || t->kind == TY_TUPLE || t->kind == TY_STR ||
		            t->kind == TY_DICT || t->kind == TY_SET || t->kind == TY_RANGE))
			return false;
		any = true;
	}
	return any;
}

const char *split_candidate(SplitContext *c, int s, const Expr **call)
{
	*call = NULL;
	const Stmt *st = c->body->items[s];
	if (st->kind != STMT_FOR || st->u.for_.orelse.len || breaks(&st->u.for_.body))
		return NULL;
	IdSet targets = {0};
	const char *result = NULL;
	if (!target_names(st->u.for_.target, c->names, &targets) || !split_items_ok(c, s, st->u.for_.iter))
		goto done;
	Search q = {c, s, &targets, NULL, NULL, 0};
	for (int i = 0; i < st->u.for_.body.len; i++) {
		const Stmt *b = st->u.for_.body.items[i];
		if (b->kind == STMT_EXPR)
			search_expr(&q, b->u.expr.value);
		else if (b->kind == STMT_ASSIGN)
			search_expr(&q, b->u.assign.value);
		else if (b->kind == STMT_AUGASSIGN)
			search_expr(&q, b->u.augassign.value);
	}
	if (!q.best || q.best_work < 50)
		goto done;
	*call = q.best;
	result = q.best_fn->name;
done:
	free(targets.items);
	return result;
}
