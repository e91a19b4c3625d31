/* loopsplit_body.c: whether a loop's iterations are independent apart from
 * reductions.
 *
 * The map parts run the loop body, as written, on chunks of the items,
 * each with its accumulators bound to an identity; the combine part
 * merges what the chunks made, in chunk order. That is exact when:
 *   - every name the body binds is either bound in the same iteration
 *     before it is read (an iteration-local), or an accumulator that the
 *     body only touches through one recognised reduction statement;
 *   - objects changed by the body are the accumulators, or objects made
 *     in the same iteration (a fresh `row = [0.0] * n`);
 *   - calls are of pure functions: user defs whose summary says they
 *     change nothing and have no effects, builtins and methods that only
 *     read;
 *   - the loop does not break, return, or run an else clause.
 * A loop that fails a check is not split, and the reason is kept for
 * -print-tasks. */
#include "passes/loopsplit_body.h"

#include <stdio.h>

static const char *const PURE_BUILTINS[] = {
	"abs", "all", "any", "bool", "chr", "dict", "divmod", "enumerate", "float",
	"frozenset", "int", "isinstance", "len", "list", "max", "min", "ord", "pow",
	"range", "repr", "reversed", "round", "set", "sorted", "str", "sum", "tuple", "zip",
	NULL,
};

/* Methods of builtin types that only read their object (the subset has no
 * classes, so a method of this name is one of these). */
static const char *const PURE_METHODS[] = {
	"split", "rsplit", "strip", "lstrip", "rstrip", "partition", "rpartition",
	"lower", "upper", "casefold", "title", "capitalize", "startswith", "endswith",
	"replace", "join", "find", "rfind", "index", "rindex", "count", "isdigit",
	"isalpha", "isalnum", "isspace", "isupper", "islower", "isnumeric", "isdecimal",
	"format", "splitlines", "zfill", "ljust", "rjust", "center", "get", "keys",
	"values", "items", "copy",
	NULL,
};

/* Methods that change their object: allowed on an object made in the same
 * iteration. */
static const char *const MUTATING_METHODS[] = {
	"append", "extend", "insert", "pop", "remove", "sort", "reverse", "add",
	"update", "setdefault", "clear", "discard",
	NULL,
};

static bool in_list(const char *const *l, const char *s)
{
	for (; *l; l++)
		if (strcmp(*l, s) == 0)
			return true;
	return false;
}

static void fail(Check *k, const char *why)
{
	if (!k->why)
		k->why = why;
}

void failf_name(Check *k, const char *fmt, const char *name)
{
	if (k->why)
		return;
	char buf[160];
	snprintf(buf, sizeof buf, fmt, name);
	k->why = arena_strdup(k->c->arena, buf);
}

static bool is_name_of(const Expr *e, const char *name)
{
	return e && e->kind == EXPR_NAME && strcmp(e->u.name.id, name) == 0;
}

static bool range_call(Check *k, const Expr *it)
{
	return it->kind == EXPR_CALL && is_name_of(it->u.call.func, "range") &&
	       builtin_unshadowed(k->c, &k->locals, "range");
}

static bool is_fresh(Check *k, const char *name)
{
	return nl_has(&k->fresh, name) && nl_has(&k->defined, name);
}

static void check_expr(Check *k, const Expr *e);

static void read_name(Check *k, const char *name)
{
	if (nl_has(&k->comp, name))
		return;
	nl_add(&k->plain, name);
	if (nl_has(&k->binds, name)) {
		if (!nl_has(&k->defined, name))
			failf_name(k, "'%s' may hold a value an earlier iteration set", name);
		return;
	}
	nl_add(&k->reads, name);
}

static void check_exprs(Check *k, const ExprList *l)
{
	for (int i = 0; i < l->len; i++)
		check_expr(k, l->items[i]);
}

static void check_args(Check *k, const Expr *call)
{
	check_exprs(k, &call->u.call.args);
	for (int i = 0; i < call->u.call.keywords.len; i++)
		check_expr(k, call->u.call.keywords.items[i]->value);
}

/* A name called as a function: a pure builtin or a pure module-level def. */
static void check_named_call(Check *k, const Expr *call)
{
	const char *name = call->u.call.func->u.name.id;
	if (nl_has(&k->binds, name) || nl_has(&k->locals, name)) {
		failf_name(k, "calls '%s', a value the function binds", name);
		return;
	}
	if (in_list(PURE_BUILTINS, name) && builtin_unshadowed(k->c, &k->locals, name)) {
		check_args(k, call);
		return;
	}
	const Summary *sm = pure_def_summary(k->c, name);
	if (!sm) {
		failf_name(k, "calls '%s', which may change objects or have effects", name);
		return;
	}
	k->calls_defs = true;
	/* checked against the accumulators once all are known (check_loop) */
	for (int r = 0; r < sm->reads_globals.len; r++)
		nl_add(&k->callee_reads, sm->reads_globals.items[r]);
	check_args(k, call);
}

