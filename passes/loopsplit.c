/* loopsplit.c: pass `loop-split`, run by the partitioner: which statements
 * run as a split loop, and how (docs/tasks.md, "Split loops").
 *
 * Two shapes are split:
 *   - a top-level `for` loop;
 *   - a statement that calls a pure module-level function, `x = f(a, b)`
 *     or `print(f(a))`, where a `for` loop in f's body does the work. f is
 *     cut around the loop: its statements before the loop run in the items
 *     part (which hands the loop's locals on), the loop in map parts, and
 *     the merge, the statements after the loop and the rest of the calling
 *     statement in the combine part. f being pure, running it in pieces is
 *     running it.
 * The loop body must pass loopsplit_body.c's checks; then each reduction's
 * accumulator must start as the reduction needs (a list for append, an
 * empty dict for counting, ...), and int-only reductions need ints. */
#include "passes/loopsplit_body.h"

#include <stdint.h>
#include <stdlib.h>

const char *reduction_name(RedKind k)
{
	switch (k) {
#define X(k, s) case RED_##k: return s;
		LOOPSPLIT_REDUCTIONS(X)
#undef X
	}
	return "?";
}

const Summary *pure_def_summary(SplitContext *c, const char *name)
{
	Function *g = split_module_def(c, name);
	const Summary *sm = g ? summary_find(c->sums, g) : NULL;
	if (!sm || sm->effects || sm->mutates_unknown || sm->mutates_globals.len || sm->mutates_params)
		return NULL;
	return sm;
}

/* ---- what an accumulator starts as ---- */

typedef enum InitKind { INIT_OTHER, INIT_INT, INIT_FLOAT, INIT_STR, INIT_LIST, INIT_EMPTY_DICT,
	                INIT_DICT, INIT_SET } InitKind;

static InitKind init_kind(SplitContext *c, const NameList *locals, const Expr *v, bool *int_elems,
                          bool *float_elems)
{
	if (!v)
		return INIT_OTHER;
	switch (v->kind) {
	case EXPR_INT: return INIT_INT;
	case EXPR_FLOAT: return INIT_FLOAT;
	case EXPR_STR: return INIT_STR;
	case EXPR_LIST: case EXPR_LISTCOMP: return INIT_LIST;
	case EXPR_DICT: return v->u.dict.keys.len ? INIT_DICT : INIT_EMPTY_DICT;
	case EXPR_DICTCOMP: return INIT_DICT;
	case EXPR_SET: case EXPR_SETCOMP: return INIT_SET;
	case EXPR_BINOP:
		if (v->u.binop.op == BINOP_MUL && v->u.binop.left->kind == EXPR_LIST) {
			const ExprList *el = &v->u.binop.left->u.seq.elts;
			*int_elems = el->len == 1 && el->items[0]->kind == EXPR_INT;
			*float_elems = el->len == 1 && el->items[0]->kind == EXPR_FLOAT;
			return INIT_LIST;
		}
		return INIT_OTHER;
	case EXPR_CALL:
		if (v->u.call.func->kind == EXPR_NAME && v->u.call.args.len == 0 && !v->u.call.keywords.len) {
			const char *fn = v->u.call.func->u.name.id;
			if (!builtin_unshadowed(c, locals, fn))
				return INIT_OTHER;
			if (strcmp(fn, "set") == 0)
				return INIT_SET;
			if (strcmp(fn, "dict") == 0)
				return INIT_EMPTY_DICT;
			if (strcmp(fn, "list") == 0)
				return INIT_LIST;
		}
		return INIT_OTHER;
	default:
		return INIT_OTHER;
	}
}

static bool is_int_name(Check *k, const char *name)
{
	Expr e = {.kind = EXPR_NAME};
	e.u.name.id = name;
	return expr_is_int(&k->ints, &e);
}

