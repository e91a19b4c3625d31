/* sema.c: checks on the parsed module that the grammar cannot make.
 *
 * - CPython's compile-time errors: 'return' outside function, 'break'
 *   outside loop, 'continue' not properly in loop.
 * - The subset's limits: which modules may be imported, which builtins
 *   may be named (those that reach into the namespace would see through
 *   surgec's renaming), and only os.path of the os module.
 * - Nesting depth: every later pass recurses over expressions, so this
 *   walk stops at SEMA_MAX_DEPTH and nothing deeper ever reaches them. */
#include "frontend/frontend.h"

#include <string.h>

enum { SEMA_MAX_DEPTH = 1000 };

/* A scope of Python's: the module, a function, a lambda or a
 * comprehension. Only what this pass asks of scopes is recorded: names
 * that shadow a forbidden builtin, and whether `os` names the module. */
typedef struct Scope {
	struct Scope *parent;
	const char *names[16];
	int len;
	bool overflow;         /* more than 16: treat every name as bound */
	bool os_module;        /* `import os` or `import os.path` is here */
} Scope;

typedef struct Sema {
	DiagEngine *diag;
	Scope *scope;
	int loop_depth;         /* loops around us in the current function */
	int func_depth;
	bool too_deep;
} Sema;

static void sema_expr(Sema *s, const Expr *e, int depth);
static void sema_stmts(Sema *s, const StmtList *l, int depth);

static const char *const modules[] = {"math", "random", "csv", "sys", "os", "os.path"};

/* Builtins that read or write the namespace, or run code from strings. */
static const char *const forbidden_builtins[] = {
	"eval", "exec", "getattr", "setattr", "delattr", "globals", "locals",
	"vars", "compile", "__import__",
};

static bool in_list(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(name, list[i]) == 0)
			return true;
	return false;
}

#define IN_LIST(name, list) in_list((name), (list), sizeof(list) / sizeof(list[0]))

static void bind(Scope *sc, const char *name)
{
	if (!IN_LIST(name, forbidden_builtins))
		return;
	for (int i = 0; i < sc->len; i++)
		if (strcmp(sc->names[i], name) == 0)
			return;
	if (sc->len == (int)(sizeof sc->names / sizeof *sc->names))
		sc->overflow = true;
	else
		sc->names[sc->len++] = name;
}

static void bind_target(Scope *sc, const Expr *e)
{
	if (e->kind == EXPR_NAME)
		bind(sc, e->u.name.id);
	else if (e->kind == EXPR_TUPLE || e->kind == EXPR_LIST)
		for (int i = 0; i < e->u.seq.elts.len; i++)
			bind_target(sc, e->u.seq.elts.items[i]);
}

/* Records what the statements bind in their own scope: not inside the
 * functions they define, which are scopes of their own. */
static void bind_stmts(Scope *sc, const StmtList *l)
{
	for (int i = 0; i < l->len; i++) {
		const Stmt *st = l->items[i];
		switch (st->kind) {
		case STMT_FUNCTIONDEF: bind(sc, st->u.funcdef.name); break;
		case STMT_ASSIGN:
			for (int j = 0; j < st->u.assign.targets.len; j++)
				bind_target(sc, st->u.assign.targets.items[j]);
			break;
		case STMT_AUGASSIGN: bind_target(sc, st->u.augassign.target); break;
		case STMT_DELETE:
			for (int j = 0; j < st->u.delete_.targets.len; j++)
				bind_target(sc, st->u.delete_.targets.items[j]);
			break;
		case STMT_IF: case STMT_WHILE:
			bind_stmts(sc, &st->u.cond.body);
			bind_stmts(sc, &st->u.cond.orelse);
			break;
		case STMT_FOR:
			bind_target(sc, st->u.for_.target);
			bind_stmts(sc, &st->u.for_.body);
			bind_stmts(sc, &st->u.for_.orelse);
			break;
		case STMT_WITH:
			for (int j = 0; j < st->u.with.items.len; j++)
				if (st->u.with.items.items[j]->target)
					bind_target(sc, st->u.with.items.items[j]->target);
			bind_stmts(sc, &st->u.with.body);
			break;
		case STMT_TRY:
			bind_stmts(sc, &st->u.try_.body);
			for (int j = 0; j < st->u.try_.handlers.len; j++) {
				const ExceptHandler *h = st->u.try_.handlers.items[j];
				if (h->name)
					bind(sc, h->name);
				bind_stmts(sc, &h->body);
			}
			bind_stmts(sc, &st->u.try_.orelse);
			bind_stmts(sc, &st->u.try_.finalbody);
			break;
		case STMT_IMPORT: case STMT_IMPORTFROM: {
			const AliasList *al = st->kind == STMT_IMPORT ? &st->u.import.names
			                                              : &st->u.importfrom.names;
			for (int j = 0; j < al->len; j++) {
				const Alias *a = al->items[j];
				if (a->asname) {
					bind(sc, a->asname);
				} else if (st->kind == STMT_IMPORTFROM || !strchr(a->name, '.')) {
					bind(sc, a->name);
				}
				/* import os.path binds os, as import os does. */
				if (st->kind == STMT_IMPORT && !a->asname &&
				    (strcmp(a->name, "os") == 0 || strncmp(a->name, "os.", 3) == 0))
					sc->os_module = true;
			}
			break;
		}
		default:
			break;
		}
	}
}

