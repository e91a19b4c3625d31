/* lower.c: statements and functions, from the AST into SSA.
 *
 * Control flow follows Python's: if/while/for build their blocks and
 * record a Region; break, continue and return first run what the try
 * statements and with blocks they leave owe (finally bodies, __exit__),
 * as CPython does. A try's handler is entered by an exceptional edge from
 * the block where the try starts: variables assigned inside the try are
 * slots (scope.c), so the handler's SSA values are those at that point.
 * Expressions are in lower_expr.c. */
#include "ir/lower.h"

#include <stdlib.h>

const Type *ty(Lower *L, TypeKind k)
{
	return type_basic(L->types, k);
}

Block *new_block(Lower *L, const char *label)
{
	Block *b = ir_block_new(L->fn, label);
	b->handler = L->handler;
	b->stmt = L->stmt;
	return b;
}

void set_block(Lower *L, Block *b)
{
	L->cur = b;
}

void seal(Lower *L, Block *b)
{
	ssa_seal(&L->ssa, b);
}

void enter_block(Lower *L, Block *b)
{
	seal(L, b);
	set_block(L, b);
}

/* Code after a return or break still gets lowered, into a block nothing
 * reaches; simplifycfg drops it. */
void ensure_current_block(Lower *L)
{
	if (!L->cur) {
		Block *b = new_block(L, "unreachable");
		seal(L, b);
		L->cur = b;
	}
}

Instr *emit(Lower *L, Op op, const Type *type)
{
	ensure_current_block(L);
	Instr *i = ir_instr_new(L->fn, op, type);
	i->loc = L->loc;
	i->stmt = L->stmt;
	ir_append(L->cur, i);
	if (ir_is_terminator(op))
		L->cur = NULL;
	return i;
}

Instr *emit1(Lower *L, Op op, const Type *type, Instr *a)
{
	Instr *i = emit(L, op, type);
	ir_add_arg(L->fn, i, a);
	return i;
}

Instr *emit2(Lower *L, Op op, const Type *type, Instr *a, Instr *b)
{
	Instr *i = emit1(L, op, type, a);
	ir_add_arg(L->fn, i, b);
	return i;
}

Instr *emit_const(Lower *L, ConstKind k)
{
	Instr *i = emit(L, OP_CONST, ty(L, k == K_NONE ? TY_NONE : TY_BOOL));
	i->imm.constant.kind = k;
	return i;
}

Instr *emit_str(Lower *L, Str s)
{
	Instr *i = emit(L, OP_CONST, ty(L, TY_STR));
	i->imm.constant.kind = K_STR;
	i->imm.constant.s = s;
	return i;
}

static void edge(Block *from, Block *to)
{
	ir_add_pred(to, from);
}

void emit_br(Lower *L, Block *to)
{
	if (!L->cur)
		return;
	Block *from = L->cur;
	Instr *t = emit(L, OP_BR, NULL);
	t->succ[0] = to;
	edge(from, to);
}

/* The edge into a loop's header. In code nothing reaches (after a return)
 * it comes from a block of its own: SSA construction assumes every block
 * is reached from the entry, and a header whose only predecessor is its
 * own back edge would send a variable's lookup round the loop forever. */
void emit_loop_entry(Lower *L, Block *head)
{
	ensure_current_block(L);
	emit_br(L, head);
}

void emit_condbr(Lower *L, Instr *cond, Block *t, Block *f)
{
	ensure_current_block(L);
	Block *from = L->cur;
	Instr *br = emit1(L, OP_CONDBR, NULL, cond);
	br->succ[0] = t;
	br->succ[1] = f;
	edge(from, t);
	edge(from, f);
}

static Region *push_region(Lower *L, RegionKind kind, SrcRange loc)
{
	Region *r = arena_alloc(L->arena, sizeof *r);
	r->kind = kind;
	r->stmt = L->stmt;
	r->loc = loc;
	r->parent = L->region;
	regionvec_push(L->arena, &L->fn->regions, r);
	L->region = r;
	return r;
}

/* ---- names ---- */

static Instr *cell_of(Lower *L, const char *name)
{
	for (int i = 0; i < L->ncellrefs; i++)
		if (strcmp(L->cellrefs[i].name, name) == 0)
			return L->cellrefs[i].cell;
	die("no cell for '%s' in @%s", name, L->fn->name);
}