/* A dict display or comprehension whose values are ints. */
static bool dict_of_ints(Check *k, const Expr *init)
{
	if (init->kind == EXPR_DICTCOMP)
		return init->u.comp.elt->kind == EXPR_INT;
	if (init->kind != EXPR_DICT)
		return false;
	for (int i = 0; i < init->u.dict.values.len; i++)
		if (!init->u.dict.keys.items[i] || !expr_is_int(&k->ints, init->u.dict.values.items[i]))
			return false;
	return true;
}

/* Whether the reduction is exact from this start; sets k->why if not. */
static void check_init(Check *k, Reduction *r, const Expr *init)
{
	bool ints = false, floats = false;
	InitKind ik = init_kind(k->c, &k->locals, init, &ints, &floats);
	bool fre = k->freassociate;
	bool ok;
	switch (r->kind) {
	case RED_ADD:
		ok = is_int_name(k, r->name) || ik == INIT_STR || (ik == INIT_LIST && r->augmented) ||
		     (fre && (ik == INIT_INT || ik == INIT_FLOAT));
		r->identity = ik == INIT_STR ? "''" : ik == INIT_LIST ? "[]" : "0";
		if (ik == INIT_LIST && r->unkept) {
			failf_name(k, "'%s' would keep an object the program also reaches another way", r->name);
			return;
		}
		if (!ok && (ik == INIT_INT || ik == INIT_FLOAT))
			floats = true;
		break;
	case RED_MUL: ok = is_int_name(k, r->name) || (fre && (ik == INIT_INT || ik == INIT_FLOAT)); break;
	case RED_APPEND: ok = ik == INIT_LIST; break;
	case RED_SET_ADD: ok = ik == INIT_SET; break;
	case RED_COUNT: ok = ik == INIT_EMPTY_DICT; break;
	case RED_STORE: case RED_GROUP: ok = ik == INIT_EMPTY_DICT || ik == INIT_DICT; break;
	case RED_INDEX_ADD:
		if (ik == INIT_DICT || ik == INIT_EMPTY_DICT) {
			/* d[k] += e on a dict: a KeyError where the loop raises one */
			r->kind = RED_KEY_ADD;
			ok = dict_of_ints(k, init);
			break;
		}
		ok = ik == INIT_LIST && (ints || (fre && floats));
		break;
	case RED_MAX: case RED_MIN: case RED_BEST: ok = is_int_name(k, r->name); break;
	default: ok = false; break;
	}
	if (!ok && floats && !k->why) {
		char buf[200];
		snprintf(buf, sizeof buf, "'%s' may be a float sum, which regrouping changes "
		         "(-freassociate allows it)", r->name);
		k->why = arena_strdup(k->c->arena, buf);
		return;
	}
	if (!ok && !k->why) {
		char buf[200];
		snprintf(buf, sizeof buf, "'%s' (%s) does not start as a value its reduction can regroup "
		         "exactly", r->name, reduction_name(r->kind));
		k->why = arena_strdup(k->c->arena, buf);
	}
}

/* ---- a top-level loop ---- */

static bool few_rounds(const Stmt *st, int *rounds);
static LoopPlan *inline_call_plan(SplitContext *c, const Stmt *st, const char **why);

const char loopsplit_prefer_inside[] = "its calls split better inside the task, "
                                        "over all their items";

/* The value statement s's accumulator `name` starts with: the last
 * statement before s binding it must be `name = value`, unconditionally,
 * and nothing after it may change the object. */
static const Expr *module_init(SplitContext *c, int s, const char *name)
{
	int id = names_intern(c->names, name);
	for (int j = s - 1; j >= 0; j--) {
		const StmtFacts *f = &c->facts[j];
		bool def = idset_has(&f->defs, id);
		if (!def && idset_has(&f->muts, id))
			return NULL;
		if (!def)
			continue;
		const Stmt *st = c->body->items[j];
		if (f->compound || st->kind != STMT_ASSIGN || st->u.assign.targets.len != 1 ||
		    st->u.assign.targets.items[0]->kind != EXPR_NAME)
			return NULL;
		return st->u.assign.value;
	}
	return NULL;
}

