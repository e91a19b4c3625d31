/* lower_expr.c: expressions, from the AST into SSA.
 *
 * Python evaluates left to right, and so does this. `and`, `or`, chained
 * comparisons and conditional expressions branch; their results join in a
 * phi, through a fresh SSA variable. List, set and dict comprehensions
 * become loops in the function that holds them (their targets are fresh
 * variables, so they do not leak); a generator expression stays lazy: it
 * becomes a function of its own that yields, called with the iterator of
 * its first iterable, which Python evaluates where the expression is. */
#include "ir/lower.h"
#include "ir/typerules.h"

#include <stdio.h>

Instr *emit_binop(Lower *L, BinOpKind op, Instr *a, Instr *b)
{
	Instr *i = emit2(L, OP_BINOP, typerule_binop(L->types, op, a->type, b->type), a, b);
	i->imm.binop = op;
	return i;
}

static Instr *emit_unary(Lower *L, UnaryOpKind op, Instr *a)
{
	Instr *i = emit1(L, OP_UNARY, typerule_unary(L->types, op, a->type), a);
	i->imm.unary = op;
	return i;
}

/* A fresh SSA variable for a value that paths compute separately. */
static int temp_var(Lower *L, const char *what)
{
	return ssa_new_var(&L->ssa, what);
}

static Instr *join(Lower *L, int var, Block *exit, SrcRange loc)
{
	enter_block(L, exit);
	return ssa_read(&L->ssa, var, exit, loc);
}

void lower_cond(Lower *L, const Expr *e, Block *t, Block *f)
{
	if (e->kind == EXPR_BOOLOP) {
		bool is_and = e->u.boolop.op == BOOLOP_AND;
		for (int i = 0; i + 1 < e->u.boolop.values.len; i++) {
			Block *next = new_block(L, is_and ? "and.next" : "or.next");
			lower_cond(L, e->u.boolop.values.items[i], is_and ? next : t, is_and ? f : next);
			enter_block(L, next);
		}
		lower_cond(L, e->u.boolop.values.items[e->u.boolop.values.len - 1], t, f);
		return;
	}
	if (e->kind == EXPR_UNARYOP && e->u.unaryop.op == UNARY_NOT) {
		lower_cond(L, e->u.unaryop.operand, f, t);
		return;
	}
	Instr *v = lower_expr(L, e);
	L->loc = e->range;
	emit_condbr(L, v, t, f);
}

/* a and b: a if a is false, else b (likewise or). */
static Instr *lower_boolop(Lower *L, const Expr *e)
{
	bool is_and = e->u.boolop.op == BOOLOP_AND;
	int var = temp_var(L, is_and ? ".and" : ".or");
	Block *exit = new_block(L, is_and ? "and.end" : "or.end");
	for (int i = 0; i < e->u.boolop.values.len; i++) {
		Instr *v = lower_expr(L, e->u.boolop.values.items[i]);
		ssa_write(&L->ssa, var, L->cur, v);
		if (i + 1 == e->u.boolop.values.len) {
			emit_br(L, exit);
			break;
		}
		Block *next = new_block(L, is_and ? "and.next" : "or.next");
		L->loc = e->range;
		emit_condbr(L, v, is_and ? next : exit, is_and ? exit : next);
		enter_block(L, next);
	}
	return join(L, var, exit, e->range);
}

/* a < b < c is a < b and b < c, with b evaluated once. */
static Instr *lower_compare(Lower *L, const Expr *e)
{
	Instr *left = lower_expr(L, e->u.compare.left);
	int n = e->u.compare.ops.len;
	if (n == 1) {
		Instr *right = lower_expr(L, e->u.compare.comparators.items[0]);
		L->loc = e->range;
		Instr *c = emit2(L, OP_COMPARE, ty(L, TY_BOOL), left, right);
		c->imm.cmp = e->u.compare.ops.items[0];
		return c;
	}
	int var = temp_var(L, ".cmp");
	Block *exit = new_block(L, "cmp.end");
	for (int i = 0; i < n; i++) {
		Instr *right = lower_expr(L, e->u.compare.comparators.items[i]);
		L->loc = e->range;
		Instr *c = emit2(L, OP_COMPARE, ty(L, TY_BOOL), left, right);
		c->imm.cmp = e->u.compare.ops.items[i];
		ssa_write(&L->ssa, var, L->cur, c);
		if (i + 1 == n) {
			emit_br(L, exit);
			break;
		}
		Block *next = new_block(L, "cmp.next");
		emit_condbr(L, c, next, exit);
		enter_block(L, next);
		left = right;
	}
	return join(L, var, exit, e->range);
}

