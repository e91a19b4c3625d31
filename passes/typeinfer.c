/* typeinfer.c: whole-program type inference, an optimistic fixed point.
 *
 * Every value starts at bottom (no value seen yet) and only rises: each
 * round visits every instruction of every function, lets its rule
 * (typeinfer_rules.c) add constraints and give its kind, then recomputes
 * every node's kind from its sources, until nothing changes. Kinds are
 * flat (bottom < int, str, list, ... < object), so it ends quickly; loop
 * phis, parameters, returns and module names read in functions converge
 * together. Contents (the items of a list, the values of a dict) are
 * nodes shared between aliases (typeinfer.h), so a store through any
 * alias widens what every alias's type says it holds.
 *
 * Then each value's Instr.type becomes its kind with its contents' kinds
 * (three levels deep). A value still at bottom never yields a value (dead
 * code, an unbound name): its type is left as lowering gave it. */
#include "passes/typeinfer.h"

#include <stdlib.h>

int ti_kjoin(int a, int b)
{
	if (a == TK_BOTTOM)
		return b;
	if (b == TK_BOTTOM || a == b)
		return a;
	return TY_OBJECT;
}

static int new_node(TI *T, bool top)
{
	if (T->nnodes == T->capnodes) {
		T->capnodes = T->capnodes ? 2 * T->capnodes : 256;
		T->nodes = xrealloc(T->nodes, (size_t)T->capnodes * sizeof *T->nodes);
	}
	TiNode *n = &T->nodes[T->nnodes];
	memset(n, 0, sizeof *n);
	n->parent = T->nnodes;
	n->child[0] = n->child[1] = -1;
	n->top = top;
	n->kind = top ? TY_OBJECT : TK_BOTTOM;
	n->extra = TK_BOTTOM;
	return T->nnodes++;
}

int ti_find(TI *T, int n)
{
	while (T->nodes[n].parent != n) {
		T->nodes[n].parent = T->nodes[T->nodes[n].parent].parent;
		n = T->nodes[n].parent;
	}
	return n;
}

int ti_node_of(TI *T, const Instr *v)
{
	return T->off[v->block->fn->index] + v->id - 1;
}

int ti_kind(TI *T, const Instr *v)
{
	return T->nodes[ti_find(T, ti_node_of(T, v))].kind;
}

int ti_ret_node(TI *T, const Function *f)
{
	return T->nvals + f->index;
}

int ti_child(TI *T, int n, int which)
{
	n = ti_find(T, n);
	if (T->nodes[n].child[which] < 0) {
		int c = new_node(T, T->nodes[n].top);  /* may move T->nodes */
		T->nodes[n].child[which] = c;
		T->changed = true;
	}
	return ti_find(T, T->nodes[n].child[which]);
}

int ti_elem(TI *T, const Instr *v)
{
	return ti_child(T, ti_node_of(T, v), TI_ELEM);
}

int ti_child_kind(TI *T, const Instr *v, int which)
{
	int c = T->nodes[ti_find(T, ti_node_of(T, v))].child[which];
	return c < 0 ? TK_BOTTOM : T->nodes[ti_find(T, c)].kind;
}

int ti_items_kind(TI *T, const Instr *v)
{
	switch (ti_kind(T, v)) {
	case TK_BOTTOM: return TK_BOTTOM;
	case TY_LIST: case TY_SET: case TY_TUPLE: case TY_ITER: case TK_VIEW:
		return ti_child_kind(T, v, TI_ELEM);
	case TY_DICT: return ti_child_kind(T, v, TI_KEY);
	case TY_STR: case TY_FILE: return TY_STR;
	case TY_RANGE: return TY_INT;
	default: return TY_OBJECT;
	}
}

void ti_set_top(TI *T, int n)
{
	n = ti_find(T, n);
	if (T->nodes[n].top)
		return;
	T->nodes[n].top = true;
	T->nodes[n].kind = TY_OBJECT;
	T->changed = true;
	for (int w = 0; w < 2; w++)
		if (T->nodes[n].child[w] >= 0)
			ti_set_top(T, T->nodes[n].child[w]);
}