static void check_call(Check *k, const Expr *call)
{
	const Expr *fn = call->u.call.func;
	if (fn->kind == EXPR_NAME) {
		check_named_call(k, call);
		return;
	}
	if (fn->kind != EXPR_ATTRIBUTE) {
		fail(k, "calls a computed function");
		return;
	}
	const char *m = fn->u.attribute.attr;
	const Expr *obj = fn->u.attribute.value;
	bool math = obj->kind == EXPR_NAME && strcmp(obj->u.name.id, "math") == 0 &&
	            !nl_has(&k->binds, "math") && !nl_has(&k->locals, "math");
	if (math || in_list(PURE_METHODS, m)) {
		check_expr(k, obj);
		check_args(k, call);
		return;
	}
	if (in_list(MUTATING_METHODS, m) && obj->kind == EXPR_NAME && is_fresh(k, obj->u.name.id)) {
		check_expr(k, obj);
		check_args(k, call);
		return;
	}
	failf_name(k, "calls the method '%s', which may change an object the iterations share", m);
}

static void check_comp(Check *k, const Expr *e)
{
	int saved = k->comp.n;
	const ComprehensionList *g = &e->u.comp.generators;
	for (int i = 0; i < g->len; i++) {
		check_expr(k, g->items[i]->iter);
		target_stores(g->items[i]->target, &k->comp);
		check_exprs(k, &g->items[i]->ifs);
	}
	if (e->u.comp.key)
		check_expr(k, e->u.comp.key);
	check_expr(k, e->u.comp.elt);
	k->comp.n = saved;
}

static void check_expr(Check *k, const Expr *e)
{
	if (!e || k->why)
		return;
	switch (e->kind) {
	case EXPR_NAME: read_name(k, e->u.name.id); break;
	case EXPR_NONE: case EXPR_TRUE: case EXPR_FALSE: case EXPR_INT: case EXPR_FLOAT:
	case EXPR_STR:
		break;
	case EXPR_JOINEDSTR: check_exprs(k, &e->u.joined.values); break;
	case EXPR_FORMATTED: check_expr(k, e->u.formatted.value); check_expr(k, e->u.formatted.spec); break;
	case EXPR_BOOLOP: check_exprs(k, &e->u.boolop.values); break;
	case EXPR_BINOP: check_expr(k, e->u.binop.left); check_expr(k, e->u.binop.right); break;
	case EXPR_UNARYOP: check_expr(k, e->u.unaryop.operand); break;
	case EXPR_COMPARE: check_expr(k, e->u.compare.left); check_exprs(k, &e->u.compare.comparators); break;
	case EXPR_IFEXP:
		check_expr(k, e->u.ifexp.test);
		check_expr(k, e->u.ifexp.body);
		check_expr(k, e->u.ifexp.orelse);
		break;
	case EXPR_CALL: check_call(k, e); break;
	case EXPR_ATTRIBUTE: check_expr(k, e->u.attribute.value); break;
	case EXPR_SUBSCRIPT: check_expr(k, e->u.subscript.value); check_expr(k, e->u.subscript.index); break;
	case EXPR_SLICE:
		check_expr(k, e->u.slice.lower);
		check_expr(k, e->u.slice.upper);
		check_expr(k, e->u.slice.step);
		break;
	case EXPR_LIST: case EXPR_TUPLE: case EXPR_SET: check_exprs(k, &e->u.seq.elts); break;
	case EXPR_DICT: check_exprs(k, &e->u.dict.keys); check_exprs(k, &e->u.dict.values); break;
	case EXPR_LISTCOMP: case EXPR_SETCOMP: case EXPR_DICTCOMP: case EXPR_GENEXP: check_comp(k, e); break;
	case EXPR_LAMBDA: fail(k, "makes a lambda"); break;
	}
}

/* ---- what an accumulator may keep ---- */

/* A map part's values come back to the combine part as copies. That is
 * invisible for immutable values and for objects the iteration made, but
 * an object the program also reaches another way (an item of the loop, a
 * value from before it) would come back as a second object, and a later
 * change through one name would not show through the other. So a value an
 * accumulator keeps must be made in the iteration, or be immutable: a
 * constant, arithmetic, a string method's result, a tuple of such values,
 * an int from range(), or the result of a pure def given such values. Dict
 * keys and set items need no check: in the subset, hashable objects are
 * immutable. */
enum { KEEP_DEPTH = 6 };

static bool kept_ok(Check *k, const Expr *e, int depth);