static int shadow_var(const Lower *L, const char *name)
{
	for (int i = L->nshadows - 1; i >= 0; i--)
		if (strcmp(L->shadows[i].name, name) == 0)
			return L->shadows[i].var;
	return -1;
}

/* Records a local name a top-level statement reads or assigns, once. */
static void note_stmt_name(Lower *L, const char *name, bool write)
{
	Function *f = L->fn;
	if (L->stmt < 0 || L->stmt >= f->nstmts || !f->stmt_reads)
		return;
	NameVec *v = write ? &f->stmt_writes[L->stmt] : &f->stmt_reads[L->stmt];
	for (int i = 0; i < v->len; i++)
		if (strcmp(v->items[i], name) == 0)
			return;
	namevec_push(L->arena, v, name);
}

Instr *read_name(Lower *L, const char *name, SrcRange loc)
{
	int var = shadow_var(L, name);
	if (var >= 0) {
		ensure_current_block(L);
		return ssa_read(&L->ssa, var, L->cur, loc);
	}
	Instr *i;
	switch (scope_lookup(L->scope, name)) {
	case VAR_SSA:
		note_stmt_name(L, name, false);
		ensure_current_block(L);
		return ssa_read(&L->ssa, ssa_var(&L->ssa, name), L->cur, loc);
	case VAR_SLOT:
		i = emit(L, OP_SLOT_LOAD, NULL);
		break;
	case VAR_CELL: case VAR_FREE:
		i = emit1(L, OP_CELL_LOAD, NULL, cell_of(L, name));
		break;
	case VAR_GLOBAL:
		i = emit(L, OP_LOAD_GLOBAL, NULL);
		break;
	case VAR_BUILTIN: default:
		i = emit(L, OP_BUILTIN, ty(L, TY_OBJECT));
		break;
	}
	i->imm.name = name;
	i->name = name;
	return i;
}

void write_name(Lower *L, const char *name, Instr *value)
{
	int var = shadow_var(L, name);
	if (var >= 0) {
		ensure_current_block(L);
		ssa_write(&L->ssa, var, L->cur, value);
		return;
	}
	VarKind k = scope_lookup(L->scope, name);
	if (k == VAR_SSA) {
		note_stmt_name(L, name, true);
		ensure_current_block(L);
		ssa_write(&L->ssa, ssa_var(&L->ssa, name), L->cur, value);
	} else if (k == VAR_SLOT) {
		Instr *s = emit1(L, OP_SLOT_STORE, NULL, value);
		s->imm.name = name;
	} else if (k == VAR_CELL) {
		emit2(L, OP_CELL_STORE, NULL, cell_of(L, name), value);
	} else {
		die("cannot write '%s' (kind %d) in @%s", name, (int)k, L->fn->name);
	}
	if (!value->name && value->op != OP_UNDEF)
		value->name = name;
	if (L->fn->is_module && L->stmt >= 0)
		bindingvec_push(L->arena, &L->fn->binds, (Binding){L->stmt, name, value});
	/* Functions read module-level names at call time: publish them. */
	if (L->scope->is_module && nameset_has(&L->scope->read_by_functions, name)) {
		Instr *g = emit1(L, OP_STORE_GLOBAL, NULL, value);
		g->imm.name = name;
	}
}

void assign_target(Lower *L, const Expr *t, Instr *value)
{
	SrcRange saved = L->loc;
	L->loc = t->range;
	switch (t->kind) {
	case EXPR_NAME:
		write_name(L, t->u.name.id, value);
		break;
	case EXPR_ATTRIBUTE: {
		Instr *obj = lower_expr(L, t->u.attribute.value);
		L->loc = t->range;
		Instr *s = emit2(L, OP_SETATTR, NULL, obj, value);
		s->imm.name = t->u.attribute.attr;
		break;
	}
	case EXPR_SUBSCRIPT: {
		Instr *obj = lower_expr(L, t->u.subscript.value);
		Instr *idx = lower_expr(L, t->u.subscript.index);
		L->loc = t->range;
		Instr *s = emit2(L, OP_SETITEM, NULL, obj, idx);
		ir_add_arg(L->fn, s, value);
		break;
	}
	case EXPR_TUPLE: case EXPR_LIST: {
		/* Unpack exactly n values, then assign left to right: in
		 * `i, a[i] = 1, 2` the subscript sees the new i. */
		int n = t->u.seq.elts.len;
		Instr *u = emit1(L, OP_UNPACK, ty(L, TY_TUPLE), value);
		u->imm.index = n;
		const Type *elem = value->type && value->type->elem ? value->type->elem : NULL;
		for (int i = 0; i < n; i++) {
			L->loc = t->u.seq.elts.items[i]->range;
			Instr *x = emit1(L, OP_EXTRACT, elem, u);
			x->imm.index = i;
			assign_target(L, t->u.seq.elts.items[i], x);
		}
		break;
	}
	default:
		die("bad assignment target kind %d", (int)t->kind);
	}
	L->loc = saved;
}