static const char **to_array(SplitContext *c, const NameList *l, int *n)
{
	*n = l->n;
	const char **a = arena_alloc(c->arena, (size_t)(l->n ? l->n : 1) * sizeof *a);
	for (int i = 0; i < l->n; i++)
		a[i] = l->v[i];
	return a;
}

/* A loop variable read after the loop: its value from the last iteration
 * that set it, which comes back from a map part as a copy. */
static void keep_last(Check *k, const char *x)
{
	if (!kept_name_ok(k, x))
		failf_name(k, "'%s' is read after the loop and would come back as a copy of an object "
		           "the program also reaches another way", x);
	else
		add_reduction(k, RED_LAST, x);
}

static LoopPlan *finish_plan(Check *k, const Stmt *loop, const NameList *mapin, const NameList *keep,
                             const NameList *lasts)
{
	SplitContext *c = k->c;
	LoopPlan *lp = arena_alloc(c->arena, sizeof *lp);
	*lp = (LoopPlan){.loop = loop, .loop_at = -1};
	lp->reds = arena_alloc(c->arena, (size_t)(k->nreds ? k->nreds : 1) * sizeof *lp->reds);
	for (int i = 0; i < k->nreds; i++)
		lp->reds[i] = k->reds[i];
	lp->nreds = k->nreds;
	lp->mapin = to_array(c, mapin, &lp->nmapin);
	lp->keep = to_array(c, keep, &lp->nkeep);
	lp->lasts = to_array(c, lasts, &lp->nlasts);
	lp->binds = to_array(c, &k->binds, &lp->nbinds);
	lp->breaks = k->breaks;
	return lp;
}

static LoopPlan *plan_module_loop(SplitContext *c, int s, const char **why)
{
	const Stmt *loop = c->body->items[s];
	/* A few rounds, fewer than the chunks of even two workers, of calls
	 * whose own loops split: splitting each call balances far better. */
	int rounds;
	if (few_rounds(loop, &rounds) && rounds < 2 * SPLIT_CHUNKS_PER_WORKER) {
		for (int i = 0; i < loop->u.for_.body.len; i++) {
			const char *ignored;
			if (inline_call_plan(c, loop->u.for_.body.items[i], &ignored)) {
				*why = loopsplit_prefer_inside;
				return NULL;
			}
		}
	}
	Check k = {.c = c, .freassociate = c->freassociate};
	k.ints = (IntScope){c, {c->body}, 1, NULL, 0, c->f};
	if (!split_items_ok(c, s, loop->u.for_.iter))
		k.why = "its items are not a range or a list-like value the program bound";
	else
		check_loop(&k, loop);
	for (int i = 0; i < k.nreds && !k.why; i++) {
		Reduction *r = &k.reds[i];
		const Expr *init = module_init(c, s, r->name);
		if (!init)
			failf_name(&k, "'%s' does not surely start as a value bound before the loop", r->name);
		else
			check_init(&k, r, init);
	}
	for (int i = 0; i < k.withs.n && !k.why; i++)
		if (!module_init(c, s, k.withs.v[i]))
			failf_name(&k, "'%s' does not surely start as a value bound before the loop", k.withs.v[i]);
	/* Loop variables read later keep the last iteration's values. */
	NameList lasts = {0}, none = {0};
	for (int i = 0; i < k.binds.n && !k.why; i++) {
		const char *x = k.binds.v[i];
		if (nl_has(&k.touched, x))
			continue;
		int id = names_intern(c->names, x);
		bool later = false;
		for (int j = s + 1; j < c->body->len && j < c->f->nstmts && !later; j++)
			later = idset_has(&c->facts[j].uses, id);
		if (!later)
			continue;
		if (nl_has(&k.defined, x))
			nl_add(&lasts, x);
		else
			keep_last(&k, x); /* set by some iterations: the last one's value */
	}
	LoopPlan *lp = k.why ? NULL : finish_plan(&k, loop, &none, &none, &lasts);
	*why = k.why;
	nl_free(&lasts);
	check_free(&k);
	return lp;
}