static bool name_kept_ok(Check *k, const char *name, const StmtList *l, int depth, int *stores)
{
	for (int i = 0; i < l->len; i++) {
		const Stmt *s = l->items[i];
		switch (s->kind) {
		case STMT_ASSIGN: {
			NameList t = {0};
			for (int j = 0; j < s->u.assign.targets.len; j++)
				target_stores(s->u.assign.targets.items[j], &t);
			bool binds = nl_has(&t, name);
			nl_free(&t);
			if (!binds)
				break;
			++*stores;
			if (s->u.assign.targets.len != 1 || s->u.assign.targets.items[0]->kind != EXPR_NAME ||
			    !kept_ok(k, s->u.assign.value, depth + 1))
				return false;
			break;
		}
		case STMT_AUGASSIGN:
			if (is_name_of(s->u.augassign.target, name)) {
				++*stores;
				if (!kept_ok(k, s->u.augassign.value, depth + 1))
					return false;
			}
			break;
		case STMT_FOR: {
			NameList t = {0};
			target_stores(s->u.for_.target, &t);
			bool binds = nl_has(&t, name);
			nl_free(&t);
			if (binds) {
				++*stores;
				if (!is_name_of(s->u.for_.target, name) || !range_call(k, s->u.for_.iter))
					return false;
			}
			if (!name_kept_ok(k, name, &s->u.for_.body, depth, stores))
				return false;
			break;
		}
		case STMT_IF: case STMT_WHILE:
			if (!name_kept_ok(k, name, &s->u.cond.body, depth, stores) ||
			    !name_kept_ok(k, name, &s->u.cond.orelse, depth, stores))
				return false;
			break;
		default:
			break;
		}
	}
	return true;
}

/* Whether the IR (typeinfer) says e is a number, a bool, a str or None. */
static bool immutable_typed(Check *k, const Expr *e)
{
	if (e->kind == EXPR_NAME)
		return false; /* a name's type is decided by its stores */
	const Type *t = split_type_at(k->c, k->ints.ir, e->range, OP_COUNT);
	return t && (t->kind == TY_INT || t->kind == TY_FLOAT || t->kind == TY_BOOL ||
	             t->kind == TY_STR || t->kind == TY_NONE);
}

/* Whether what the loop puts into fresh object `name` (item stores, x[i]
 * op= v, x.append(v) and the like) may be kept, as its stores must be. */
static bool fresh_kept(Check *k, const char *name, const StmtList *l, int depth)
{
	for (int i = 0; i < l->len; i++) {
		const Stmt *s = l->items[i];
		const Expr *v = NULL, *t = NULL;
		switch (s->kind) {
		case STMT_ASSIGN:
			t = s->u.assign.targets.len == 1 ? s->u.assign.targets.items[0] : NULL;
			v = s->u.assign.value;
			if (t && is_name_of(t, name) && !kept_ok(k, v, depth + 1))
				return false;
			break;
		case STMT_AUGASSIGN:
			t = s->u.augassign.target;
			v = s->u.augassign.value;
			break;
		case STMT_EXPR: {
			const Expr *c = s->u.expr.value;
			if (c->kind == EXPR_CALL && c->u.call.func->kind == EXPR_ATTRIBUTE &&
			    is_name_of(c->u.call.func->u.attribute.value, name))
				for (int a = 0; a < c->u.call.args.len; a++)
					if (!kept_ok(k, c->u.call.args.items[a], depth + 1))
						return false;
			break;
		}
		case STMT_FOR:
			if (!fresh_kept(k, name, &s->u.for_.body, depth))
				return false;
			break;
		case STMT_IF: case STMT_WHILE:
			if (!fresh_kept(k, name, &s->u.cond.body, depth) ||
			    !fresh_kept(k, name, &s->u.cond.orelse, depth))
				return false;
			break;
		default:
			break;
		}
		if (t && t->kind == EXPR_SUBSCRIPT && is_name_of(t->u.subscript.value, name) &&
		    !kept_ok(k, v, depth + 1))
			return false;
	}
	return true;
}

static const char *const STR_METHODS[] = {
	"split", "rsplit", "strip", "lstrip", "rstrip", "partition", "rpartition", "lower",
	"upper", "casefold", "title", "capitalize", "replace", "join", "format", "zfill",
	"ljust", "rjust", "center", "splitlines", "find", "rfind", "count", "startswith",
	"endswith", "isdigit", "isalpha", "isalnum", "isspace",
	NULL,
};

static const char *const IMMUTABLE_BUILTINS[] = {
	"len", "int", "float", "str", "round", "abs", "ord", "chr", "bool", "repr", "sum",
	"divmod", "pow", "min", "max",
	NULL,
};