static Instr *lower_ifexp(Lower *L, const Expr *e)
{
	int var = temp_var(L, ".ifexp");
	Block *then = new_block(L, "ifexp.then"), *els = new_block(L, "ifexp.else");
	Block *exit = new_block(L, "ifexp.end");
	lower_cond(L, e->u.ifexp.test, then, els);
	enter_block(L, then);
	ssa_write(&L->ssa, var, L->cur, lower_expr(L, e->u.ifexp.body));
	emit_br(L, exit);
	enter_block(L, els);
	ssa_write(&L->ssa, var, L->cur, lower_expr(L, e->u.ifexp.orelse));
	emit_br(L, exit);
	return join(L, var, exit, e->range);
}

static const char *builtin_name_of(const Instr *callee)
{
	return callee->op == OP_BUILTIN ? callee->imm.name : NULL;
}

static Instr *lower_call(Lower *L, const Expr *e)
{
	/* The callee (or the object of a method), then the arguments left to
	 * right, then the call. */
	const Expr *fn = e->u.call.func;
	bool method = fn->kind == EXPR_ATTRIBUTE;
	InstrVec args = {0};
	instrvec_push(L->arena, &args, lower_expr(L, method ? fn->u.attribute.value : fn));
	for (int i = 0; i < e->u.call.args.len; i++)
		instrvec_push(L->arena, &args, lower_expr(L, e->u.call.args.items[i]));
	int nkw = e->u.call.keywords.len;
	const char **names = nkw ? arena_alloc(L->arena, (size_t)nkw * sizeof *names) : NULL;
	for (int i = 0; i < nkw; i++) {
		names[i] = e->u.call.keywords.items[i]->name;
		instrvec_push(L->arena, &args, lower_expr(L, e->u.call.keywords.items[i]->value));
	}
	L->loc = e->range;
	Instr *call = emit(L, method ? OP_CALL_METHOD : OP_CALL, NULL);
	call->args = args;
	call->kwnames = names;
	call->nkw = nkw;
	if (method)
		call->imm.name = fn->u.attribute.attr;
	const Type *t = NULL;
	if (call->op == OP_CALL && builtin_name_of(call->args.items[0])) {
		int npos = args.len - 1 - nkw;
		const Type **types = arena_alloc(L->arena, (size_t)(args.len) * sizeof *types);
		for (int i = 0; i < npos; i++)
			types[i] = args.items[i + 1]->type;
		t = typerule_builtin(L->types, builtin_name_of(call->args.items[0]), types, npos, nkw);
	} else if (call->op == OP_CALL_METHOD) {
		t = typerule_method(L->types, call->args.items[0]->type, call->imm.name);
	}
	if (t)
		call->type = t;
	return call;
}

static Instr *lower_joined(Lower *L, const Expr *e)
{
	InstrVec parts = {0};
	for (int i = 0; i < e->u.joined.values.len; i++) {
		const Expr *p = e->u.joined.values.items[i];
		if (p->kind == EXPR_STR) {
			L->loc = p->range;
			instrvec_push(L->arena, &parts, emit_str(L, p->u.str));
			continue;
		}
		Instr *v = lower_expr(L, p->u.formatted.value);
		Instr *spec = p->u.formatted.spec ? lower_expr(L, p->u.formatted.spec) : NULL;
		L->loc = p->range;
		Instr *f = emit1(L, OP_FORMAT, ty(L, TY_STR), v);
		if (spec)
			ir_add_arg(L->fn, f, spec);
		f->imm.index = p->u.formatted.conversion;
		instrvec_push(L->arena, &parts, f);
	}
	L->loc = e->range;
	if (parts.len == 1 && parts.items[0]->op == OP_CONST)
		return parts.items[0];
	Instr *j = emit(L, OP_JOIN_STR, ty(L, TY_STR));
	j->args = parts;
	return j;
}

static Instr *lower_int(Lower *L, const Expr *e)
{
	Instr *i = emit(L, OP_CONST, ty(L, TY_INT));
	Constant *k = &i->imm.constant;
	k->kind = K_INT;
	k->digits = e->u.int_.digits;
	k->fits = e->u.int_.fits;
	k->i = e->u.int_.small;
	return i;
}

static Instr *build(Lower *L, Op op, const Type *type, InstrVec items)
{
	Instr *b = emit(L, op, type);
	b->args = items;
	return b;
}

static const Type *elem_join(Lower *L, const InstrVec *v, int from, int step)
{
	const Type *t = NULL;
	for (int i = from; i < v->len; i += step)
		t = type_join(L->types, t, v->items[i]->type);
	return t && t->kind != TY_OBJECT ? t : NULL;
}

