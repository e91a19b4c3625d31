/* scope.c: where each name of a function lives, by Python's scoping rules.
 *
 * A name bound anywhere in a function (assignment, for, with, except, def,
 * import, del, parameter) is local to the whole function; otherwise it is
 * the enclosing function's, the module's, or a builtin. Comprehension
 * targets belong to the comprehension. Locals that nested functions read
 * become cells; locals an exception may carry to a handler, a finally or
 * past the try become slots (see ir.h). */
#include "ir/lower.h"

#include <stdlib.h>

static uint64_t hash_name(const char *s)
{
	uint64_t h = 1469598103934665603u;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return h;
}

static int nameset_slot(const NameSet *s, const char *name)
{
	size_t mask = (size_t)s->cap - 1;
	for (size_t i = hash_name(name) & mask;; i = (i + 1) & mask)
		if (!s->keys[i] || strcmp(s->keys[i], name) == 0)
			return (int)i;
}

bool nameset_has(const NameSet *s, const char *name)
{
	if (!s->cap)
		return false;
	return s->keys[nameset_slot(s, name)] != NULL;
}

bool nameset_add(NameSet *s, const char *name)
{
	if ((s->len + 1) * 2 > s->cap) {
		NameSet bigger = {xcalloc((size_t)(s->cap ? s->cap * 2 : 16), sizeof(char *)),
		                  s->cap ? s->cap * 2 : 16, 0};
		for (int i = 0; i < s->cap; i++)
			if (s->keys[i])
				nameset_add(&bigger, s->keys[i]);
		free(s->keys);
		*s = bigger;
	}
	int i = nameset_slot(s, name);
	if (s->keys[i])
		return false;
	s->keys[i] = name;
	s->len++;
	return true;
}

void nameset_free(NameSet *s)
{
	free(s->keys);
	memset(s, 0, sizeof *s);
}

static void nameset_merge(NameSet *into, const NameSet *from)
{
	for (int i = 0; i < from->cap; i++)
		if (from->keys[i])
			nameset_add(into, from->keys[i]);
}

bool is_builtin_name(const char *name)
{
	static const char *const builtins[] = {
		"abs", "all", "any", "ascii", "bin", "bool", "chr", "dict", "divmod",
		"enumerate", "filter", "float", "format", "frozenset", "hash", "hex",
		"id", "input", "int", "isinstance", "iter", "len", "list", "map", "max",
		"min", "next", "oct", "open", "ord", "pow", "print", "range", "repr",
		"reversed", "round", "set", "slice", "sorted", "str", "sum", "tuple",
		"type", "zip", "hasattr", "callable", "issubclass", "object",
		"BaseException", "Exception", "ArithmeticError", "AssertionError",
		"AttributeError", "EOFError", "FileNotFoundError", "IndexError",
		"KeyError", "LookupError", "MemoryError", "NameError", "NotImplementedError",
		"OSError", "IOError", "OverflowError", "RecursionError", "RuntimeError",
		"StopIteration", "TypeError", "UnboundLocalError", "ValueError",
		"ZeroDivisionError", "UnicodeDecodeError", "UnicodeEncodeError",
		"UnicodeError", "PermissionError", "IsADirectoryError", "KeyboardInterrupt",
		"SystemExit", "FloatingPointError", "Warning", "UserWarning",
		"DeprecationWarning", "__name__",
	};
	for (size_t i = 0; i < sizeof builtins / sizeof *builtins; i++)
		if (strcmp(builtins[i], name) == 0)
			return true;
	return false;
}

/* One walk over a scope's own code. Nested functions are walked by a
 * Collector of their own, whose free reads come back as nested_reads. */
typedef struct Collector {
	ScopeInfo *s;
	NameSet reads;          /* loads in this scope */
	NameSet nested_reads;   /* free reads of nested functions */
	const char **shadows;   /* comprehension targets in force */
	int nshadows, capshadows;
	int slot_depth;         /* > 0 inside code whose bindings become slots */
} Collector;

static void collect_stmts(Collector *c, const StmtList *l);
static void collect_expr(Collector *c, const Expr *e);

static bool shadowed(const Collector *c, const char *name)
{
	for (int i = c->nshadows - 1; i >= 0; i--)
		if (strcmp(c->shadows[i], name) == 0)
			return true;
	return false;
}

static void bind(Collector *c, const char *name)
{
	nameset_add(&c->s->assigned, name);
	if (c->slot_depth > 0)
		nameset_add(&c->s->slots, name);
}

