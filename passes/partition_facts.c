/* partition_facts.c: what each top-level statement of the module reads,
 * binds and changes, by name, for the partitioner.
 *
 * Tasks exchange values by name, so the facts are names:
 *   uses    names whose value the statement may read: loads in its code
 *           (lambdas and comprehensions included), the module names the
 *           functions it calls read, and for a compound statement every
 *           name it binds (it may leave the old value in place);
 *   defs    names it binds (targets, loop and `as` names, def, import, del);
 *   muts    names whose object it may change (x.append(...), x[i] = v, a
 *           call that changes its argument or a module-level object).
 * A name in muts counts as used and bound: a later reader must get the
 * object from this statement's task. */
#include "passes/partition_facts.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>

/* ---- name table ---- */

static unsigned str_hash(const char *s)
{
	unsigned h = 2166136261u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static int intern_string(NameTable *t, const char *s)
{
	if (t->len * 2 >= t->cap) {
		int nc = t->cap ? t->cap * 2 : 64;
		int *slots = xmalloc((size_t)nc * sizeof *slots);
		for (int i = 0; i < nc; i++)
			slots[i] = -1;
		for (int i = 0; i < t->cap; i++) {
			if (t->slots[i] < 0)
				continue;
			unsigned h = str_hash(t->names[t->slots[i]]) & (unsigned)(nc - 1);
			while (slots[h] >= 0)
				h = (h + 1) & (unsigned)(nc - 1);
			slots[h] = t->slots[i];
		}
		free(t->slots);
		t->slots = slots;
		t->cap = nc;
	}
	unsigned h = str_hash(s) & (unsigned)(t->cap - 1);
	while (t->slots[h] >= 0) {
		if (strcmp(t->names[t->slots[h]], s) == 0)
			return t->slots[h];
		h = (h + 1) & (unsigned)(t->cap - 1);
	}
	if (t->len == t->ncap) {
		t->ncap = t->ncap ? t->ncap * 2 : 64;
		t->names = xrealloc(t->names, (size_t)t->ncap * sizeof *t->names);
	}
	t->names[t->len] = s;
	t->slots[h] = t->len;
	return t->len++;
}

static unsigned ptr_hash(const char *s, int cap)
{
	uintptr_t p = (uintptr_t)s;
	return (unsigned)((p ^ (p >> 17)) * 0x9E3779B1u) & (unsigned)(cap - 1);
}

/* Where s is in the table of strings seen, or the free slot for it. */
static unsigned seen_slot(const NameTable *t, const char *s)
{
	unsigned h = ptr_hash(s, t->seen_cap);
	while (t->seen[h] && t->seen[h] != s)
		h = (h + 1) & (unsigned)(t->seen_cap - 1);
	return h;
}

static void seen_grow(NameTable *t)
{
	NameTable old = *t;
	t->seen_cap = old.seen_cap ? old.seen_cap * 2 : 64;
	t->seen = xcalloc((size_t)t->seen_cap, sizeof *t->seen);
	t->seen_id = xmalloc((size_t)t->seen_cap * sizeof *t->seen_id);
	for (int i = 0; i < old.seen_cap; i++)
		if (old.seen[i]) {
			unsigned h = seen_slot(t, old.seen[i]);
			t->seen[h] = old.seen[i];
			t->seen_id[h] = old.seen_id[i];
		}
	free(old.seen);
	free(old.seen_id);
}

int names_intern(NameTable *t, const char *s)
{
	if (t->nseen * 2 >= t->seen_cap)
		seen_grow(t);
	unsigned h = seen_slot(t, s);
	if (!t->seen[h]) {
		t->seen[h] = s;
		t->seen_id[h] = intern_string(t, s);
		t->nseen++;
	}
	return t->seen_id[h];
}

void names_free(NameTable *t)
{
	free(t->slots);
	free(t->names);
	free(t->seen);
	free(t->seen_id);
}

/* ---- id sets ---- */

#define IDSET_FREE INT_MIN /* no id is INT_MIN: names count up, classes down from -1 */

static bool idset_indexed(const IdSet *s)
{
	return s->cap > IDSET_SCAN;
}

/* The hash index: 2 * cap slots after items[cap], a power of two. */
static int *idset_slots(const IdSet *s)
{
	return s->items + s->cap;
}

static unsigned idset_slot(const IdSet *s, int x)
{
	unsigned mask = 2u * (unsigned)s->cap - 1;
	unsigned h = ((unsigned)x * 0x9E3779B1u) & mask;
	const int *slots = idset_slots(s);
	while (slots[h] != IDSET_FREE && slots[h] != x)
		h = (h + 1) & mask;
	return h;
}

static void idset_index(IdSet *s, int x)
{
	idset_slots(s)[idset_slot(s, x)] = x;
}

static void idset_reindex(IdSet *s)
{
	int *slots = idset_slots(s);
	for (int i = 0; i < 2 * s->cap; i++)
		slots[i] = IDSET_FREE;
	for (int i = 0; i < s->len; i++)
		idset_index(s, s->items[i]);
}

static void idset_grow(IdSet *s)
{
	int cap = s->cap ? s->cap * 2 : 8;
	size_t nslots = cap > IDSET_SCAN ? 2 * (size_t)cap : 0;
	int *items = xmalloc(((size_t)cap + nslots) * sizeof *items);
	if (s->len)
		memcpy(items, s->items, (size_t)s->len * sizeof *items);
	free(s->items);
	s->items = items;
	s->cap = cap;
	if (idset_indexed(s))
		idset_reindex(s);
}

bool idset_has(const IdSet *s, int x)
{
	if (idset_indexed(s))
		return idset_slots(s)[idset_slot(s, x)] == x;
	for (int i = 0; i < s->len; i++)
		if (s->items[i] == x)
			return true;
	return false;
}

void idset_add(IdSet *s, int x)
{
	if (idset_has(s, x))
		return;
	if (s->len == s->cap)
		idset_grow(s);
	s->items[s->len++] = x;
	if (idset_indexed(s))
		idset_index(s, x);
}

/* ---- the AST side: names loaded and bound ---- */

typedef struct Walk {
	NameTable *names;
	StmtFacts *f;
} Walk;

static void walk_expr(Walk *w, const Expr *e);

static void walk_exprs(Walk *w, const ExprList *l)
{
	for (int i = 0; i < l->len; i++)
		walk_expr(w, l->items[i]);
}

/* A target: names bound; subscripts and attributes read their object
 * and change it. */
static void walk_target(Walk *w, const Expr *t)
{
	switch (t->kind) {
	case EXPR_NAME:
		idset_add(&w->f->defs, names_intern(w->names, t->u.name.id));
		break;
	case EXPR_TUPLE: case EXPR_LIST:
		for (int i = 0; i < t->u.seq.elts.len; i++)
			walk_target(w, t->u.seq.elts.items[i]);
		break;
	default:
		walk_expr(w, t);
		break;
	}
}

static void walk_expr(Walk *w, const Expr *e)
{
	if (!e)
		return;
	switch (e->kind) {
	case EXPR_NAME:
		idset_add(&w->f->uses, names_intern(w->names, e->u.name.id));
		break;
	case EXPR_JOINEDSTR: walk_exprs(w, &e->u.joined.values); break;
	case EXPR_FORMATTED:
		walk_expr(w, e->u.formatted.value);
		walk_expr(w, e->u.formatted.spec);
		break;
	case EXPR_BOOLOP: walk_exprs(w, &e->u.boolop.values); break;
	case EXPR_BINOP:
		walk_expr(w, e->u.binop.left);
		walk_expr(w, e->u.binop.right);
		break;
	case EXPR_UNARYOP: walk_expr(w, e->u.unaryop.operand); break;
	case EXPR_COMPARE:
		walk_expr(w, e->u.compare.left);
		walk_exprs(w, &e->u.compare.comparators);
		break;
	case EXPR_IFEXP:
		walk_expr(w, e->u.ifexp.test);
		walk_expr(w, e->u.ifexp.body);
		walk_expr(w, e->u.ifexp.orelse);
		break;
	case EXPR_LAMBDA:
		/* its free names are read when it is called; counted here too,
		 * which is only more careful */
		for (int i = 0; i < e->u.lambda.params.len; i++)
			walk_expr(w, e->u.lambda.params.items[i]->default_value);
		walk_expr(w, e->u.lambda.body);
		break;
	case EXPR_CALL:
		walk_expr(w, e->u.call.func);
		walk_exprs(w, &e->u.call.args);
		for (int i = 0; i < e->u.call.keywords.len; i++)
			walk_expr(w, e->u.call.keywords.items[i]->value);
		break;
	case EXPR_ATTRIBUTE: walk_expr(w, e->u.attribute.value); break;
	case EXPR_SUBSCRIPT:
		walk_expr(w, e->u.subscript.value);
		walk_expr(w, e->u.subscript.index);
		break;
	case EXPR_SLICE:
		walk_expr(w, e->u.slice.lower);
		walk_expr(w, e->u.slice.upper);
		walk_expr(w, e->u.slice.step);
		break;
	case EXPR_LIST: case EXPR_TUPLE: case EXPR_SET: walk_exprs(w, &e->u.seq.elts); break;
	case EXPR_DICT:
		for (int i = 0; i < e->u.dict.keys.len; i++)
			walk_expr(w, e->u.dict.keys.items[i]); /* NULL for **d */
		walk_exprs(w, &e->u.dict.values);
		break;
	case EXPR_LISTCOMP: case EXPR_SETCOMP: case EXPR_DICTCOMP: case EXPR_GENEXP:
		/* the comprehension's own targets are its locals; reading them
		 * as module names too is only more careful */
		walk_expr(w, e->u.comp.key);
		walk_expr(w, e->u.comp.elt);
		for (int i = 0; i < e->u.comp.generators.len; i++) {
			const Comprehension *c = e->u.comp.generators.items[i];
			walk_expr(w, c->iter);
			walk_exprs(w, &c->ifs);
		}
		break;
	default:
		break;
	}
}

static void walk_stmt(Walk *w, const Stmt *s);

static void walk_body(Walk *w, const StmtList *l)
{
	for (int i = 0; i < l->len; i++)
		walk_stmt(w, l->items[i]);
}

static void walk_stmt(Walk *w, const Stmt *s)
{
	StmtFacts *f = w->f;
	switch (s->kind) {
	case STMT_FUNCTIONDEF:
		/* the body runs when called: its reads come from the summaries */
		for (int i = 0; i < s->u.funcdef.params.len; i++)
			walk_expr(w, s->u.funcdef.params.items[i]->default_value);
		idset_add(&f->defs, names_intern(w->names, s->u.funcdef.name));
		break;
	case STMT_RETURN: walk_expr(w, s->u.ret.value); break;
	case STMT_ASSIGN:
		walk_expr(w, s->u.assign.value);
		for (int i = 0; i < s->u.assign.targets.len; i++)
			walk_target(w, s->u.assign.targets.items[i]);
		break;
	case STMT_AUGASSIGN:
		walk_expr(w, s->u.augassign.target); /* read first */
		walk_expr(w, s->u.augassign.value);
		walk_target(w, s->u.augassign.target);
		break;
	case STMT_EXPR: walk_expr(w, s->u.expr.value); break;
	case STMT_IF: case STMT_WHILE:
		walk_expr(w, s->u.cond.test);
		walk_body(w, &s->u.cond.body);
		walk_body(w, &s->u.cond.orelse);
		break;
	case STMT_FOR:
		walk_expr(w, s->u.for_.iter);
		walk_target(w, s->u.for_.target);
		walk_body(w, &s->u.for_.body);
		walk_body(w, &s->u.for_.orelse);
		break;
	case STMT_TRY:
		walk_body(w, &s->u.try_.body);
		for (int i = 0; i < s->u.try_.handlers.len; i++) {
			const ExceptHandler *h = s->u.try_.handlers.items[i];
			walk_expr(w, h->type);
			if (h->name)
				idset_add(&f->defs, names_intern(w->names, h->name));
			walk_body(w, &h->body);
		}
		walk_body(w, &s->u.try_.orelse);
		walk_body(w, &s->u.try_.finalbody);
		break;
	case STMT_RAISE:
		walk_expr(w, s->u.raise.exc);
		walk_expr(w, s->u.raise.cause);
		break;
	case STMT_WITH:
		for (int i = 0; i < s->u.with.items.len; i++) {
			const WithItem *it = s->u.with.items.items[i];
			walk_expr(w, it->context);
			if (it->target)
				walk_target(w, it->target);
		}
		walk_body(w, &s->u.with.body);
		break;
	case STMT_DELETE:
		for (int i = 0; i < s->u.delete_.targets.len; i++) {
			const Expr *t = s->u.delete_.targets.items[i];
			walk_expr(w, t);  /* `del x` fails when x is unbound */
			walk_target(w, t);
		}
		break;
	case STMT_ASSERT:
		walk_expr(w, s->u.assert_.test);
		walk_expr(w, s->u.assert_.msg);
		break;
	case STMT_IMPORT:
		for (int i = 0; i < s->u.import.names.len; i++) {
			const Alias *a = s->u.import.names.items[i];
			const char *n = a->asname;
			if (!n) { /* `import os.path` binds os */
				const char *dot = strchr(a->name, '.');
				n = dot ? arena_strndup(w->names->arena, a->name, (size_t)(dot - a->name))
				        : a->name;
			}
			idset_add(&f->defs, names_intern(w->names, n));
		}
		break;
	case STMT_IMPORTFROM:
		for (int i = 0; i < s->u.importfrom.names.len; i++) {
			const Alias *a = s->u.importfrom.names.items[i];
			idset_add(&f->defs, names_intern(w->names, a->asname ? a->asname : a->name));
		}
		break;
	default:
		break;
	}
}

void facts_from_ast(NameTable *names, StmtFacts *f, const Stmt *s)
{
	Walk w = {names, f};
	walk_stmt(&w, s);
	f->compound = s->kind == STMT_IF || s->kind == STMT_WHILE || s->kind == STMT_FOR ||
	              s->kind == STMT_TRY || s->kind == STMT_WITH;
	/* `with ... as x` binds x before its body runs, surely; the rest of a
	 * compound statement's bindings may not happen */
	IdSet sure = {0};
	for (int i = 0; s->kind == STMT_WITH && i < s->u.with.items.len; i++) {
		const Expr *t = s->u.with.items.items[i]->target;
		if (t && t->kind == EXPR_NAME)
			idset_add(&sure, names_intern(names, t->u.name.id));
	}
	if (sure.len) {
		/* reads of x in the body read the new x: not a use of the old */
		StmtFacts ctx = {0};
		Walk cw = {names, &ctx};
		for (int i = 0; i < s->u.with.items.len; i++)
			walk_expr(&cw, s->u.with.items.items[i]->context);
		IdSet kept = {0};
		for (int i = 0; i < f->uses.len; i++)
			if (!idset_has(&sure, f->uses.items[i]) || idset_has(&ctx.uses, f->uses.items[i]))
				idset_add(&kept, f->uses.items[i]);
		free(f->uses.items);
		f->uses = kept;
		facts_free(&ctx);
	}
	if (f->compound)
		for (int i = 0; i < f->defs.len; i++)
			if (!idset_has(&sure, f->defs.items[i]))
				idset_add(&f->uses, f->defs.items[i]);
	free(sure.items);
}

void facts_free(StmtFacts *f)
{
	free(f->uses.items);
	free(f->defs.items);
	free(f->muts.items);
}