static void push_shadow(Lower *L, const Expr *target)
{
	if (target->kind == EXPR_TUPLE || target->kind == EXPR_LIST) {
		for (int i = 0; i < target->u.seq.elts.len; i++)
			push_shadow(L, target->u.seq.elts.items[i]);
		return;
	}
	if (target->kind != EXPR_NAME)
		return;
	if (L->nshadows == L->capshadows) {
		L->capshadows = L->capshadows ? L->capshadows * 2 : 8;
		L->shadows = xrealloc(L->shadows, (size_t)L->capshadows * sizeof *L->shadows);
	}
	int var = ssa_new_var(&L->ssa, target->u.name.id);
	L->shadows[L->nshadows++] = (struct Shadow){target->u.name.id, var};
}

ClauseLoop open_clause_loop(Lower *L, const Comprehension *c, Instr *it, bool fresh_target)
{
	ClauseLoop cl = {new_block(L, "comp.head"), NULL};
	Block *body = new_block(L, "comp.body");
	cl.exit = new_block(L, "comp.end");
	emit_loop_entry(L, cl.head);
	set_block(L, cl.head);
	Instr *item = emit_iternext(L, it, body, cl.exit);
	enter_block(L, body);
	if (fresh_target)
		push_shadow(L, c->target);
	assign_target(L, c->target, item);
	for (int i = 0; i < c->ifs.len; i++) {
		Block *pass = new_block(L, "comp.if");
		lower_cond(L, c->ifs.items[i], pass, cl.head);
		enter_block(L, pass);
	}
	return cl;
}

void close_clause_loop(Lower *L, ClauseLoop cl)
{
	emit_br(L, cl.head);
	seal(L, cl.head);
	enter_block(L, cl.exit);
}

/* One `for ... if ...` clause of a list, set or dict comprehension, and
 * the clauses inside it; the innermost adds to the result. */
static void lower_comp_clause(Lower *L, const Expr *e, int k, Instr *acc)
{
	const Comprehension *c = e->u.comp.generators.items[k];
	L->loc = c->iter->range;
	ClauseLoop cl = open_clause_loop(L, c, lower_iter(L, lower_expr(L, c->iter)), true);
	if (k + 1 < e->u.comp.generators.len) {
		lower_comp_clause(L, e, k + 1, acc);
	} else if (e->kind == EXPR_DICTCOMP) {
		Instr *key = lower_expr(L, e->u.comp.key);
		Instr *val = lower_expr(L, e->u.comp.elt);
		L->loc = e->range;
		Instr *put = emit2(L, OP_DICT_PUT, NULL, acc, key);
		ir_add_arg(L->fn, put, val);
	} else {
		Instr *v = lower_expr(L, e->u.comp.elt);
		L->loc = e->range;
		emit2(L, e->kind == EXPR_LISTCOMP ? OP_LIST_APPEND : OP_SET_ADD, NULL, acc, v);
	}
	close_clause_loop(L, cl);
}

static Instr *lower_comprehension(Lower *L, const Expr *e)
{
	Op op = e->kind == EXPR_LISTCOMP ? OP_BUILD_LIST :
	        e->kind == EXPR_SETCOMP ? OP_BUILD_SET : OP_BUILD_DICT;
	TypeKind k = e->kind == EXPR_LISTCOMP ? TY_LIST : e->kind == EXPR_SETCOMP ? TY_SET : TY_DICT;
	Instr *acc = emit(L, op, ty(L, k));
	int mark = L->nshadows;
	lower_comp_clause(L, e, 0, acc);
	L->nshadows = mark;
	return acc;
}

static Instr *lower_genexp(Lower *L, const Expr *e)
{
	/* The first iterable belongs to the enclosing scope, and is
	 * evaluated now; the rest runs when the generator is iterated. */
	Instr *first = lower_iter(L, lower_expr(L, e->u.comp.generators.items[0]->iter));
	char name[32];
	snprintf(name, sizeof name, "genexpr.%d", ++L->counter);
	Instr *made = NULL;
	lower_function(L, arena_strdup(L->arena, name), NULL, NULL, NULL, e, e->range, &made);
	L->loc = e->range;
	return emit2(L, OP_CALL, ty(L, TY_ITER), made, first);
}