void ti_escape(TI *T, int n)
{
	ti_set_top(T, ti_child(T, n, TI_ELEM));
	ti_set_top(T, ti_child(T, n, TI_KEY));
}

static void add_src(TI *T, int n, int src)
{
	n = ti_find(T, n);
	intvec_push(T->arena, &T->nodes[n].srcs, src);
	T->changed = true;
}

/* Makes a and b (contents nodes) one. */
static void unify(TI *T, int a, int b)
{
	a = ti_find(T, a);
	b = ti_find(T, b);
	if (a == b)
		return;
	TiNode *na = &T->nodes[a], *nb = &T->nodes[b];
	nb->parent = a;
	T->changed = true;
	for (int k = 0; k < nb->srcs.len; k++)
		intvec_push(T->arena, &na->srcs, nb->srcs.items[k]);
	na->extra = (signed char)ti_kjoin(na->extra, nb->extra);
	na->kind = (signed char)ti_kjoin(na->kind, nb->kind);
	bool top = nb->top && !na->top;
	int bc[2] = {nb->child[0], nb->child[1]};
	for (int w = 0; w < 2; w++) {
		if (bc[w] < 0)
			continue;
		if (T->nodes[a].child[w] < 0)
			T->nodes[a].child[w] = bc[w];
		else
			unify(T, T->nodes[a].child[w], bc[w]);
	}
	if (top)
		ti_set_top(T, a);
	else if (T->nodes[a].top)
		for (int w = 0; w < 2; w++)
			if (T->nodes[a].child[w] >= 0)
				ti_set_top(T, T->nodes[a].child[w]);
}

void ti_alias(TI *T, int a, int b)
{
	for (int w = 0; w < 2; w++) {
		int ca = ti_child(T, a, w), cb = ti_child(T, b, w);
		unify(T, ca, cb);
	}
}

void ti_flow(TI *T, int a, int b)
{
	add_src(T, a, b);
	ti_alias(T, a, b);
}

void ti_flow_items(TI *T, int a, const Instr *v)
{
	add_src(T, a, -(ti_node_of(T, v) + 1));
	ti_alias(T, a, ti_elem(T, v));
}

void ti_extra(TI *T, int n, int kind)
{
	n = ti_find(T, n);
	int k = ti_kjoin(T->nodes[n].extra, kind);
	if (k != T->nodes[n].extra) {
		T->nodes[n].extra = (signed char)k;
		T->changed = true;
	}
}

/* ---- module-level names and callees ---- */

const TiGlobal *ti_global(TI *T, const char *name)
{
	for (int k = 0; k < T->nglobals; k++)
		if (strcmp(T->globals[k].name, name) == 0)
			return &T->globals[k];
	return NULL;
}

/* The module-level def bound to name, when it is bound exactly once. */
static Function *global_def(TI *T, const char *name)
{
	const TiGlobal *g = ti_global(T, name);
	if (!g || g->stores.len != 1)
		return NULL;
	Instr *v = ir_resolve(T->val[g->stores.items[0]]);
	return v->op == OP_MAKE_FUNCTION ? v->imm.fn : NULL;
}

Function *ti_callee(TI *T, Instr *callee)
{
	callee = ir_resolve(callee);
	if (callee->op == OP_MAKE_FUNCTION)
		return callee->imm.fn;
	if (callee->op == OP_LOAD_GLOBAL)
		return global_def(T, callee->imm.name);
	return NULL;
}

static TiGlobal *global_add(TI *T, const char *name)
{
	TiGlobal *g = (TiGlobal *)ti_global(T, name);
	if (g)
		return g;
	T->globals = xrealloc(T->globals, (size_t)(T->nglobals + 1) * sizeof *T->globals);
	g = &T->globals[T->nglobals++];
	memset(g, 0, sizeof *g);
	g->name = name;
	g->callee_only = true;
	return g;
}