/* ---- a loop inside a called function ---- */

/* The call a statement's value is (`x = f(a)`, `f(a)`), or the one
 * argument of a builtin it passes it to (`print(f(a))`), when f is a pure
 * module-level def called with simple positional arguments it accepts. */
static const Expr *pick_call(SplitContext *c, const Stmt *st)
{
	const Expr *v;
	if (st->kind == STMT_ASSIGN) {
		for (int i = 0; i < st->u.assign.targets.len; i++) {
			const Expr *t = st->u.assign.targets.items[i];
			if (t->kind != EXPR_NAME && t->kind != EXPR_TUPLE)
				return NULL;
			for (int j = 0; t->kind == EXPR_TUPLE && j < t->u.seq.elts.len; j++)
				if (t->u.seq.elts.items[j]->kind != EXPR_NAME)
					return NULL;
		}
		v = st->u.assign.value;
	} else if (st->kind == STMT_EXPR) {
		v = st->u.expr.value;
	} else {
		return NULL;
	}
	if (v->kind != EXPR_CALL || v->u.call.func->kind != EXPR_NAME)
		return NULL;
	if (!pure_def_summary(c, v->u.call.func->u.name.id)) {
		if (v->u.call.args.len != 1 || v->u.call.keywords.len ||
		    split_def_stmt(c, v->u.call.func->u.name.id) ||
		    !builtin_unshadowed(c, NULL, v->u.call.func->u.name.id))
			return NULL;
		v = v->u.call.args.items[0];
		if (v->kind != EXPR_CALL || v->u.call.func->kind != EXPR_NAME ||
		    !pure_def_summary(c, v->u.call.func->u.name.id))
			return NULL;
	}
	if (v->u.call.keywords.len)
		return NULL;
	for (int i = 0; i < v->u.call.args.len; i++)
		if (!split_simple_expr(v->u.call.args.items[i]))
			return NULL;
	const Stmt *d = split_def_stmt(c, v->u.call.func->u.name.id);
	const ParamList *ps = &d->u.funcdef.params;
	if (v->u.call.args.len > ps->len)
		return NULL;
	for (int i = v->u.call.args.len; i < ps->len; i++)
		if (!ps->items[i]->default_value)
			return NULL;
	return v;
}

/* Statements that a def cut around its loop must not hold: a nested def
 * or lambda would see the wrong frame, a return before the loop would
 * skip it. */
static bool has_return(const StmtList *l);

static const char *cut_blocker(const StmtList *l, int upto, const SourceFile *src, const Stmt *def)
{
	for (int i = 0; i < l->len; i++) {
		const Stmt *s = l->items[i];
		if (s->kind == STMT_FUNCTIONDEF)
			return "the function defines a function";
		StmtList one = {(Stmt **)&l->items[i], 1, 1};
		if (i < upto && has_return(&one))
			return "the function can return before the loop";
	}
	if (src && def) {
		const char *a = src->lines[def->range.line];
		const char *b = def->range.end_line + 1 <= src->nlines ? src->lines[def->range.end_line + 1]
		                                                       : src->text + src->len;
		for (const char *p = a; p + 6 <= b; p++)
			if (memcmp(p, "lambda", 6) == 0)
				return "the function may make a lambda";
	}
	return NULL;
}