static void bind_target(Collector *c, const Expr *t)
{
	switch (t->kind) {
	case EXPR_NAME:
		bind(c, t->u.name.id);
		break;
	case EXPR_TUPLE: case EXPR_LIST:
		for (int i = 0; i < t->u.seq.elts.len; i++)
			bind_target(c, t->u.seq.elts.items[i]);
		break;
	default:
		collect_expr(c, t); /* a.b = ..., a[i] = ...: reads a and i */
		break;
	}
}

/* Records a nested function's free reads. One that reads a comprehension's
 * own variable would need a cell per comprehension run: not lowered yet. */
static void note_nested(Collector *c, const ScopeInfo *child, SrcRange at)
{
	nameset_merge(&c->nested_reads, &child->free);
	for (int i = 0; i < c->nshadows; i++) {
		if (nameset_has(&child->free, c->shadows[i]) && !c->s->captures_comprehension_var) {
			c->s->captures_comprehension_var = true;
			c->s->capture_at = at;
		}
	}
}

/* The names a nested function reads that it does not bind itself. */
static void collect_nested(Collector *c, const ParamList *params, const StmtList *body,
                           const Expr *lambda_body, SrcRange at)
{
	ScopeInfo child;
	scope_analyze(&child, NULL, params, body, lambda_body);
	note_nested(c, &child, at);
	scope_free(&child);
}

static void push_shadow(Collector *c, const char *name)
{
	if (c->nshadows == c->capshadows) {
		c->capshadows = c->capshadows ? c->capshadows * 2 : 8;
		c->shadows = xrealloc(c->shadows, (size_t)c->capshadows * sizeof *c->shadows);
	}
	c->shadows[c->nshadows++] = name;
}

static void shadow_target(Collector *c, const Expr *t)
{
	if (t->kind == EXPR_NAME)
		push_shadow(c, t->u.name.id);
	else if (t->kind == EXPR_TUPLE || t->kind == EXPR_LIST)
		for (int i = 0; i < t->u.seq.elts.len; i++)
			shadow_target(c, t->u.seq.elts.items[i]);
	else
		collect_expr(c, t);
}

static void collect_exprs(Collector *c, const ExprList *l)
{
	for (int i = 0; i < l->len; i++)
		collect_expr(c, l->items[i]);
}

static void collect_defaults(Collector *c, const ParamList *l)
{
	for (int i = 0; i < l->len; i++)
		if (l->items[i]->default_value)
			collect_expr(c, l->items[i]->default_value);
}

static void collect_expr(Collector *c, const Expr *e)
{
	if (!e)
		return;
	switch (e->kind) {
	case EXPR_NAME:
		if (e->u.name.ctx == CTX_LOAD && !shadowed(c, e->u.name.id))
			nameset_add(&c->reads, e->u.name.id);
		break;
	case EXPR_LAMBDA:
		collect_defaults(c, &e->u.lambda.params);
		collect_nested(c, &e->u.lambda.params, NULL, e->u.lambda.body, e->range);
		break;
	case EXPR_GENEXP: {
		/* The first iterable is evaluated where the generator is made;
		 * the rest runs in the generator's own scope. */
		collect_expr(c, e->u.comp.generators.items[0]->iter);
		ScopeInfo child;
		scope_analyze(&child, NULL, NULL, NULL, e);
		note_nested(c, &child, e->range);
		scope_free(&child);
		break;
	}
	case EXPR_LISTCOMP: case EXPR_SETCOMP: case EXPR_DICTCOMP: {
		int mark = c->nshadows;
		for (int i = 0; i < e->u.comp.generators.len; i++) {
			const Comprehension *g = e->u.comp.generators.items[i];
			collect_expr(c, g->iter);
			shadow_target(c, g->target);
			collect_exprs(c, &g->ifs);
		}
		collect_expr(c, e->u.comp.key);
		collect_expr(c, e->u.comp.elt);
		c->nshadows = mark;
		break;
	}
	case EXPR_JOINEDSTR: collect_exprs(c, &e->u.joined.values); break;
	case EXPR_FORMATTED:
		collect_expr(c, e->u.formatted.value);
		collect_expr(c, e->u.formatted.spec);
		break;
	case EXPR_BOOLOP: collect_exprs(c, &e->u.boolop.values); break;
	case EXPR_BINOP:
		collect_expr(c, e->u.binop.left);
		collect_expr(c, e->u.binop.right);
		break;
	case EXPR_UNARYOP: collect_expr(c, e->u.unaryop.operand); break;
	case EXPR_COMPARE:
		collect_expr(c, e->u.compare.left);
		collect_exprs(c, &e->u.compare.comparators);
		break;
	case EXPR_IFEXP:
		collect_expr(c, e->u.ifexp.test);
		collect_expr(c, e->u.ifexp.body);
		collect_expr(c, e->u.ifexp.orelse);
		break;
	case EXPR_CALL:
		collect_expr(c, e->u.call.func);
		collect_exprs(c, &e->u.call.args);
		for (int i = 0; i < e->u.call.keywords.len; i++)
			collect_expr(c, e->u.call.keywords.items[i]->value);
		break;
	case EXPR_ATTRIBUTE: collect_expr(c, e->u.attribute.value); break;
	case EXPR_SUBSCRIPT:
		collect_expr(c, e->u.subscript.value);
		collect_expr(c, e->u.subscript.index);
		break;
	case EXPR_SLICE:
		collect_expr(c, e->u.slice.lower);
		collect_expr(c, e->u.slice.upper);
		collect_expr(c, e->u.slice.step);
		break;
	case EXPR_LIST: case EXPR_TUPLE: case EXPR_SET:
		collect_exprs(c, &e->u.seq.elts);
		break;
	case EXPR_DICT:
		collect_exprs(c, &e->u.dict.keys);
		collect_exprs(c, &e->u.dict.values);
		break;
	default:
		break;
	}
}