/* Calls every instruction of the module (phis first in each block). */
#define FOR_EACH_INSTR(T, in, ...)                                              \
	for (int fi_ = 0; fi_ < (T)->m->functions.len; fi_++) {                  \
		Function *f_ = (T)->m->functions.items[fi_];                     \
		for (int b_ = 0; b_ < f_->blocks.len; b_++) {                    \
			Block *bb_ = f_->blocks.items[b_];                       \
			for (int k_ = 0; k_ < bb_->phis.len + bb_->instrs.len; k_++) { \
				Instr *in = k_ < bb_->phis.len ? bb_->phis.items[k_] : \
				            bb_->instrs.items[k_ - bb_->phis.len];     \
				__VA_ARGS__                                      \
			}                                                        \
		}                                                                \
	}

/* Whether a use of a function value (or a global naming one) only calls
 * it: the callee of a call, not also one of its arguments. */
static bool only_called(Instr *user, int pos)
{
	if (user->op != OP_CALL || pos != 0)
		return false;
	for (int a = 1; a < user->args.len; a++)
		if (ir_resolve(user->args.items[a]) == ir_resolve(user->args.items[0]))
			return false;
	return true;
}

/* Which functions have every call site in sight: their value is only
 * ever called, or published once under a module name that functions only
 * call. Any other use (stored, passed, returned, in a phi, a cell, a name
 * bound twice) lets unknown code call them with anything. */
static void find_known_functions(TI *T)
{
	IRModule *m = T->m;
	Function *mod = m->functions.items[0];
	FOR_EACH_INSTR(T, in, {
		if (f_ == mod && in->op == OP_STORE_GLOBAL)
			intvec_push(T->arena, &global_add(T, in->imm.name)->stores,
			            ti_node_of(T, ir_resolve(in->args.items[0])));
		if (in->op == OP_MAKE_FUNCTION)
			T->fns[in->imm.fn->index].made = in;
	})
	for (int i = 1; i < m->functions.len; i++)
		T->fns[i].known = T->fns[i].made != NULL;
	FOR_EACH_INSTR(T, in, {
		for (int a = 0; a < in->args.len; a++) {
			Instr *v = ir_resolve(in->args.items[a]);
			bool called = only_called(in, a);
			if (v->op == OP_LOAD_GLOBAL && !called) {
				TiGlobal *g = (TiGlobal *)ti_global(T, v->imm.name);
				if (g)
					g->callee_only = false;
			}
			if (v->op != OP_MAKE_FUNCTION || called)
				continue;
			bool published = f_ == mod && in->op == OP_STORE_GLOBAL;
			if (!published)
				T->fns[v->imm.fn->index].known = false;
		}
	})
	/* A def published under a name: known only if that name is bound
	 * once and only ever called. */
	for (int g = 0; g < T->nglobals; g++) {
		const TiGlobal *gl = &T->globals[g];
		for (int s = 0; s < gl->stores.len; s++) {
			Instr *v = T->val[gl->stores.items[s]];
			if (v->op == OP_MAKE_FUNCTION && (gl->stores.len != 1 || !gl->callee_only))
				T->fns[v->imm.fn->index].known = false;
		}
	}
}

/* Parameters by index; those of functions not known, and the free
 * variables (cells), may be anything; so may what those return. */
static void setup_functions(TI *T)
{
	for (int i = 0; i < T->m->functions.len; i++) {
		Function *f = T->m->functions.items[i];
		TiFunc *tf = &T->fns[i];
		Block *entry = f->blocks.items[0];
		tf->params = arena_alloc(T->arena, (size_t)(entry->instrs.len + 1) * sizeof *tf->params);
		for (int k = 0; k < entry->instrs.len; k++) {
			Instr *p = entry->instrs.items[k];
			if (p->op != OP_PARAM)
				continue;
			tf->params[tf->nparam_instrs++] = p;
			if (!tf->known || p->imm.index >= f->nparams)
				ti_set_top(T, ti_node_of(T, p));
		}
		if (!tf->known && !f->is_module)
			ti_escape(T, ti_ret_node(T, f));
	}
}

/* ---- the fixed point ---- */

static int src_kind(TI *T, int s)
{
	if (s >= 0)
		return T->nodes[ti_find(T, s)].kind;
	return ti_items_kind(T, T->val[-s - 1]);
}