static bool has_return(const StmtList *l)
{
	for (int i = 0; i < l->len; i++) {
		const Stmt *s = l->items[i];
		switch (s->kind) {
		case STMT_RETURN: return true;
		case STMT_IF: case STMT_WHILE:
			if (has_return(&s->u.cond.body) || has_return(&s->u.cond.orelse))
				return true;
			break;
		case STMT_FOR:
			if (has_return(&s->u.for_.body) || has_return(&s->u.for_.orelse))
				return true;
			break;
		case STMT_TRY:
			if (has_return(&s->u.try_.body) || has_return(&s->u.try_.orelse) ||
			    has_return(&s->u.try_.finalbody))
				return true;
			for (int h = 0; h < s->u.try_.handlers.len; h++)
				if (has_return(&s->u.try_.handlers.items[h]->body))
					return true;
			break;
		case STMT_WITH:
			if (has_return(&s->u.with.body))
				return true;
			break;
		default:
			break;
		}
	}
	return false;
}

/* The one unconditional `name = value` among the def's first n
 * statements, when nothing else there mentions name. */
static const Expr *local_init(SplitContext *c, const StmtList *body, int n, const char *name)
{
	int id = names_intern(c->names, name);
	const Expr *init = NULL;
	for (int i = 0; i < n; i++) {
		const Stmt *st = body->items[i];
		StmtFacts f = {0};
		facts_from_ast(c->names, &f, st);
		bool def = idset_has(&f.defs, id), use = idset_has(&f.uses, id) || idset_has(&f.muts, id);
		facts_free(&f);
		if (!def && !use)
			continue;
		if (def && !init && !use && st->kind == STMT_ASSIGN && st->u.assign.targets.len == 1 &&
		    st->u.assign.targets.items[0]->kind == EXPR_NAME) {
			init = st->u.assign.value;
			continue;
		}
		return NULL;
	}
	return init;
}

/* Whether local `name` is surely bound when the loop starts. */
static bool bound_at_loop(SplitContext *c, const Stmt *def, int at, const char *name)
{
	for (int i = 0; i < def->u.funcdef.params.len; i++)
		if (strcmp(def->u.funcdef.params.items[i]->name, name) == 0)
			return true;
	int id = names_intern(c->names, name);
	for (int i = 0; i < at; i++) {
		const Stmt *st = def->u.funcdef.body.items[i];
		if (st->kind != STMT_ASSIGN)
			continue;
		StmtFacts f = {0};
		facts_from_ast(c->names, &f, st);
		bool def_here = idset_has(&f.defs, id);
		facts_free(&f);
		if (def_here)
			return true;
	}
	return false;
}

static LoopPlan *plan_def_loop(SplitContext *c, const Stmt *def, int at, const char **why)
{
	const StmtList *body = &def->u.funcdef.body;
	const Stmt *loop = body->items[at];
	Check k = {.c = c, .freassociate = c->freassociate};
	for (int i = 0; i < def->u.funcdef.params.len; i++)
		nl_add(&k.locals, def->u.funcdef.params.items[i]->name);
	NameList params = {0};
	for (int i = 0; i < k.locals.n; i++)
		nl_add(&params, k.locals.v[i]);
	stmts_stores(body, &k.locals);
	k.ints = (IntScope){c, {body}, 1, &params, 0, split_module_def(c, def->u.funcdef.name)};
	check_loop(&k, loop);
	for (int i = 0; i < k.nreds && !k.why; i++) {
		Reduction *r = &k.reds[i];
		const Expr *init = local_init(c, body, at, r->name);
		if (!init)
			failf_name(&k, "'%s' does not surely start as a value bound before the loop", r->name);
		else
			check_init(&k, r, init);
	}
	NameList mapin = {0}, keep = {0};
	for (int i = 0; i < k.reads.n; i++)
		if (nl_has(&k.locals, k.reads.v[i]))
			nl_add(&mapin, k.reads.v[i]);
	for (int i = 0; i < k.nreds; i++)
		if (k.reds[i].kind == RED_INDEX_ADD || k.reds[i].kind == RED_KEY_ADD)
			nl_add(&mapin, k.reds[i].name);
	for (int i = 0; i < mapin.n; i++)
		nl_add(&keep, mapin.v[i]);
	for (int i = 0; i < k.touched.n; i++)
		nl_add(&keep, k.touched.v[i]);
	/* what the statements after the loop read */
	for (int i = at + 1; i < body->len && !k.why; i++) {
		StmtFacts f = {0};
		facts_from_ast(c->names, &f, body->items[i]);
		for (int u = 0; u < f.uses.len; u++) {
			const char *x = c->names->names[f.uses.items[u]];
			if (!nl_has(&k.locals, x))
				continue;
			if (nl_has(&k.binds, x) && !nl_has(&k.touched, x))
				keep_last(&k, x);
			if (bound_at_loop(c, def, at, x))
				nl_add(&keep, x); /* unbound, it stays unbound as in the loop */
		}
		facts_free(&f);
	}
	for (int i = 0; i < keep.n && !k.why; i++)
		if (!bound_at_loop(c, def, at, keep.v[i]))
			failf_name(&k, "'%s' may be unbound when the loop starts", keep.v[i]);
	NameList none = {0};
	LoopPlan *lp = k.why ? NULL : finish_plan(&k, loop, &mapin, &keep, &none);
	if (lp)
		lp->loop_at = at;
	*why = k.why;
	nl_free(&mapin);
	nl_free(&keep);
	nl_free(&params);
	check_free(&k);
	return lp;
}