static void delete_target(Lower *L, const Expr *t)
{
	L->loc = t->range;
	switch (t->kind) {
	case EXPR_NAME: {
		Instr *u = emit(L, OP_UNDEF, NULL);
		u->imm.name = t->u.name.id;
		write_name(L, t->u.name.id, u);
		break;
	}
	case EXPR_ATTRIBUTE: {
		Instr *d = emit1(L, OP_DELATTR, NULL, lower_expr(L, t->u.attribute.value));
		d->imm.name = t->u.attribute.attr;
		break;
	}
	case EXPR_SUBSCRIPT: {
		Instr *obj = lower_expr(L, t->u.subscript.value);
		emit2(L, OP_DELITEM, NULL, obj, lower_expr(L, t->u.subscript.index));
		break;
	}
	case EXPR_TUPLE: case EXPR_LIST:
		for (int i = 0; i < t->u.seq.elts.len; i++)
			delete_target(L, t->u.seq.elts.items[i]);
		break;
	default:
		die("bad del target kind %d", (int)t->kind);
	}
}

/* ---- control flow ---- */

static void lower_stmts(Lower *L, const StmtList *l);

static void push_loop(Lower *L, Block *cont, Block *brk)
{
	if (L->nloops == L->caploops) {
		L->caploops = L->caploops ? L->caploops * 2 : 8;
		L->loops = xrealloc(L->loops, (size_t)L->caploops * sizeof *L->loops);
	}
	L->loops[L->nloops++] = (Loop){cont, brk, L->ncleanups};
}

static void push_cleanup(Lower *L, Cleanup c)
{
	if (L->ncleanups == L->capcleanups) {
		L->capcleanups = L->capcleanups ? L->capcleanups * 2 : 8;
		L->cleanups = xrealloc(L->cleanups, (size_t)L->capcleanups * sizeof *L->cleanups);
	}
	L->cleanups[L->ncleanups++] = c;
}

/* Runs what leaving the cleanups above `depth` owes, innermost first: a
 * with block's __exit__, a copy of a finally body (itself lowered with
 * only the cleanups outside it, and the handler that surrounds it). */
static void run_cleanups(Lower *L, int depth)
{
	int saved_n = L->ncleanups;
	Block *saved_handler = L->handler;
	for (int i = saved_n - 1; i >= depth && L->cur; i--) {
		Cleanup c = L->cleanups[i];
		L->ncleanups = i;
		if (c.is_with) {
			emit1(L, OP_WITH_EXIT, NULL, c.manager);
		} else {
			L->handler = c.handler;
			Block *b = new_block(L, "finally.copy");
			emit_br(L, b);
			enter_block(L, b);
			lower_stmts(L, c.finalbody);
		}
	}
	L->ncleanups = saved_n;
	L->handler = saved_handler;
}

/* The end every if, while and for shares: the else part, if any, then on
 * at the exit. */
static void finish_region(Lower *L, Region *rg, Block *els, const StmtList *orelse)
{
	if (els) {
		enter_block(L, els);
		lower_stmts(L, orelse);
		emit_br(L, rg->exit);
	}
	enter_block(L, rg->exit);
	L->region = rg->parent;
}

static void lower_if(Lower *L, const Stmt *st)
{
	Region *rg = push_region(L, RG_IF, st->range);
	ensure_current_block(L);
	rg->head = L->cur;
	Block *then = new_block(L, "if.then");
	Block *els = st->u.cond.orelse.len ? new_block(L, "if.else") : NULL;
	Block *exit = new_block(L, "if.end");
	rg->body = then;
	rg->orelse = els;
	rg->exit = exit;
	lower_cond(L, st->u.cond.test, then, els ? els : exit);
	enter_block(L, then);
	lower_stmts(L, &st->u.cond.body);
	emit_br(L, exit);
	finish_region(L, rg, els, &st->u.cond.orelse);
}

/* The blocks of a while or for loop and the region that names them;
 * control goes on in the loop's head. */