/* Recomputes the kind of every root from its sources. */
static void propagate(TI *T)
{
	for (int n = 0; n < T->nnodes; n++) {
		if (T->nodes[n].parent != n || T->nodes[n].top)
			continue;
		int k = ti_kjoin(T->nodes[n].kind, T->nodes[n].extra);
		if (n < T->nvals)
			k = ti_kjoin(k, T->own[n]);
		for (int s = 0; s < T->nodes[n].srcs.len && k != TY_OBJECT; s++)
			k = ti_kjoin(k, src_kind(T, T->nodes[n].srcs.items[s]));
		if (k != T->nodes[n].kind) {
			T->nodes[n].kind = (signed char)k;
			T->changed = true;
		}
	}
}

static void visit_all(TI *T)
{
	int visit = 0;
	FOR_EACH_INSTR(T, in, {
		if (visit == T->capfired) {
			T->capfired = T->capfired ? 2 * T->capfired : 1024;
			T->fired = xrealloc(T->fired, (size_t)T->capfired);
			memset(T->fired + visit, 0, (size_t)(T->capfired - visit));
		}
		int k = ti_rule(T, in, &T->fired[visit++]);
		if (ir_has_value(in->op)) {
			int n = ti_node_of(T, in);
			k = ti_kjoin(T->own[n], k);
			if (k != T->own[n]) {
				T->own[n] = (signed char)k;
				T->changed = true;
			}
		}
	})
}

/* ---- the types written back ---- */

static const Type *node_type(TI *T, int n, int depth);

static const Type *child_type(TI *T, int n, int which, int depth)
{
	int c = T->nodes[ti_find(T, n)].child[which];
	if (c < 0 || depth >= 3)
		return NULL;
	const Type *t = node_type(T, c, depth + 1);
	return t && t->kind != TY_OBJECT ? t : NULL;
}

static const Type *node_type(TI *T, int n, int depth)
{
	TypeTable *tt = &T->m->types;
	n = ti_find(T, n);
	int k = T->nodes[n].kind;
	switch (k) {
	case TK_BOTTOM: return NULL;
	case TK_VIEW: return tt->basic[TY_OBJECT];
	case TY_LIST: case TY_SET: case TY_TUPLE: case TY_ITER:
		return type_container(tt, (TypeKind)k, NULL, child_type(T, n, TI_ELEM, depth));
	case TY_DICT:
		return type_container(tt, TY_DICT, child_type(T, n, TI_KEY, depth),
		                      child_type(T, n, TI_ELEM, depth));
	default: return tt->basic[k];
	}
}

static bool write_back(TI *T)
{
	bool changed = false;
	FOR_EACH_INSTR(T, in, {
		if (!ir_has_value(in->op))
			continue;
		const Type *t = node_type(T, ti_node_of(T, in), 0);
		if (t && t != in->type) {
			in->type = t;
			changed = true;
		}
	})
	return changed;
}

bool typeinfer_run(IRModule *m)
{
	if (!m->functions.len)
		return false;
	for (int i = 0; i < m->functions.len; i++)
		if (m->functions.items[i]->out_of_ssa)
			return false; /* phis are gone: nothing to join over */
	TI T = {.m = m, .arena = m->arena};
	T.off = xcalloc((size_t)m->functions.len, sizeof *T.off);
	for (int i = 0; i < m->functions.len; i++) {
		T.off[i] = T.nvals;
		T.nvals += m->functions.items[i]->nvalues;
	}
	T.val = xcalloc((size_t)T.nvals + 1, sizeof *T.val);
	T.own = xmalloc((size_t)T.nvals + 1);
	memset(T.own, TK_BOTTOM, (size_t)T.nvals + 1);
	for (int i = 0; i < T.nvals + m->functions.len; i++)
		new_node(&T, false);
	FOR_EACH_INSTR(&T, in, {
		if (ir_has_value(in->op))
			T.val[ti_node_of(&T, in)] = in;
	})
	T.fns = xcalloc((size_t)m->functions.len, sizeof *T.fns);
	find_known_functions(&T);
	setup_functions(&T);
	do {
		T.changed = false;
		visit_all(&T);
		propagate(&T);
	} while (T.changed);
	bool changed = write_back(&T);
	free(T.off);
	free(T.val);
	free(T.own);
	free(T.nodes);
	free(T.fns);
	free(T.globals);
	free(T.fired);
	return changed;
}