static LoopPlan *plan_call(SplitContext *c, const Expr *call, const char **why)
{
	const Stmt *def = split_def_stmt(c, call->u.call.func->u.name.id);
	const StmtList *body = &def->u.funcdef.body;
	*why = NULL;
	for (int at = 0; at < body->len; at++) {
		const Stmt *s = body->items[at];
		if (s->kind != STMT_FOR)
			continue;
		const char *blocker = cut_blocker(body, at, c->src, def);
		if (blocker) {
			*why = blocker;
			return NULL;
		}
		const char *this_why;
		LoopPlan *lp = plan_def_loop(c, def, at, &this_why);
		if (lp) {
			lp->call = call;
			lp->def = def;
			*why = NULL;
			return lp;
		}
		if (!*why)
			*why = this_why; /* the first loop's reason: it usually does the work */
	}
	return NULL;
}

LoopPlan *loopsplit_plan(SplitContext *c, int s, const char **why)
{
	*why = NULL;
	if (c->work && c->work[s] < PARTITION_MIN_WORK)
		return NULL;
	const Stmt *st = c->body->items[s];
	if (st->kind == STMT_FOR)
		return plan_module_loop(c, s, why);
	const Expr *call = pick_call(c, st);
	return call ? plan_call(c, call, why) : NULL;
}

/* A top-level `for` over range(K) of a small constant K: its body's calls
 * run K times, few enough to split each. */
static bool few_rounds(const Stmt *st, int *rounds)
{
	const Expr *it = st->kind == STMT_FOR ? st->u.for_.iter : NULL;
	if (!it || it->kind != EXPR_CALL || it->u.call.func->kind != EXPR_NAME ||
	    strcmp(it->u.call.func->u.name.id, "range") != 0 || it->u.call.args.len != 1)
		return false;
	const Expr *n = it->u.call.args.items[0];
	*rounds = n->kind == EXPR_INT && n->u.int_.fits ? (int)n->u.int_.small : INT32_MAX;
	return *rounds <= LOOPSPLIT_MAX_ROUNDS;
}

/* The first call, among the parts of e that run once each time e runs,
 * of a pure def whose loop splits. Inside a task the call stays where it
 * is (only the function it calls changes), so it may be anywhere. */