static void bind_params(Scope *sc, const ParamList *l)
{
	for (int i = 0; i < l->len; i++)
		bind(sc, l->items[i]->name);
}

static bool os_is_module(const Sema *s)
{
	for (const Scope *sc = s->scope; sc; sc = sc->parent)
		if (sc->os_module)
			return true;
	return false;
}

/* Whether a name refers to the builtin of that name: no enclosing scope
 * binds it. */
static bool is_builtin(const Sema *s, const char *name)
{
	for (const Scope *sc = s->scope; sc; sc = sc->parent) {
		if (sc->overflow)
			return false;
		for (int i = 0; i < sc->len; i++)
			if (strcmp(sc->names[i], name) == 0)
				return false;
	}
	return true;
}

static void sema_exprs(Sema *s, const ExprList *l, int depth)
{
	for (int i = 0; i < l->len; i++)
		sema_expr(s, l->items[i], depth);
}

static void sema_params(Sema *s, const ParamList *l, int depth)
{
	for (int i = 0; i < l->len; i++)
		if (l->items[i]->default_value)
			sema_expr(s, l->items[i]->default_value, depth);
}

static void sema_expr(Sema *s, const Expr *e, int depth)
{
	if (!e || s->too_deep)
		return;
	if (depth > SEMA_MAX_DEPTH) {
		error_at(s->diag, e->range, "expression nested too deeply (more than %d levels)",
		         SEMA_MAX_DEPTH);
		s->too_deep = true;
		return;
	}
	depth++;
	switch (e->kind) {
	case EXPR_NAME:
		if (e->u.name.ctx == CTX_LOAD && IN_LIST(e->u.name.id, forbidden_builtins) &&
		    is_builtin(s, e->u.name.id))
			error_at(s->diag, e->range, "unsupported: builtin '%s'", e->u.name.id);
		break;
	case EXPR_JOINEDSTR:
		sema_exprs(s, &e->u.joined.values, depth);
		break;
	case EXPR_FORMATTED:
		sema_expr(s, e->u.formatted.value, depth);
		sema_expr(s, e->u.formatted.spec, depth);
		break;
	case EXPR_BOOLOP:
		sema_exprs(s, &e->u.boolop.values, depth);
		break;
	case EXPR_BINOP:
		sema_expr(s, e->u.binop.left, depth);
		sema_expr(s, e->u.binop.right, depth);
		break;
	case EXPR_UNARYOP:
		sema_expr(s, e->u.unaryop.operand, depth);
		break;
	case EXPR_COMPARE:
		sema_expr(s, e->u.compare.left, depth);
		sema_exprs(s, &e->u.compare.comparators, depth);
		break;
	case EXPR_IFEXP:
		sema_expr(s, e->u.ifexp.test, depth);
		sema_expr(s, e->u.ifexp.body, depth);
		sema_expr(s, e->u.ifexp.orelse, depth);
		break;
	case EXPR_LAMBDA: {
		sema_params(s, &e->u.lambda.params, depth);
		Scope sc = {.parent = s->scope};
		bind_params(&sc, &e->u.lambda.params);
		s->scope = &sc;
		sema_expr(s, e->u.lambda.body, depth);
		s->scope = sc.parent;
		break;
	}
	case EXPR_CALL:
		/* dir() lists the caller's namespace, which a task does not have
		 * whole (as locals() and vars() would) */
		if (e->u.call.func->kind == EXPR_NAME && strcmp(e->u.call.func->u.name.id, "dir") == 0 &&
		    !e->u.call.args.len && !e->u.call.keywords.len && is_builtin(s, "dir"))
			error_at(s->diag, e->range, "unsupported: dir() without an argument");
		sema_expr(s, e->u.call.func, depth);
		sema_exprs(s, &e->u.call.args, depth);
		for (int i = 0; i < e->u.call.keywords.len; i++)
			sema_expr(s, e->u.call.keywords.items[i]->value, depth);
		break;
	case EXPR_ATTRIBUTE: {
		const Expr *v = e->u.attribute.value;
		if (v->kind == EXPR_NAME && strcmp(v->u.name.id, "os") == 0 &&
		    strcmp(e->u.attribute.attr, "path") != 0 && os_is_module(s))
			error_at(s->diag, e->range, "unsupported: 'os.%s' (only os.path is supported)",
			         e->u.attribute.attr);
		sema_expr(s, v, depth);
		break;
	}
	case EXPR_SUBSCRIPT:
		sema_expr(s, e->u.subscript.value, depth);
		sema_expr(s, e->u.subscript.index, depth);
		break;
	case EXPR_SLICE:
		sema_expr(s, e->u.slice.lower, depth);
		sema_expr(s, e->u.slice.upper, depth);
		sema_expr(s, e->u.slice.step, depth);
		break;
	case EXPR_LIST: case EXPR_TUPLE: case EXPR_SET:
		sema_exprs(s, &e->u.seq.elts, depth);
		break;
	case EXPR_DICT:
		sema_exprs(s, &e->u.dict.keys, depth);
		sema_exprs(s, &e->u.dict.values, depth);
		break;
	case EXPR_LISTCOMP: case EXPR_SETCOMP: case EXPR_DICTCOMP: case EXPR_GENEXP: {
		/* The targets are the comprehension's own names. */
		Scope sc = {.parent = s->scope};
		for (int i = 0; i < e->u.comp.generators.len; i++)
			bind_target(&sc, e->u.comp.generators.items[i]->target);
		s->scope = &sc;
		for (int i = 0; i < e->u.comp.generators.len; i++) {
			const Comprehension *c = e->u.comp.generators.items[i];
			sema_expr(s, c->target, depth);
			sema_expr(s, c->iter, depth);
			sema_exprs(s, &c->ifs, depth);
		}
		sema_expr(s, e->u.comp.key, depth);
		sema_expr(s, e->u.comp.elt, depth);
		s->scope = sc.parent;
		break;
	}
	case EXPR_NONE: case EXPR_TRUE: case EXPR_FALSE: case EXPR_INT:
	case EXPR_FLOAT: case EXPR_STR:
		break;
	}
}