static bool kept_ok(Check *k, const Expr *e, int depth)
{
	if (!e || depth > KEEP_DEPTH)
		return false;
	if (expr_is_int(&k->ints, e) || immutable_typed(k, e))
		return true;
	switch (e->kind) {
	case EXPR_INT: case EXPR_FLOAT: case EXPR_STR: case EXPR_NONE: case EXPR_TRUE:
	case EXPR_FALSE: case EXPR_JOINEDSTR: case EXPR_COMPARE:
		return true;
	case EXPR_BINOP: {
		/* only + and * can make a container holding their operands' items;
		 * [x] * n holds x, not n */
		const Expr *l = e->u.binop.left, *r = e->u.binop.right;
		if (e->u.binop.op != BINOP_ADD && e->u.binop.op != BINOP_MUL)
			return true;
		if (e->u.binop.op == BINOP_MUL && (l->kind == EXPR_LIST || l->kind == EXPR_TUPLE))
			return kept_ok(k, l, depth + 1);
		if (e->u.binop.op == BINOP_MUL && (r->kind == EXPR_LIST || r->kind == EXPR_TUPLE))
			return kept_ok(k, r, depth + 1);
		return kept_ok(k, l, depth + 1) && kept_ok(k, r, depth + 1);
	}
	case EXPR_UNARYOP:
		return true; /* a number, or a bool */
	case EXPR_BOOLOP:
		for (int i = 0; i < e->u.boolop.values.len; i++)
			if (!kept_ok(k, e->u.boolop.values.items[i], depth + 1))
				return false;
		return true;
	case EXPR_IFEXP:
		return kept_ok(k, e->u.ifexp.body, depth + 1) && kept_ok(k, e->u.ifexp.orelse, depth + 1);
	case EXPR_TUPLE: case EXPR_LIST:
		for (int i = 0; i < e->u.seq.elts.len; i++)
			if (!kept_ok(k, e->u.seq.elts.items[i], depth + 1))
				return false;
		return true;
	case EXPR_DICT: /* keys are hashable, so immutable in the subset */
		for (int i = 0; i < e->u.dict.values.len; i++)
			if (!kept_ok(k, e->u.dict.values.items[i], depth + 1))
				return false;
		return true;
	case EXPR_SET: case EXPR_SETCOMP:
		return false; /* a copy of a set may iterate in another order */
	case EXPR_LISTCOMP: case EXPR_DICTCOMP:
		return kept_ok(k, e->u.comp.elt, depth + 1);
	case EXPR_NAME: {
		const char *name = e->u.name.id;
		if (is_fresh(k, name))
			return fresh_kept(k, name, &k->loop->u.for_.body, depth);
		if (!nl_has(&k->binds, name))
			return false; /* a value from before the loop */
		int stores = 0;
		if (is_name_of(k->loop->u.for_.target, name))
			return range_call(k, k->loop->u.for_.iter) &&
			       name_kept_ok(k, name, &k->loop->u.for_.body, depth, &stores);
		return name_kept_ok(k, name, &k->loop->u.for_.body, depth, &stores) && stores > 0;
	}
	case EXPR_CALL: {
		const Expr *fn = e->u.call.func;
		if (fn->kind == EXPR_ATTRIBUTE)
			return in_list(STR_METHODS, fn->u.attribute.attr); /* on builtin types: new or immutable */
		if (fn->kind != EXPR_NAME)
			return false;
		bool builtin = in_list(IMMUTABLE_BUILTINS, fn->u.name.id) &&
		               builtin_unshadowed(k->c, &k->locals, fn->u.name.id);
		bool minmax = strcmp(fn->u.name.id, "min") == 0 || strcmp(fn->u.name.id, "max") == 0;
		const Summary *sm = builtin ? NULL : pure_def_summary(k->c, fn->u.name.id);
		if (!builtin && !sm)
			return false;
		/* a pure def may hand back what it was given, or a module-level object */
		for (int r = 0; sm && r < sm->reads_globals.len; r++)
			if (!split_def_stmt(k->c, sm->reads_globals.items[r]))
				return false;
		if (builtin && !minmax)
			return true;
		/* a set the def made comes back as a copy, which may iterate in
		 * another order */
		if (sm && type_may_hold_set(split_type_at(k->c, k->ints.ir, e->range, OP_COUNT), k->c->sets))
			return false;
		for (int i = 0; i < e->u.call.args.len; i++)
			if (!kept_ok(k, e->u.call.args.items[i], depth + 1))
				return false;
		return e->u.call.keywords.len == 0;
	}
	default:
		return false;
	}
}

bool kept_name_ok(Check *k, const char *name)
{
	Expr e = {.kind = EXPR_NAME};
	e.u.name.id = name;
	return kept_ok(k, &e, 0);
}

static void check_kept(Check *k, const Expr *e, const char *acc)
{
	if (!kept_ok(k, e, 0))
		failf_name(k, "'%s' would keep an object the program also reaches another way", acc);
}

/* ---- reductions ---- */