static Region *open_loop(Lower *L, RegionKind kind, const Stmt *st, bool has_else)
{
	static const char *const labels[2][4] = {
		{"while.head", "while.body", "while.else", "while.end"},
		{"for.head", "for.body", "for.else", "for.end"},
	};
	const char *const *lb = labels[kind == RG_FOR];
	Region *rg = push_region(L, kind, st->range);
	rg->head = new_block(L, lb[0]);
	rg->body = new_block(L, lb[1]);
	rg->orelse = has_else ? new_block(L, lb[2]) : NULL;
	rg->exit = new_block(L, lb[3]);
	emit_loop_entry(L, rg->head);
	set_block(L, rg->head);
	return rg;
}

static void lower_while(Lower *L, const Stmt *st)
{
	Region *rg = open_loop(L, RG_WHILE, st, st->u.cond.orelse.len > 0);
	Block *head = rg->head, *body = rg->body, *els = rg->orelse, *exit = rg->exit;
	L->loc = st->u.cond.test->range;
	lower_cond(L, st->u.cond.test, body, els ? els : exit);
	enter_block(L, body);
	push_loop(L, head, exit);
	lower_stmts(L, &st->u.cond.body);
	L->nloops--;
	emit_br(L, head);
	seal(L, head);
	finish_region(L, rg, els, &st->u.cond.orelse);
}

/* The type of the items an iterable yields, when known. */
static const Type *item_type(Lower *L, const Type *t)
{
	if (!t)
		return NULL;
	switch (t->kind) {
	case TY_RANGE: return ty(L, TY_INT);
	case TY_STR: case TY_FILE: return ty(L, TY_STR);
	case TY_LIST: case TY_SET: case TY_ITER: return t->elem;
	case TY_DICT: return t->key;
	default: return NULL;
	}
}

Instr *lower_iter(Lower *L, Instr *iterable)
{
	const Type *elem = item_type(L, iterable->type);
	return emit1(L, OP_ITER, type_container(L->types, TY_ITER, NULL, elem), iterable);
}

/* The head of a loop over an iterator: the next item goes to a body block
 * of its own (its only predecessor), exhaustion to `done`. */
Instr *emit_iternext(Lower *L, Instr *it, Block *body, Block *done)
{
	Block *from = L->cur;
	Instr *nx = emit1(L, OP_ITERNEXT, it->type->elem, it);
	nx->succ[0] = body;
	nx->succ[1] = done;
	edge(from, body);
	edge(from, done);
	return nx;
}

static void lower_for(Lower *L, const Stmt *st)
{
	L->loc = st->u.for_.iter->range;
	Instr *it = lower_iter(L, lower_expr(L, st->u.for_.iter));
	Region *rg = open_loop(L, RG_FOR, st, st->u.for_.orelse.len > 0);
	Block *head = rg->head, *body = rg->body, *els = rg->orelse, *exit = rg->exit;
	L->loc = st->u.for_.target->range;
	Instr *item = emit_iternext(L, it, body, els ? els : exit);
	enter_block(L, body);
	assign_target(L, st->u.for_.target, item);
	push_loop(L, head, exit);
	lower_stmts(L, &st->u.for_.body);
	L->nloops--;
	emit_br(L, head);
	seal(L, head);
	finish_region(L, rg, els, &st->u.for_.orelse);
}