static void check_import(Sema *s, const char *module, SrcRange r)
{
	if (!IN_LIST(module, modules))
		error_at(s->diag, r, "unsupported: import of module '%s'", module);
}

static void sema_stmt(Sema *s, const Stmt *st, int depth)
{
	switch (st->kind) {
	case STMT_FUNCTIONDEF: {
		sema_params(s, &st->u.funcdef.params, depth);
		int loops = s->loop_depth;
		s->loop_depth = 0;
		s->func_depth++;
		Scope sc = {.parent = s->scope};
		bind_params(&sc, &st->u.funcdef.params);
		bind_stmts(&sc, &st->u.funcdef.body);
		s->scope = &sc;
		sema_stmts(s, &st->u.funcdef.body, depth);
		s->scope = sc.parent;
		s->func_depth--;
		s->loop_depth = loops;
		break;
	}
	case STMT_RETURN:
		if (s->func_depth == 0)
			error_at(s->diag, st->range, "'return' outside function");
		sema_expr(s, st->u.ret.value, depth);
		break;
	case STMT_ASSIGN:
		sema_exprs(s, &st->u.assign.targets, depth);
		sema_expr(s, st->u.assign.value, depth);
		break;
	case STMT_AUGASSIGN:
		sema_expr(s, st->u.augassign.target, depth);
		sema_expr(s, st->u.augassign.value, depth);
		break;
	case STMT_EXPR:
		sema_expr(s, st->u.expr.value, depth);
		break;
	case STMT_IF:
		sema_expr(s, st->u.cond.test, depth);
		sema_stmts(s, &st->u.cond.body, depth);
		sema_stmts(s, &st->u.cond.orelse, depth);
		break;
	case STMT_WHILE: case STMT_FOR:
		if (st->kind == STMT_WHILE) {
			sema_expr(s, st->u.cond.test, depth);
		} else {
			sema_expr(s, st->u.for_.target, depth);
			sema_expr(s, st->u.for_.iter, depth);
		}
		s->loop_depth++;
		sema_stmts(s, st->kind == STMT_WHILE ? &st->u.cond.body : &st->u.for_.body, depth);
		s->loop_depth--;
		/* The else clause runs after the loop, not in it. */
		sema_stmts(s, st->kind == STMT_WHILE ? &st->u.cond.orelse : &st->u.for_.orelse, depth);
		break;
	case STMT_BREAK:
		if (s->loop_depth == 0)
			error_at(s->diag, st->range, "'break' outside loop");
		break;
	case STMT_CONTINUE:
		if (s->loop_depth == 0)
			error_at(s->diag, st->range, "'continue' not properly in loop");
		break;
	case STMT_PASS:
		break;
	case STMT_TRY:
		sema_stmts(s, &st->u.try_.body, depth);
		for (int i = 0; i < st->u.try_.handlers.len; i++) {
			sema_expr(s, st->u.try_.handlers.items[i]->type, depth);
			sema_stmts(s, &st->u.try_.handlers.items[i]->body, depth);
		}
		sema_stmts(s, &st->u.try_.orelse, depth);
		sema_stmts(s, &st->u.try_.finalbody, depth);
		break;
	case STMT_RAISE:
		sema_expr(s, st->u.raise.exc, depth);
		sema_expr(s, st->u.raise.cause, depth);
		break;
	case STMT_WITH:
		for (int i = 0; i < st->u.with.items.len; i++) {
			sema_expr(s, st->u.with.items.items[i]->context, depth);
			sema_expr(s, st->u.with.items.items[i]->target, depth);
		}
		sema_stmts(s, &st->u.with.body, depth);
		break;
	case STMT_DELETE:
		sema_exprs(s, &st->u.delete_.targets, depth);
		break;
	case STMT_ASSERT:
		sema_expr(s, st->u.assert_.test, depth);
		sema_expr(s, st->u.assert_.msg, depth);
		break;
	case STMT_IMPORT:
		for (int i = 0; i < st->u.import.names.len; i++)
			check_import(s, st->u.import.names.items[i]->name,
			             st->u.import.names.items[i]->range);
		break;
	case STMT_IMPORTFROM: {
		const char *m = st->u.importfrom.module;
		check_import(s, m, st->u.importfrom.module_range);
		if (strcmp(m, "os") == 0) {
			for (int i = 0; i < st->u.importfrom.names.len; i++) {
				const Alias *a = st->u.importfrom.names.items[i];
				if (strcmp(a->name, "path") != 0)
					error_at(s->diag, a->range, "unsupported: 'os.%s' (only os.path "
					         "is supported)", a->name);
			}
		}
		break;
	}
	}
}

static void sema_stmts(Sema *s, const StmtList *l, int depth)
{
	for (int i = 0; i < l->len && !diag_too_many(s->diag); i++)
		sema_stmt(s, l->items[i], depth);
}

bool sema_check(const Module *m, DiagEngine *d)
{
	Scope module = {0};
	bind_stmts(&module, &m->body);
	Sema s = {.diag = d, .scope = &module};
	int before = d->nerrors;
	sema_stmts(&s, &m->body, 0);
	return d->nerrors == before;
}