static void collect_stmt(Collector *c, const Stmt *st)
{
	switch (st->kind) {
	case STMT_FUNCTIONDEF:
		collect_defaults(c, &st->u.funcdef.params);
		bind(c, st->u.funcdef.name);
		collect_nested(c, &st->u.funcdef.params, &st->u.funcdef.body, NULL, st->range);
		break;
	case STMT_RETURN: collect_expr(c, st->u.ret.value); break;
	case STMT_ASSIGN:
		collect_expr(c, st->u.assign.value);
		for (int i = 0; i < st->u.assign.targets.len; i++)
			bind_target(c, st->u.assign.targets.items[i]);
		break;
	case STMT_AUGASSIGN:
		collect_expr(c, st->u.augassign.value);
		if (st->u.augassign.target->kind == EXPR_NAME) {
			nameset_add(&c->reads, st->u.augassign.target->u.name.id);
			bind(c, st->u.augassign.target->u.name.id);
		} else {
			collect_expr(c, st->u.augassign.target);
		}
		break;
	case STMT_EXPR: collect_expr(c, st->u.expr.value); break;
	case STMT_IF: case STMT_WHILE:
		collect_expr(c, st->u.cond.test);
		collect_stmts(c, &st->u.cond.body);
		collect_stmts(c, &st->u.cond.orelse);
		break;
	case STMT_FOR:
		collect_expr(c, st->u.for_.iter);
		bind_target(c, st->u.for_.target);
		collect_stmts(c, &st->u.for_.body);
		collect_stmts(c, &st->u.for_.orelse);
		break;
	case STMT_TRY: {
		/* What the body binds may be half done when an exception leaves
		 * it; with a finally, so may what the handlers and else bind. */
		bool fin = st->u.try_.finalbody.len > 0;
		c->slot_depth++;
		collect_stmts(c, &st->u.try_.body);
		c->slot_depth -= !fin;
		for (int i = 0; i < st->u.try_.handlers.len; i++) {
			const ExceptHandler *h = st->u.try_.handlers.items[i];
			collect_expr(c, h->type);
			if (h->name)
				bind(c, h->name);
			collect_stmts(c, &h->body);
		}
		collect_stmts(c, &st->u.try_.orelse);
		c->slot_depth -= fin;
		collect_stmts(c, &st->u.try_.finalbody);
		break;
	}
	case STMT_RAISE:
		collect_expr(c, st->u.raise.exc);
		collect_expr(c, st->u.raise.cause);
		break;
	case STMT_WITH:
		for (int i = 0; i < st->u.with.items.len; i++) {
			collect_expr(c, st->u.with.items.items[i]->context);
			if (st->u.with.items.items[i]->target)
				bind_target(c, st->u.with.items.items[i]->target);
		}
		collect_stmts(c, &st->u.with.body);
		break;
	case STMT_DELETE:
		for (int i = 0; i < st->u.delete_.targets.len; i++)
			bind_target(c, st->u.delete_.targets.items[i]);
		break;
	case STMT_ASSERT:
		collect_expr(c, st->u.assert_.test);
		collect_expr(c, st->u.assert_.msg);
		break;
	case STMT_IMPORT:
		for (int i = 0; i < st->u.import.names.len; i++) {
			const Alias *a = st->u.import.names.items[i];
			if (a->asname) {
				bind(c, a->asname);
			} else {
				/* import os.path binds os (sema allows no other
				 * dotted import) */
				bind(c, strncmp(a->name, "os.", 3) == 0 ? "os" : a->name);
			}
		}
		break;
	case STMT_IMPORTFROM:
		for (int i = 0; i < st->u.importfrom.names.len; i++) {
			const Alias *a = st->u.importfrom.names.items[i];
			bind(c, a->asname ? a->asname : a->name);
		}
		break;
	case STMT_BREAK: case STMT_CONTINUE: case STMT_PASS:
		break;
	}
}