static void lower_try(Lower *L, const Stmt *st)
{
	Region *rg = push_region(L, RG_TRY, st->range);
	Block *outer = L->handler;
	bool fin = st->u.try_.finalbody.len > 0;
	Block *fin_exc = fin ? new_block(L, "finally.exc") : NULL;
	L->handler = fin_exc ? fin_exc : outer;
	Block *handlers = st->u.try_.handlers.len ? new_block(L, "try.handlers") : NULL;
	L->handler = handlers ? handlers : fin_exc;
	ensure_current_block(L);
	rg->head = L->cur;
	Block *body = new_block(L, "try.body");
	Block *fin_normal = fin ? new_block(L, "finally") : NULL;
	Block *exit = new_block(L, "try.end");
	rg->body = body;
	rg->handlers = handlers;
	rg->final = fin_exc;
	rg->exit = exit;
	Block *after_clauses = fin_normal ? fin_normal : exit;

	emit_br(L, body);
	enter_block(L, body);
	if (handlers)
		ssa_set_exc_from(&L->ssa, handlers, body);
	if (fin_exc)
		ssa_set_exc_from(&L->ssa, fin_exc, body);
	if (fin)
		push_cleanup(L, (Cleanup){.finalbody = &st->u.try_.finalbody, .handler = outer});
	lower_stmts(L, &st->u.try_.body);

	/* else runs when the body finished normally; its exceptions are not
	 * the handlers'. */
	L->handler = fin_exc ? fin_exc : outer;
	if (st->u.try_.orelse.len) {
		Block *els = new_block(L, "try.else");
		rg->orelse = els;
		emit_br(L, els);
		enter_block(L, els);
		lower_stmts(L, &st->u.try_.orelse);
	}
	emit_br(L, after_clauses);

	if (handlers) {
		enter_block(L, handlers);
		for (int i = 0; i < st->u.try_.handlers.len; i++) {
			const ExceptHandler *h = st->u.try_.handlers.items[i];
			L->loc = h->range;
			Block *clause = new_block(L, "except");
			Block *next = NULL;
			if (h->type) {
				next = new_block(L, "except.next");
				Instr *m = emit1(L, OP_EXC_MATCH, ty(L, TY_BOOL), lower_expr(L, h->type));
				emit_condbr(L, m, clause, next);
			} else {
				emit_br(L, clause);
			}
			enter_block(L, clause);
			if (h->name)
				write_name(L, h->name, emit(L, OP_CUR_EXC, ty(L, TY_EXC)));
			lower_stmts(L, &h->body);
			if (h->name && L->cur) {
				/* Python unbinds the name when the handler ends. */
				Instr *u = emit(L, OP_UNDEF, NULL);
				u->imm.name = h->name;
				write_name(L, h->name, u);
			}
			emit_br(L, after_clauses);
			if (!next)
				break;
			enter_block(L, next);
		}
		/* No clause matched: the exception goes on. */
		if (L->cur)
			emit(L, OP_RAISE, NULL);
	}
	if (fin)
		L->ncleanups--;
	L->handler = outer;
	if (fin) {
		enter_block(L, fin_normal);
		lower_stmts(L, &st->u.try_.finalbody);
		emit_br(L, exit);
		/* The exceptional copy: run finally, then re-raise. */
		enter_block(L, fin_exc);
		lower_stmts(L, &st->u.try_.finalbody);
		if (L->cur)
			emit(L, OP_RAISE, NULL);
	}
	enter_block(L, exit);
	L->region = rg->parent;
}

static void lower_with(Lower *L, const Stmt *st, int item)
{
	const WithItem *w = st->u.with.items.items[item];
	Region *rg = push_region(L, RG_WITH, st->range);
	L->loc = w->context->range;
	Instr *mgr = lower_expr(L, w->context);
	Instr *v = emit1(L, OP_WITH_ENTER, mgr->type && mgr->type->kind == TY_FILE ? mgr->type : NULL, mgr);
	if (w->target)
		assign_target(L, w->target, v);
	rg->head = L->cur;
	Block *body = new_block(L, "with.body");
	Block *exit = new_block(L, "with.end");
	rg->body = body;
	rg->exit = exit;
	emit_br(L, body);
	enter_block(L, body);
	push_cleanup(L, (Cleanup){.is_with = true, .manager = mgr});
	/* `with a, b:` is `with a: with b:` */
	if (item + 1 < st->u.with.items.len)
		lower_with(L, st, item + 1);
	else
		lower_stmts(L, &st->u.with.body);
	L->ncleanups--;
	if (L->cur) {
		L->loc = st->range;
		emit1(L, OP_WITH_EXIT, NULL, mgr);
	}
	emit_br(L, exit);
	enter_block(L, exit);
	L->region = rg->parent;
}

static void lower_import(Lower *L, const Stmt *st)
{
	if (st->kind == STMT_IMPORT) {
		for (int i = 0; i < st->u.import.names.len; i++) {
			const Alias *a = st->u.import.names.items[i];
			L->loc = a->range;
			/* import os.path binds os; import os.path as p binds os.path */
			bool top = !a->asname && strchr(a->name, '.');
			Instr *m = emit(L, OP_IMPORT, ty(L, TY_MODULE));
			m->imm.name = a->name;
			if (top) {
				m = emit(L, OP_IMPORT, ty(L, TY_MODULE));
				m->imm.name = "os";
			}
			write_name(L, a->asname ? a->asname : top ? "os" : a->name, m);
		}
		return;
	}
	Instr *m = emit(L, OP_IMPORT, ty(L, TY_MODULE));
	m->imm.name = st->u.importfrom.module;
	for (int i = 0; i < st->u.importfrom.names.len; i++) {
		const Alias *a = st->u.importfrom.names.items[i];
		L->loc = a->range;
		Instr *v = emit1(L, OP_GETATTR, NULL, m);
		v->imm.name = a->name;
		write_name(L, a->asname ? a->asname : a->name, v);
	}
}