Reduction *add_reduction(Check *k, RedKind kind, const char *name)
{
	for (int i = 0; i < k->nreds; i++) {
		Reduction *r = &k->reds[i];
		if (strcmp(r->name, name) != 0)
			continue;
		if (r->kind != kind || kind == RED_BEST)
			failf_name(k, "'%s' is changed by two kinds of reduction", name);
		return r;
	}
	if (k->nreds == LOOPSPLIT_MAX_REDS) {
		fail(k, "too many reductions");
		return &k->reds[0];
	}
	Reduction *r = &k->reds[k->nreds++];
	*r = (Reduction){.kind = kind, .name = name};
	nl_add(&k->touched, name);
	return r;
}

static bool is_name(const Expr *e) { return e && e->kind == EXPR_NAME; }

/* An accumulator position: a name this iteration has not bound (so it
 * carries a value from earlier ones) and that is not an iteration's own. */
static bool carried(Check *k, const Expr *e)
{
	return is_name(e) && !nl_has(&k->defined, e->u.name.id) && !nl_has(&k->comp, e->u.name.id);
}

static bool method_call(const Expr *e, const char *method, int nargs)
{
	return e && e->kind == EXPR_CALL && e->u.call.func->kind == EXPR_ATTRIBUTE &&
	       strcmp(e->u.call.func->u.attribute.attr, method) == 0 &&
	       e->u.call.args.len == nargs && e->u.call.keywords.len == 0;
}

/* x += e, x *= e, x[i] += e */
static void check_augassign(Check *k, const Stmt *s)
{
	const Expr *t = s->u.augassign.target;
	if (is_name(t)) {
		if (nl_has(&k->defined, t->u.name.id)) {
			nl_add(&k->plain, t->u.name.id);
		} else if (s->u.augassign.op == BINOP_ADD || s->u.augassign.op == BINOP_MUL) {
			Reduction *r = add_reduction(k, s->u.augassign.op == BINOP_ADD ? RED_ADD : RED_MUL, t->u.name.id);
			r->augmented = true;
			r->unkept |= !kept_ok(k, s->u.augassign.value, 0);
		} else {
			failf_name(k, "'%s' is carried from one iteration to the next", t->u.name.id);
		}
		check_expr(k, s->u.augassign.value);
		return;
	}
	if (t->kind == EXPR_SUBSCRIPT && is_name(t->u.subscript.value) &&
	    t->u.subscript.index->kind != EXPR_SLICE) {
		const char *x = t->u.subscript.value->u.name.id;
		if (is_fresh(k, x))
			nl_add(&k->plain, x);
		else if (!nl_has(&k->binds, x) && s->u.augassign.op == BINOP_ADD) {
			add_reduction(k, RED_INDEX_ADD, x);
			if (!k->freassociate && !expr_is_int(&k->ints, s->u.augassign.value))
				failf_name(k, "'%s' may be a float sum, which regrouping changes "
				           "(-freassociate allows it)", x);
		} else
			failf_name(k, "changes '%s', which other iterations may read", x);
		check_expr(k, t->u.subscript.index);
		check_expr(k, s->u.augassign.value);
		return;
	}
	fail(k, "changes an object other iterations may read");
}

/* Whether e may read name (true when unsure). */
static bool mentions(const Expr *e, const char *name)
{
	if (!e)
		return false;
	switch (e->kind) {
	case EXPR_NAME: return strcmp(e->u.name.id, name) == 0;
	case EXPR_NONE: case EXPR_TRUE: case EXPR_FALSE: case EXPR_INT: case EXPR_FLOAT: case EXPR_STR:
		return false;
	case EXPR_BINOP: return mentions(e->u.binop.left, name) || mentions(e->u.binop.right, name);
	case EXPR_UNARYOP: return mentions(e->u.unaryop.operand, name);
	case EXPR_SUBSCRIPT: return mentions(e->u.subscript.value, name) || mentions(e->u.subscript.index, name);
	case EXPR_ATTRIBUTE: return mentions(e->u.attribute.value, name);
	case EXPR_CALL:
		if (mentions(e->u.call.func, name) || e->u.call.keywords.len)
			return true;
		/* fallthrough */
	case EXPR_TUPLE: case EXPR_LIST: {
		const ExprList *l = e->kind == EXPR_CALL ? &e->u.call.args : &e->u.seq.elts;
		for (int i = 0; i < l->len; i++)
			if (mentions(l->items[i], name))
				return true;
		return false;
	}
	default:
		return true;
	}
}