static LoopPlan *inline_in_expr(SplitContext *c, const Expr *e, const char **why)
{
	if (!e)
		return NULL;
	LoopPlan *lp = NULL;
	switch (e->kind) {
	case EXPR_CALL:
		for (int i = 0; i < e->u.call.args.len && !lp; i++)
			lp = inline_in_expr(c, e->u.call.args.items[i], why);
		for (int i = 0; i < e->u.call.keywords.len && !lp; i++)
			lp = inline_in_expr(c, e->u.call.keywords.items[i]->value, why);
		if (!lp && e->u.call.func->kind == EXPR_ATTRIBUTE)
			lp = inline_in_expr(c, e->u.call.func->u.attribute.value, why);
		if (!lp && e->u.call.func->kind == EXPR_NAME &&
		    pure_def_summary(c, e->u.call.func->u.name.id) && !*why)
			lp = plan_call(c, e, why);
		return lp;
	case EXPR_BINOP:
		lp = inline_in_expr(c, e->u.binop.left, why);
		return lp ? lp : inline_in_expr(c, e->u.binop.right, why);
	case EXPR_UNARYOP: return inline_in_expr(c, e->u.unaryop.operand, why);
	case EXPR_TUPLE: case EXPR_LIST:
		for (int i = 0; i < e->u.seq.elts.len && !lp; i++)
			lp = inline_in_expr(c, e->u.seq.elts.items[i], why);
		return lp;
	case EXPR_SUBSCRIPT: return inline_in_expr(c, e->u.subscript.value, why);
	case EXPR_FORMATTED: return inline_in_expr(c, e->u.formatted.value, why);
	case EXPR_JOINEDSTR:
		for (int i = 0; i < e->u.joined.values.len && !lp; i++)
			lp = inline_in_expr(c, e->u.joined.values.items[i], why);
		return lp;
	default:
		return NULL;
	}
}

static LoopPlan *inline_call_plan(SplitContext *c, const Stmt *st, const char **why)
{
	*why = NULL;
	switch (st->kind) {
	case STMT_ASSIGN: return inline_in_expr(c, st->u.assign.value, why);
	case STMT_AUGASSIGN: return inline_in_expr(c, st->u.augassign.value, why);
	case STMT_EXPR: return inline_in_expr(c, st->u.expr.value, why);
	default: return NULL;
	}
}

LoopPlan *loopsplit_inline_plan(SplitContext *c, int s, const char **why)
{
	*why = NULL;
	/* forking helpers costs far less than a task (no values are sent) */
	if (c->work && c->work[s] < PARTITION_MIN_WORK / 4)
		return NULL;
	const Stmt *st = c->body->items[s];
	LoopPlan *lp = inline_call_plan(c, st, why);
	int rounds;
	if (!lp && !*why && few_rounds(st, &rounds) && builtin_unshadowed(c, NULL, "range"))
		for (int i = 0; i < st->u.for_.body.len && !lp && !*why; i++)
			lp = inline_call_plan(c, st->u.for_.body.items[i], why);
	return lp;
}

void loopplan_print(StrBuf *out, const LoopPlan *lp, const char *indent, bool inside)
{
	if (inside && lp->call)
		sb_printf(out, "%ssplit inside the task: the loop on line %d of %s, over the workers\n",
		          indent, lp->loop->range.line, lp->def->u.funcdef.name);
	else if (inside)
		sb_printf(out, "%ssplit inside the task: the loop, over the workers\n", indent);
	else if (lp->call)
		sb_printf(out, "%ssplit: the loop on line %d of %s, in map parts over chunks of its items\n",
		          indent, lp->loop->range.line, lp->def->u.funcdef.name);
	else
		sb_printf(out, "%ssplit: the loop, in map parts over chunks of its items\n", indent);
	for (int i = 0; i < lp->nreds; i++) {
		const Reduction *r = &lp->reds[i];
		sb_printf(out, "%sreduction: %s (%s", indent, r->name, reduction_name(r->kind));
		for (int w = 0; w < r->nwith; w++)
			sb_printf(out, "%s%s", w ? ", " : ", with ", r->with[w]);
		sb_puts(out, ")\n");
	}
	if (lp->nlasts) {
		sb_printf(out, "%slast values:", indent);
		for (int i = 0; i < lp->nlasts; i++)
			sb_printf(out, " %s", lp->lasts[i]);
		sb_putc(out, '\n');
	}
}