static void lower_stmt(Lower *L, const Stmt *st)
{
	L->loc = st->range;
	switch (st->kind) {
	case STMT_FUNCTIONDEF: {
		Instr *made = NULL;
		lower_function(L, st->u.funcdef.name, &st->u.funcdef.params, &st->u.funcdef.body,
		               NULL, NULL, st->range, &made);
		write_name(L, st->u.funcdef.name, made);
		break;
	}
	case STMT_RETURN: {
		Instr *v = st->u.ret.value ? lower_expr(L, st->u.ret.value) : emit_const(L, K_NONE);
		run_cleanups(L, 0);
		L->loc = st->range;
		if (L->cur)
			emit1(L, OP_RET, v->type, v);
		break;
	}
	case STMT_ASSIGN: {
		Instr *v = lower_expr(L, st->u.assign.value);
		for (int i = 0; i < st->u.assign.targets.len; i++)
			assign_target(L, st->u.assign.targets.items[i], v);
		break;
	}
	case STMT_AUGASSIGN: {
		/* The target's parts are evaluated once: a[f()] += 1 calls f once. */
		const Expr *t = st->u.augassign.target;
		Instr *obj = NULL, *idx = NULL, *old;
		if (t->kind == EXPR_NAME) {
			old = read_name(L, t->u.name.id, t->range);
		} else if (t->kind == EXPR_ATTRIBUTE) {
			obj = lower_expr(L, t->u.attribute.value);
			old = emit1(L, OP_GETATTR, NULL, obj);
			old->imm.name = t->u.attribute.attr;
		} else {
			obj = lower_expr(L, t->u.subscript.value);
			idx = lower_expr(L, t->u.subscript.index);
			old = emit2(L, OP_GETITEM, NULL, obj, idx);
		}
		Instr *v = lower_expr(L, st->u.augassign.value);
		L->loc = st->range;
		Instr *r = emit_binop(L, st->u.augassign.op, old, v);
		r->inplace = true;
		if (t->kind == EXPR_NAME) {
			write_name(L, t->u.name.id, r);
		} else if (t->kind == EXPR_ATTRIBUTE) {
			Instr *s = emit2(L, OP_SETATTR, NULL, obj, r);
			s->imm.name = t->u.attribute.attr;
		} else {
			Instr *s = emit2(L, OP_SETITEM, NULL, obj, idx);
			ir_add_arg(L->fn, s, r);
		}
		break;
	}
	case STMT_EXPR:
		lower_expr(L, st->u.expr.value);
		break;
	case STMT_IF: lower_if(L, st); break;
	case STMT_WHILE: lower_while(L, st); break;
	case STMT_FOR: lower_for(L, st); break;
	case STMT_BREAK: case STMT_CONTINUE: {
		Loop lp = L->loops[L->nloops - 1];
		run_cleanups(L, lp.cleanup_depth);
		L->loc = st->range;
		emit_br(L, st->kind == STMT_BREAK ? lp.brk : lp.cont);
		break;
	}
	case STMT_PASS:
		break;
	case STMT_TRY: lower_try(L, st); break;
	case STMT_RAISE: {
		Instr *exc = st->u.raise.exc ? lower_expr(L, st->u.raise.exc) : NULL;
		Instr *cause = st->u.raise.cause ? lower_expr(L, st->u.raise.cause) : NULL;
		L->loc = st->range;
		Instr *r = emit(L, OP_RAISE, NULL);
		if (exc)
			ir_add_arg(L->fn, r, exc);
		if (cause)
			ir_add_arg(L->fn, r, cause);
		break;
	}
	case STMT_WITH: lower_with(L, st, 0); break;
	case STMT_DELETE:
		for (int i = 0; i < st->u.delete_.targets.len; i++)
			delete_target(L, st->u.delete_.targets.items[i]);
		break;
	case STMT_ASSERT: {
		Block *ok = new_block(L, "assert.ok"), *fail = new_block(L, "assert.fail");
		lower_cond(L, st->u.assert_.test, ok, fail);
		enter_block(L, fail);
		L->loc = st->range;
		Instr *exc = emit(L, OP_BUILTIN, NULL);
		exc->imm.name = "AssertionError";
		Instr *msg = st->u.assert_.msg ? lower_expr(L, st->u.assert_.msg) : NULL;
		L->loc = st->range;
		Instr *call = emit1(L, OP_CALL, ty(L, TY_EXC), exc);
		if (msg)
			ir_add_arg(L->fn, call, msg);
		emit1(L, OP_RAISE, NULL, call);
		enter_block(L, ok);
		break;
	}
	case STMT_IMPORT: case STMT_IMPORTFROM:
		lower_import(L, st);
		break;
	}
}