/* x = x + e, x = max(x, e), d[k] = d.get(k, 0) + e, d[k] = e */
static bool assign_reduction(Check *k, const Expr *t, const Expr *v)
{
	if (carried(k, t)) {
		const char *x = t->u.name.id;
		if (v->kind == EXPR_BINOP && (v->u.binop.op == BINOP_ADD || v->u.binop.op == BINOP_MUL) &&
		    is_name(v->u.binop.left) && strcmp(v->u.binop.left->u.name.id, x) == 0) {
			Reduction *r = add_reduction(k, v->u.binop.op == BINOP_ADD ? RED_ADD : RED_MUL, x);
			r->unkept |= !kept_ok(k, v->u.binop.right, 0);
			check_expr(k, v->u.binop.right);
			return true;
		}
		if (v->kind == EXPR_CALL && is_name(v->u.call.func) && v->u.call.args.len == 2 &&
		    !v->u.call.keywords.len) {
			const char *fn = v->u.call.func->u.name.id;
			bool mx = strcmp(fn, "max") == 0, mn = strcmp(fn, "min") == 0;
			const Expr *a = v->u.call.args.items[0], *b = v->u.call.args.items[1];
			if ((mx || mn) && builtin_unshadowed(k->c, &k->locals, fn) && is_name(a) &&
			    strcmp(a->u.name.id, x) == 0) {
				add_reduction(k, mx ? RED_MAX : RED_MIN, x);
				check_kept(k, b, x);
				check_expr(k, b);
				return true;
			}
		}
		return false;
	}
	if (t->kind != EXPR_SUBSCRIPT || !is_name(t->u.subscript.value) ||
	    t->u.subscript.index->kind == EXPR_SLICE)
		return false;
	const char *d = t->u.subscript.value->u.name.id;
	if (is_fresh(k, d) || nl_has(&k->binds, d))
		return false;
	const Expr *key = t->u.subscript.index;
	if (v->kind == EXPR_BINOP && v->u.binop.op == BINOP_ADD && method_call(v->u.binop.left, "get", 2)) {
		const Expr *get = v->u.binop.left;
		const Expr *obj = get->u.call.func->u.attribute.value;
		const Expr *dflt = get->u.call.args.items[1];
		if (is_name(obj) && strcmp(obj->u.name.id, d) == 0 && dflt->kind == EXPR_INT &&
		    strcmp(dflt->u.int_.digits, "0") == 0 && expr_same(get->u.call.args.items[0], key)) {
			add_reduction(k, RED_COUNT, d);
			/* the counts are summed per chunk, then chunk sums added */
			if (!k->freassociate && !expr_is_int(&k->ints, v->u.binop.right))
				failf_name(k, "'%s' counts values not known to be ints (-freassociate allows it)", d);
			check_expr(k, key);
			check_expr(k, v->u.binop.right);
			return true;
		}
	}
	if (mentions(v, d) || mentions(key, d))
		return false; /* reads what it stores into: a recurrence */
	add_reduction(k, RED_STORE, d);
	check_kept(k, v, d);
	check_expr(k, key);
	check_expr(k, v);
	return true;
}

static void check_assign(Check *k, const Stmt *s)
{
	const ExprList *ts = &s->u.assign.targets;
	const Expr *v = s->u.assign.value;
	if (ts->len == 1 && assign_reduction(k, ts->items[0], v))
		return;
	check_expr(k, v);
	for (int i = 0; i < ts->len; i++) {
		const Expr *t = ts->items[i];
		if (t->kind == EXPR_NAME || t->kind == EXPR_TUPLE || t->kind == EXPR_LIST) {
			NameList names = {0};
			target_stores(t, &names);
			bool only_names = true;
			for (int j = 0; j < t->u.seq.elts.len && t->kind != EXPR_NAME; j++)
				only_names &= t->u.seq.elts.items[j]->kind == EXPR_NAME;
			for (int j = 0; j < names.n; j++) {
				nl_add(&k->defined, names.v[j]);
				nl_add(&k->plain, names.v[j]);
			}
			nl_free(&names);
			if (!only_names)
				fail(k, "assigns to a nested target");
		} else if (t->kind == EXPR_SUBSCRIPT && is_name(t->u.subscript.value) &&
		           is_fresh(k, t->u.subscript.value->u.name.id)) {
			nl_add(&k->plain, t->u.subscript.value->u.name.id);
			check_expr(k, t->u.subscript.index);
		} else if (t->kind == EXPR_SUBSCRIPT && is_name(t->u.subscript.value)) {
			failf_name(k, "changes '%s', which other iterations may read", t->u.subscript.value->u.name.id);
		} else {
			fail(k, "changes an object other iterations may read");
		}
	}
}