Instr *lower_expr(Lower *L, const Expr *e)
{
	SrcRange saved = L->loc;
	L->loc = e->range;
	Instr *r = NULL;
	InstrVec items = {0};
	switch (e->kind) {
	case EXPR_NAME: r = read_name(L, e->u.name.id, e->range); break;
	case EXPR_NONE: r = emit_const(L, K_NONE); break;
	case EXPR_TRUE: r = emit_const(L, K_TRUE); break;
	case EXPR_FALSE: r = emit_const(L, K_FALSE); break;
	case EXPR_INT: r = lower_int(L, e); break;
	case EXPR_FLOAT:
		r = emit(L, OP_CONST, ty(L, TY_FLOAT));
		r->imm.constant.kind = K_FLOAT;
		r->imm.constant.f = e->u.float_.value;
		r->imm.constant.text = e->u.float_.text;
		break;
	case EXPR_STR: r = emit_str(L, e->u.str); break;
	case EXPR_JOINEDSTR: r = lower_joined(L, e); break;
	case EXPR_FORMATTED: die("FormattedValue outside a JoinedStr");
	case EXPR_BOOLOP: r = lower_boolop(L, e); break;
	case EXPR_BINOP: {
		Instr *a = lower_expr(L, e->u.binop.left);
		Instr *b = lower_expr(L, e->u.binop.right);
		L->loc = e->range;
		r = emit_binop(L, e->u.binop.op, a, b);
		break;
	}
	case EXPR_UNARYOP: {
		Instr *a = lower_expr(L, e->u.unaryop.operand);
		L->loc = e->range;
		r = emit_unary(L, e->u.unaryop.op, a);
		break;
	}
	case EXPR_COMPARE: r = lower_compare(L, e); break;
	case EXPR_IFEXP: r = lower_ifexp(L, e); break;
	case EXPR_LAMBDA: {
		char name[32];
		snprintf(name, sizeof name, "lambda.%d", ++L->counter);
		lower_function(L, arena_strdup(L->arena, name), &e->u.lambda.params, NULL,
		               e->u.lambda.body, NULL, e->range, &r);
		break;
	}
	case EXPR_CALL: r = lower_call(L, e); break;
	case EXPR_ATTRIBUTE: {
		Instr *obj = lower_expr(L, e->u.attribute.value);
		L->loc = e->range;
		r = emit1(L, OP_GETATTR, NULL, obj);
		r->imm.name = e->u.attribute.attr;
		break;
	}
	case EXPR_SUBSCRIPT: {
		Instr *obj = lower_expr(L, e->u.subscript.value);
		Instr *idx = lower_expr(L, e->u.subscript.index);
		L->loc = e->range;
		const Type *t = typerule_getitem(L->types, obj->type, idx->type);
		r = emit2(L, OP_GETITEM, t, obj, idx);
		break;
	}
	case EXPR_SLICE: {
		const Expr *parts[3] = {e->u.slice.lower, e->u.slice.upper, e->u.slice.step};
		for (int i = 0; i < 3; i++)
			instrvec_push(L->arena, &items, parts[i] ? lower_expr(L, parts[i]) : emit_const(L, K_NONE));
		L->loc = e->range;
		r = build(L, OP_SLICE, ty(L, TY_SLICE), items);
		break;
	}
	case EXPR_LIST: case EXPR_TUPLE: case EXPR_SET:
		for (int i = 0; i < e->u.seq.elts.len; i++)
			instrvec_push(L->arena, &items, lower_expr(L, e->u.seq.elts.items[i]));
		L->loc = e->range;
		if (e->kind == EXPR_LIST)
			r = build(L, OP_BUILD_LIST, type_container(L->types, TY_LIST, NULL,
			                                           elem_join(L, &items, 0, 1)), items);
		else if (e->kind == EXPR_SET)
			r = build(L, OP_BUILD_SET, type_container(L->types, TY_SET, NULL,
			                                          elem_join(L, &items, 0, 1)), items);
		else
			r = build(L, OP_BUILD_TUPLE, ty(L, TY_TUPLE), items);
		break;
	case EXPR_DICT:
		for (int i = 0; i < e->u.dict.keys.len; i++) {
			instrvec_push(L->arena, &items, lower_expr(L, e->u.dict.keys.items[i]));
			instrvec_push(L->arena, &items, lower_expr(L, e->u.dict.values.items[i]));
		}
		L->loc = e->range;
		r = build(L, OP_BUILD_DICT, type_container(L->types, TY_DICT, elem_join(L, &items, 0, 2),
		                                           elem_join(L, &items, 1, 2)), items);
		break;
	case EXPR_LISTCOMP: case EXPR_SETCOMP: case EXPR_DICTCOMP:
		r = lower_comprehension(L, e);
		break;
	case EXPR_GENEXP: r = lower_genexp(L, e); break;
	}
	L->loc = saved;
	return r;
}