static void lower_stmts(Lower *L, const StmtList *l)
{
	for (int i = 0; i < l->len; i++)
		lower_stmt(L, l->items[i]);
}

/* ---- functions ---- */

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The names of a set in a stable order, for printing and for the order of
 * a closure's cells. */
static void sorted_names(Lower *L, const NameSet *s, NameVec *out)
{
	for (int i = 0; i < s->cap; i++)
		if (s->keys[i])
			namevec_push(L->arena, out, s->keys[i]);
	if (out->len > 1)
		qsort(out->items, (size_t)out->len, sizeof *out->items, cmp_names);
}

static void record_stmt_ranges(Lower *L, Function *f, const StmtList *body)
{
	f->nstmts = body->len;
	size_t n = (size_t)(body->len ? body->len : 1);
	f->stmt_ranges = arena_alloc(L->arena, n * sizeof(SrcRange));
	f->stmt_reads = arena_alloc(L->arena, n * sizeof(NameVec));
	f->stmt_writes = arena_alloc(L->arena, n * sizeof(NameVec));
	for (int i = 0; i < body->len; i++)
		f->stmt_ranges[i] = body->items[i]->range;
}

static void add_cellref(Lower *L, const char *name, Instr *cell)
{
	if (L->ncellrefs == L->capcellrefs) {
		L->capcellrefs = L->capcellrefs ? L->capcellrefs * 2 : 8;
		L->cellrefs = xrealloc(L->cellrefs, (size_t)L->capcellrefs * sizeof *L->cellrefs);
	}
	L->cellrefs[L->ncellrefs++] = (struct CellRef){name, cell};
}

/* The body of a generator expression: its loops, yielding each item. Its
 * targets are its own locals: the function is its scope. */
static void lower_genexp_body(Lower *L, const Expr *g, int clause, Instr *first)
{
	const Comprehension *c = g->u.comp.generators.items[clause];
	L->loc = c->iter->range;
	Instr *it = clause == 0 ? first : lower_iter(L, lower_expr(L, c->iter));
	ClauseLoop cl = open_clause_loop(L, c, it, false);
	if (clause + 1 < g->u.comp.generators.len) {
		lower_genexp_body(L, g, clause + 1, NULL);
	} else {
		Instr *v = lower_expr(L, g->u.comp.elt);
		L->loc = g->u.comp.elt->range;
		emit1(L, OP_YIELD, NULL, v);
	}
	close_clause_loop(L, cl);
}