/* x.append(e), x.add(e), d.setdefault(k, []).append(e) */
static bool call_reduction(Check *k, const Expr *e)
{
	if (method_call(e, "append", 1) || method_call(e, "add", 1)) {
		const Expr *obj = e->u.call.func->u.attribute.value;
		bool append = strcmp(e->u.call.func->u.attribute.attr, "append") == 0;
		if (is_name(obj) && !nl_has(&k->binds, obj->u.name.id) && !is_fresh(k, obj->u.name.id)) {
			add_reduction(k, append ? RED_APPEND : RED_SET_ADD, obj->u.name.id);
			if (append)
				check_kept(k, e->u.call.args.items[0], obj->u.name.id);
			check_expr(k, e->u.call.args.items[0]);
			return true;
		}
		const Expr *sd = obj;
		if (append && method_call(sd, "setdefault", 2)) {
			const Expr *d = sd->u.call.func->u.attribute.value;
			const Expr *dflt = sd->u.call.args.items[1];
			if (is_name(d) && !nl_has(&k->binds, d->u.name.id) && !is_fresh(k, d->u.name.id) &&
			    dflt->kind == EXPR_LIST && dflt->u.seq.elts.len == 0) {
				add_reduction(k, RED_GROUP, d->u.name.id);
				check_kept(k, e->u.call.args.items[0], d->u.name.id);
				check_expr(k, sd->u.call.args.items[0]);
				check_expr(k, e->u.call.args.items[0]);
				return true;
			}
		}
	}
	return false;
}

/* if e OP acc: acc = e; other = ... (no else): the best so far. */
static bool best_reduction(Check *k, const Stmt *s)
{
	const Expr *t = s->u.cond.test;
	if (s->u.cond.orelse.len || t->kind != EXPR_COMPARE || t->u.compare.ops.len != 1)
		return false;
	CmpOpKind op = t->u.compare.ops.items[0];
	if (op != CMP_LT && op != CMP_LE && op != CMP_GT && op != CMP_GE)
		return false;
	const Expr *l = t->u.compare.left, *r = t->u.compare.comparators.items[0];
	bool acc_left = carried(k, l) && nl_has(&k->binds, l->u.name.id);
	const Expr *acc = acc_left ? l : r, *cand = acc_left ? r : l;
	if (!acc_left && !(carried(k, r) && nl_has(&k->binds, r->u.name.id)))
		return false;
	const StmtList *body = &s->u.cond.body;
	bool sets_acc = false;
	for (int i = 0; i < body->len; i++) {
		const Stmt *a = body->items[i];
		if (a->kind != STMT_ASSIGN || a->u.assign.targets.len != 1 || !carried(k, a->u.assign.targets.items[0]))
			return false;
		if (strcmp(a->u.assign.targets.items[0]->u.name.id, acc->u.name.id) == 0)
			sets_acc = expr_same(a->u.assign.value, cand);
	}
	if (!sets_acc)
		return false;
	Reduction *red = add_reduction(k, RED_BEST, acc->u.name.id);
	red->test = s;
	red->acc_left = acc_left;
	red->with = arena_alloc(k->c->arena, (size_t)body->len * sizeof *red->with);
	check_expr(k, cand);
	for (int i = 0; i < body->len; i++) {
		const Stmt *a = body->items[i];
		const char *x = a->u.assign.targets.items[0]->u.name.id;
		if (strcmp(x, acc->u.name.id) == 0)
			continue;
		check_kept(k, a->u.assign.value, x);
		check_expr(k, a->u.assign.value);
		if (nl_has(&k->touched, x))
			failf_name(k, "'%s' is changed by two kinds of reduction", x);
		nl_add(&k->touched, x);
		nl_add(&k->withs, x);
		red->with[red->nwith++] = x;
	}
	return true;
}

static void check_stmts(Check *k, const StmtList *l);

static void check_block(Check *k, const StmtList *l)
{
	int saved = k->defined.n;
	check_stmts(k, l);
	k->defined.n = saved; /* bound there only maybe */
}

static void check_stmt(Check *k, const Stmt *s)
{
	switch (s->kind) {
	case STMT_ASSIGN: check_assign(k, s); break;
	case STMT_AUGASSIGN: check_augassign(k, s); break;
	case STMT_EXPR:
		if (!call_reduction(k, s->u.expr.value))
			check_expr(k, s->u.expr.value);
		break;
	case STMT_IF:
		if (best_reduction(k, s))
			break;
		check_expr(k, s->u.cond.test);
		check_block(k, &s->u.cond.body);
		check_block(k, &s->u.cond.orelse);
		break;
	case STMT_WHILE:
		k->has_while = true;
		if (s->u.cond.orelse.len)
			fail(k, "has a while loop with an else clause");
		check_expr(k, s->u.cond.test);
		k->depth++;
		check_block(k, &s->u.cond.body);
		k->depth--;
		break;
	case STMT_FOR: {
		if (s->u.for_.orelse.len)
			fail(k, "has a for loop with an else clause");
		check_expr(k, s->u.for_.iter);
		int saved = k->defined.n;
		NameList t = {0};
		target_stores(s->u.for_.target, &t);
		for (int i = 0; i < t.n; i++) {
			nl_add(&k->defined, t.v[i]);
			nl_add(&k->plain, t.v[i]);
		}
		nl_free(&t);
		k->depth++;
		check_stmts(k, &s->u.for_.body);
		k->depth--;
		k->defined.n = saved;
		break;
	}
	case STMT_BREAK:
		if (!k->depth)
			k->breaks = true;
		break;
	case STMT_CONTINUE: case STMT_PASS:
		break;
	case STMT_RAISE: check_expr(k, s->u.raise.exc); check_expr(k, s->u.raise.cause); break;
	case STMT_ASSERT: check_expr(k, s->u.assert_.test); check_expr(k, s->u.assert_.msg); break;
	case STMT_RETURN: fail(k, "can return from inside the loop"); break;
	default: failf_name(k, "has a %s statement", stmt_kind_name(s->kind)); break;
	}
}