static void collect_stmts(Collector *c, const StmtList *l)
{
	for (int i = 0; l && i < l->len; i++)
		collect_stmt(c, l->items[i]);
}

void scope_analyze(ScopeInfo *s, ScopeInfo *parent, const ParamList *params,
                   const StmtList *body, const Expr *lambda_body)
{
	memset(s, 0, sizeof *s);
	s->parent = parent;
	s->is_module = params == NULL && lambda_body == NULL && parent == NULL && body != NULL;
	Collector c = {.s = s};
	for (int i = 0; params && i < params->len; i++)
		nameset_add(&s->params, params->items[i]->name);
	if (lambda_body && lambda_body->kind == EXPR_GENEXP) {
		/* A generator expression: its targets are its own locals, its
		 * first iterable arrives as its one parameter. */
		const Expr *g = lambda_body;
		for (int i = 0; i < g->u.comp.generators.len; i++) {
			const Comprehension *cl = g->u.comp.generators.items[i];
			if (i > 0)
				collect_expr(&c, cl->iter);
			bind_target(&c, cl->target);
			collect_exprs(&c, &cl->ifs);
		}
		collect_expr(&c, g->u.comp.elt);
	} else if (lambda_body) {
		collect_expr(&c, lambda_body);
	}
	collect_stmts(&c, body);

	/* Free: read here or deeper, bound neither here nor as a parameter. */
	NameSet all = {0};
	nameset_merge(&all, &c.reads);
	nameset_merge(&all, &c.nested_reads);
	for (int i = 0; i < all.cap; i++) {
		const char *n = all.keys[i];
		if (!n || nameset_has(&s->assigned, n) || nameset_has(&s->params, n))
			continue;
		/* Without a parent (analysing a nested function for its reads)
		 * everything unbound is free; with one, only what an enclosing
		 * function binds. */
		VarKind k = !parent ? VAR_FREE : parent->is_module ? VAR_GLOBAL
		                                                   : scope_lookup(parent, n);
		if (k == VAR_SSA || k == VAR_SLOT || k == VAR_CELL || k == VAR_FREE)
			nameset_add(&s->free, n);
	}
	for (int i = 0; i < c.nested_reads.cap; i++) {
		const char *n = c.nested_reads.keys[i];
		if (!n)
			continue;
		if (s->is_module) {
			if (nameset_has(&s->assigned, n))
				nameset_add(&s->read_by_functions, n);
		} else if (nameset_has(&s->assigned, n) || nameset_has(&s->params, n)) {
			nameset_add(&s->cells, n);
		}
	}
	nameset_free(&all);
	nameset_free(&c.reads);
	nameset_free(&c.nested_reads);
	free(c.shadows);
}

void scope_free(ScopeInfo *s)
{
	nameset_free(&s->params);
	nameset_free(&s->assigned);
	nameset_free(&s->slots);
	nameset_free(&s->cells);
	nameset_free(&s->free);
	nameset_free(&s->read_by_functions);
}

VarKind scope_lookup(const ScopeInfo *s, const char *name)
{
	if (s->is_module) {
		if (nameset_has(&s->assigned, name))
			return nameset_has(&s->slots, name) ? VAR_SLOT : VAR_SSA;
		return is_builtin_name(name) ? VAR_BUILTIN : VAR_GLOBAL;
	}
	if (nameset_has(&s->cells, name))
		return VAR_CELL;
	if (nameset_has(&s->assigned, name) || nameset_has(&s->params, name))
		return nameset_has(&s->slots, name) ? VAR_SLOT : VAR_SSA;
	if (nameset_has(&s->free, name))
		return VAR_FREE;
	const ScopeInfo *m = s;
	while (m->parent)
		m = m->parent;
	if (m->is_module && nameset_has(&m->assigned, name))
		return VAR_GLOBAL;
	return is_builtin_name(name) ? VAR_BUILTIN : VAR_GLOBAL;
}