Function *lower_function(Lower *L, const char *name, const ParamList *params,
                         const StmtList *body, const Expr *lambda_body,
                         const Expr *genexp, SrcRange loc, Instr **made)
{
	/* Defaults are evaluated when the def runs, before the function
	 * object exists. */
	InstrVec args = {0};
	for (int i = 0; !genexp && i < params->len; i++)
		if (params->items[i]->default_value)
			instrvec_push(L->arena, &args, lower_expr(L, params->items[i]->default_value));
	Function *f = ir_function_new(L->m, name, L->fn);
	f->loc = loc;
	f->is_genexp = genexp != NULL;
	Lower saved = *L;
	ScopeInfo *scope = xmalloc(sizeof *scope);
	scope_analyze(scope, L->scope, genexp ? NULL : params, body,
	              genexp ? genexp : lambda_body);
	if (scope->captures_comprehension_var && !L->failed) {
		error_at(L->diag, scope->capture_at, "unsupported: a function that captures "
		         "a comprehension's variable");
		L->failed = true;
	}
	L->fn = f;
	L->scope = scope;
	ssa_init(&L->ssa, f);
	L->handler = NULL;
	L->region = NULL;
	L->loops = NULL;
	L->nloops = L->caploops = 0;
	L->cleanups = NULL;
	L->ncleanups = L->capcleanups = 0;
	L->shadows = NULL;
	L->nshadows = L->capshadows = 0;
	L->cellrefs = NULL;
	L->ncellrefs = L->capcellrefs = 0;
	L->stmt = 0;
	L->loc = loc;
	L->cur = NULL;
	Block *entry = new_block(L, "entry");
	enter_block(L, entry);

	sorted_names(L, &scope->slots, &f->slots);
	sorted_names(L, &scope->cells, &f->cells);
	sorted_names(L, &scope->free, &f->freevars);

	InstrVec param_values = {0};
	int np = genexp ? 1 : params->len;
	for (int i = 0; i < np; i++) {
		Instr *p = emit(L, OP_PARAM, NULL);
		p->imm.index = i;
		p->name = genexp ? ".0" : params->items[i]->name;
		if (!genexp)
			p->loc = params->items[i]->range;
		instrvec_push(L->arena, &param_values, p);
	}
	f->nparams = np;
	for (int i = 0; i < f->freevars.len; i++) {
		Instr *p = emit(L, OP_PARAM, NULL);
		p->imm.index = np + i;
		p->name = f->freevars.items[i];
		add_cellref(L, f->freevars.items[i], p);
	}
	for (int i = 0; i < f->cells.len; i++) {
		Instr *c = emit(L, OP_CELL_NEW, NULL);
		c->imm.name = f->cells.items[i];
		add_cellref(L, f->cells.items[i], c);
	}
	if (!genexp)
		for (int i = 0; i < np; i++)
			write_name(L, params->items[i]->name, param_values.items[i]);

	if (genexp) {
		lower_genexp_body(L, genexp, 0, param_values.items[0]);
		emit1(L, OP_RET, NULL, emit_const(L, K_NONE));
	} else if (lambda_body) {
		L->loc = lambda_body->range;
		Instr *v = lower_expr(L, lambda_body);
		emit1(L, OP_RET, v->type, v);
	} else {
		record_stmt_ranges(L, f, body);
		for (int i = 0; i < body->len; i++) {
			L->stmt = i;
			lower_stmt(L, body->items[i]);
		}
		if (L->cur) {
			L->loc = loc;
			emit1(L, OP_RET, ty(L, TY_NONE), emit_const(L, K_NONE));
		}
	}
	ir_compact(f);
	ssa_free(&L->ssa);
	scope_free(scope);
	free(scope);
	free(L->loops);
	free(L->cleanups);
	free(L->shadows);
	free(L->cellrefs);
	bool failed = L->failed;
	*L = saved;
	L->failed |= failed;

	/* Back in the enclosing function: the function object gets the
	 * defaults, then the cells it captures. */
	for (int i = 0; i < f->freevars.len; i++)
		instrvec_push(L->arena, &args, cell_of(L, f->freevars.items[i]));
	L->loc = loc;
	Instr *mf = emit(L, OP_MAKE_FUNCTION, ty(L, TY_FUNC));
	mf->imm.fn = f;
	mf->args = args;
	*made = mf;
	return f;
}

IRModule *ir_lower(Arena *a, DiagEngine *d, const Module *mod, const char *filename)
{
	IRModule *m = ir_module_new(a, filename);
	Lower L = {.arena = a, .diag = d, .m = m, .types = &m->types};
	Function *f = ir_function_new(m, "<module>", NULL);
	f->is_module = true;
	ScopeInfo scope;
	const StmtList *body = ast_script_body(a, mod);
	scope_analyze(&scope, NULL, NULL, body, NULL);
	if (scope.captures_comprehension_var) {
		error_at(d, scope.capture_at, "unsupported: a function that captures a "
		         "comprehension's variable");
		L.failed = true;
	}
	L.fn = f;
	L.scope = &scope;
	ssa_init(&L.ssa, f);
	Block *entry = new_block(&L, "entry");
	seal(&L, entry);
	set_block(&L, entry);
	sorted_names(&L, &scope.slots, &f->slots);
	record_stmt_ranges(&L, f, body);
	for (int i = 0; i < body->len; i++) {
		L.stmt = i;
		lower_stmt(&L, body->items[i]);
	}
	if (L.cur)
		emit1(&L, OP_RET, ty(&L, TY_NONE), emit_const(&L, K_NONE));
	ir_compact(f);
	ssa_free(&L.ssa);
	scope_free(&scope);
	free(L.loops);
	free(L.cleanups);
	free(L.shadows);
	free(L.cellrefs);
	return L.failed ? NULL : m;
}