static void check_stmts(Check *k, const StmtList *l)
{
	for (int i = 0; i < l->len && !k->why; i++)
		check_stmt(k, l->items[i]);
}

/* Names every store of which (in the loop) makes a new object. */
static bool fresh_value(const Expr *v)
{
	switch (v->kind) {
	case EXPR_LIST: case EXPR_DICT: case EXPR_SET: case EXPR_LISTCOMP: case EXPR_DICTCOMP:
	case EXPR_SETCOMP:
		return true;
	case EXPR_BINOP:
		return v->u.binop.op == BINOP_MUL && v->u.binop.left->kind == EXPR_LIST;
	default:
		return false;
	}
}

static void find_fresh(const StmtList *l, NameList *fresh, NameList *stale)
{
	for (int i = 0; i < l->len; i++) {
		const Stmt *s = l->items[i];
		switch (s->kind) {
		case STMT_ASSIGN:
			for (int t = 0; t < s->u.assign.targets.len; t++) {
				const Expr *tg = s->u.assign.targets.items[t];
				if (tg->kind == EXPR_NAME && s->u.assign.targets.len == 1 && fresh_value(s->u.assign.value))
					nl_add(fresh, tg->u.name.id);
				else
					target_stores(tg, stale);
			}
			break;
		case STMT_AUGASSIGN: target_stores(s->u.augassign.target, stale); break;
		case STMT_FOR:
			target_stores(s->u.for_.target, stale);
			find_fresh(&s->u.for_.body, fresh, stale);
			break;
		case STMT_IF: case STMT_WHILE:
			find_fresh(&s->u.cond.body, fresh, stale);
			find_fresh(&s->u.cond.orelse, fresh, stale);
			break;
		default:
			break;
		}
	}
}

void check_loop(Check *k, const Stmt *loop)
{
	k->loop = loop;
	NameList fresh = {0}, stale = {0};
	target_stores(loop->u.for_.target, &k->binds);
	stmts_stores(&loop->u.for_.body, &k->binds);
	find_fresh(&loop->u.for_.body, &fresh, &stale);
	for (int i = 0; i < fresh.n; i++)
		if (!nl_has(&stale, fresh.v[i]))
			nl_add(&k->fresh, fresh.v[i]);
	nl_free(&fresh);
	nl_free(&stale);
	if (loop->u.for_.orelse.len)
		fail(k, "has an else clause");
	NameList t = {0};
	target_stores(loop->u.for_.target, &t);
	for (int i = 0; i < t.n; i++)
		nl_add(&k->defined, t.v[i]);
	nl_free(&t);
	check_stmts(k, &loop->u.for_.body);
	for (int i = 0; i < k->nreds && !k->why; i++) {
		if (nl_has(&k->plain, k->reds[i].name))
			failf_name(k, "'%s' is used besides its reduction", k->reds[i].name);
	}
	for (int i = 0; i < k->withs.n && !k->why; i++)
		if (nl_has(&k->plain, k->withs.v[i]))
			failf_name(k, "'%s' is used besides its reduction", k->withs.v[i]);
	for (int i = 0; i < k->callee_reads.n && !k->why; i++)
		if (nl_has(&k->binds, k->callee_reads.v[i]) || nl_has(&k->touched, k->callee_reads.v[i]))
			failf_name(k, "calls a function that reads '%s', which the loop changes",
			           k->callee_reads.v[i]);
	/* Chunks after the one that breaks run ahead for nothing; they must
	 * not be able to run forever where the program had stopped. */
	if (k->breaks && (k->calls_defs || k->has_while))
		fail(k, "can leave early with break, and a later chunk might not end");
}

void check_free(Check *k)
{
	nl_free(&k->locals);
	nl_free(&k->binds);
	nl_free(&k->defined);
	nl_free(&k->fresh);
	nl_free(&k->reads);
	nl_free(&k->plain);
	nl_free(&k->comp);
	nl_free(&k->touched);
	nl_free(&k->withs);
	nl_free(&k->callee_reads);
}
